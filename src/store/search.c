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
#define MAX_TERMS MZ_SNIPPET_MAX_QUERY /* distinct terms in one query; the rest is ignored */
#define MAX_K 10000

/* What mz_bm25 weighs the first ranking by: the rows each of its terms
 * is in (common_terms.c), and the rows' lengths. */
typedef struct ranking {
    sqlite3_int64 df[MAX_TERMS];
    size_t n_df;             /* 0: unknown, bm25() counts them */
    const mz_doc_lens *lens; /* NULL: FTS5 is asked row by row (doc_lens.c) */
} ranking;

/* The distinct usable terms among terms, at most MAX_TERMS of them (the
 * rest is ignored), as pointers into terms. */
static size_t distinct_terms(const char *const *terms, size_t n, const char **out)
{
    size_t used = 0;
    for (size_t i = 0; i < n && used < MAX_TERMS; i++) {
        if (!terms[i] || !*terms[i] || strchr(terms[i], '"'))
            continue; /* analyzed terms never hold quotes; ignore anything odd */
        bool seen = false;
        for (size_t j = 0; j < used && !seen; j++)
            seen = !strcmp(out[j], terms[i]);
        if (!seen)
            out[used++] = terms[i];
    }
    return used;
}

/* '"\x01t1" OR "\x01t2" ...'; NULL match when n is 0. */
static mz_status build_match(const char *const *terms, size_t n, char **out, mz_error *err)
{
    *out = NULL;
    mz_buf b = {0};
    for (size_t i = 0; i < n; i++)
        if ((i && mz_buf_puts(&b, " OR ")) || mz_buf_puts(&b, "\"" MZ_FTS_RAW) ||
            mz_buf_puts(&b, terms[i]) || mz_buf_puts(&b, "\"")) {
            mz_buf_free(&b);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
    *out = b.p; /* NULL when no term */
    return MZ_OK;
}

/* The MATCH expressions for the distinct terms all[0..n_all): *full with
 * all of them, and *weighed without those BM25 gives no weight
 * (common_terms.c), or NULL when that is all of them or none. *full is
 * NULL when there is no term. r->n_df is the terms of the match ranked
 * first (*weighed, else *full) whose counts r->df holds, 0 when unknown. */
static mz_status build_matches(mz_db *db, const char *const *all, size_t n_all, char **full,
                               char **weighed, ranking *r, mz_error *err)
{
    const char *kept[MAX_TERMS];
    size_t n_kept;
    *weighed = NULL;
    r->n_df = 0;
    r->lens = NULL;
    mz_status s = build_match(all, n_all, full, err);
    if (s != MZ_OK || !*full)
        return s;
    bool counted = mz_drop_common_terms(db, all, n_all, kept, &n_kept, r->df);
    if (n_kept == 0)
        return MZ_OK; /* *full holds common terms, counted only to half */
    r->n_df = counted ? n_kept : 0;
    sqlite3_int64 scored = 0; /* at most; duplicates are few in a news claim */
    for (size_t i = 0; i < r->n_df; i++)
        scored += r->df[i];
    r->lens = r->n_df ? mz_doc_lens_for(db, scored) : NULL;
    if (n_kept == n_all)
        return MZ_OK;
    s = build_match(kept, n_kept, weighed, err);
    if (s != MZ_OK) {
        free(*full);
        *full = NULL;
    }
    return s;
}

/* The score, bm25(articles_fts, W_TITLE, W_BODY), or mz_bm25 with the
 * counts and lengths (bm25_counted.c: equal to the last bit, without
 * walking each term's doclist again nor a docsize lookup per row); the
 * column is its negation, the order the score's. */
#define SCORE_BM25 "bm25(articles_fts, " W_TITLE ", " W_BODY ")"
#define DF_PARAM 4 /* ?4 and ?5 in both statements (?3 is top_hits's offset) */
#define LENS_PARAM 5
#define SCORE_COUNTED "mz_bm25(articles_fts, ?4, ?5, " W_TITLE ", " W_BODY ")"
#define RANK_SQL(score)                                                                            \
    "SELECT rowid, -" score " FROM articles_fts WHERE articles_fts MATCH ?1"                       \
    " ORDER BY " score ", rowid LIMIT ?2"

static const char *rank_sql(const ranking *r)
{
    return r && r->n_df ? RANK_SQL(SCORE_COUNTED) : RANK_SQL(SCORE_BM25);
}

static void bind_counts(sqlite3_stmt *st, const ranking *r)
{
    if (r && r->n_df) {
        sqlite3_bind_blob(st, DF_PARAM, r->df, (int)(r->n_df * sizeof *r->df), SQLITE_STATIC);
        if (r->lens) /* unbound: NULL, FTS5 is asked each row's length */
            sqlite3_bind_pointer(st, LENS_PARAM, (void *)r->lens, MZ_DOC_LENS_PTR, NULL);
    }
}

/* The top k rows for match into v (k slots), best first; equal scores in
 * id order, so which of them make the k is stated, not left to the order
 * in which SQLite's sorter happens to keep rows it cannot tell apart.
 * Weighed by r's counts when it has them (n_df, one per phrase of match). */
static mz_status rank(mz_db *db, const char *match, const ranking *r, size_t k, mz_scored *v,
                      size_t *n, mz_error *err)
{
    *n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, rank_sql(r), -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "searching");
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
    bind_counts(st, r);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < k) {
        v[*n].id = sqlite3_column_int64(st, 0);
        v[*n].score = sqlite3_column_double(st, 1);
        (*n)++;
    }
    mz_status s = rc == SQLITE_DONE || rc == SQLITE_ROW ? MZ_OK : mz_db_fail(db, rc, err, "searching");
    sqlite3_finalize(st);
    return s;
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
    const char *all[MAX_TERMS];
    size_t n_all = distinct_terms(terms, n_terms, all);
    /* the row counts that choose the terms and the ranking see one store */
    bool began = mz_db_read_begin(db);
    char *full, *weighed;
    ranking r;
    mz_status s = build_matches(db, all, n_all, &full, &weighed, &r, err);
    mz_scored *v = NULL;
    size_t n = 0;
    if (s == MZ_OK && full && !(v = malloc(k * sizeof *v)))
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && (weighed || full))
        s = rank(db, weighed ? weighed : full, &r, k, v, &n, err);
    if (s == MZ_OK && weighed && n < k) /* too few rows match a weighed term */
        s = rank(db, full, NULL, k, v, &n, err); /* common terms: counted to half only */
    mz_db_read_end(db, began);
    free(full);
    free(weighed);
    if (s != MZ_OK || n == 0) {
        free(v);
        return s;
    }
    *out = v;
    *n_out = n;
    return MZ_OK;
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
        /* one clean line each, as ingest stores them now (snippet.c blanks
         * the snippet's controls) */
        mz_clean_lines((char *const[]){h->title, h->source, h->url}, 3);
        const char *body = (const char *)sqlite3_column_text(st, 5);
        h->snippet = mz_snippet(sa->an, body ? body : "", (size_t)sqlite3_column_bytes(st, 5),
                                sa->terms, sa->n_terms, sa->open, sa->close, &h->marks,
                                &h->n_marks);
        char *snippet = h->snippet; /* valid UTF-8, even from a row edited outside mizan */
        h->snippet = mz_utf8_repair(snippet);
        free(snippet);
        /* title and body are NOT NULL: a row without one is a damaged page */
        if (sqlite3_column_type(st, 2) == SQLITE_NULL || sqlite3_column_type(st, 5) == SQLITE_NULL)
            return mz_db_damaged(db, err, "searching", "a row without its title or text");
        if (!h->title || !h->snippet)
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return mz_db_fail(db, rc, err, "searching");
    return MZ_OK;
}

