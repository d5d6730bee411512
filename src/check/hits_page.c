/* hits_page.c — a page of search hits with each hit's places and
 * versions, for `mizan search` and GET /api/search (one reader, not two). */
#include "check/hits_page.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* The hits as the rows mz_articles_versions reads: their id and url
 * (borrowed, not copied). */
static mz_status hits_versions(mz_db *db, const mz_hits *h, mz_article_versions *out,
                               mz_error *err)
{
    mz_article *rows = calloc(h->n, sizeof *rows);
    if (!rows)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < h->n; i++) {
        rows[i].id = h->v[i].id;
        rows[i].url = h->v[i].url;
    }
    mz_status s = mz_articles_versions(db, rows, h->n, out, err);
    free(rows);
    return s;
}

mz_status mz_hits_page_read(mz_db *db, const char *q, size_t offset, size_t k,
                               const char *open, const char *close, mz_hits_page *p,
                               mz_error *err)
{
    memset(p, 0, sizeof *p);
    mz_status s = mz_search_page(db, q, offset, k, open, close, &p->hits, err);
    size_t n = p->hits.n;
    if (s == MZ_OK && n &&
        (!(p->places = calloc(n, sizeof *p->places)) ||
         !(p->versions = calloc(n, sizeof *p->versions))))
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && n) /* the page's places: one query */
        s = mz_hits_places(db, &p->hits, p->places, err);
    if (s == MZ_OK && n) /* its versions: one look in the url_key index a URL */
        s = hits_versions(db, &p->hits, p->versions, err);
    if (s != MZ_OK)
        mz_hits_page_clear(p);
    return s;
}

void mz_hits_page_clear(mz_hits_page *p)
{
    mz_places_free(p->places, p->hits.n);
    mz_article_versions_free(p->versions, p->hits.n);
    mz_hits_clear(&p->hits);
    memset(p, 0, sizeof *p);
}
