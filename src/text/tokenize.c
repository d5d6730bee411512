/*
 * tokenize.c — words, Latin runs, numbers and punctuation with their
 * normalized forms and byte offsets into the original text. One table lookup
 * per code point; token records and normalized texts live in two arenas that
 * grow geometrically, so there is no allocation per token.
 */
#include "text/tables.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Longest replacement in the normalization pool (U+FDFA unfolds to 33 bytes)
 * plus the terminating NUL: room reserved before appending one code point. */
#define NORM_ROOM 64

static int arena_grow(mz_tokens *t, size_t extra)
{
    size_t cap = t->norm_cap ? t->norm_cap : 1024;
    while (cap < t->norm_used + extra)
        cap *= 2;
    if (cap > UINT32_MAX) /* offsets into the arena are 32-bit */
        return -1;
    char *p = realloc(t->norm, cap);
    if (!p)
        return -1;
    t->norm = p;
    t->norm_cap = cap;
    return 0;
}

static inline int arena_reserve(mz_tokens *t, size_t extra)
{
    if (t->norm_used + extra <= t->norm_cap)
        return 0;
    return arena_grow(t, extra);
}

static mz_token *token_push(mz_tokens *t)
{
    if (t->n == t->cap && mz_array_grow(&t->v, &t->cap, t->n, sizeof *t->v, 64) != 0)
        return NULL;
    return &t->v[t->n++];
}

/* Writes the normalized form of a code point of n bytes at src, whose
 * normalization entry is e (mz_norm_entry), to o (room for NORM_ROOM
 * bytes); returns its length. */
static inline size_t norm_copy(char *o, const char *src, int n, unsigned e)
{
    if (e == 0) {
        if (n == 2) { /* an Arabic letter, most often */
            o[0] = src[0];
            o[1] = src[1];
            return 2;
        }
        for (int k = 0; k < n; k++) /* 1-4 bytes: a loop beats a call to memcpy here */
            o[k] = src[k];
        return (size_t)n;
    }
    if (e == 1)
        return 0;
    const uint8_t *p = mz_norm_pool + (e - 2);
    for (unsigned k = 0; k < p[0]; k++)
        o[k] = (char)p[1 + k];
    return p[0];
}

/* Appends the normalized form of cp (whose bytes are s[i..i+n)). */
static inline void put_norm(mz_tokens *t, const char *s, size_t i, int n, uint32_t cp)
{
    t->norm_used += norm_copy(t->norm + t->norm_used, s + i, n, mz_norm_entry(cp));
}

/* A character that may join two digit groups into one number: 1.5, 3-4,
 * 11.10.2017, 1,500, 10:30, 2/3 and their Arabic separators, among them the
 * Arabic comma that many writers type for a decimal point (2،5 مليون). */
static inline bool number_joiner(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == '-' || cp == '/' || cp == ':' ||
           cp == 0x060C || cp == 0x066B || cp == 0x066C || cp == 0x2013;
}

static inline bool percent_sign(uint32_t cp)
{
    return cp == '%' || cp == 0x066A || cp == 0x2030;
}

/* The two code points whose normalized form is several words: ﷺ (صلى الله
 * عليه وسلم) and ﷻ (جل جلاله). Each unfolds into one token per word, all
 * with the ligature's span, and ends the word it is attached to. */
static inline bool multiword(uint32_t cp)
{
    return cp == 0xFDFA || cp == 0xFDFB;
}

static mz_status push_token(mz_tokens *toks, mz_tok_kind kind, size_t start, size_t end,
                            size_t norm, size_t norm_len)
{
    mz_token *t = token_push(toks);
    if (!t)
        return MZ_ERR_NOMEM;
    t->kind = kind;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)norm;
    t->norm_len = (uint32_t)norm_len;
    return MZ_OK;
}

/* One token per word of a multi-word ligature at s[i..i+n). */
static mz_status push_multiword(mz_tokens *toks, const char *s, size_t i, int n, uint32_t cp)
{
    if (arena_reserve(toks, NORM_ROOM) < 0)
        return MZ_ERR_NOMEM;
    size_t a = toks->norm_used;
    put_norm(toks, s, i, n, cp);
    size_t b = toks->norm_used;
    toks->norm[toks->norm_used++] = '\0';
    for (size_t p = a; p < b;) {
        size_t q = p;
        while (q < b && toks->norm[q] != ' ')
            q++;
        toks->norm[q] = '\0';
        if (q > p && push_token(toks, MZ_TOK_WORD, i, i + (size_t)n, p, q - p) != MZ_OK)
            return MZ_ERR_NOMEM;
        p = q + 1;
    }
    return MZ_OK;
}

