/*
 * words.c — word iteration with a matching key, for the check module's own
 * light needs (shingles for near-copy detection, number words, the noun a
 * number counts). Retrieval and stance use the text engine's analyzer (with
 * stopwords and stemming); this keeps every word, with byte offsets, and
 * reads numbers with their separators and percent signs ("1,500", "85%"),
 * using the engine's UTF-8 decoding and per-character normalization.
 */
#include "check/check.h"
#include "text/text.h"

#include <pthread.h>
#include <string.h>

/* Letters and digits are normalized as the text engine does (normalize.c:
 * letter variants unified, Arabic-Indic digits to ASCII, diacritics and
 * tatweel dropped), so keys here and the index's terms agree. */
static bool letter_range(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064A) || /* Arabic letters first: most of our text */
           (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
           (cp >= 0x066E && cp <= 0x06D3) ||
           (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

/* mz_normalize_cp of the code points below NORM_CACHED (ASCII, Latin,
 * Arabic) that normalize to one code point or none, made once
 * (pthread_once, in mz_words_next, before any use): every character of
 * every word of every sentence the numbers reader reads is normalized.
 * norm_k: what mz_normalize_cp returns, or -1 where it is not kept. */
#define NORM_CACHED 0x700
static int8_t norm_k[NORM_CACHED];
static bool letter[NORM_CACHED]; /* letter_range, as well */
static uint32_t norm_cp[NORM_CACHED];
static pthread_once_t norm_once = PTHREAD_ONCE_INIT;

static void norm_build(void)
{
    for (uint32_t cp = 0; cp < NORM_CACHED; cp++) {
        uint32_t o[4];
        int k = mz_normalize_cp(cp, o);
        norm_k[cp] = (int8_t)(k <= 1 ? k : -1);
        norm_cp[cp] = k == 1 ? o[0] : 0;
        letter[cp] = letter_range(cp);
    }
}

static inline bool is_letter(uint32_t cp)
{
    return cp < NORM_CACHED ? letter[cp] : letter_range(cp);
}

/* mz_normalize_cp(cp, o), from the table where it has cp. */
static inline int normalize(uint32_t cp, uint32_t o[4])
{
    if (cp < NORM_CACHED && norm_k[cp] >= 0) {
        o[0] = norm_cp[cp];
        return norm_k[cp];
    }
    return mz_normalize_cp(cp, o);
}

static int digit_value(uint32_t cp)
{
    uint32_t o[4];
    return normalize(cp, o) == 1 && o[0] >= '0' && o[0] <= '9' ? (int)(o[0] - '0') : -1;
}

/* Separators within a number (3.5, 1,500, ٣٫٥, 2،5) and percent signs. */
static bool is_separator(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == 0x060C || cp == 0x066B || cp == 0x066C;
}

static bool is_percent(uint32_t cp)
{
    return cp == '%' || cp == 0x066A;
}

/* A mark the normalizer drops (diacritics, tatweel, direction marks). */
static bool dropped(uint32_t cp)
{
    uint32_t o[4];
    return normalize(cp, o) == 0;
}

/* Whether the number goes on at s[i] past dropped marks: a digit, a
 * separator or a percent sign follows them. If so, *next is where. */
static bool number_goes_on(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t cp;
    int n;
    while (i < len && (n = mz_utf8_decode(s, len, i, &cp)) > 0 && dropped(cp))
        i += (size_t)n;
    if (i >= len || mz_utf8_decode(s, len, i, &cp) == 0)
        return false;
    if (digit_value(cp) < 0 && !is_percent(cp) && !is_separator(cp))
        return false;
    *next = i;
    return true;
}

void mz_words_init(mz_word_iter *it, const char *s, size_t len)
{
    it->s = s;
    it->len = len;
    it->pos = 0;
}

static void key_put(mz_word *w, uint32_t cp)
{
    char *k = w->key + w->key_len;
    if (cp < 0x80) {
        if (w->key_len + 1 < sizeof w->key) {
            k[0] = (char)cp;
            k[1] = '\0';
            w->key_len += 1;
        }
    } else if (cp < 0x800) {
        if (w->key_len + 2 < sizeof w->key) {
            k[0] = (char)(0xC0 | (cp >> 6));
            k[1] = (char)(0x80 | (cp & 0x3F));
            k[2] = '\0';
            w->key_len += 2;
        }
    } else {
        char tmp[4];
        int n = mz_utf8_encode(cp, tmp);
        if (w->key_len + (size_t)n < sizeof w->key) {
            memcpy(k, tmp, (size_t)n);
            w->key_len += (size_t)n;
            w->key[w->key_len] = '\0';
        }
    }
}

bool mz_words_next(mz_word_iter *it, mz_word *w)
{
    pthread_once(&norm_once, norm_build);
    size_t i = it->pos;
    uint32_t cp = 0;
    int n = 0;
    /* skip to the first letter or digit */
    while (i < it->len) {
        n = mz_utf8_next(it->s, it->len, i, &cp);
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
    mz_hamza_run hamza = {0};
    while (i < it->len) {
        n = mz_utf8_next(it->s, it->len, i, &cp);
        if (n == 0)
            break;
        uint32_t o[4]; /* cp normalized, once: its digit (digit_value) and its letters */
        int k = normalize(cp, o);
        int d = k == 1 && o[0] >= '0' && o[0] <= '9' ? (int)(o[0] - '0') : -1;
        if (digits) {
            if (d >= 0) {
                key_put(w, (uint32_t)('0' + d));
            } else if (is_separator(cp) && i + (size_t)n < it->len) {
                /* a separator counts only between digits: 3.5, 1,500, ٣٫٥, 2،5 */
                uint32_t nx;
                int m = mz_utf8_decode(it->s, it->len, i + (size_t)n, &nx);
                if (m == 0 || digit_value(nx) < 0 ||
                    (cp == 0x060C && !mz_decimal_comma(it->s, it->len, w->start, i + (size_t)n)))
                    break;
                key_put(w, cp == ',' || cp == 0x060C || cp == 0x066C ? ',' : '.');
            } else if (is_percent(cp)) {
                key_put(w, '%');
                i += (size_t)n;
                break;
            } else if (k == 0 && number_goes_on(it->s, it->len, i, &i)) { /* dropped(cp) */
                continue; /* 85<RLM>%, 1<ALM>,500: marks right-to-left editors insert */
            } else {
                break;
            }
        } else {
            if (k > 0 && !is_letter(cp))
                break;
            /* a letter goes in normalized; a mark the normalizer drops
             * (diacritics, tatweel, zero-width joiners) is part of the word
             * and adds nothing to the key */
            size_t at = w->key_len;
            for (int j = 0; j < k; j++)
                key_put(w, o[j]);
            mz_hamza_step(&hamza, cp, w->key, at, w->key_len); /* مسئول keys as مسؤول */
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
    /* Longest prefixes first; a prefix goes only if 3+ letters remain. A
     * bare ك ("like") is not one: it is far likelier the noun's own first
     * letter (كيلومتر، كتيبة، كمين) than a clitic on a counted noun, and
     * stripping it made كمال and مال one key. */
    static const char *const prefixes[] = {"وال", "بال", "فال", "كال", "لل", "ال",
                                           "و",   "ف",   "ب",   "ل"};
    /* no "يه": a feminine nisba keeps its ي (دولية → دولي, as دولي), so an
     * adjective is not its noun (دولة → دول: «لجنة تحقيق دولية» counted
     * the states of «15 دولة») */
    static const char *const suffixes[] = {"ين", "ون", "ات", "ان", "ه", "ا"};
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
