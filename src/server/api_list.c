/* api_list.c — GET /api/articles?offset=&limit=&source=: the stored
 * articles a page at a time, newest first, without their bodies; the same
 * JSON as `mizan list --json` (mz_articles_list). */
#include "server/http.h"

#include "check/check.h"
#include "json/json.h"
#include "store/store.h"
#include "util/util.h"

#include <stdlib.h>

void api_articles_list(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    long long offset = 0, limit = MZ_LIST_DEFAULT;
    if (!srv_query_int(rq, "offset", 0, MZ_LIST_MAX_OFFSET, &offset, rs) ||
        !srv_query_int(rq, "limit", 1, MZ_LIST_MAX, &limit, rs))
        return;
    bool bad = false;
    const char *source = srv_query_arg(rq, "source", rs, &bad);
    if (bad)
        return;
    if (source && *source && !srv_check_text(source, "source", SRV_MAX_FIELD_CHARS, rs))
        return;
    mz_article_list l = {0};
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_article_versions *ver = NULL;
    mz_places *pl = NULL;
    mz_status s = mz_articles_list(db, (size_t)offset, (size_t)limit, source, &l, &err);
    if (s == MZ_OK && l.n &&
        (!(ver = calloc(l.n, sizeof *ver)) || !(pl = calloc(l.n, sizeof *pl))))
        s = mz_fail(&err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && l.n) /* each row's versions and places, as `mizan list --json` */
        s = mz_articles_versions(db, l.v, l.n, ver, &err);
    if (s == MZ_OK && l.n)
        s = mz_articles_places(db, l.v, l.n, pl, &err);
    srv_dbpool_release(ctx->pool, db);
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_article_list(&l, (size_t)offset, ver, pl, source));
    else
        srv_fail(rs, &err, "source");
    mz_article_versions_free(ver, l.n);
    mz_places_free(pl, l.n);
    mz_article_list_clear(&l);
}
