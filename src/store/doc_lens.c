/*
 * doc_lens.c — every indexed row's length in terms, read in one pass.
 *
 * bm25() asks each row it scores for its length (xColumnSize), and FTS5
 * answers with a query of its docsize table per row: at 100k articles a
 * claim's terms match ~90k rows, and those lookups were a third of the
 * ranking (callgrind, 24th session). Reading the whole table once, in id
 * order, costs a fraction of that, and a connection keeps it while the
 * store is unchanged (df_cache.c, under the counts' key); mz_bm25 then
 * looks the length up here. The blob is decoded as FTS5 decodes it (one
 * varint per column, nothing left over), and a row it does not decode is
 * left to xColumnSize, which reports the damage as bm25() would.
 */
#include "store/db.h"

#include <limits.h>
#include <stdlib.h>

struct mz_doc_lens {
    sqlite3_int64 first; /* the smallest id */
    size_t n;
    sqlite3_int64 *ids; /* ascending; NULL when the ids are first .. first+n-1 */
    int *len;           /* the row's terms, all columns; -1: left to FTS5 */
};

/* SQLite's varint (FTS5 writes the docsize blob with it): 7 bits a byte,
 * high bit set on all but the last, the ninth byte whole. */
static int get_varint(const unsigned char *p, const unsigned char *end, sqlite3_uint64 *v)
{
    sqlite3_uint64 x = 0;
    for (int i = 0; i < 9; i++) {
        if (p + i >= end)
            return 0;
        if (i == 8) {
            *v = (x << 8) | p[i];
            return 9;
        }
        x = (x << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    return 0;
}

/* The row's terms over n_col columns, as xColumnSize(-1) sums them, or -1
 * when the blob is not n_col varints exactly (or the sum is no int). */
static int decode(const unsigned char *p, int bytes, int n_col)
{
    /* no blob (NULL, X''; no pointer to add to) or under a byte a column */
    if (!p || bytes < n_col)
        return -1;
    const unsigned char *end = p + bytes;
    sqlite3_uint64 sum = 0;
    for (int i = 0; i < n_col; i++) {
        sqlite3_uint64 v;
        int k = get_varint(p, end, &v);
        if (!k || v > INT_MAX)
            return -1;
        p += k;
        sum += v;
    }
    /* a sum past an int is left to FTS5 too (its own sum would overflow) */
    return p == end && sum <= INT_MAX ? (int)sum : -1;
}

void mz_doc_lens_free(mz_doc_lens *l)
{
    if (!l)
        return;
    free(l->ids);
    free(l->len);
    free(l);
}

mz_doc_lens *mz_doc_lens_read(sqlite3 *sql, sqlite3_int64 n_rows)
{
    if (n_rows < 1)
        return NULL;
    mz_doc_lens *l = calloc(1, sizeof *l);
    sqlite3_stmt *st = NULL;
    if (!l || !(l->ids = malloc((size_t)n_rows * sizeof *l->ids)) ||
        !(l->len = malloc((size_t)n_rows * sizeof *l->len)) ||
        sqlite3_prepare_v2(sql, "SELECT id, sz FROM articles_fts_docsize ORDER BY id", -1, &st,
                           NULL) != SQLITE_OK)
        goto fail;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (l->n == (size_t)n_rows)
            goto fail; /* more rows than counted: not the store counted */
        const unsigned char *blob = sqlite3_column_blob(st, 1);
        l->ids[l->n] = sqlite3_column_int64(st, 0);
        l->len[l->n++] = decode(blob, sqlite3_column_bytes(st, 1), MZ_FTS_COLUMNS);
    }
    if (rc != SQLITE_DONE || l->n == 0)
        goto fail;
    sqlite3_finalize(st);
    l->first = l->ids[0];
    /* dense: no search (the ids' distance taken unsigned: ids may lie at
     * both ends of the rowid range, whose difference is no int64) */
    if ((sqlite3_uint64)l->ids[l->n - 1] - (sqlite3_uint64)l->first == l->n - 1) {
        free(l->ids);
        l->ids = NULL;
    }
    return l;
fail:
    sqlite3_finalize(st);
    mz_doc_lens_free(l);
    return NULL;
}

int mz_doc_lens_get(const mz_doc_lens *l, sqlite3_int64 id)
{
    if (!l->ids) {
        /* unsigned, as above: INT64_MAX - -1 overflows an int64 */
        sqlite3_uint64 at = (sqlite3_uint64)id - (sqlite3_uint64)l->first;
        return id < l->first || at >= l->n ? -1 : l->len[at];
    }
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && l->ids[lo] == id ? l->len[lo] : -1;
}
