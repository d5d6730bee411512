/* fuzz_derive.c — the plain-text article parsers of ingest (src/store/derive.c)
 * on arbitrary bytes: mz_first_line, mz_derive_title, mz_source_line,
 * mz_date_line and mz_norm_hash over the whole input, mz_url_source over its
 * first line.
 * Invariants: no crash or leak;
 *  - a title is never NULL, at most 400 bytes (+ "…" when cut at a word),
 *    has no newline, and is valid UTF-8 when the input is what ingest lets
 *    through (valid UTF-8 without NUL bytes);
 *  - a source line is NULL or at most 60 bytes of at most 4 words, no
 *    newline, and for such input at least 2 bytes of valid UTF-8;
 *  - a date line gives NULL or a real day as YYYY-MM-DD (1990..2100);
 *  - a URL host is NULL or a non-empty name with a dot, no ASCII upper
 *    case and none of '/', '?', '#', ':' (path, query, fragment, port);
 *  - a URL's key (mz_url_key) is valid UTF-8 for a valid URL, no longer
 *    than it;
 *  - the hash is 32 lowercase hex digits, and equal for the input with
 *    diacritics and tatweel inserted, white-space runs lengthened (tab,
 *    no-break space) and padded at both ends (what "differ only in
 *    diacritics or spacing" means). */
#include "store/db.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_MAX 400
#define ELLIPSIS_LEN (sizeof "…" - 1)

static int valid(const char *s, size_t n)
{
    return mz_utf8_check(s, n, NULL) == MZ_OK;
}

static void check_title(const char *t, int input_valid)
{
    if (!t)
        abort();
    size_t n = strlen(t);
    if (n > TITLE_MAX + ELLIPSIS_LEN || memchr(t, '\n', n))
        abort();
    if (input_valid && !valid(t, n))
        abort();
}

static void check_source_line(const char *s, int input_valid)
{
    if (!s)
        return;
    size_t n = strlen(s), words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    if (n > 60 || words > 4 || memchr(s, '\n', n) || (input_valid && (n < 2 || !valid(s, n))))
        abort();
}

static void check_host(const char *h, const char *url)
{
    if (!h)
        return;
    size_t n = strlen(h);
    /* a host, and on a platform where accounts share it, "/account" */
    const char *slash = strchr(h, '/');
    size_t hn = slash ? (size_t)(slash - h) : n;
    if (hn == 0 || !memchr(h, '.', hn) || memchr(h, ':', hn) || strpbrk(h, "?#") || n > strlen(url))
        abort();
    if (slash && mz_url_account_len(h, hn, slash) != n - hn)
        abort();
    for (const char *c = h; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            abort();
    if (valid(url, strlen(url)) && !valid(h, n))
        abort();
}

/* A URL's key (mz_url_key): valid UTF-8 when the URL is (it goes into a
 * TEXT column; a URL cut in the middle of an escaped letter gave a lone
 * lead byte), and no longer than the URL. */
static void check_url_key(const char *url)
{
    char *key = NULL;
    if (mz_url_key(url, &key) != MZ_OK || !key)
        return; /* out of memory, or no URL */
    size_t n = strlen(key);
    if (n > strlen(url) || (valid(url, strlen(url)) && !valid(key, n)))
        abort();
    free(key);
}

static int is_hex32(const char *h)
{
    if (strlen(h) != 32)
        return 0;
    for (int i = 0; i < 32; i++)
        if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
            return 0;
    return 1;
}

/* The input with a fatha (U+064E) and a tatweel (U+0640) after every
 * character, a tab and a no-break space after every space and white space
 * at both ends: the same article for the duplicate check. */
static char *decorate(const char *s, size_t n, size_t *out_n)
{
    char *o = malloc(n * 6 + 8), *p = o;
    if (!o)
        return NULL;
    memcpy(p, " \n", 2);
    p += 2;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = mz_utf8_decode(s, n, i, &cp);
        if (l <= 0) {
            free(o);
            return NULL;
        }
        memcpy(p, s + i, (size_t)l);
        p += l;
        i += (size_t)l;
        if (cp == ' ')
            memcpy(p, "\t\xC2\xA0", 3), p += 3;
        else
            memcpy(p, "\xD9\x8E\xD9\x80", 4), p += 4;
    }
    memcpy(p, "\r\n ", 3);
    p += 3;
    *out_n = (size_t)(p - o);
    return o;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
    const char *text = (const char *)data;
    /* What ingest lets through (mz_text_check): valid UTF-8 without NUL. */
    int utf8 = valid(text, n), ok = utf8 && !memchr(text, '\0', n);

    char *t = mz_first_line(text, n);
    check_title(t, ok);
    free(t);
    t = mz_derive_title(text, n);
    check_title(t, ok);
    free(t);
    char *src = mz_source_line(text, n);
    check_source_line(src, ok);
    free(src);
    char *date = mz_date_line(text, n);
    if (date) {
        int y, m, d;
        char tail;
        if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
            y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
            __builtin_trap();
    }
    free(date);

    const char *nl = memchr(text, '\n', n);
    size_t ul = nl ? (size_t)(nl - text) : n;
    char *url = malloc(ul + 1);
    if (!url)
        return 0;
    memcpy(url, text, ul);
    url[ul] = '\0';
    char *host = mz_url_source(url);
    check_host(host, url);
    free(host);
    check_url_key(url);
    free(url);

    char h1[33], h2[33];
    mz_error err;
    if (mz_norm_hash(text, n, h1, &err) != MZ_OK) {
        if (utf8 || err.code != MZ_ERR_UTF8)
            abort();
        return 0;
    }
    if (!utf8 || !is_hex32(h1))
        abort();
    size_t dn;
    char *d = decorate(text, n, &dn);
    if (!d)
        return 0;
    if (mz_norm_hash(d, dn, h2, &err) != MZ_OK || strcmp(h1, h2))
        abort();
    free(d);
    return 0;
}
