/* cmd_stats.c — `mizan stats [--db PATH] [--json]`: what the store holds. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char help[] =
    "usage: mizan stats [--db PATH] [--json]\n"
    "Prints what the store holds: articles, distinct sites of the articles (as\n"
    "list --source and check tell them apart), the other places exact copies of\n"
    "them were ingested from (how many, of how many articles, and the sites\n"
    "known only from them), text bytes, schema version.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --json      {\"db\",\"articles\",\"sources\",\"places\",\"articles_with_places\",\n"
    "              \"place_only_sites\",\"bytes\",\"schema_version\"}\n"
    "              (sources: the distinct sites of the articles)\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok, 2 usage, 4 database missing or unreadable.\n";

int cmd_stats(int argc, char **argv)
{
    const char *db_flag = NULL;
    int json = 0;
    int rc = cli_reader_flags(argc, argv, "stats", help, &db_flag, &json, NULL);
    if (rc >= 0)
        return rc;
    if (optind != argc)
        return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
    mz_error err = {0};
    mz_db *db;
    if (cli_open_reader("stats", db_flag, &db, &err) != MZ_OK)
        return cli_fail("stats", &err);
    mz_stats st;
    mz_place_counts pc;
    mz_status s = mz_db_stats(db, &st, &err);
    if (s == MZ_OK)
        s = mz_places_stats(db, &pc, &err);
    mz_db_close(db);
    if (s != MZ_OK)
        return cli_fail("stats", &err);
    const char *path = cli_db_path(db_flag);
    if (json) {
        /* every key or none: an add that fails leaves its key out */
        cJSON *j = cJSON_CreateObject();
        bool ok = j && cJSON_AddStringToObject(j, "db", path) &&
                  cJSON_AddNumberToObject(j, "articles", (double)st.articles) &&
                  cJSON_AddNumberToObject(j, "sources", (double)st.sources) &&
                  cJSON_AddNumberToObject(j, "places", (double)pc.places) &&
                  cJSON_AddNumberToObject(j, "articles_with_places", (double)pc.articles) &&
                  cJSON_AddNumberToObject(j, "place_only_sites", (double)pc.only_sites) &&
                  cJSON_AddNumberToObject(j, "bytes", (double)st.bytes) &&
                  cJSON_AddNumberToObject(j, "schema_version", st.schema_version);
        return cli_print_json("stats", mz_json_whole(j, ok), 1); /* NULL: "out of memory" */
    } else {
        printf("database:       %s\narticles:       %lld\nsites:          %lld\n", path,
               (long long)st.articles, (long long)st.sources);
        /* the copies' places: a site known only from them is not among the
         * sites above (README, stats) but said here */
        printf("other places:   %lld", (long long)pc.places);
        if (pc.places)
            printf(" (exact copies of %lld article%s; %lld site%s known only from them)",
                   (long long)pc.articles, pc.articles == 1 ? "" : "s",
                   (long long)pc.only_sites, pc.only_sites == 1 ? "" : "s");
        printf("\ntext bytes:     %lld\nschema version: %d\n", (long long)st.bytes,
               st.schema_version);
    }
    return EXIT_OK_;
}