/* The rows offset .. offset+k-1 of match's ranking with their snippets,
 * best first: the first offset are ranked and passed over, and get no
 * snippet (a snippet reads the article's body). */
static mz_status top_hits(mz_db *db, const char *match, const ranking *r, size_t offset,
                          size_t k, const snippet_args *sa, mz_hits *out, mz_error *err)
{
    /* Rank, then fetch the k winners' bodies for their snippets
     * (snippet.c: FTS5's own snippet() is quadratic in a word's count). */
#define HITS_SQL(score)                                                                            \
    "WITH top(rid, score) AS (" RANK_SQL(score) ")"                                                \
    " SELECT a.id, top.score, a.title, a.source, a.url, a.body"                                    \
    " FROM top JOIN articles a ON a.id = top.rid ORDER BY top.score DESC, a.id"                    \
    " LIMIT -1 OFFSET ?3"
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, r && r->n_df ? HITS_SQL(SCORE_COUNTED)
                                                      : HITS_SQL(SCORE_BM25),
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "searching");
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)(offset + k));
    sqlite3_bind_int64(st, 3, (sqlite3_int64)offset);
    bind_counts(st, r);
    mz_status s = collect_hits(db, st, k, sa, out, err);
    sqlite3_finalize(st);
    return s;
}

mz_status mz_search(mz_db *db, const char *query, size_t k, const char *hl_open,
                    const char *hl_close, mz_hits *out, mz_error *err)
{
    return mz_search_page(db, query, 0, k, hl_open, hl_close, out, err);
}

