/* derive.c — what the store works out from an article's text: its title
 * (first line), its source (url host, or an "المصدر:" line) and the hash that
 * identifies exact duplicates. */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 400 /* bytes; a "first line" longer than this is not a title */

/* Steps *p (< end) past the next line; [*s, *e) is that line trimmed of
 * white space (empty for a blank line). */
static void next_line(const char **p, const char *end, const char **s, const char **e)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *s = *p;
    *e = nl ? nl : end;
    *p = nl ? nl + 1 : end;
    mz_trim_span(s, e);
}

char *mz_first_line(const char *text, size_t len)
{
    const char *p = text, *end = text + len, *s, *e;
    while (p < end) {
        next_line(&p, end, &s, &e);
        if (s < e) {
            if (e - s > TITLE_MAX) {
                e = s + TITLE_MAX;
                while (e > s && ((unsigned char)*e & 0xC0) == 0x80)
                    e--;
            }
            return mz_strndup(s, (size_t)(e - s));
        }
    }
    return mz_strdup("");
}

char *mz_url_source(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t n = strcspn(p, "/?#");
    const char *at = memchr(p, '@', n); /* user:password@host */
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    const char *colon = memchr(p, ':', n); /* :port */
    if (colon)
        n = (size_t)(colon - p);
    if (n > 4 && !strncasecmp(p, "www.", 4)) {
        p += 4;
        n -= 4;
    }
    if (n == 0 || !memchr(p, '.', n))
        return NULL;
    char *host = mz_strndup(p, n);
    if (host)
        for (char *c = host; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    return host;
}

/* "المصدر: وكالة سانا" on a line of its own names the outlet of a plain
 * text file. Only a short value counts: scraped pages glue menus onto such
 * lines ("المصدر : وكالات آخر الأخبار وأبرزها ..."), and a wrong source is
 * worse than none (it groups articles into voices). */
char *mz_source_line(const char *text, size_t len)
{
    static const char label[] = "المصدر";
    const char *p = text, *end = text + len, *s, *e;
    while (p < end) {
        next_line(&p, end, &s, &e);
        size_t ll = sizeof label - 1;
        if ((size_t)(e - s) > ll && !memcmp(s, label, ll)) {
            const char *v = s + ll;
            while (v < e && *v == ' ')
                v++;
            if (v < e && *v == ':') {
                v++;
                mz_trim_span(&v, &e);
                int words = 1;
                for (const char *c = v; c < e; c++)
                    words += *c == ' ';
                if (e - v >= 2 && e - v <= 60 && words <= 4)
                    return mz_strndup(v, (size_t)(e - v));
            }
        }
    }
    return NULL;
}

/* 128-bit hash (two independent 64-bit FNV-1a style lanes) of the
 * normalized text with white-space runs collapsed, as 32 hex digits. Two
 * texts that differ only in diacritics, letter variants or spacing collide
 * on purpose: they are the same article. */
mz_status mz_norm_hash(const char *text, size_t len, char out[33], mz_error *err)
{
    char *norm;
    size_t nlen;
    mz_status s = mz_normalize(text, len, &norm, &nlen, NULL, err);
    if (s != MZ_OK)
        return s;
    uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    bool space = true; /* drops leading white space */
    for (size_t i = 0; i < nlen; i++) {
        unsigned char c = (unsigned char)norm[i];
        if (isspace(c)) {
            space = true;
            continue;
        }
        if (space && i > 0) {
            h1 = (h1 ^ ' ') * 0x100000001b3ULL;
            h2 = (h2 ^ ' ') * 0x9E3779B97F4A7C15ULL;
        }
        space = false;
        h1 = (h1 ^ c) * 0x100000001b3ULL;
        h2 = (h2 ^ c) * 0x9E3779B97F4A7C15ULL;
        h2 ^= h2 >> 29;
    }
    free(norm);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
    return MZ_OK;
}

