/* cmd_delete.c — `mizan delete [--db PATH] [--json] ID...`: removes stored
 * articles (a file ingested by mistake, a copy to take back), all or none. */
#include "cli/cli.h"
#include "cli/cmd_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char help[] =
    "usage: mizan delete [--db PATH] [--json] ID...\n"
    "Removes the articles with these ids, and their index entries, in one\n"
    "transaction: if one id is not stored, nothing is removed.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --json      {\"deleted\": [ids]}\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok, 2 usage, 4 database missing, locked, read-only or\n"
    "corrupt, 5 no such id (nothing removed).\n"
    "Another writer (an ingest) is waited for up to 60 s ($MIZAN_BUSY_TIMEOUT\n"
    "seconds).\n";

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int cmd_delete(int argc, char **argv)
{
    const char *db_flag = NULL;
    int json = 0;
    int rc = cli_reader_flags(argc, argv, "delete", help, &db_flag, &json, NULL);
    if (rc >= 0)
        return rc;
    if (optind == argc)
        return cli_usage_error("delete", "give the ids of the articles to remove");
    size_t n = (size_t)(argc - optind);
    int64_t *ids = malloc(n * sizeof *ids);
    if (!ids) {
        cli_error("delete", "out of memory");
        return EXIT_FAIL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *arg = argv[optind + (int)i];
        if (!cli_parse_id(arg, &ids[i])) {
            free(ids);
            return cli_usage_error("delete", "article id must be a positive number, not '%s'", arg);
        }
    }
    qsort(ids, n, sizeof *ids, by_value); /* one id given twice is removed once */
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || ids[i] != ids[u - 1])
            ids[u++] = ids[i];
    mz_error err = {0};
    mz_db *db;
    mz_status s = cli_open_existing("delete", db_flag, &db, &err);
    if (s == MZ_OK) {
        s = mz_articles_delete(db, ids, u, &err);
        mz_db_close(db);
    }
    if (s != MZ_OK) {
        free(ids);
        return cli_fail("delete", &err);
    }
    if (json) {
        printf("{\"deleted\": [");
        for (size_t i = 0; i < u; i++)
            printf("%s%lld", i ? ", " : "", (long long)ids[i]);
        printf("]}\n");
    } else {
        printf("removed %zu article%s\n", u, u == 1 ? "" : "s");
    }
    free(ids);
    return EXIT_OK_;
}
