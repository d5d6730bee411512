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
 * Row counts per term come from an fts5vocab table over the index, made in
 * the connection's temp schema (which a read-only store still has).
 */
#include "store/db.h"

#include <string.h>

/* The terms BM25 weighs: those in fewer than half of the rows. kept gets
 * pointers into terms (n slots); *n_kept < n means some were dropped.
 * Should anything fail, every term is kept: the ranking is then only slower. */
void mz_drop_common_terms(mz_db *db, const char *const *terms, size_t n, const char **kept,
                          size_t *n_kept)
{
    *n_kept = n; /* until every count is read: see done */
    sqlite3_stmt *rows = NULL, *df = NULL;
    if (sqlite3_exec(db->sql,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.mz_vocab"
                     " USING fts5vocab(main, articles_fts, row)",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM articles_fts_docsize", -1, &rows,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql, "SELECT doc FROM temp.mz_vocab WHERE term = ?1", -1, &df,
                           NULL) != SQLITE_OK ||
        sqlite3_step(rows) != SQLITE_ROW)
        goto done;
    sqlite3_int64 n_rows = sqlite3_column_int64(rows, 0);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_text(df, 1, terms[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(df);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            goto done; /* every term kept */
        sqlite3_int64 hits = rc == SQLITE_ROW ? sqlite3_column_int64(df, 0) : 0;
        sqlite3_reset(df);
        if (2 * hits < n_rows) /* N - n > n: a positive weight */
            kept[k++] = terms[i];
    }
    *n_kept = k;
done:
    if (*n_kept == n) /* none dropped, or a count failed part way */
        for (size_t i = 0; i < n; i++)
            kept[i] = terms[i];
    sqlite3_finalize(rows);
    sqlite3_finalize(df);
}
