/* search_page.h — a page of search hits as `mizan search` and GET
 * /api/search give it (search_page.c): shared by the two front ends. */
#ifndef MZ_CLI_SEARCH_PAGE_H
#define MZ_CLI_SEARCH_PAGE_H

#include "check/check.h"
#include "store/store.h"

typedef struct cli_search_page {
    mz_hits hits;
    mz_places *places;             /* hits.n of them (mz_hits_places) */
    mz_article_versions *versions; /* hits.n of them (mz_articles_versions) */
} cli_search_page;

/* mz_search_page's hits (open/close: the snippet's markers), then the
 * page's places and versions, one query each, as `list` reads a page's.
 * Read-only. On failure *p is {0}. */
mz_status cli_search_page_read(mz_db *db, const char *q, size_t offset, size_t k,
                               const char *open, const char *close, cli_search_page *p,
                               mz_error *err);
void cli_search_page_clear(cli_search_page *p);

#endif
