/* cmd_search.c — placeholder until the command lands (owned by its issue). */
#include "cli/cli.h"

#include <stdio.h>

int cmd_search(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "mizan: 'search' is not built yet\n");
    return EXIT_FAIL;
}
