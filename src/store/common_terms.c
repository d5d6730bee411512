/*
 * common_terms.c — the query terms BM25 gives no weight.
 *
 * FTS5's bm25() weighs a term by log((N - n + 0.5) / (n + 0.5)), N rows in
 * the index and n of them holding the term, and clamps it to 1e-6 when that
 * is not positive: a term found in at least half the rows counts for
 * nothing. Yet every row it matches is still scored, and in a news store
 * the claim's commonest words (the country, the war) match most rows: at
 * 100k articles they made a third of the ranking time. Ranking without them
 * gives the same order to every row that matches another term; only rows
 * matching nothing else (scored ~1e-6) are left out, so the caller ranks
 * again with all the terms when fewer than k rows come back.
 *
 * A term's n is counted as bm25() itself counts it: the rows its phrase
 * query visits (xQueryPhrase, in the auxiliary function mz_doc_count), and
 * only up to half the rows, which is all the decision needs. That walks
 * less than an fts5vocab table, which reads every position of every row
 * the term is in (13th to 22nd sessions: 21% of a check at 100k articles).
 * The counts are remembered per connection (df_cache.c), and the ranking
 * weighs the kept terms by them (mz_bm25, bm25_counted.c: every kept
 * term's count is whole, under the cap), while the store is unchanged:
 * PRAGMA data_version moves when another connection commits,
 * sqlite3_total_changes64 when this one writes. Not inside a write
 * transaction, which a rollback may undo without moving either.
 */
#include "store/db.h"

typedef struct counter {
    sqlite3_int64 n, cap;
} counter;

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *p)
{
    (void)api;
    (void)fc;
    counter *c = p;
    return ++c->n >= c->cap ? SQLITE_DONE : SQLITE_OK; /* DONE: stop, no error */
}

/* mz_doc_count(articles_fts, CAP): the rows matching the query's first
 * phrase, counting no further than CAP (>= 1). Called on the first row
 * only (LIMIT 1): a query no row matches returns no row, a count of 0. */
static void doc_count(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx, int nv,
                      sqlite3_value **v)
{
    counter c = {0, nv == 1 ? sqlite3_value_int64(v[0]) : 0};
    if (c.cap < 1) {
        sqlite3_result_error(ctx, "mz_doc_count: CAP must be at least 1", -1);
        return;
    }
    int rc = api->xQueryPhrase(fc, 0, &c, count_row);
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(ctx, rc);
    else
        sqlite3_result_int64(ctx, c.n);
}

int mz_fts_register_doc_count(fts5_api *api)
{
    return api->xCreateFunction(api, "mz_doc_count", NULL, doc_count, NULL);
}

/* Whether the store changed since the cache's counts: begins the read
 * snapshot too (the caller's transaction keeps it for the ranking). */
static mz_df_cache *cache_for(mz_db *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    mz_df_cache *c = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        mz_df_key key = {sqlite3_column_int64(st, 0), sqlite3_total_changes64(db->sql)};
        c = mz_df_cache_begin(&db->common, &key);
    }
    sqlite3_finalize(st);
    return c;
}

static sqlite3_int64 count_rows(mz_db *db)
{
    sqlite3_stmt *st;
    sqlite3_int64 n = -1;
    if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM articles_fts_docsize", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The rows term is in, counted no further than cap (>= 1); -1 on failure.
 * df is "SELECT mz_doc_count(...) ... MATCH ?1 LIMIT 1". */
static sqlite3_int64 count_term(sqlite3_stmt *df, const char *term, sqlite3_int64 cap)
{
    /* the phrase of the analyzed term, as search.c's queries name it */
    char *q = sqlite3_mprintf("\"" MZ_FTS_RAW "%s\"", term);
    if (!q)
        return -1;
    sqlite3_bind_text(df, 1, q, -1, sqlite3_free);
    sqlite3_bind_int64(df, 2, cap);
    int rc = sqlite3_step(df);
    sqlite3_int64 hits = rc == SQLITE_ROW ? sqlite3_column_int64(df, 0) : 0;
    sqlite3_reset(df);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    return hits;
}

/* The terms BM25 weighs: those in fewer than half of the rows. kept gets
 * pointers into terms (n slots); *n_kept < n means some were dropped; df
 * each kept term's count. Should anything fail, every term is kept: the
 * ranking is then only slower (with bm25(), false: the counts unknown). */
bool mz_drop_common_terms(mz_db *db, const char *const *terms, size_t n, const char **kept,
                          size_t *n_kept, sqlite3_int64 *df)
{
    *n_kept = n; /* until every term is decided: see done */
    bool counted = false;
    sqlite3_stmt *st = NULL;
    mz_df_cache *c = cache_for(db);
    if (!c)
        goto done;
    sqlite3_int64 *n_rows = mz_df_cache_rows(c);
    if (*n_rows < 0 && (*n_rows = count_rows(db)) < 0)
        goto done;
    /* 2n >= N, that is n >= ceil(N/2): counting stops there, and every
     * count below it is whole */
    sqlite3_int64 cap = (*n_rows + 1) / 2;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        sqlite3_int64 hits = cap < 1 ? 0 : mz_df_cache_get(c, terms[i]);
        if (hits < 0) {
            if (!st && sqlite3_prepare_v2(db->sql,
                                          "SELECT mz_doc_count(articles_fts, ?2) FROM articles_fts"
                                          " WHERE articles_fts MATCH ?1 LIMIT 1",
                                          -1, &st, NULL) != SQLITE_OK)
                goto done;
            if ((hits = count_term(st, terms[i], cap)) < 0)
                goto done; /* every term kept */
            mz_df_cache_put(c, terms[i], hits);
        }
        if (2 * hits < *n_rows) { /* N - n > n: a positive weight */
            df[k] = hits;
            kept[k++] = terms[i];
        }
    }
    *n_kept = k;
    counted = true;
done:
    if (*n_kept == n) /* none dropped, or a count failed part way */
        for (size_t i = 0; i < n; i++)
            kept[i] = terms[i];
    sqlite3_finalize(st);
    /* Inside a write transaction the counts include rows not committed: a
     * rollback takes them away but not from total_changes64, so the key
     * would stay and the decisions with it. Kept no further than this call. */
    if (sqlite3_txn_state(db->sql, NULL) == SQLITE_TXN_WRITE)
        mz_df_cache_reset(db->common);
    return counted;
}

const mz_doc_lens *mz_doc_lens_for(mz_db *db, sqlite3_int64 rows_scored)
{
    /* a write transaction's rows may be rolled back: nothing kept (above) */
    if (sqlite3_txn_state(db->sql, NULL) == SQLITE_TXN_WRITE)
        return NULL;
    mz_df_cache *c = cache_for(db);
    if (!c)
        return NULL;
    mz_doc_lens **lens = mz_df_cache_lens(c);
    sqlite3_int64 n_rows = *mz_df_cache_rows(c);
    /* Reading every row's length costs about what looking up a quarter of
     * them one by one does (callgrind, 100k rows): worth it for a ranking
     * that scores that many, and kept for the next. */
    if (!*lens && n_rows > 0 && 4 * rows_scored >= n_rows)
        *lens = mz_doc_lens_read(db->sql, n_rows);
    return *lens;
}