/* عبدالله, عبدالرحمن, عبدالعزيز: a name that half of the press writes as
 * one word and half as two (عبد الله). Joined, it becomes the two tokens
 * the spaced form gives, عبد and الله, each with its own span, so the two
 * spellings meet in the index and in the stance features; وعبدالله gives
 * وعبد and الله, as وعبد الله does. Returns the normalized bytes of the
 * first part (عبد, or وعبد after a one-letter conjunction or preposition),
 * or 0 when the normalized word is not عبدال and 2 or more letters (Arabic
 * letters are 2 bytes once normalized). Checked once per word, on its
 * normalized bytes: the hot loop over letters pays nothing for it. */
static inline size_t abd_compound(const char *norm, size_t len)
{
    static const char abd[] = "\xD8\xB9\xD8\xA8\xD8\xAF\xD8\xA7\xD9\x84"; /* عبدال */
    const unsigned char *u = (const unsigned char *)norm;
    if (len < 14) /* then one byte tells nearly every word apart: ع is D8 B9 */
        return 0;
    if (u[1] == 0xB9 && u[0] == 0xD8)
        return memcmp(norm, abd, 10) == 0 ? 6 : 0;
    if (len < 16 || u[3] != 0xB9 || u[2] != 0xD8)
        return 0;
    bool clitic = u[0] == 0xD9 ? u[1] == 0x88 || u[1] == 0x81 || u[1] == 0x83 || u[1] == 0x84 /* و ف ك ل */
                               : u[0] == 0xD8 && u[1] == 0xA8;                                /* ب */
    return clitic && memcmp(norm + 2, abd, 10) == 0 ? 8 : 0;
}

/* Bytes each code point adds to the normalized form (put_norm). */
static size_t norm_bytes(uint32_t cp, int n)
{
    unsigned e = mz_norm_entry(cp);
    return e == 0 ? (size_t)n : e == 1 ? 0 : mz_norm_pool[e - 2];
}

/* Splits the word token s[start..end), normalized at norm0, after its first
 * `head` normalized bytes: the first part ends after the code point that
 * completes them, the second starts at the next one that adds any (marks in
 * between go with the first). Returns MZ_OK without splitting when one code
 * point straddles the cut (a presentation-form ligature). */
static mz_status split_abd(mz_tokens *toks, const char *s, size_t start, size_t end, size_t norm0,
                           size_t head)
{
    size_t i = start, got = 0, end1 = 0, start2 = 0;
    while (i < end) {
        uint32_t cp;
        int n = mz_utf8_next(s, end, i, &cp);
        if (n == 0)
            break;
        size_t k = norm_bytes(cp, n);
        if (got >= head && k) {
            start2 = i;
            break;
        }
        got += k;
        i += (size_t)n;
        if (got >= head)
            end1 = i; /* and over the marks that follow */
    }
    if (got != head || !start2)
        return push_token(toks, MZ_TOK_WORD, start, end, norm0, toks->norm_used - norm0);
    if (arena_reserve(toks, 2) < 0)
        return MZ_ERR_NOMEM;
    size_t cut = norm0 + head;
    memmove(toks->norm + cut + 1, toks->norm + cut, toks->norm_used - cut);
    toks->norm[cut] = '\0';
    toks->norm_used++;
    return push_token(toks, MZ_TOK_WORD, start, end1, norm0, head) != MZ_OK ||
                   push_token(toks, MZ_TOK_WORD, start2, end, cut + 1, toks->norm_used - cut - 1) != MZ_OK
               ? MZ_ERR_NOMEM
               : MZ_OK;
}

/* Class of the code point at s[i], or -1 past the end or at invalid bytes. */
static inline int class_at(const char *s, size_t len, size_t i, uint32_t *cp, int *n)
{
    if (i >= len)
        return -1;
    *n = mz_utf8_next(s, len, i, cp);
    return *n ? mz_cclass(*cp) : -1;
}

