/* site.c — the site a source or URL belongs to (its registrable domain):
 * what the claim check groups voices by (check/voices.c) and what `mizan
 * list --source` matches (list.c). Moved here from check/voices.c, unchanged,
 * so the store can use it without depending on the check module. */
#include "store/db.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Second-level labels under a country code that are not a site themselves
 * (alquds.co.uk, okaz.com.sa, albaath.news.sy). */
static const char *const country_sld[] = {"ac", "co", "com", "edu", "gob", "gov", "mil",
                                          "net", "news", "org", "info", "sch"};
/* Hosts that give each author a subdomain: the subdomain is the site. */
static const char *const shared_hosts[] = {"blogspot", "wordpress", "tumblr", "wixsite",
                                           "github", "weebly", "livejournal"};

static bool label_in(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !strncasecmp(s, list[i], n))
            return true;
    return false;
}

/* The host in a source written as a URL or host:port (a substring of src,
 * *n bytes), without the DNS root's trailing dot: "aljazeera.net." would
 * otherwise have "net." as its site, shared by every .net site. A name that
 * is not a host ("قناة: الجزيرة") is kept whole. */
static const char *host_of(const char *src, size_t *n)
{
    size_t len;
    const char *p = mz_url_host(src, &len);
    bool host = memchr(p, '.', len) && !memchr(p, ' ', len) && !memchr(p, ':', len);
    if (!host) {
        *n = strlen(src);
        return src;
    }
    *n = len;
    return p;
}

/* The registrable domain of a host (a suffix of it, *len bytes from the
 * returned pointer); a name that is not a host is returned whole. */
static const char *registrable(const char *src, size_t n, size_t *len)
{
    size_t dots = 0;
    bool numeric = true;
    for (size_t i = 0; i < n; i++) {
        dots += src[i] == '.';
        numeric &= src[i] == '.' || isdigit((unsigned char)src[i]);
    }
    *len = n;
    if (dots < 2 || numeric)
        return src;
    /* start[k]: where the k-th label from the right begins (0: the top level) */
    size_t start[4] = {0}, found = 0;
    for (size_t i = n; i > 0 && found < 4; i--)
        if (src[i - 1] == '.')
            start[found++] = i;
    size_t keep = 2; /* labels kept: example.com */
    size_t tld_len = n - start[0], sld_len = start[0] - 1 - start[1];
    if (tld_len == 2 && label_in(src + start[1], sld_len, country_sld,
                                 sizeof country_sld / sizeof *country_sld))
        keep = 3; /* example.co.uk */
    size_t site_at = keep <= found ? start[keep - 1] : 0;
    /* the label that names the site: a shared blog host gives the next one */
    const char *dot = memchr(src + site_at, '.', n - site_at);
    size_t name_len = dot ? (size_t)(dot - (src + site_at)) : n - site_at;
    if (label_in(src + site_at, name_len, shared_hosts, sizeof shared_hosts / sizeof *shared_hosts))
        site_at = keep < found ? start[keep] : 0;
    *len = n - site_at;
    return src + site_at;
}

/* The site of a source: its registrable domain, and on a platform where
 * accounts share the host, the account too (facebook.com/aljazeera: see
 * mz_url_account_len); *len bytes from the returned pointer. Sources that
 * are not host names ("Reuters", an IP address) are compared whole. */
const char *mz_site_of(const char *src, size_t *len)
{
    size_t n;
    const char *host = host_of(src, &n);
    const char *site = registrable(host, n, len);
    /* the path follows the host, past any port or root dot */
    *len += mz_url_account_len(site, *len, host + n + strcspn(host + n, "/?#"));
    return site;
}

bool mz_site_is(const char *site, size_t len, const char *src)
{
    if (!len || !src || !*src)
        return false;
    size_t ls;
    const char *s = mz_site_of(src, &ls);
    return ls == len && !strncasecmp(site, s, len);
}

bool mz_same_site(const char *a, const char *b)
{
    if (!a || !*a)
        return false;
    size_t la;
    const char *sa = mz_site_of(a, &la);
    return mz_site_is(sa, la, b);
}

/* a[0..n) as compared for a name: ASCII letters lowered, digits and every
 * byte of a non-ASCII letter kept, the rest (spaces, dots, hyphens) left
 * out, so «Al-Jazeera.net», «aljazeera net» and «الجزيرة نت» each meet
 * their other spellings; into out[cap]; false when it does not fit. */
static bool name_key(const char *a, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c < 0x80 && !isalnum(c))
            continue;
        if (k + 1 >= cap)
            return false;
        out[k++] = (char)(c < 0x80 ? tolower(c) : c);
    }
    out[k] = '\0';
    return true;
}

static bool same_name(const char *key, const char *b, size_t n)
{
    char kb[512];
    return b && name_key(b, n, kb, sizeof kb) && kb[0] && !strcmp(key, kb);
}

/* Many Arabic sites put their own name where the byline goes (<meta
 * name="author" content="الجزيرة نت">): such an author names the site,
 * not a writer. It does when, letters and digits compared, it is the
 * source's name, the site of the source or URL («aljazeera.net»), or that
 * site's name without its suffix («Al Jazeera» for aljazeera.net). */
bool mz_author_names_site(const char *author, const char *source, const char *url)
{
    char key[512];
    if (!author || !name_key(author, strlen(author), key, sizeof key) || !key[0])
        return false;
    if (source && same_name(key, source, strlen(source)))
        return true;
    const char *from[] = {source, url};
    for (size_t i = 0; i < 2; i++) {
        if (!from[i] || !*from[i])
            continue;
        size_t n;
        const char *site = mz_site_of(from[i], &n);
        if (!memchr(site, '.', n))
            continue; /* a name, compared whole above */
        if (same_name(key, site, n) || same_name(key, site, strcspn(site, ".")))
            return true;
    }
    return false;
}
