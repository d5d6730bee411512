/* print_json.c — a command's JSON output on stdout, or "out of memory".
 * Each command printed what mz_json_print gave and, given NULL (a builder
 * or cJSON's printer out of memory), printed nothing: `show --json` and
 * `eval-claims --json` then exited 0, `stance --json` 1 without a word. */
#include "cli/cli.h"
#include "json/json.h"

#include <stdio.h>
#include <stdlib.h>

int cli_print_json(const char *cmd, cJSON *j, int pretty)
{
    char *s = mz_json_print(j, pretty);
    if (!s) {
        cli_error(cmd, "out of memory");
        return EXIT_FAIL;
    }
    puts(s);
    free(s);
    return EXIT_OK_;
}
