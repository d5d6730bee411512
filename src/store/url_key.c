/* url_key.c — a URL as a reader compares it (mz_url_key): two spellings of
 * one page's address, as two scrapers or one scraper on two days store
 * them, give one key. What two versions of an article are compared by
 * (check/versions.c, and the store's own index of them, schema step 10).
 *
 * One key for: http and https; a "www." host, a mobile edition's "m." or
 * "mobile." and the bare one, any case,
 * the DNS root's dot, the scheme's own port (:80, :443); a user:password@;
 * a trailing slash; a fragment (#comments: the same page), unless it is a
 * "#!" route, which selects the page on the sites that use one; tracking
 * parameters a link picks up on its way (utm_*, fbclid, gclid…); an
 * escaped byte of a non-ASCII letter or of an unreserved character
 * («%D8%A7» and «ا», «%41» and «A»), the other escapes' hex digits in
 * capitals. Kept apart: every other query parameter, in its order (?id=12
 * and ?id=13, ?p=… select different pages), the path's case, another
 * port, another scheme (a URL of another scheme is its own key, as
 * given). */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Parameters a link picks up for the sender's analytics, not the page:
 * names in full, and the prefix utm_. */
static const char *const tracking[] = {"fbclid", "gclid",  "dclid",  "gbraid", "wbraid", "msclkid",
                                       "yclid",  "igshid", "mc_cid", "mc_eid", "_ga",    "_gl"};

static bool is_tracking(const char *p, size_t n)
{
    size_t name = 0;
    while (name < n && p[name] != '=')
        name++;
    if (name >= 4 && !strncasecmp(p, "utm_", 4))
        return true;
    for (size_t i = 0; i < sizeof tracking / sizeof *tracking; i++)
        if (strlen(tracking[i]) == name && !strncasecmp(p, tracking[i], name))
            return true;
    return false;
}

static int hex(char c)
{
    return isdigit((unsigned char)c) ? c - '0'
           : isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10
                                        : -1;
}

/* The byte %XX at p[i] (i < n), or -1 when none is there. */
static int escaped_at(const char *p, size_t n, size_t i)
{
    int hi = p[i] == '%' && i + 2 < n ? hex(p[i + 1]) : -1;
    int lo = hi >= 0 ? hex(p[i + 2]) : -1;
    return lo < 0 ? -1 : hi * 16 + lo;
}

static bool append_escape(mz_buf *b, unsigned char c)
{
    static const char digits[] = "0123456789ABCDEF";
    char out[3] = {'%', digits[c >> 4], digits[c & 15]};
    return !mz_buf_append(b, out, 3);
}

/* The run of escaped bytes >= 0x80 at p[*i] onto b: each UTF-8 character
 * they spell as itself, a byte of none (a URL cut in the middle of a letter,
 * «…%D8%A4%D9», or escapes of a legacy code page) kept escaped, so the key
 * is valid UTF-8 as a TEXT column must be. *i is left on the run's last. */
static bool append_escaped_run(mz_buf *b, const char *p, size_t n, size_t *i)
{
    char run[64];
    size_t len = 0, at = *i;
    int c;
    while (len < sizeof run && at < n && (c = escaped_at(p, n, at)) >= 0x80) {
        run[len++] = (char)c;
        at += 3;
    }
    *i = at - 1;
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        int step = mz_utf8_decode(run, len, k, &cp);
        if (step > 0 ? mz_buf_append(b, run + k, (size_t)step) != 0
                     : !append_escape(b, (unsigned char)run[k]))
            return false;
        k += step > 0 ? (size_t)step : 1;
    }
    return true;
}

/* p[0..n) onto b with its escapes read: a non-ASCII letter or an
 * unreserved character written as itself, another escape kept, its digits
 * in capitals (%2f and %2F are one; %2F and / are not). */
