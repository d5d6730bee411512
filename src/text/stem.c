/*
 * stem.c — light stemming of normalized Arabic words for retrieval, and the
 * optional Snowball pass after it.
 *
 * The light stemmer strips at most one clitic prefix, then suffixes, with
 * guards on the stem length. Lone one-letter prefixes (و ف ب ك ل) are often
 * part of the root (وزير, فلسطين, بلد, كتب, لبنان), so they are stripped only
 * when 4+ letters remain, ف ب ل only before a letter that starts a derived
 * pattern (لمواجهة, بتنفيذ), and و not from a short list of frequent news
 * words where it is a root letter (وزارة, وكالة, واشنطن).
 *
 * Snowball's Arabic stemmer alone turns والمفاوضات into والمفاوضا; applied to
 * the light stem (مفاوض) it is stable, so the clitic step always runs first.
 */
#include "text/text.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* Letters are handled as one byte each: the code point minus U+0600. */
enum {
    ALEF = 0x27, BEH = 0x28, TEH = 0x2A, FEH = 0x41, KAF = 0x43, LAM = 0x44,
    MEEM = 0x45, NOON = 0x46, HEH = 0x47, WAW = 0x48, YEH = 0x4A
};
typedef uint8_t letter;

#define MAX_LETTERS 64

/* The letter at w[0..1] (a two-byte U+0621..U+064A), or -1 for anything else. */
static int letter_at(const char *w)
{
    unsigned b0 = (unsigned char)w[0], b1 = (unsigned char)w[1];
    unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    if ((b0 != 0xD8 && b0 != 0xD9) || (b1 & 0xC0) != 0x80 || cp < 0x621 || cp > 0x64A)
        return -1;
    return (int)(cp - 0x600);
}

static size_t copy_out(const char *w, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    size_t n = len < cap - 1 ? len : cap - 1;
    while (n < len && n > 0 && ((unsigned char)w[n] & 0xC0) == 0x80)
        n--; /* cut a word too long for out between characters, never inside one */
    memcpy(out, w, n);
    out[n] = '\0';
    return n;
}

static bool ends_with(const letter *c, size_t n, const letter *suf, size_t k)
{
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (c[n - k + i] != suf[i])
            return false;
    return true;
}

typedef struct listed_word {
    const char *w;
    size_t len;
} listed_word;
#define W(s) {s, sizeof s - 1}

/* Frequent news words (normalized, as a prefix) whose first letter is a
 * root letter although it looks like the conjunction و. */
static const listed_word WAW_ROOTS[] = {
    W("وزار"), W("وزير"), W("وزرا"), W("وكال"), W("ولايه"), W("ولايات"), W("واشنطن"), W("وطن"),
    W("وحده"), W("وحدات"), W("وجود"), W("واقع"), W("وصول"), W("وسايل"), W("وثايق"), W("وفاه"),
    W("وقايع"), W("ورقه"), W("وسط"), W("وزن"),
};

static bool starts_with_root(const char *w, size_t len)
{
    for (size_t k = 0; k < sizeof WAW_ROOTS / sizeof *WAW_ROOTS; k++)
        if (len >= WAW_ROOTS[k].len && memcmp(w, WAW_ROOTS[k].w, WAW_ROOTS[k].len) == 0)
            return true;
    return false;
}

/* Whole words (normalized) that start with وال / بال but carry no article:
 * والد "father" and its forms, بالغ "grave, adult". Stripping would leave two
 * letters (والدة -> ده) and merge them with whatever else does. */
static const listed_word AL_ROOT_WORDS[] = {
    W("والد"), W("والده"), W("والدته"), W("والدها"), W("والدهم"), W("والدي"), W("والدا"),
    W("والدان"), W("والداه"), W("بالغ"), W("بالغه"), W("بالغا"), W("بالغين"), W("بالغون"),
};

