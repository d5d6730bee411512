/* cmd_store.c — helpers shared by the store commands (see cmd_store.h). */
#include "cli/cmd_store.h"
#include "cli/cli.h"

#include <errno.h>
#include <stdlib.h>

mz_status cli_open_existing(const char *db_flag, mz_db **db, mz_error *err)
{
    mz_status s = mz_db_open(cli_db_path(db_flag), MZ_OPEN_NOCREATE, db, err);
    if (s == MZ_ERR_NOT_FOUND)
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
