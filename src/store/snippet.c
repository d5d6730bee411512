/*
 * snippet.c — the passage of an article shown under a search hit: the run of
 * SNIPPET_TERMS index terms that holds the most distinct query terms, cut from
 * the text as written, with the matched words wrapped in the caller's marks.
 *
 * Why not FTS5's snippet(): it scores every match against every other match
 * of the row, so its time grows with the square of a word's count in one
 * article — 19 s on one 4.7 MB article whose every sentence held the query
 * word (the fifth session's store limit allows 5 MB, and a request blocks a
 * server thread meanwhile). This is one pass over the article's terms and a
 * sliding window: linear in the article's length.
 */
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define SNIPPET_TERMS 24 /* as the snippet() call it replaces: ~30 words with stopwords */
#define EDGE_BYTES 64    /* text before the first term / after the last one shown whole */

typedef struct term_pos {
    size_t start, end;
    int q; /* index of the query term it matches, or -1 */
} term_pos;

typedef struct scan {
    const char *const *q;
    size_t n_q;
    term_pos *v;
    size_t n, cap;
} scan;

static int add_term(void *ctx, const char *term, size_t len, size_t start, size_t end)
{
    scan *s = ctx;
    if (mz_array_grow(&s->v, &s->cap, s->n, sizeof *s->v, 256) != 0)
        return -1;
    int q = -1;
    for (size_t i = 0; i < s->n_q && q < 0; i++)
        if (strlen(s->q[i]) == len && memcmp(s->q[i], term, len) == 0)
            q = (int)i;
    s->v[s->n++] = (term_pos){start, end, q};
    return 0;
}

/* The first window of SNIPPET_TERMS terms with the most distinct query terms
 * (ties: the most matches, then the earliest). */
static size_t best_window(const scan *s)
{
    unsigned count[MZ_SNIPPET_MAX_QUERY] = {0};
    size_t distinct = 0, hits = 0, best = 0, best_d = 0, best_h = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].q >= 0) {
            distinct += count[s->v[i].q]++ == 0;
            hits++;
        }
        if (i >= SNIPPET_TERMS) { /* the term leaving the window */
            int q = s->v[i - SNIPPET_TERMS].q;
            if (q >= 0) {
                distinct -= --count[q] == 0;
                hits--;
            }
        }
        size_t first = i + 1 > SNIPPET_TERMS ? i + 1 - SNIPPET_TERMS : 0;
        if (distinct > best_d || (distinct == best_d && hits > best_h)) {
            best = first;
            best_d = distinct;
            best_h = hits;
        }
    }
    return best;
}

/* Appends text[0..n) with its control characters blanked (mz_blank_controls,
 * byte for byte): ingest blanks them, but a store filled before it did, or
 * edited by SQL, may hold an escape sequence or a bidi override, which a
 * snippet must not carry to a terminal or a page. */
static int put_text(mz_buf *b, const char *text, size_t n)
{
    if (n == 0)
        return 0;
    if (mz_buf_append(b, text, n))
        return 1;
    mz_blank_controls(b->p + b->len - n, n);
    return 0;
}

/* Byte offsets in s to code-point offsets, in place (offsets ascending),
 * with mz_utf8_repair's view of invalid bytes: one code point each. */
static void to_code_points(const char *s, size_t len, mz_mark *m, size_t n)
{
    size_t byte = 0, cp = 0;
    for (size_t k = 0; k < 2 * n; k++) {
        size_t *off = k % 2 ? &m[k / 2].end : &m[k / 2].start;
        while (byte < *off && byte < len) {
            uint32_t c;
            int w = mz_utf8_decode(s, len, byte, &c);
            byte += w ? (size_t)w : 1;
            cp++;
        }
        *off = cp;
    }
}

char *mz_snippet(mz_analyzer *a, const char *text, size_t len, const char *const *terms,
                 size_t n_terms, const char *open, const char *close, mz_mark **marks,
                 size_t *n_marks)
{
    *marks = NULL;
    *n_marks = 0;
    if (n_terms > MZ_SNIPPET_MAX_QUERY)
        n_terms = MZ_SNIPPET_MAX_QUERY;
    scan s = {terms, n_terms, NULL, 0, 0};
    if (mz_analyze_each(a, text, len, add_term, &s)) {
        free(s.v);
        return NULL;
    }
    mz_buf b = {0};
    int bad = 0;
    size_t cap = 0;
    if (s.n) {
        size_t w = best_window(&s), end = w + SNIPPET_TERMS < s.n ? w + SNIPPET_TERMS : s.n;
        /* at the text's very start or end, the few words around the first
         * and last terms (stopwords, punctuation: «قال النبي») come too */
        size_t at = w == 0 && s.v[0].start <= EDGE_BYTES ? 0 : s.v[w].start;
        if (at > 0) /* text left out, even at the start (stopwords carry no term) */
            bad |= mz_buf_puts(&b, "…");
        for (size_t i = w; i < end; i++) {
            if (s.v[i].q < 0 || s.v[i].start < at)
                continue; /* not a match, or a word of a ligature already marked */
            bad |= put_text(&b, text + at, s.v[i].start - at);
            bad |= mz_buf_puts(&b, open);
            if (mz_array_grow(marks, &cap, *n_marks, sizeof **marks, 8) == 0)
                (*marks)[(*n_marks)++] = (mz_mark){b.len, b.len + s.v[i].end - s.v[i].start};
            else
                bad = 1;
            bad |= put_text(&b, text + s.v[i].start, s.v[i].end - s.v[i].start);
            bad |= mz_buf_puts(&b, close);
            at = s.v[i].end;
        }
        size_t last = s.v[end - 1].end;
        if (end == s.n && len - last <= EDGE_BYTES)
            last = len;
        bad |= put_text(&b, text + at, last > at ? last - at : 0);
        if (last < len)
            bad |= mz_buf_puts(&b, "…");
    }
    free(s.v);
    if (bad) {
        mz_buf_free(&b);
        free(*marks);
        *marks = NULL;
        *n_marks = 0;
        return NULL;
    }
    to_code_points(b.p, b.len, *marks, *n_marks);
    return mz_buf_take(&b);
}
