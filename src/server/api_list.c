/* api_list.c — GET /api/articles?offset=&limit=&source=: the stored
 * articles a page at a time, newest first, without their bodies; the same
 * JSON as `mizan list --json` (mz_articles_list). */
#include "server/http.h"

#include "json/json.h"

/* An optional whole-number parameter in [lo, hi] into *out (its default
 * kept when absent or empty); false after a 400 naming it. */
static bool int_arg(const srv_request *rq, const char *key, long long lo, long long hi,
                    long long *out, srv_response *rs)
{
    bool bad = false;
    const char *v = srv_query_arg(rq, key, rs, &bad);
    if (bad)
        return false;
    if (v && *v && !srv_parse_int(v, lo, hi, out)) {
        srv_error(rs, 400, key, "parameter '%s' must be an integer between %lld and %lld", key,
                  lo, hi);
        return false;
    }
    return true;
}

void api_articles_list(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    long long offset = 0, limit = SRV_LIST_DEFAULT;
    if (!int_arg(rq, "offset", 0, SRV_LIST_MAX_OFFSET, &offset, rs) ||
        !int_arg(rq, "limit", 1, MZ_LIST_MAX, &limit, rs))
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
    mz_status s = mz_articles_list(db, (size_t)offset, (size_t)limit, source, &l, &err);
    srv_dbpool_release(ctx->pool, db);
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_article_list(&l, (size_t)offset));
    else
        srv_fail(rs, &err, "source");
    mz_article_list_clear(&l);
}
