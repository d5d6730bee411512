/*
 * sentences.c — sentence splitting for Arabic news as scraped from the web.
 *
 * A sentence ends at . ! ? ؟ ؛ … (a run of them: "؟!" "..."), at a line
 * break (scraped texts put one paragraph or headline per line), and keeps
 * the closing quotes and brackets that follow its terminator. A period does
 * not end a sentence inside a number (1.5, 11.10.2017), when glued to a Latin
 * letter or digit (www.site.com), after a one-letter initial or abbreviation
 * (J. Smith, د. محمد, م. 2017, U.S.) or a common Latin abbreviation (Dr.,
 * Mr.). A quotation in «», “” or straight "" closed on the same line is kept
 * whole: a period inside a quoted statement does not cut the reporting
 * sentence. Nor does an elision mark, (...) or […], cut the quotation it
 * shortens.
 */
#include "text/tables.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX 1000 /* bytes: a longer "quotation" is probably unbalanced */

static bool is_terminator(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ ||
           cp == 0x061B /* ؛ */ || cp == 0x2026 /* … */ || cp == 0x06D4 /* ۔ */ ||
           cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

static bool is_closer(uint32_t cp)
{
    return cp == 0x00BB /* » */ || cp == 0x201D /* ” */ || cp == 0x2019 /* ’ */ ||
           cp == 0x203A /* › */ || cp == ')' || cp == ']' || cp == '}' || cp == '"' ||
           cp == '\'' || cp == 0xFD3E /* ﴾ closes in RTL text */;
}

static bool is_line_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

/* Decodes at i; invalid bytes count as one opaque byte (class OTHER). */
static int cp_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
    int n = mz_utf8_next(s, len, i, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return n;
}

/* Start of the code point that ends just before byte i. */
static size_t prev_start(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static bool blank(uint32_t cp)
{
    int c = mz_cclass(cp);
    return c == MZ_C_SPACE || (c == MZ_C_MARK && mz_norm_entry(cp) == 1);
}

/* What a sentence's span is trimmed of at its end: white space and the invisible
 * direction and format marks (RLM, LRM, ALM, isolates, BOM, word joiner,
 * soft hyphen). Not the other characters blank() lets pass: a diacritic or
 * tatweel ending a sentence (قَالَ الرَّئِيسُ, 1438 هـ) belongs to its last
 * letter, and a span cut before it would highlight the letter bare. */
static bool edge_blank(uint32_t cp)
{
    return mz_cclass(cp) == MZ_C_SPACE || cp == 0x00AD || cp == 0x061C || cp == 0x200E ||
           cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

static const char *const LATIN_ABBREV[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "inc", "ltd", "co",
    "no", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "fig", "al", "jan",
    "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft"};

/* Is the one-letter word at s[w] the era letter م or ه(ـ) after a number
 * and white space ("2016 م", "1438 هـ")? */
static bool era_after_number(const char *s, size_t len, size_t from, size_t w)
{
    uint32_t letter, prev = 0;
    cp_at(s, len, w, &letter);
    if (letter != 0x0645 && letter != 0x0647)
        return false;
    size_t p = w;
    while (p > from && s[p - 1] == ' ')
        p--;
    if (p == from || p == w)
        return false;
    cp_at(s, p, prev_start(s, p), &prev);
    return mz_cclass(prev) == MZ_C_DIGIT;
}

/* Does the period at s[i] end a sentence? `from` bounds the look-back. */
static bool period_ends(const char *s, size_t len, size_t from, size_t i)
{
    uint32_t next = 0, prev = 0;
    if (i + 1 < len)
        cp_at(s, len, i + 1, &next);
    if (i + 1 < len) {
        int nc = mz_cclass(next);
        if (nc == MZ_C_DIGIT || nc == MZ_C_LATIN) /* 1.5, site.com, U.S */
            return false;
    }
    /* The word just before the period (scrapes often space punctuation
     * off: "د . محمد", "U . S ."). */
    size_t w = i;
    if (w > from && s[w - 1] == ' ')
        w--;
    size_t word_end = w;
    int wc = -1, before = -1;
    size_t letters = 0;
    while (w > from) {
        size_t p = prev_start(s, w);
        cp_at(s, len, p, &prev);
        int c = mz_cclass(prev);
        if (c == MZ_C_MARK)
            ; /* diacritics inside the word */
        else if (c == MZ_C_LETTER || c == MZ_C_LATIN)
            wc = c, letters++;
        else {
            before = c;
            break;
        }
        w = p;
    }
    /* initial or one-letter abbreviation: J. د. م. — but a letter written
     * onto a number is its unit, and the period after it ends the sentence:
     * «عام 1950م.», «في 1438هـ.». Set off by a space, only the era letters
     * (م AD, ه AH) are read so: «منذ 2016 م .» ends, «عام 2016 د. محمد» not. */
    if (letters == 1)
        return before == MZ_C_DIGIT || (before == MZ_C_SPACE && era_after_number(s, len, from, w));
    if (wc == MZ_C_LATIN && letters <= 4) {
        char low[8];
        size_t n = word_end - w;
        if (n < sizeof low) {
            for (size_t k = 0; k < n; k++)
                low[k] = (char)tolower((unsigned char)s[w + k]);
            low[n] = '\0';
            for (size_t k = 0; k < sizeof LATIN_ABBREV / sizeof *LATIN_ABBREV; k++)
                if (strcmp(low, LATIN_ABBREV[k]) == 0)
                    return false;
        }
    }
    return true;
}

/* Does the straight quote at s[i] open a quotation? Only after a blank, the
 * start of the sentence or an opening mark (":" "(" "،"), and before a
 * non-blank: «قال "..."». Otherwise it closes one, or is an inch mark. */
static bool opens_straight_quote(const char *s, size_t len, size_t from, size_t i)
{
    if (i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n')
        return false;
    if (i == from)
        return true;
    uint32_t prev;
    cp_at(s, len, prev_start(s, i), &prev);
    return blank(prev) || prev == ':' || prev == '(' || prev == 0x060C;
}

/* If s[i] opens a quotation closed on the same line within QUOTE_MAX bytes,
 * returns the offset just past its closing mark; else 0. *budget bounds the
 * bytes scanned over the whole text, so a line of thousands of unbalanced «
 * stays linear: once spent, quotations are no longer kept whole. */
static size_t quote_end(const char *s, size_t len, size_t i, uint32_t open, size_t *budget)
{
    uint32_t close = open == 0x00AB ? 0x00BB : open == '"' ? '"' : 0x201D;
    size_t j = i + (size_t)cp_at(s, len, i, &open);
    int depth = 1;
    while (j < len && j - i < QUOTE_MAX) {
        if (*budget == 0)
            return 0;
        uint32_t cp;
        int n = cp_at(s, len, j, &cp);
        *budget -= *budget < (size_t)n ? *budget : (size_t)n;
        if (is_line_break(cp))
            return 0;
        if (open == '"' && cp == '"' && j + 1 < len) {
            /* after a blank and before a word, a straight quote opens the
             * next quotation: the first was never closed (قال "نعم. ثم ...
             * قال المصدر "لا شيء" ...) */
            uint32_t pc, nc;
            cp_at(s, len, prev_start(s, j), &pc);
            cp_at(s, len, j + 1, &nc);
            if (blank(pc) && !blank(nc) && !is_line_break(nc))
                return 0;
        }
        if (cp == close) { /* first: a straight quote closes itself */
            if (--depth == 0)
                return j + (size_t)n;
        } else if (cp == open) {
            depth++;
        }
        j += (size_t)n;
    }
    return 0;
}

/* If the period or ellipsis at s[i] starts an elision mark, written inside
 * brackets: (...) [...] (…), returns the offset of its closing bracket;
 * else 0. */
static size_t elision_end(const char *s, size_t len, size_t from, size_t i)
{
    size_t p = i;
    while (p > from && s[p - 1] == ' ')
        p--;
    if (p == from || (s[p - 1] != '(' && s[p - 1] != '['))
        return 0;
    size_t j = i;
    while (j < len && (s[j] == '.' || s[j] == ' ' ||
                       (len - j >= 3 && !memcmp(s + j, "\xE2\x80\xA6", 3))))
        j += s[j] == '.' || s[j] == ' ' ? 1 : 3;
    return j < len && (s[j] == ')' || s[j] == ']') ? j : 0;
}

static mz_status emit(const char *s, size_t len, size_t a, size_t b, mz_sentences *out)
{
    uint32_t cp;
    while (a < b) { /* trim leading blanks (a mark there has no letter to sit on) */
        int n = cp_at(s, len, a, &cp);
        if (!blank(cp))
            break;
        a += (size_t)n;
    }
    while (b > a) { /* trim trailing blanks */
        size_t p = prev_start(s, b);
        cp_at(s, len, p, &cp);
        if (!edge_blank(cp))
            break;
        b = p;
    }
    bool content = false; /* a "sentence" of only punctuation is dropped */
    for (size_t k = a; k < b && !content;) {
        int n = cp_at(s, len, k, &cp);
        int c = mz_cclass(cp);
        content = c == MZ_C_LETTER || c == MZ_C_LATIN || c == MZ_C_DIGIT;
        k += (size_t)n;
    }
    if (!content)
        return MZ_OK;
    if (mz_array_grow(&out->v, &out->cap, out->n, sizeof *out->v, 16) != 0)
        return MZ_ERR_NOMEM;
    out->v[out->n].start = (uint32_t)a;
    out->v[out->n].end = (uint32_t)b;
    out->n++;
    return MZ_OK;
}

/* Extends a sentence end over following terminators and closing marks. */
static size_t absorb_closers(const char *s, size_t len, size_t j)
{
    while (j < len) {
        uint32_t cp;
        int n = cp_at(s, len, j, &cp);
        if (!(is_terminator(cp) || is_closer(cp)))
            break;
        if (cp == '"' || cp == '\'') { /* ASCII quote: closing only before a blank */
            uint32_t nx = ' ';
            if (j + (size_t)n < len)
                cp_at(s, len, j + (size_t)n, &nx);
            if (!blank(nx) && !is_closer(nx) && !is_terminator(nx))
                break;
        }
        j += (size_t)n;
    }
    return j;
}

mz_status mz_split_sentences(const char *s, size_t len, mz_sentences *out)
{
    if (len > UINT32_MAX)
        return MZ_ERR_NOMEM;
    size_t start = 0, i = 0, quote_budget = 4 * len + 4096;
    while (i < len) {
        uint32_t cp;
        int n = cp_at(s, len, i, &cp);
        if (is_line_break(cp)) {
            if (emit(s, len, start, i, out) != MZ_OK)
                return MZ_ERR_NOMEM;
            start = i = i + (size_t)n;
            continue;
        }
        if (cp == 0x00AB || cp == 0x201C || (cp == '"' && opens_straight_quote(s, len, start, i))) {
            size_t q = quote_end(s, len, i, cp, &quote_budget);
            if (q) {
                /* A quotation that itself ends the sentence: «...انتهى.» */
                size_t p = prev_start(s, prev_start(s, q)); /* before the closer */
                uint32_t last = 0;
                while (p > i) {
                    cp_at(s, len, p, &last);
                    if (!blank(last))
                        break;
                    p = prev_start(s, p);
                }
                /* ... unless it is a short exclamation in quotes: بـ“الإرهابي!” ورحل */
                size_t spaces = 0;
                for (size_t k = i; k < q; k++)
                    spaces += s[k] == ' ';
                if ((spaces >= 3 || last == '.') && is_terminator(last) &&
                    (last != '.' || period_ends(s, len, i, p))) {
                    size_t j = absorb_closers(s, len, q);
                    if (emit(s, len, start, j, out) != MZ_OK)
                        return MZ_ERR_NOMEM;
                    start = i = j;
                } else {
                    i = q;
                }
                continue;
            }
        }
        size_t elided = cp == '.' || cp == 0x2026 ? elision_end(s, len, start, i) : 0;
        if (elided) {
            i = elided; /* (...) shortens a quotation; it does not end it */
            continue;
        }
        if (is_terminator(cp) && (cp != '.' || period_ends(s, len, start, i))) {
            size_t j = absorb_closers(s, len, i + (size_t)n);
            if (emit(s, len, start, j, out) != MZ_OK)
                return MZ_ERR_NOMEM;
            start = i = j;
            continue;
        }
        i += (size_t)n;
    }
    return emit(s, len, start, len, out);
}

void mz_sentences_clear(mz_sentences *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}
