/*
 * words.c — word iteration with a matching key, for the check module's own
 * light needs (shingles for near-copy detection, number words, the noun a
 * number counts). Retrieval and stance use the text engine's analyzer; this
 * is deliberately small and self-contained so voices and numbers work on any
 * text, byte offsets included.
 */
#include "check/check.h"

#include <string.h>

/* Decodes one UTF-8 code point; returns its length, or 0 if invalid. */
static int decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + (size_t)n > len)
        return 0;
    uint32_t v = c & (0x3F >> (n - 1));
    for (int k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static int digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x0660 && cp <= 0x0669)
        return (int)(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9)
        return (int)(cp - 0x06F0);
    return -1;
}

/* Marks that vanish inside a word: diacritics, tatweel, zero-width joiners. */
static bool is_ignorable(uint32_t cp)
{
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
           (cp >= 0x200B && cp <= 0x200F) || cp == 0x061C;
}

static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
           (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
           (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

static uint32_t fold(uint32_t cp)
{
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; /* alef variants */
    case 0x0649: return 0x064A; /* alef maqsura -> yaa */
    case 0x0629: return 0x0647; /* taa marbuta -> haa */
    case 0x0624: return 0x0648; /* waw with hamza */
    case 0x0626: return 0x064A; /* yaa with hamza */
    }
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    return cp;
}

void mz_words_init(mz_word_iter *it, const char *s, size_t len)
{
    it->s = s;
    it->len = len;
    it->pos = 0;
}

static void key_put(mz_word *w, uint32_t cp)
{
    char tmp[4];
    int n = encode(cp, tmp);
    if (w->key_len + (size_t)n < sizeof w->key) {
        memcpy(w->key + w->key_len, tmp, (size_t)n);
        w->key_len += (size_t)n;
        w->key[w->key_len] = '\0';
    }
}

bool mz_words_next(mz_word_iter *it, mz_word *w)
{
    const unsigned char *s = (const unsigned char *)it->s;
    size_t i = it->pos;
    uint32_t cp = 0;
    int n = 0;
    /* skip to the first letter or digit */
    while (i < it->len) {
        n = decode(s, it->len, i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (is_letter(cp) || digit_value(cp) >= 0)
            break;
        i += (size_t)n;
    }
    if (i >= it->len) {
        it->pos = it->len;
        return false;
    }
    w->start = i;
    w->key_len = 0;
    w->key[0] = '\0';
    bool digits = digit_value(cp) >= 0;
    w->is_number = digits;
    while (i < it->len) {
        n = decode(s, it->len, i, &cp);
        if (n == 0)
            break;
        int d = digit_value(cp);
        if (digits) {
            if (d >= 0) {
                key_put(w, (uint32_t)('0' + d));
            } else if ((cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C) &&
                       i + (size_t)n < it->len) {
                /* a separator counts only between digits: 3.5, 1,500, ٣٫٥ */
                uint32_t nx;
                int m = decode(s, it->len, i + (size_t)n, &nx);
                if (m == 0 || digit_value(nx) < 0)
                    break;
                key_put(w, cp == ',' || cp == 0x066C ? ',' : '.');
            } else if (cp == '%' || cp == 0x066A) {
                key_put(w, '%');
                i += (size_t)n;
                break;
            } else {
                break;
            }
        } else {
            if (is_ignorable(cp)) {
                /* part of the word, adds nothing to the key */
            } else if (is_letter(cp)) {
                key_put(w, fold(cp));
            } else {
                break;
            }
        }
        i += (size_t)n;
    }
    w->end = i;
    it->pos = i;
    return true;
}

/* Byte length of the code point starting at key[i] (keys are valid UTF-8). */
static size_t cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t n_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i += cp_len((unsigned char)s[i]))
        n++;
    return n;
}

static bool starts_with(const char *s, size_t len, const char *p)
{
    size_t pl = strlen(p);
    return len >= pl && memcmp(s, p, pl) == 0;
}

static bool ends_with(const char *s, size_t len, const char *p)
{
    size_t pl = strlen(p);
    return len >= pl && memcmp(s + len - pl, p, pl) == 0;
}

size_t mz_word_stem(const char *key, size_t len, int plural, char *out, size_t cap)
{
    /* Longest prefixes first; a prefix goes only if 3+ letters remain. */
    static const char *const prefixes[] = {"وال", "بال", "فال", "كال", "لل", "ال",
                                           "و",   "ف",   "ب",   "ل",   "ك"};
    static const char *const suffixes[] = {"ين", "ون", "ات", "ان", "يه", "ه", "ا"};
    const char *p = key;
    size_t n = len;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        if (starts_with(p, n, prefixes[k])) {
            size_t pl = strlen(prefixes[k]);
            if (n_chars(p + pl, n - pl) >= 3) {
                p += pl;
                n -= pl;
                break;
            }
        }
    }
    if (plural) {
        for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
            if (ends_with(p, n, suffixes[k])) {
                size_t sl = strlen(suffixes[k]);
                if (n_chars(p, n - sl) >= 3) {
                    n -= sl;
                    break;
                }
            }
        }
    }
    if (cap == 0)
        return 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
            n--; /* never cut a character in half */
    }
    memcpy(out, p, n);
    out[n] = '\0';
    return n;
}