static bool al_root_word(const char *w, size_t len)
{
    for (size_t k = 0; k < sizeof AL_ROOT_WORDS / sizeof *AL_ROOT_WORDS; k++)
        if (AL_ROOT_WORDS[k].len == len && memcmp(w, AL_ROOT_WORDS[k].w, len) == 0)
            return true;
    return false;
}

/* Strips one clitic prefix; returns how many letters to skip. */
static size_t prefix_len(const letter *c, size_t n, const char *w, size_t len)
{
    /* وال بال فال كال, then لل ال: the remainder keeps at least 2 letters
     * (الحق, والرد: many roots are doubled two-letter ones). */
    if (n >= 5 && c[1] == ALEF && c[2] == LAM &&
        (c[0] == WAW || c[0] == BEH || c[0] == FEH || c[0] == KAF))
        return al_root_word(w, len) ? 0 : 3;
    if (n >= 4 && c[0] == LAM && c[1] == LAM)
        return 2;
    if (n >= 4 && c[0] == ALEF && c[1] == LAM)
        return 2;
    if (n < 5) /* lone letters: only when 4+ letters remain */
        return 0;
    letter next = c[1];
    if (c[0] == WAW)
        return starts_with_root(w, len) ? 0 : 1;
    /* ف ب ل only before the letters that start derived patterns (مفعول,
     * تفعيل, نفعل): لمواجهة بتنفيذ, but not فلسطين بريطانيا ليبيا بيروت.
     * ك (like, as) is rare in news as a clitic: only before م (كممثل). */
    if ((c[0] == FEH || c[0] == BEH || c[0] == LAM) &&
        (next == MEEM || next == TEH || next == NOON))
        return 1;
    /* ... or before the ا of افتعال / انفعال / استفعال masdars (a ت or ن
     * follows it): باتجاه, لانتخاب, باستخدام, but not باريس, باكستان. */
    if ((c[0] == FEH || c[0] == BEH || c[0] == LAM) && next == ALEF && n >= 6 &&
        (c[2] == TEH || c[3] == TEH || c[2] == NOON))
        return 1;
    if (c[0] == KAF && next == MEEM)
        return 1;
    return 0;
}

static const letter SUFFIXES[][4] = {
    /* {length, letters...}, longest first */
    {3, HEH, MEEM, ALEF},                                    /* هما */
    {2, ALEF, TEH}, {2, WAW, NOON}, {2, YEH, NOON}, {2, ALEF, NOON}, /* ات ون ين ان */
    {2, HEH, ALEF}, {2, HEH, MEEM}, {2, KAF, MEEM}, {2, NOON, ALEF}, /* ها هم كم نا */
    {2, YEH, HEH},                                           /* يه (ية) */
    {1, HEH}, {1, YEH},                                      /* ه (ة) ي */
};
#define N_SUFFIXES (sizeof SUFFIXES / sizeof *SUFFIXES)

/* Strips suffixes, each at most once, while a stem of at least 3 letters
 * remains: layers stack (فلسطين+ي+ون), so فلسطين / فلسطيني / الفلسطينيون
 * all end up together, but the root's own ه in مواجهة survives. */
static size_t strip_suffixes(const letter *c, size_t n)
{
    unsigned used = 0; /* bit k: SUFFIXES[k] stripped */
    for (;;) {
        size_t before = n;
        for (size_t k = 0; k < N_SUFFIXES; k++) {
            size_t l = SUFFIXES[k][0];
            /* the word's last letter first: it rules out most suffixes */
            if (n >= l + 3 && c[n - 1] == SUFFIXES[k][l] && !(used >> k & 1) &&
                ends_with(c, n, SUFFIXES[k] + 1, l)) {
                n -= l;
                used |= 1u << k;
                break;
            }
        }
        if (n == before)
            return n;
    }
}

