/* hits_page.h — a page of search hits as `mizan search` and GET
 * /api/search give it (hits_page.c): one reader for the two front ends,
 * in the library (the server does not reach into the CLI). */
#ifndef MZ_CHECK_HITS_PAGE_H
#define MZ_CHECK_HITS_PAGE_H

#include "check/check.h"
#include "store/store.h"

typedef struct mz_hits_page {
    mz_hits hits;
    mz_places *places;             /* hits.n of them (mz_hits_places) */
    mz_article_versions *versions; /* hits.n of them (mz_articles_versions) */
} mz_hits_page;

/* mz_search_page's hits (open/close: the snippet's markers), then the
 * page's places and versions, one query each, as `list` reads a page's.
 * Read-only. On failure *p is {0}. */
mz_status mz_hits_page_read(mz_db *db, const char *q, size_t offset, size_t k,
                               const char *open, const char *close, mz_hits_page *p,
                               mz_error *err);
void mz_hits_page_clear(mz_hits_page *p);

#endif
