/* cmd_export.c — `mizan export [--db PATH]`: every stored article as one
 * JSON line, in id order, in the format `mizan ingest` reads ("text" is the
 * stored body). A backup, or the way to another store: ingesting the export
 * elsewhere gives the same articles, and into a store that has them, only
 * duplicates. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "store/store.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help[] =
    "usage: mizan export [--db PATH] > articles.jsonl\n"
    "Writes every stored article as one JSON line, in id order:\n"
    "{\"schema\":\"mizan.article/1\",\"id\",\"title\",\"source\",\"url\",\"published\",\n"
    "\"origin\",\"author\",\"text\"} (absent fields are null). `mizan ingest` reads it back, the\n"
    "text byte for byte; into a store that already holds the articles, they are\n"
    "skipped as duplicates. Each other place an exact copy of an article was\n"
    "ingested from follows it as a line of that text with the place's url,\n"
    "source and published, \"id\" null and \"copy_of\" the article's id: ingested\n"
    "after it, a duplicate whose place is recorded.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --json      accepted, changes nothing: the output is JSON already\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok, 1 write failure, 2 usage, 4 database missing or unreadable.\n";

/* One article as a JSON line on stdout: `show --json`'s object with the
 * body under "text", the key ingest reads, after "schema" (first), which
 * tells ingest that the text is a stored body, to keep as it is. False when
 * out of memory. */
static bool write_line(const mz_article *a, int64_t copy_of)
{
    cJSON *o = mz_json_article(a, 1);
    /* a place's line (below): no id of its own, the article it copies */
    if (o && copy_of && (!cJSON_ReplaceItemInObjectCaseSensitive(o, "id", cJSON_CreateNull()) ||
                         !cJSON_AddNumberToObject(o, "copy_of", (double)copy_of))) {
        cJSON_Delete(o);
        return false;
    }
    cJSON *body = o ? cJSON_DetachItemFromObjectCaseSensitive(o, "body") : NULL;
    cJSON *schema = body ? cJSON_AddStringToObject(o, "schema", MZ_ARTICLE_SCHEMA) : NULL;
    if (!schema) {
        cJSON_Delete(body);
        cJSON_Delete(o);
        return false;
    }
    cJSON_InsertItemInArray(o, 0, cJSON_DetachItemViaPointer(o, schema));
    if (!mz_json_add(o, "text", body)) { /* a line without its text is no article */
        cJSON_Delete(o);
        return false;
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return false;
    fputs(s, stdout);
    fputc('\n', stdout);
    free(s);
    return true;
}

int cmd_export(int argc, char **argv)
{
    const char *db_flag = NULL;
    int json = 0; /* accepted like the other readers: the output is JSON lines anyway */
    int rc = cli_reader_flags(argc, argv, "export", help, &db_flag, &json, NULL);
    if (rc >= 0)
        return rc;
    if (optind != argc)
        return cli_usage_error("export", "unexpected argument '%s'", argv[optind]);
    mz_error err = {0};
    mz_db *db;
    if (cli_open_reader("export", db_flag, &db, &err) != MZ_OK)
        return cli_fail("export", &err);
    int64_t *ids = NULL;
    size_t n = 0;
    mz_status s = mz_store_ids(db, &ids, &n, &err);
    for (size_t i = 0; s == MZ_OK && i < n; i++) {
        mz_article a;
        s = mz_article_get(db, ids[i], &a, &err);
        if (s == MZ_ERR_NOT_FOUND) { /* removed meanwhile */
            s = MZ_OK;
            continue;
        }
        if (s != MZ_OK)
            break;
        bool written = write_line(&a, 0);
        /* Each other place an exact copy came from (places.c), as a line of
         * its own: the same text at that URL, source and date. Ingested
         * after the article's line it is a duplicate at a new place, so an
         * export/ingest cycle keeps the places and adds no article. */
        mz_places places = {0};
        s = written ? mz_article_places(db, ids[i], &places, &err) : MZ_OK;
        for (size_t k = 0; s == MZ_OK && written && k < places.n; k++) {
            mz_article copy = a;
            copy.url = places.v[k].url;
            copy.source = places.v[k].source;
            copy.published = places.v[k].published;
            copy.origin = copy.author = NULL;
            written = write_line(&copy, a.id);
        }
        mz_places_clear(&places);
        mz_article_clear(&a);
        if (s != MZ_OK)
            break;
        if (!written)
            s = mz_fail(&err, MZ_ERR_NOMEM, "out of memory");
        else if (ferror(stdout))
            break; /* reported below */
    }
    free(ids);
    mz_db_close(db);
    if (s != MZ_OK)
        return cli_fail("export", &err);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("export", "writing the output: %s", strerror(errno));
        return EXIT_FAIL;
    }
    return EXIT_OK_;
}
