/* cmd_stats.c — `mizan stats [--db PATH] [--json]`: what the store holds. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},     {NULL, 0, NULL, 0}};
    const char *db_flag = NULL;
    int json = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_flag = optarg; break;
        case 'j': json = 1; break;
        case 'h':
            printf("usage: mizan stats [--db PATH] [--json]\n");
            return EXIT_OK_;
        case ':': return cli_usage_error("stats", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage_error("stats", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc)
        return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
    mz_error err = {0};
    mz_db *db;
    if (cli_open_existing(db_flag, &db, &err) != MZ_OK)
        return cli_fail("stats", &err);
    mz_stats st;
    mz_status s = mz_db_stats(db, &st, &err);
    mz_db_close(db);
    if (s != MZ_OK)
        return cli_fail("stats", &err);
    const char *path = cli_db_path(db_flag);
    if (json) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "db", path);
        cJSON_AddNumberToObject(j, "articles", (double)st.articles);
        cJSON_AddNumberToObject(j, "sources", (double)st.sources);
        cJSON_AddNumberToObject(j, "bytes", (double)st.bytes);
        cJSON_AddNumberToObject(j, "schema_version", st.schema_version);
        char *out = mz_json_print(j, 1);
        if (out)
            puts(out);
        free(out);
    } else {
        printf("database:       %s\narticles:       %lld\nsources:        %lld\n"
               "text bytes:     %lld\nschema version: %d\n",
               path, (long long)st.articles, (long long)st.sources, (long long)st.bytes,
               st.schema_version);
    }
    return EXIT_OK_;
}
