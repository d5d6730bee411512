/*
 * utf8.c — strict UTF-8 decoding (RFC 3629): no overlong forms, no UTF-16
 * surrogates, nothing above U+10FFFF, no truncated sequences.
 */
#include "text/tables.h"
#include "text/text.h"
#include "util/util.h"

#include <string.h>

int mz_utf8_decode(const char *str, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t left = len - i;
    if (c < 0xC2) /* continuation byte, or overlong 2-byte lead C0/C1 */
        return 0;
    if (c < 0xE0) {
        if (left < 2 || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (left < 3 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) /* overlong, surrogate */
            return 0;
        *cp = v;
        return 3;
    }
    if (c < 0xF5) {
        if (left < 4 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
                     ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
        if (v < 0x10000 || v > 0x10FFFF)
            return 0;
        *cp = v;
        return 4;
    }
    return 0; /* F5..FF never appear in UTF-8 */
}

int mz_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t mz_utf8_cp_offset(const char *s, size_t byte_off)
{
    size_t n = 0;
    for (size_t i = 0; i < byte_off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) /* count lead bytes */
            n++;
    return n;
}

size_t mz_utf8_cut_words(const char *s, size_t len, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t chars = 0, cut, blank_at = 0, blank_chars = 0;
    bool blank_seen = false;
    for (cut = 0; cut < len; cut++) {
        if ((p[cut] & 0xC0) == 0x80)
            continue;
        if (chars == max_chars)
            break;
        if (mz_blank_byte(p[cut])) {
            blank_at = cut;
            blank_chars = chars;
            blank_seen = true;
        }
        chars++;
    }
    if (cut == len)
        return len;
    size_t end = cut;
    if (!mz_blank_byte(p[cut]) && !(cut > 0 && mz_blank_byte(p[cut - 1]))) { /* inside a word */
        if (!blank_seen || chars - blank_chars > MZ_CUT_WORD_BACK)
            return cut; /* one long run of letters */
        end = blank_at;
    }
    while (end > 0 && mz_blank_byte(p[end - 1]))
        end--;
    return end > 0 ? end : cut; /* never nothing but "…" */
}

size_t mz_utf8_cut_words_folded(const char *s, size_t len, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t raw = 0, shown = 0;
    bool any = false;
    for (size_t i = 0; i < len && shown < max_chars; i++) {
        if ((p[i] & 0xC0) == 0x80)
            continue;
        raw++;
        if (mz_blank_byte(p[i])) {
            shown += any && !mz_blank_byte(p[i - 1]); /* a run's first blank shows */
            continue;
        }
        any = true;
        shown++;
    }
    return mz_utf8_cut_words(s, len, raw);
}

mz_status mz_utf8_check(const char *s, size_t len, size_t *bad_offset)
{
    if (!s && len) {
        if (bad_offset)
            *bad_offset = 0;
        return MZ_ERR_ARG;
    }
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        /* ASCII fast path */
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int n = mz_utf8_next(s, len, i, &cp); /* inlined for Arabic's 2 bytes */
        if (n == 0) {
            if (bad_offset)
                *bad_offset = i;
            return MZ_ERR_UTF8;
        }
        i += (size_t)n;
    }
    if (bad_offset)
        *bad_offset = len;
    return MZ_OK;
}

char *mz_utf8_repair(const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s);
    if (mz_utf8_check(s, len, NULL) == MZ_OK)
        return mz_strndup(s, len); /* nearly always: one pass, one copy */
    mz_buf b = {0};
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = mz_utf8_decode(s, len, i, &cp);
        int rc = n ? mz_buf_append(&b, s + i, (size_t)n) : mz_buf_puts(&b, "\xEF\xBF\xBD");
        if (rc != 0) {
            mz_buf_free(&b);
            return NULL;
        }
        i += n ? (size_t)n : 1;
    }
    return mz_buf_take(&b);
}
