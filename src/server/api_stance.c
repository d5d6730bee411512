/* api_stance.c — POST /api/stance {"claim", "article" | "id", "title"?}: the
 * stance of one article toward a claim, pasted (evidence offsets into
 * "article") or stored (offsets into its stored body), as `mizan stance
 * --article` / `--id` give it. Either way the article is read as the claim
 * check reads a stored one (mz_stance_predict_titled, the title ingest
 * would give it), so the two agree on one article. */
#include "server/http.h"

#include "json/json.h"
#include "stance/stance.h"
#include "store/db.h" /* mz_article_title */

#include <stdlib.h>
#include <string.h>

void api_stance(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    cJSON *in = srv_parse_body(rq, rs);
    if (!in)
        return;
    const char *claim = NULL, *article = NULL, *title = NULL;
    long long id = 0;
    char *text = NULL, *own_title = NULL;
    bool ok = false;
    /* "article", when given, is checked as before (a string, not blank) */
    bool pasted = cJSON_IsObject(in) && cJSON_GetObjectItemCaseSensitive(in, "article");
    if (!cJSON_IsObject(in)) {
        srv_error(rs, 400, NULL,
                  "request body must be a JSON object {\"claim\": ..., \"article\": ...}");
    } else if (srv_body_known(in, (const char *const[]){"claim", "article", "id", "title", NULL},
                              rs) &&
               srv_get_string(in, "claim", "claim", true, MZ_CLAIM_MAX_CHARS, &claim, rs) &&
               srv_get_string(in, "article", "article", pasted, 0, &article, rs) &&
               srv_get_int(in, "id", "id", 1, INT64_MAX, &id, rs) &&
               srv_get_string(in, "title", "title", false, SRV_MAX_FIELD_CHARS, &title, rs)) {
        if (title && !*title)
            title = NULL; /* "" means absent, as in POST /api/articles */
        if (article && id) {
            srv_error(rs, 400, "id", "give the article as \"article\" (its text) or \"id\" (a "
                                     "stored one), not both");
        } else if (!article && !id) {
            srv_error(rs, 400, "article", "missing field 'article' (or 'id', a stored article)");
        } else if (id) {
            mz_article a;
            ok = srv_article_get(ctx, id, &a, rs);
            text = a.body; /* evidence offsets are into the stored body */
            own_title = a.title;
            a.body = a.title = NULL;
            mz_article_clear(&a);
            if (ok && title) { /* a title given is the one read, as with --id --title */
                free(own_title);
                own_title = strdup(title);
                ok = own_title != NULL;
                if (!ok)
                    srv_error(rs, 500, NULL, "out of memory");
            }
        } else {
            text = strdup(article);
            /* the title ingest would store (a title given, or the lead when
             * a dateline opens the text: «بلدي نيوز - الرقة (خاص)») */
            own_title = text ? mz_article_title(title, text, strlen(text)) : NULL;
            ok = text && own_title;
            if (!ok)
                srv_error(rs, 500, NULL, "out of memory");
        }
    }
    if (ok) {
        mz_stance_result r;
        memset(&r, 0, sizeof r);
        mz_error err = {0};
        mz_status s = mz_stance_predict_titled(ctx->model, claim, own_title, text, strlen(text),
                                               &r, &err);
        if (s == MZ_OK)
            srv_json(rs, 200, mz_json_stance(&r, text, ctx->model->lexicon));
        else
            srv_fail(rs, &err, err.code == MZ_ERR_ARG ? "claim" : id ? "id" : "article");
    }
    free(text);
    free(own_title);
    cJSON_Delete(in);
}
