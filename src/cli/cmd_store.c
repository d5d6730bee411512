/* cmd_store.c — helpers shared by the store commands (see cmd_store.h). */
#include "cli/cmd_store.h"
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

mz_status cli_open_existing(const char *db_flag, mz_db **db, mz_error *err)
{
    mz_status s = mz_db_open(cli_db_path(db_flag), MZ_OPEN_NOCREATE, db, err);
    if (s != MZ_OK)
        cli_advise_db(cli_db_path(db_flag), err);
    if (s == MZ_ERR_NOT_FOUND)
        err->code = s = MZ_ERR_DB;
    return s;
}

mz_status cli_open_reader(const char *db_flag, mz_db **db, mz_error *err)
{
    mz_status s = mz_db_open(cli_db_path(db_flag), MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, db, err);
    if (s != MZ_OK)
        cli_advise_db(cli_db_path(db_flag), err);
    if (s == MZ_ERR_NOT_FOUND) /* a missing database is exit 4, as for every command */
        err->code = s = MZ_ERR_DB;
    return s;
}

int cli_parse_k(const char *s, size_t *k)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 10000)
        return -1;
    *k = (size_t)v;
    return 0;
}

int cli_reader_flags(int argc, char **argv, const char *cmd, const char *help,
                     const char **db_flag, int *json, size_t *k)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},     {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, k ? ":k:h" : ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': *db_flag = optarg; break;
        case 'j': *json = 1; break;
        case 'k':
            if (cli_parse_k(optarg, k) != 0)
                return cli_usage_error(cmd, "-k needs a number from 1 to 10000, not '%s'", optarg);
            break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error(cmd, c, argv);
        }
    }
    return -1;
}
