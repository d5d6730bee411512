/* cmd_stats.c — placeholder until the command lands (owned by its issue). */
#include "cli/cli.h"

#include <stdio.h>

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "mizan: 'stats' is not built yet\n");
    return EXIT_FAIL;
}