mz_status mz_search_page(mz_db *db, const char *query, size_t offset, size_t k,
                         const char *hl_open, const char *hl_close, mz_hits *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the hits");
    out->v = NULL;
    out->n = 0;
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    /* NBSP, RLM, BOM alone are as blank as spaces, as in a claim or an article */
    if (!query || mz_text_blank(query, strlen(query)))
        return mz_fail(err, MZ_ERR_ARG, "empty query");
    if (k == 0 || k > MAX_K)
        return mz_fail(err, MZ_ERR_ARG, "k must be between 1 and %d", MAX_K);
    if (offset > MZ_SEARCH_MAX_OFFSET)
        return mz_fail(err, MZ_ERR_ARG, "offset must be between 0 and %d", MZ_SEARCH_MAX_OFFSET);
    size_t len = strlen(query), bad;
    if (mz_utf8_check(query, len, &bad) != MZ_OK) /* named as a claim's is (check.c) */
        return mz_fail(err, MZ_ERR_UTF8, "the query is not valid UTF-8 (byte offset %zu)%s", bad,
                       mz_utf8_hint(query, len));
    mz_terms terms;
    mz_status s = mz_analyze(query, len, &terms, err);
    if (s != MZ_OK)
        return s;
    /* the snippets mark the terms searched for: the distinct ones (a
     * pasted paragraph repeats words; its first 64 words as typed may not
     * reach a term the search used) */
    const char *all[MAX_TERMS];
    size_t n_all = distinct_terms((const char *const *)terms.v, terms.n, all);
    bool began = mz_db_read_begin(db);
    char *full, *weighed;
    ranking r;
    s = build_matches(db, all, n_all, &full, &weighed, &r, err);
    snippet_args sa = {NULL, all, n_all, hl_open ? hl_open : "[", hl_close ? hl_close : "]"};
    if (s == MZ_OK && full && !(sa.an = mz_db_analyzer(db)))
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && (weighed || full))
        s = top_hits(db, weighed ? weighed : full, &r, offset, k, &sa, out, err);
    /* too few rows match a weighed term: fewer than offset + k, so a page
     * is the same slice of the ranking as the first offset + k hits are */
    if (s == MZ_OK && weighed && out->n < k) {
        mz_hits_clear(out);
        s = top_hits(db, full, NULL, offset, k, &sa, out, err);
    }
    mz_db_read_end(db, began);
    mz_terms_clear(&terms);
    free(full);
    free(weighed);
    if (s != MZ_OK)
        mz_hits_clear(out);
    return s; /* no term (only stopwords or punctuation): nothing found */
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
        free(h->v[i].marks);
    }
    free(h->v);
    h->v = NULL;
    h->n = 0;
}
