/* cmd_eval_claims.c — placeholder until the command lands (owned by its issue). */
#include "cli/cli.h"

#include <stdio.h>

int cmd_eval_claims(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "mizan: 'eval_claims' is not built yet\n");
    return EXIT_FAIL;
}
