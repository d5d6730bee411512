/* cmd_show.c — `mizan show [--db PATH] [--json] ID`: one stored article. */
#include "cli/cli.h"
#include "check/check.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char help[] =
    "usage: mizan show [--db PATH] [--json] ID\n"
    "Prints one stored article: title, source, author, url, published, origin,\n"
    "body (a field not known is left out); a later version of it stored at\n"
    "its URL (a near copy: a corrected re-scrape): 'superseded by #ID', and on\n"
    "the later one 'corrects #ID'; each other place an exact copy of it was\n"
    "ingested from (another URL or site): 'also at: URL (SOURCE, DATE)'.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --json      {\"id\",\"title\",\"source\",\"url\",\"published\",\"origin\",\"author\",\n"
    "              \"body\",\"superseded_by\",\"corrects\",\"places\",\n"
    "              \"schema\"}: piped into `mizan ingest -`, the same article\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok, 2 usage, 4 database missing or unreadable, 5 no such id.\n";

int cmd_show(int argc, char **argv)
{
    const char *db_flag = NULL;
    int json = 0;
    int rc = cli_reader_flags(argc, argv, "show", help, &db_flag, &json, NULL);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return cli_usage_error("show", "give exactly one article id");
    int64_t id;
    if (!cli_parse_id(argv[optind], &id))
        return cli_usage_error("show", "article id must be a positive number, not '%s'", argv[optind]);
    mz_error err = {0};
    mz_db *db;
    if (cli_open_reader("show", db_flag, &db, &err) != MZ_OK)
        return cli_fail("show", &err);
    mz_article a;
    mz_article_versions ver = {0};
    mz_places places = {0};
    mz_status s = mz_article_get(db, id, &a, &err);
    if (s == MZ_OK && (s = mz_articles_versions(db, &a, 1, &ver, &err)) != MZ_OK)
        mz_article_clear(&a);
    if (s == MZ_OK && (s = mz_article_places(db, id, &places, &err)) != MZ_OK) {
        mz_article_clear(&a);
        mz_article_versions_clear(&ver);
    }
    mz_db_close(db);
    if (s != MZ_OK)
        return cli_fail("show", &err);
    if (json) {
        /* marked as the store's own text, as export's lines are: piped back
         * into ingest it is stored as it is, so a second cleaning pass (not
         * a no-op) cannot make it a different article */
        cJSON *j = mz_json_article(&a, 1);
        if (j && (!mz_json_add_versions(j, &ver) || !mz_json_add_places(j, &places) ||
                  !cJSON_AddStringToObject(j, "schema", MZ_ARTICLE_SCHEMA))) {
            cJSON_Delete(j);
            j = NULL;
        }
        int rc = cli_print_json("show", j, 1);
        if (rc != EXIT_OK_) {
            mz_article_clear(&a);
            mz_article_versions_clear(&ver);
            mz_places_clear(&places);
            return rc;
        }
    } else {
        printf("#%lld  %s\n", (long long)a.id, a.title);
        if (a.source)
            printf("source:    %s\n", a.source);
        if (a.author)
            printf("author:    %s\n", a.author);
        if (a.url)
            printf("url:       %s\n", a.url);
        if (a.published)
            printf("published: %s\n", a.published);
        if (a.origin)
            printf("origin:    %s\n", a.origin);
        /* versions of it stored store-wide (same URL, near-copy text:
         * versions_store.c), as `check` marks them among its candidates */
        if (ver.superseded_by)
            printf("superseded by #%lld (a later version at this URL)\n",
                   (long long)ver.superseded_by);
        for (size_t i = 0; i < ver.n_corrects; i++)
            printf("%s#%lld", i ? ", " : "corrects ", (long long)ver.corrects[i]);
        if (ver.n_corrects)
            printf(" (%s at this URL)\n", ver.n_corrects > 1 ? "earlier versions" : "an earlier version");
        /* exact copies ingested from other places (places.c) */
        for (size_t i = 0; i < places.n; i++) {
            const mz_place *p = &places.v[i];
            printf("also at:   %s", p->url ? p->url : p->source);
            if (p->url && p->source)
                printf(" (%s%s%s)", p->source, p->published ? ", " : "",
                       p->published ? p->published : "");
            else if (p->published)
                printf(" (%s)", p->published);
            printf(": an exact copy\n");
        }
        printf("\n%s\n", a.body);
    }
    mz_article_clear(&a);
    mz_article_versions_clear(&ver);
    mz_places_clear(&places);
    return EXIT_OK_;
}
