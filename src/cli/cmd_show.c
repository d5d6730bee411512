/* cmd_show.c — `mizan show [--db PATH] [--json] ID`: one stored article. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int cmd_show(int argc, char **argv)
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
            printf("usage: mizan show [--db PATH] [--json] ID\n");
            return EXIT_OK_;
        case ':': return cli_usage_error("show", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage_error("show", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("show", "give exactly one article id");
    char *end;
    errno = 0;
    long long id = strtoll(argv[optind], &end, 10);
    if (errno || end == argv[optind] || *end || id < 1)
        return cli_usage_error("show", "article id must be a positive number, not '%s'", argv[optind]);
    mz_error err = {0};
    mz_db *db;
    if (cli_open_existing(db_flag, &db, &err) != MZ_OK)
        return cli_fail("show", &err);
    mz_article a;
    mz_status s = mz_article_get(db, id, &a, &err);
    mz_db_close(db);
    if (s != MZ_OK)
        return cli_fail("show", &err);
    if (json) {
        char *out = mz_json_print(mz_json_article(&a, 1), 1);
        if (out)
            puts(out);
        free(out);
    } else {
        printf("#%lld  %s\n", (long long)a.id, a.title);
        if (a.source)
            printf("source:    %s\n", a.source);
        if (a.url)
            printf("url:       %s\n", a.url);
        if (a.published)
            printf("published: %s\n", a.published);
        if (a.origin)
            printf("origin:    %s\n", a.origin);
        printf("\n%s\n", a.body);
    }
    mz_article_clear(&a);
    return EXIT_OK_;
}