/* Past the code points at s[i] that normalize to nothing (RLM, ALM, LRM,
 * zero-width joiners, tatweel, diacritics): editors of right-to-left text
 * slip direction marks between a number's digits and its separators or
 * percent sign (85\u200F%, %\u200F85, 1\u200F,500), where they split
 * nothing, as inside a word. */
static inline size_t skip_dropped(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    int n;
    while (class_at(s, len, i, &cp, &n) == MZ_C_MARK && mz_norm_entry(cp) == 1)
        i += (size_t)n;
    return i;
}

/* The code point before s[i], past those that normalize to nothing (0 at
 * the start of the text or after an invalid byte). */
static uint32_t prev_undropped(const char *s, size_t len, size_t i)
{
    while (i > 0) {
        size_t p = i - 1;
        while (p > 0 && i - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        uint32_t cp;
        int n = mz_utf8_next(s, len, p, &cp);
        if (n == 0 || p + (size_t)n != i)
            return 0;
        if (mz_cclass(cp) != MZ_C_MARK || mz_norm_entry(cp) != 1)
            return cp;
        i = p;
    }
    return 0;
}

/* The Arabic comma joins digits only as a decimal comma (2،5 and 12،75
 * مليون), not in a list (الأعوام 2018،2019 or 3،4،5): 1-2 digits follow at
 * s[j], no other comma (، , or the thousands mark ٬) after them, and none
 * before the number (at start). */
bool mz_decimal_comma(const char *s, size_t len, size_t start, size_t j)
{
    uint32_t cp;
    int n;
    size_t digits = 0;
    uint32_t before = prev_undropped(s, len, start);
    if (before == ',' || before == 0x060C || before == 0x066C)
        return false;
    while (class_at(s, len, (j = skip_dropped(s, len, j)), &cp, &n) == MZ_C_DIGIT) {
        digits++; /* the number goes on past a direction mark, as the tokenizer reads it */
        j += (size_t)n;
    }
    return digits >= 1 && digits <= 2 &&
           !(class_at(s, len, j, &cp, &n) >= 0 && (cp == 0x060C || cp == ',' || cp == 0x066C));
}

/* The tables' blocks for U+06xx, where Arabic letters are: two bytes each,
 * a lead byte D8..DB and a continuation byte. */
typedef struct block06 {
    const uint8_t *cclass;
    const uint16_t *norm;
} block06;

/* The run of Arabic letters at s[*i..] that continue a word of class c:
 * two-byte U+06xx code points of class c or marks, each normalizing to two
 * bytes or to nothing, and none a hamza that could start a hamza run (ء, ئ;
 * آ أ ؤ إ normalize to ا and و, which mz_hamza_step does not count as
 * hamzas). Writes their normalized bytes to o, at most max, advances *i
 * past them and returns the bytes written. With no hamza run under way
 * (the caller checks), the word loop would do just that, one code point at
 * a time; it takes the code point that ends the run (an end of word, a
 * hamza, any other letter) the usual way. */
static inline size_t arabic_run(const char *s, size_t len, size_t *i, int c, const block06 *b,
                                char *o, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t j = *i, k = 0;
    while (k + 2 <= max && j + 1 < len) {
        unsigned b0 = u[j], b1 = u[j + 1];
        if ((b0 & 0xFC) != 0xD8 || (b1 & 0xC0) != 0x80)
            break;
        unsigned low = (b0 & 3u) << 6 | (b1 & 0x3Fu); /* the code point is U+0600 + low */
        int cl = b->cclass[low];
        if ((cl != c && cl != MZ_C_MARK) || low == 0x21 || low == 0x26)
            break;
        unsigned e = b->norm[low];
        if (e == 0) {
            o[k] = (char)b0;
            o[k + 1] = (char)b1;
            k += 2;
        } else if (e > 1) {
            const uint8_t *p = mz_norm_pool + (e - 2);
            if (p[0] != 2)
                break;
            o[k] = (char)p[1];
            o[k + 1] = (char)p[2];
            k += 2;
        }
        j += 2;
    }
    *i = j;
    return k;
}

#define WORD_NOMEM (-2)

/* Appends the normalized form of the word at s[*i], whose first code point
 * (*cp, *n bytes) is of class c: the code points that follow of the same
 * class or marks, up to a multi-word ligature. Leaves *i, *cp and *n at the
 * code point that ends the word and returns its class (class_at), or
 * WORD_NOMEM. Most of the tokenizer's time is spent here, so the arena's
 * cursor and limit are kept in locals: stored through toks, they would be
 * read back from memory after every byte written to the arena (a char store
 * may alias anything). */
static inline int read_word(mz_tokens *toks, const char *s, size_t len, int c, size_t *pi,
                            uint32_t *pcp, int *pn)
{
    size_t i = *pi, used = toks->norm_used;
    uint32_t cp = *pcp;
    int n = *pn, c2;
    char *norm = toks->norm;
    size_t cap = toks->norm_cap;
    mz_hamza_run hamza = {0};
    const block06 b = {mz_cclass_blocks[mz_cclass_index[0x06]],
                       mz_norm_blocks[mz_norm_index[0x06]]};
    for (;;) { /* the code point at s[i] (cp, n bytes) belongs to the word */
        size_t i0 = i;
        /* no hamza run to follow: take Arabic letters in bulk, keeping
         * NORM_ROOM bytes free before each, as the reserve below. A fresh
         * arena (norm NULL, cap 0) has no room: norm + 0 would be undefined. */
        size_t max = cap - used >= NORM_ROOM ? cap - used - NORM_ROOM + 2 : 0;
        if (!hamza.on && max)
            used += arabic_run(s, len, &i, c, &b, norm + used, max);
        if (i == i0) { /* anything else: one code point */
            if (used + NORM_ROOM > cap) {
                toks->norm_used = used;
                if (arena_grow(toks, NORM_ROOM) < 0)
                    return WORD_NOMEM;
                norm = toks->norm;
                cap = toks->norm_cap;
            }
            size_t at = used;
            used += norm_copy(norm + used, s + i, n, mz_norm_entry(cp));
            if (mz_hamza_maybe(&hamza, cp)) /* rare: the loop stays tight */
                mz_hamza_step(&hamza, cp, norm, at, used);
            i += (size_t)n;
        }
        c2 = class_at(s, len, i, &cp, &n);
        if ((c2 != c && c2 != MZ_C_MARK) || (c2 >= 0 && multiword(cp)))
            break;
    }
    toks->norm_used = used;
    *pi = i;
    *pcp = cp;
    *pn = n;
    return c2;
}

/* bad == NULL: skip invalid bytes; else stop at the first one. Every byte
 * the loops consume was decoded by class_at, and a failed decode always
 * comes back to the top of the main loop, so the first failure found there
 * is the first in the text. */
static inline mz_status tokenize(const char *s, size_t len, bool with_punct, mz_tokens *toks,
                                 size_t *bad)
{
    if (len > UINT32_MAX)
        return MZ_ERR_NOMEM; /* offsets are 32-bit */
    size_t i = 0;
    uint32_t cp = 0;
    int n = 0, c = -1;
    bool have = false; /* c, cp and n already hold the code point at s[i] */
    while (i < len) {
        if (!have) /* else the word loop decoded it, as the one ending a word */
            c = class_at(s, len, i, &cp, &n);
        have = false;
        if (c < 0) { /* invalid byte: skip it, or stop there */
            if (bad) {
                *bad = i;
                return MZ_ERR_UTF8;
            }
            i++;
            continue;
        }
        /* A percent sign written before its number (%85: many Arabic sites
         * type it so, and it displays as 85% right to left) belongs to the
         * number, normalized as 85%. */
        size_t start = i;
        bool lead_pct = false;
        if (c == MZ_C_PUNCT && percent_sign(cp)) {
            uint32_t cp2;
            int n2;
            size_t k = skip_dropped(s, len, i + (size_t)n);
            if (class_at(s, len, k, &cp2, &n2) == MZ_C_DIGIT) {
                lead_pct = true;
                i = k;
                cp = cp2;
                n = n2;
                c = MZ_C_DIGIT;
            }
        }
        if (c == MZ_C_SPACE || c == MZ_C_OTHER || c == MZ_C_MARK ||
            (c == MZ_C_PUNCT && !with_punct)) {
            i += (size_t)n;
            continue;
        }
        if (multiword(cp)) {
            if (push_multiword(toks, s, i, n, cp) != MZ_OK)
                return MZ_ERR_NOMEM;
            i += (size_t)n;
            continue;
        }
        size_t norm0 = toks->norm_used;
        mz_tok_kind kind;
        if (c == MZ_C_PUNCT) {
            kind = MZ_TOK_PUNCT;
            if (arena_reserve(toks, NORM_ROOM) < 0)
                return MZ_ERR_NOMEM;
            put_norm(toks, s, i, n, cp);
            i += (size_t)n;
        } else if (c == MZ_C_DIGIT) {
            kind = MZ_TOK_NUMBER;
            for (;;) {
                if (arena_reserve(toks, NORM_ROOM) < 0)
                    return MZ_ERR_NOMEM;
                put_norm(toks, s, i, n, cp);
                i += (size_t)n;
                /* what follows the digit, past marks that add nothing */
                size_t j = skip_dropped(s, len, i);
                int c2 = class_at(s, len, j, &cp, &n);
                if (c2 == MZ_C_DIGIT) {
                    i = j;
                    continue;
                }
                uint32_t cp3;
                int n3;
                size_t k = c2 >= 0 ? skip_dropped(s, len, j + (size_t)n) : j;
                if (c2 >= 0 && number_joiner(cp) && class_at(s, len, k, &cp3, &n3) == MZ_C_DIGIT &&
                    (cp != 0x060C || mz_decimal_comma(s, len, start, k))) {
                    /* a decimal comma (only such an Arabic comma gets here) is the
                     * decimal point: 2،5 is 2.5 and ٢٫٥, in the index as in features */
                    char jc = cp == 0x066B || cp == 0x060C ? '.' : cp == 0x066C ? ',' : cp == 0x2013 ? '-' : (char)cp;
                    toks->norm[toks->norm_used++] = jc;
                    i = k;
                    cp = cp3;
                    n = n3;
                    continue;
                }
                if (c2 >= 0 && cp == ' ' && /* "85 %" as scrapers space it */
                    class_at(s, len, k, &cp3, &n3) >= 0 && percent_sign(cp3)) {
                    j = k;
                    cp = cp3;
                    n = n3;
                }
                if (c2 >= 0 && percent_sign(cp)) {
                    put_norm(toks, s, j, n, cp);
                    i = j + (size_t)n;
                } else if (lead_pct) {
                    put_norm(toks, "%", 0, 1, '%'); /* room: NORM_ROOM reserved above */
                }
                break;
            }
        } else { /* a word: letters of one script, with marks inside */
            kind = c == MZ_C_LATIN ? MZ_TOK_LATIN : MZ_TOK_WORD;
            c = read_word(toks, s, len, c, &i, &cp, &n);
            if (c == WORD_NOMEM)
                return MZ_ERR_NOMEM;
            have = true;
        }
        if (toks->norm_used == norm0)
            continue; /* normalized to nothing */
        size_t head = kind == MZ_TOK_WORD ? abd_compound(toks->norm + norm0, toks->norm_used - norm0) : 0;
        if ((head ? split_abd(toks, s, start, i, norm0, head)
                  : push_token(toks, kind, start, i, norm0, toks->norm_used - norm0)) != MZ_OK)
            return MZ_ERR_NOMEM;
        toks->norm[toks->norm_used++] = '\0';
    }
    return MZ_OK;
}

mz_status mz_tokenize(const char *s, size_t len, bool with_punct, mz_tokens *toks)
{
    return tokenize(s, len, with_punct, toks, NULL);
}

mz_status mz_tokenize_checked(const char *s, size_t len, bool with_punct, mz_tokens *toks,
                              size_t *bad_offset)
{
    size_t bad = len;
    mz_status st = tokenize(s, len, with_punct, toks, &bad);
    if (bad_offset)
        *bad_offset = bad;
    return st;
}

void mz_tokens_reset(mz_tokens *toks)
{
    toks->n = 0;
    toks->norm_used = 0;
}

void mz_tokens_clear(mz_tokens *toks)
{
    free(toks->v);
    free(toks->norm);
    memset(toks, 0, sizeof *toks);
}