static bool append_unescaped(mz_buf *b, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int c = escaped_at(p, n, i);
        if (c < 0) {
            if (mz_buf_append(b, p + i, 1))
                return false;
            continue;
        }
        if (c >= 0x80) {
            if (!append_escaped_run(b, p, n, &i))
                return false;
            continue;
        }
        bool plain = isalnum(c) || strchr("-._~", c);
        char ch = (char)c;
        if (plain ? mz_buf_append(b, &ch, 1) != 0 : !append_escape(b, (unsigned char)c))
            return false;
        i += 2;
    }
    return true;
}

/* The key of the trimmed URL t[0..len), not http(s) ones handled by the caller. */
static mz_status key_of(const char *t, size_t len, bool https, char **out)
{
    const char *e = t + len;
    mz_buf b = {0};
    size_t hn;
    const char *host = mz_url_host(t, &hn);
    const char *after = host + hn; /* past the host: a root dot, a port, the path */
    const char *path = after + strcspn(after, "/?#");
    /* "www.", and a mobile edition's "m." or "mobile.": one page of the
     * site (the same path under the same registrable domain) */
    static const char *const editions[] = {"www.", "m.", "mobile."};
    for (size_t i = 0; i < sizeof editions / sizeof *editions; i++) {
        size_t en = strlen(editions[i]);
        if (hn > en && !strncasecmp(host, editions[i], en) && memchr(host + en, '.', hn - en)) {
            host += en;
            hn -= en;
            break;
        }
    }
    bool ok = !mz_buf_append(&b, host, hn);
    for (size_t i = 0; ok && i < b.len; i++)
        b.p[i] = (char)tolower((unsigned char)b.p[i]);
    /* a port other than the scheme's own */
    const char *colon = memchr(after, ':', (size_t)(path - after));
    if (ok && colon) {
        size_t pn = (size_t)(path - colon - 1);
        bool own = (pn == 2 && !strncmp(colon + 1, "80", 2) && !https) ||
                   (pn == 3 && !strncmp(colon + 1, "443", 3) && https);
        if (!own && pn)
            ok = !mz_buf_append(&b, colon, pn + 1);
    }
    const char *query = path + strcspn(path, "?#");
    size_t path_at = b.len;
    ok = ok && append_unescaped(&b, path, (size_t)(query - path));
    while (ok && b.len > path_at && b.p[b.len - 1] == '/')
        b.len--;
    const char *frag = query + strcspn(query, "#");
    bool first = true;
    for (const char *p = query + (*query == '?'); ok && p < frag;) {
        size_t n = strcspn(p, "&#");
        if (n && !is_tracking(p, n)) {
            ok = !mz_buf_append(&b, first ? "?" : "&", 1) && append_unescaped(&b, p, n);
            first = false;
        }
        p += n + (p[n] == '&');
    }
    if (ok && frag[0] == '#' && frag[1] == '!') /* a "#!" route selects the page */
        ok = append_unescaped(&b, frag, (size_t)(e - frag));
    if (!ok || !b.len) { /* "http://" names no page */
        mz_buf_free(&b);
        return ok ? MZ_OK : MZ_ERR_NOMEM;
    }
    b.p[b.len] = '\0'; /* the slashes dropped above */
    *out = mz_buf_take(&b);
    return MZ_OK;
}

mz_status mz_url_key(const char *url, char **out)
{
    *out = NULL;
    if (!url)
        return MZ_OK;
    const char *s = url, *e = url + strlen(url);
    while (s < e && isspace((unsigned char)*s))
        s++;
    while (e > s && isspace((unsigned char)e[-1]))
        e--;
    if (s == e)
        return MZ_OK;
    char *t = mz_strndup(s, (size_t)(e - s));
    if (!t)
        return MZ_ERR_NOMEM;
    const char *sep = strstr(t, "://");
    size_t scheme = sep ? (size_t)(sep - t) : 0;
    bool https = scheme == 5 && !strncasecmp(t, "https", 5);
    if (sep && !https && !(scheme == 4 && !strncasecmp(t, "http", 4))) {
        *out = t; /* another scheme: as given */
        return MZ_OK;
    }
    mz_status st = key_of(t, (size_t)(e - s), https, out);
    free(t);
    return st;
}