size_t mz_stem_light(const char *w, size_t len, char *out, size_t cap)
{
    /* Plain Arabic words only: every letter U+0621..U+064A, two bytes. */
    letter c[MAX_LETTERS];
    if (len % 2 || len / 2 > MAX_LETTERS)
        return copy_out(w, len, out, cap);
    size_t n = len / 2;
    for (size_t k = 0; k < n; k++) {
        int l = letter_at(w + 2 * k);
        if (l < 0)
            return copy_out(w, len, out, cap);
        c[k] = (letter)l;
    }
    /* الله keeps its article: stripping it would leave the pronoun له. The
     * forms: الله والله بالله لله ولله فلله. */
    static const letter allah[] = {ALEF, LAM, LAM, HEH};
    static const letter lillah[] = {LAM, LAM, HEH};
    const letter *s = c;
    if ((n == 3 && ends_with(c, n, lillah, 3)) ||
        (n == 4 && (c[0] == WAW || c[0] == FEH) && ends_with(c, n, lillah, 3)) ||
        (n >= 4 && n <= 5 && ends_with(c, n, allah, 4))) {
        s = allah;
        n = 4;
    } else {
        size_t p = prefix_len(c, n, w, len);
        s = c + p;
        n = strip_suffixes(s, n - p);
    }
    if (cap == 0)
        return 0;
    if (2 * n + 1 > cap)
        n = (cap - 1) / 2;
    for (size_t k = 0; k < n; k++) {
        unsigned cp = 0x600u + s[k];
        out[2 * k] = (char)(0xC0 | (cp >> 6));
        out[2 * k + 1] = (char)(0x80 | (cp & 0x3F));
    }
    out[2 * n] = '\0';
    return 2 * n;
}

struct mz_stemmer {
    struct sb_stemmer *sb; /* NULL: light stemming only */
    char buf[MAX_LETTERS * 4 + 1];
};

mz_stemmer *mz_stemmer_new(bool snowball)
{
    mz_stemmer *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    if (snowball) {
        st->sb = sb_stemmer_new("arabic", "UTF_8");
        if (!st->sb) {
            free(st);
            return NULL;
        }
    }
    return st;
}

void mz_stemmer_free(mz_stemmer *st)
{
    if (!st)
        return;
    if (st->sb)
        sb_stemmer_delete(st->sb);
    free(st);
}

/* Whether Snowball's stem r (rl bytes) of the light stem l (ll bytes) has
 * eaten a first letter that the light stemmer kept: a lone و ف ب ك ل that
 * is a root letter far more often than a clitic once the light stemmer has
 * declined it. Snowball strips those whenever 3 letters remain (وزارة ->
 * زار "visited", وسائل -> سائل "liquid", فلسطين -> لسط, بيان -> يان), which
 * merges unrelated words in the index. It is given back when Snowball's stem
 * is that letter's removal plus a stem of 3 letters or fewer, or when the
 * light stemmer protects the word by name (WAW_ROOTS); a longer remainder
 * after ل ب (لسوريا -> سوري) is mostly a real clitic and stays stripped. */
static bool ate_root_letter(const char *l, size_t ll, const char *r, size_t rl)
{
    if (ll < 4 || rl + 2 > ll || memcmp(l + 2, r, rl) != 0)
        return false; /* not "one letter off the front" (and the rest a prefix of it) */
    int c = letter_at(l);
    if (c != WAW && c != FEH && c != BEH && c != KAF && c != LAM)
        return false;
    return rl / 2 <= 3 || (c == WAW && starts_with_root(l, ll));
}

const char *mz_stemmer_stem(mz_stemmer *st, const char *w, size_t len, size_t *out_len)
{
    size_t n = mz_stem_light(w, len, st->buf, sizeof st->buf);
    if (st->sb && n > 0) {
        const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)st->buf, (int)n);
        if (r) {
            size_t rl = (size_t)sb_stemmer_length(st->sb);
            if (ate_root_letter(st->buf, n, (const char *)r, rl)) {
                /* keep the letter: the light stem's first rl + 2 bytes */
                st->buf[rl + 2] = '\0';
                if (out_len)
                    *out_len = rl + 2;
                return st->buf;
            }
            if (out_len)
                *out_len = rl;
            return (const char *)r;
        }
    }
    if (out_len)
        *out_len = n;
    return st->buf;
}
