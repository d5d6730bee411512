/* search.c — BM25 ranking over the Arabic FTS5 index.
 *
 * User text never reaches FTS5's query parser: it is analyzed like the
 * index, and the MATCH expression is built here as an OR of quoted terms,
 * each marked as already analyzed (MZ_FTS_RAW), so no input can be an FTS5
 * syntax error or be stemmed twice. */
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* BM25 column weights (title, body): a word in the title counts this much
 * more than one in the body. Measured in bench/ingest_recall.c. */
#define W_TITLE "2.0"
#define W_BODY "1.0"
#define MAX_TERMS 64 /* distinct terms in one query; the rest is ignored */
#define MAX_K 10000

/* '"\x01t1" OR "\x01t2" ...' over distinct terms; NULL match when none. */
static mz_status build_match(const char *const *terms, size_t n, char **out, mz_error *err)
{
    *out = NULL;
    mz_buf b = {0};
    size_t used = 0;
    for (size_t i = 0; i < n && used < MAX_TERMS; i++) {
        if (!terms[i] || !*terms[i] || strchr(terms[i], '"'))
            continue; /* analyzed terms never hold quotes; ignore anything odd */
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = terms[j] && !strcmp(terms[j], terms[i]);
        if (seen)
            continue;
        if ((used && mz_buf_puts(&b, " OR ")) || mz_buf_puts(&b, "\"" MZ_FTS_RAW) ||
            mz_buf_puts(&b, terms[i]) || mz_buf_puts(&b, "\"")) {
            mz_buf_free(&b);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
        used++;
    }
    *out = b.p; /* NULL when no term */
    return MZ_OK;
}

mz_status mz_store_candidates(mz_db *db, const char *const *terms, size_t n_terms, size_t k,
                              mz_scored **out, size_t *n_out, mz_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (!db || (n_terms && !terms))
        return mz_fail(err, MZ_ERR_ARG, "no database or terms");
    if (k == 0 || k > MAX_K)
        return mz_fail(err, MZ_ERR_ARG, "k must be between 1 and %d", MAX_K);
    char *match;
    mz_status s = build_match(terms, n_terms, &match, err);
    if (s != MZ_OK || !match)
        return s;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql,
                                "SELECT rowid, -bm25(articles_fts, " W_TITLE ", " W_BODY ")"
                                " FROM articles_fts WHERE articles_fts MATCH ?1"
                                " ORDER BY bm25(articles_fts, " W_TITLE ", " W_BODY ") LIMIT ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        free(match);
        return mz_db_fail(db, rc, err, "searching");
    }
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
    mz_scored *v = malloc(k * sizeof *v);
    size_t n = 0;
    if (!v)
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    while (s == MZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && n < k) {
        v[n].id = sqlite3_column_int64(st, 0);
        v[n].score = sqlite3_column_double(st, 1);
        n++;
    }
    if (s == MZ_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        s = mz_db_fail(db, rc, err, "searching");
    sqlite3_finalize(st);
    free(match);
    if (s != MZ_OK || n == 0) {
        free(v);
        return s;
    }
    *out = v;
    *n_out = n;
    return MZ_OK;
}

static bool blank_query(const char *q)
{
    for (; *q; q++)
        if (*q != ' ' && *q != '\t' && *q != '\n' && *q != '\r')
            return false;
    return true;
}

typedef struct snippet_args {
    mz_analyzer *an; /* one for all the hits: its stem cache carries over */
    const char *const *terms;
    size_t n_terms;
    const char *open, *close;
} snippet_args;

static mz_status collect_hits(mz_db *db, sqlite3_stmt *st, size_t k, const snippet_args *sa,
                              mz_hits *out, mz_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < k) {
        if (!out->v) {
            out->v = calloc(k, sizeof *out->v);
            if (!out->v)
                return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
        mz_hit *h = &out->v[out->n++];
        h->id = sqlite3_column_int64(st, 0);
        h->score = sqlite3_column_double(st, 1);
        h->title = mz_col_dup(st, 2);
        h->source = mz_col_dup(st, 3);
        h->url = mz_col_dup(st, 4);
        const char *body = (const char *)sqlite3_column_text(st, 5);
        h->snippet = mz_snippet(sa->an, body ? body : "", (size_t)sqlite3_column_bytes(st, 5),
                                sa->terms, sa->n_terms, sa->open, sa->close);
        char *snippet = h->snippet; /* valid UTF-8, even from a row edited outside mizan */
        h->snippet = mz_utf8_repair(snippet);
        free(snippet);
        if (!h->title || !h->snippet)
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return mz_db_fail(db, rc, err, "searching");
    return MZ_OK;
}

mz_status mz_search(mz_db *db, const char *query, size_t k, const char *hl_open,
                    const char *hl_close, mz_hits *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the hits");
    out->v = NULL;
    out->n = 0;
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    if (!query || blank_query(query))
        return mz_fail(err, MZ_ERR_ARG, "empty query");
    if (k == 0 || k > MAX_K)
        return mz_fail(err, MZ_ERR_ARG, "k must be between 1 and %d", MAX_K);
    mz_terms terms;
    mz_status s = mz_analyze(query, strlen(query), &terms, err);
    if (s != MZ_OK)
        return s;
    char *match;
    s = build_match((const char *const *)terms.v, terms.n, &match, err);
    if (s != MZ_OK || !match) { /* only stopwords or punctuation: nothing to find */
        mz_terms_clear(&terms);
        return s;
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        db->sql,
        /* Rank, then fetch the k winners' bodies for their snippets
         * (snippet.c: FTS5's own snippet() is quadratic in a word's count). */
        "WITH top(rid, score) AS (SELECT rowid, -bm25(articles_fts, " W_TITLE ", " W_BODY ")"
        "  FROM articles_fts WHERE articles_fts MATCH ?1"
        "  ORDER BY bm25(articles_fts, " W_TITLE ", " W_BODY ") LIMIT ?2)"
        " SELECT a.id, top.score, a.title, a.source, a.url, a.body"
        " FROM top JOIN articles a ON a.id = top.rid ORDER BY top.score DESC, a.id",
        -1, &st, NULL);
    if (rc != SQLITE_OK) {
        free(match);
        mz_terms_clear(&terms);
        return mz_db_fail(db, rc, err, "searching");
    }
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
    snippet_args sa = {mz_analyzer_for_index(), (const char *const *)terms.v, terms.n,
                       hl_open ? hl_open : "[", hl_close ? hl_close : "]"};
    s = sa.an ? collect_hits(db, st, k, &sa, out, err) : mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    mz_analyzer_free(sa.an);
    sqlite3_finalize(st);
    mz_terms_clear(&terms);
    free(match);
    if (s != MZ_OK)
        mz_hits_clear(out);
    return s;
}

void mz_hits_clear(mz_hits *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++) {
        free(h->v[i].title);
        free(h->v[i].source);
        free(h->v[i].url);
        free(h->v[i].snippet);
    }
    free(h->v);
    h->v = NULL;
    h->n = 0;
}
