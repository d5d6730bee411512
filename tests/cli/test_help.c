/* test_help.c — every command's --help against the flags its code accepts.
 * The README says each command's --help lists its flags and exit codes; six
 * of the twelve then printed a bare usage line (check's left out --db, serve's
 * every default, train's the "style" group), and `serve -h` was an unknown
 * option. The long options are read from the option tables in src/cli/, so a
 * flag added there without a line in --help (or in the README) fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"
#include "../shell_output.h"

static const char *bin;

static const struct {
    const char *cmd, *src, *shorts; /* shorts: the one-letter flags besides -h */
} commands[] = {
    {"ingest", "src/cli/cmd_ingest.c", "q"},
    {"search", "src/cli/cmd_search.c", "k"}, /* its own table: --offset */
    {"show", "src/cli/cmd_store.c", ""}, /* the readers share cli_reader_flags */
    {"list", "src/cli/cmd_list.c", "n"},
    {"stats", "src/cli/cmd_store.c", ""},
    {"export", "src/cli/cmd_store.c", ""},
    {"delete", "src/cli/cmd_store.c", ""},
    {"stance", "src/cli/cmd_stance.c", ""},
    {"train", "src/cli/cmd_train.c", ""},
    {"eval", "src/cli/cmd_eval.c", ""},
    {"check", "src/cli/cmd_check.c", "k"},
    {"eval-claims", "src/cli/cmd_eval_claims.c", "k"},
    {"serve", "src/cli/cmd_serve.c", ""},
};

static char *slurp(const char *path)
{
    char *text = NULL;
    size_t len;
    mz_error err;
    return mz_read_file(path, 1u << 24, &text, &len, &err) == MZ_OK ? text : NULL;
}

/* flag ("--db", "-k") appears in text as a whole flag: not "--db" inside
 * "--dbx" nor "-k" inside "--kind". */
static int names(const char *text, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = strstr(text, flag); p; p = strstr(p + 1, flag)) {
        bool start = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '-');
        bool end = !(isalnum((unsigned char)p[n]) || p[n] == '-');
        if (start && end)
            return 1;
    }
    return 0;
}

static int setup(void **state)
{
    (void)state;
    bin = getenv("MIZAN_BIN");
    if (!bin)
        bin = "build/mizan";
    return 0;
}

static void test_help_lists_flags_and_exit_codes(void **state)
{
    (void)state;
    char *readme = slurp("README.md");
    if (!readme)
        skip(); /* run from the source tree: make test */
    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        char cmd[512], *help, *short_help;
        snprintf(cmd, sizeof cmd, "%s %s --help 2>&1", bin, commands[c].cmd);
        assert_int_equal(shell_output(cmd, &help), 0);
        snprintf(cmd, sizeof cmd, "%s %s -h 2>&1", bin, commands[c].cmd);
        if (shell_output(cmd, &short_help) != 0 || strcmp(help, short_help))
            fail_msg("'mizan %s -h' is not its --help", commands[c].cmd);
        if (!strstr(help, "Exit codes:"))
            fail_msg("'mizan %s --help' does not give its exit codes", commands[c].cmd);
        char *src = slurp(commands[c].src);
        assert_non_null(src);
        size_t n_flags = 0;
        for (const char *p = strstr(src, "{\""); p; p = strstr(p + 1, "{\"")) {
            const char *q = strchr(p + 2, '"');
            if (!q || (strncmp(q, "\", required_argument", 20) && strncmp(q, "\", no_argument", 14)))
                continue; /* not an option table entry */
            char flag[64];
            snprintf(flag, sizeof flag, "--%.*s", (int)(q - p - 2), p + 2);
            n_flags++;
            if (!names(help, flag))
                fail_msg("'mizan %s --help' does not name %s", commands[c].cmd, flag);
            if (!names(readme, flag))
                fail_msg("README.md does not name %s (mizan %s)", flag, commands[c].cmd);
        }
        assert_true(n_flags >= 2); /* found the table: at least --db/--data and --help */
        for (const char *s = commands[c].shorts; *s; s++) {
            char flag[3] = {'-', *s, 0};
            if (!names(help, flag))
                fail_msg("'mizan %s --help' does not name %s", commands[c].cmd, flag);
        }
        free(src);
        free(help);
        free(short_help);
    }
    free(readme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_lists_flags_and_exit_codes),
    };
    return cmocka_run_group_tests_name("command help", tests, setup, NULL);
}
