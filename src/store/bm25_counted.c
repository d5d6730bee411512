/*
 * bm25_counted.c — FTS5's bm25(), given the phrases' document counts.
 *
 * bm25() weighs phrase i by log((N - n_i + 0.5) / (n_i + 0.5)), and reads
 * each n_i by walking the phrase's whole doclist (xQueryPhrase) once per
 * statement; the search has those counts already (common_terms.c counts
 * every term it keeps, and remembers them). Per row bm25() builds the
 * instance array of all the phrases in position order (xInstCount/xInst),
 * where each phrase's own positions (xPhraseFirst/xPhraseNext) give the
 * same frequencies, added in the same order. Everything else is bm25()'s
 * arithmetic as SQLite's fts5_aux.c writes it, operation for operation, so
 * the scores are equal to the last bit (tests/store/test_bm25_counted.c).
 *
 *   mz_bm25(articles_fts, DF, LENS, W0, W1, ...)
 *
 * DF: a blob of one sqlite3_int64 per phrase of the query (native byte
 * order, the phrases in query order), each the rows matching that phrase
 * alone; LENS: NULL, or the rows' lengths (doc_lens.c) bound as a pointer
 * of type MZ_DOC_LENS_PTR, read instead of asking FTS5 row by row (its
 * docsize lookups are a third of bm25()'s cost); Wi: column i's weight
 * (1.0 for a column without one), as bm25().
 */
#include "store/db.h"

#include <math.h>
#include <string.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF /* no fused multiply-add: bm25()'s roundings */
#endif                       /* (gcc: off already under -std=c17) */

typedef struct bm25_data {
    int n_phrase;
    double avgdl;
    double *idf, *freq;
} bm25_data;

/* The statement's constants: avgdl, and each phrase's IDF from DF. */
static int get_data(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_value *df,
                    sqlite3_context *ctx, bm25_data **out)
{
    bm25_data *p = api->xGetAuxdata(fc, 0);
    if (p) {
        *out = p;
        return SQLITE_OK;
    }
    int n_phrase = api->xPhraseCount(fc);
    if (sqlite3_value_type(df) != SQLITE_BLOB ||
        sqlite3_value_bytes(df) != n_phrase * (int)sizeof(sqlite3_int64)) {
        sqlite3_result_error(ctx, "mz_bm25: DF must be a blob of one 64-bit count per phrase", -1);
        return SQLITE_ERROR;
    }
    sqlite3_int64 n_row = 0, n_token = 0;
    int rc = api->xRowCount(fc, &n_row);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fc, -1, &n_token);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return rc;
    }
    const unsigned char *blob = sqlite3_value_blob(df);
    for (int i = 0; i < n_phrase; i++) {
        sqlite3_int64 n;
        memcpy(&n, blob + (size_t)i * sizeof n, sizeof n);
        if (n < 0) {
            sqlite3_result_error(ctx, "mz_bm25: a count in DF is negative", -1);
            return SQLITE_ERROR;
        }
        /* The search counts a term's rows in the index itself, in this
         * read's snapshot: more of them than FTS5's row count (its averages
         * record) is an index at odds with itself, damaged as FTS5 calls a
         * count of no rows, and told as the store's other damage is. */
        if (n > n_row) {
            sqlite3_result_error(ctx,
                                 "mz_bm25: a term is in more rows than the full-text index "
                                 "counts",
                                 -1);
            sqlite3_result_error_code(ctx, SQLITE_CORRUPT_VTAB); /* keeps the message */
            return SQLITE_CORRUPT_VTAB;
        }
    }
    p = sqlite3_malloc64(sizeof *p + (size_t)n_phrase * 2 * sizeof(double));
    if (!p) {
        sqlite3_result_error_nomem(ctx);
        return SQLITE_NOMEM;
    }
    p->n_phrase = n_phrase;
    p->idf = (double *)&p[1];
    p->freq = &p->idf[n_phrase];
    p->avgdl = (double)n_token / (double)n_row;
    for (int i = 0; i < n_phrase; i++) {
        sqlite3_int64 n;
        memcpy(&n, blob + (size_t)i * sizeof n, sizeof n);
        double idf = log((n_row - n + 0.5) / (n + 0.5)); /* fts5_aux.c's, as written */
        if (idf <= 0.0)
            idf = 1e-6;
        p->idf[i] = idf;
    }
    rc = api->xSetAuxdata(fc, p, sqlite3_free); /* frees p itself on failure */
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return rc;
    }
    *out = p;
    return SQLITE_OK;
}

static void bm25_counted(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx,
                         int nv, sqlite3_value **v)
{
    const double k1 = 1.2, b = 0.75;
    if (nv < 2) {
        sqlite3_result_error(ctx, "mz_bm25: DF (the phrases' counts) or LENS is missing", -1);
        return;
    }
    if (sqlite3_value_type(v[1]) != SQLITE_NULL) {
        sqlite3_result_error(ctx, "mz_bm25: LENS must be NULL or the rows' lengths", -1);
        return; /* a pointer binding reads as NULL in SQL: what came is not one */
    }
    bm25_data *p;
    if (get_data(api, fc, v[0], ctx, &p) != SQLITE_OK)
        return;
    const mz_doc_lens *lens = sqlite3_value_pointer(v[1], MZ_DOC_LENS_PTR);
    int nw = nv - 2;
    sqlite3_value **w = v + 2;
    int rc = SQLITE_OK;
    for (int i = 0; i < p->n_phrase && rc == SQLITE_OK; i++) {
        Fts5PhraseIter it;
        int ic, io;
        double f = 0.0;
        rc = api->xPhraseFirst(fc, i, &it, &ic, &io);
        for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fc, &it, &ic, &io))
            f += nw > ic ? sqlite3_value_double(w[ic]) : 1.0;
        p->freq[i] = f;
    }
    int n_tok = lens && api->xColumnCount(fc) == MZ_FTS_COLUMNS
                    ? mz_doc_lens_get(lens, api->xRowid(fc))
                    : -1;
    if (rc == SQLITE_OK && n_tok < 0)
        rc = api->xColumnSize(fc, -1, &n_tok);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double D = (double)n_tok, score = 0.0;
    for (int i = 0; i < p->n_phrase; i++)
        score += p->idf[i] * ((p->freq[i] * (k1 + 1.0)) /
                              (p->freq[i] + k1 * (1 - b + b * D / p->avgdl)));
    sqlite3_result_double(ctx, -1.0 * score);
}

int mz_fts_register_bm25(fts5_api *api)
{
    return api->xCreateFunction(api, "mz_bm25", NULL, bm25_counted, NULL);
}
