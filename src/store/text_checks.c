/* text_checks.c — what counts as text and as white space for an article:
 * NUL bytes, UTF-16, invalid UTF-8, nothing but (Unicode) white space. */
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <string.h>

static bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x061C ||
           (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* White space, or a control mz_blank_controls turns into a space. */
static bool is_space_or_control(uint32_t cp)
{
    return is_space_cp(cp) || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* True when every character of s[0, len) is one that is(); false at an
 * invalid byte. */
static bool every_cp(const char *s, size_t len, bool (*is)(uint32_t))
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = mz_utf8_decode(s, len, i, &cp);
        if (n <= 0 || !is(cp))
            return false;
        i += (size_t)n;
    }
    return true;
}

bool mz_text_blank(const char *s, size_t len)
{
    return every_cp(s, len, is_space_cp);
}

mz_status mz_text_check(const char *text, size_t len, const char *what, mz_error *err)
{
    const char *nul = memchr(text, '\0', len);
    mz_status s = mz_utf16_refuse_at(text, len, nul, what, err);
    if (s != MZ_OK)
        return s;
    if (nul)
        return mz_fail(err, MZ_ERR_BINARY, "%s: binary data (NUL byte at offset %zu), not text",
                       what, (size_t)(nul - text));
    size_t bad;
    if (mz_utf8_check(text, len, &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "%s: invalid UTF-8 at byte offset %zu%s", what, bad,
                       mz_utf8_hint(text, len));
    if (mz_text_blank(text, len))
        return mz_fail(err, MZ_ERR_EMPTY, "%s: %s", what, len ? "only white space" : "empty");
    /* stored, it would be a blank article: its controls become spaces */
    if (every_cp(text, len, is_space_or_control))
        return mz_fail(err, MZ_ERR_BINARY,
                       "%s: binary data (control characters and white space only), not text", what);
    return MZ_OK;
}

/* U+202A..U+202E (embeddings, overrides, PDF) and U+2066..U+2069 (isolates):
 * they open or close a direction scope that runs on past a title or a
 * quoted sentence, so an unclosed RLO would turn the rest of a report line
 * around (and can disguise what it says). The marks LRM, RLM and ALM have
 * no scope and stay. */
static bool is_bidi_scope(const unsigned char *p)
{
    return (p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
           (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9);
}

void mz_blank_controls(char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            s[i] = ' ';
        else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9F) { /* C1: U+0080..U+009F */
            s[i] = s[i + 1] = ' ';
            i++;
        } else if (c == 0xE2 && i + 2 < len && is_bidi_scope((const unsigned char *)s + i)) {
            s[i] = s[i + 1] = s[i + 2] = ' ';
            i += 2;
        }
    }
}

char *mz_lone_cr_to_lf(const char *s, size_t len, bool *copied)
{
    *copied = false;
    const char *p = s, *end = s + len;
    while ((p = memchr(p, '\r', (size_t)(end - p))) && p + 1 < end && p[1] == '\n')
        p += 2; /* CRLF: the line splitters handle it */
    if (!p)
        return NULL;
    *copied = true;
    char *t = mz_strndup(s, len);
    if (!t)
        return NULL;
    for (size_t k = 0; k < len; k++) /* byte for byte: offsets hold */
        if (t[k] == '\r' && (k + 1 == len || t[k + 1] != '\n'))
            t[k] = '\n';
    return t;
}

void mz_clean_line(char *v)
{
    size_t len = strlen(v);
    mz_blank_controls(v, len);
    for (size_t i = 0; i < len; i++)
        if (v[i] == '\t' || v[i] == '\n' || v[i] == '\r')
            v[i] = ' ';
    const char *b = v, *e = v + len;
    mz_trim_span(&b, &e);
    memmove(v, b, (size_t)(e - b));
    v[e - b] = '\0';
}

void mz_clean_lines(char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i])
            mz_clean_line(v[i]);
}

void mz_trim_span(const char **s, const char **e)
{
    while (*s < *e) {
        uint32_t cp;
        int n = mz_utf8_decode(*s, (size_t)(*e - *s), 0, &cp);
        if (n <= 0 || !is_space_cp(cp))
            break;
        *s += n;
    }
    while (*e > *s) {
        const char *p = *e - 1;
        while (p > *s && ((unsigned char)*p & 0xC0) == 0x80)
            p--;
        uint32_t cp;
        int n = mz_utf8_decode(p, (size_t)(*e - p), 0, &cp);
        if (n <= 0 || !is_space_cp(cp))
            break;
        *e = p;
    }
}

