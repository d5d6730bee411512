/* cmd_eval.c — placeholder until the command lands (owned by its issue). */
#include "cli/cli.h"

#include <stdio.h>

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "mizan: 'eval' is not built yet\n");
    return EXIT_FAIL;
}
