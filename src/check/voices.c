/*
 * voices.c — independent voices. Re-published wire copies of one story are
 * one voice, not several: each text gets a MinHash signature of its word
 * 3-shingles (over matching keys, so diacritics and letter variants do not
 * hide a copy), and texts whose estimated Jaccard similarity reaches the
 * threshold are joined, as are articles of the same site. A copy is of its
 * story's origin's site, not its own: one wire story a second site ran must
 * not make that site's own reporting part of the first site's voice.
 * Union-find over all pairs: k is at most a few hundred, so O(k^2)
 * signature comparisons are cheap.
 *
 * A site is its registrable domain, not its host: m.almayadeen.net and
 * almayadeen.net, or mubasher.aljazeera.net and aljazeera.net, are one
 * newsroom, and counting them as two independent voices would double it.
 */
#include "check/check.h"
#include "store/db.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define SHINGLE 3

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t splitmix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

void mz_minhash_text(const char *s, size_t len, mz_minhash *out)
{
    for (size_t k = 0; k < MZ_MINHASH_K; k++)
        out->h[k] = UINT64_MAX;
    out->n_shingles = 0;
    uint64_t ring[SHINGLE] = {0};
    size_t seen = 0;
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        ring[seen % SHINGLE] = fnv1a(0xcbf29ce484222325ULL, w.key, w.key_len);
        seen++;
        if (seen < SHINGLE)
            continue;
        uint64_t sh = 0x84222325cbf29ce4ULL;
        for (size_t j = 0; j < SHINGLE; j++) /* in text order */
            sh = splitmix(sh ^ ring[(seen - SHINGLE + j) % SHINGLE]);
        out->n_shingles++;
        /* K hash functions derived from one: h_k = mix(sh ^ seed_k). */
        for (size_t k = 0; k < MZ_MINHASH_K; k++) {
            uint64_t v = splitmix(sh ^ (0x5851F42D4C957F2DULL * (k + 1)));
            if (v < out->h[k])
                out->h[k] = v;
        }
    }
}

double mz_minhash_similarity(const mz_minhash *a, const mz_minhash *b)
{
    if (a->n_shingles == 0 || b->n_shingles == 0)
        return 0.0;
    size_t same = 0;
    for (size_t k = 0; k < MZ_MINHASH_K; k++)
        same += a->h[k] == b->h[k];
    return (double)same / MZ_MINHASH_K;
}

bool mz_minhash_copies(const mz_minhash *a, const mz_minhash *b, double threshold)
{
    double j = mz_minhash_similarity(a, b);
    if (j >= threshold)
        return true;
    double small = (double)(a->n_shingles < b->n_shingles ? a->n_shingles : b->n_shingles);
    double total = (double)a->n_shingles + (double)b->n_shingles;
    if (small < MZ_COPY_MIN_SHINGLES || small * (MZ_COPY_MAX_RATIO + 1) < total)
        return false;
    /* |A∩B| = J |A∪B| and |A∪B| = |A| + |B| - |A∩B| give |A∩B| = J (|A| + |B|) / (1 + J) */
    return j * total / (1.0 + j) >= MZ_COPY_CONTAINED * small;
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void join(size_t *parent, size_t a, size_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b) /* the earlier item stays the root: voices keep rank order */
        parent[a > b ? a : b] = a < b ? a : b;
}

/* The key a site is compared by: mz_site_of's site, its words' matching
 * keys joined by one space, so a name typed by hand is one site however its
 * letters are written (الجزيرة = الجزيره = الجَزيـرة, Al Jazeera =
 * al-jazeera). NULL for no site (NULL or wordless), or out of memory (*oom). */
static char *site_key(const char *src, bool *oom)
{
    if (!src || !*src)
        return NULL;
    size_t len;
    const char *site = mz_site_of(src, &len);
    mz_buf b = {0};
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, site, len);
    int rc = 0;
    while (mz_words_next(&it, &w))
        rc |= mz_buf_append(&b, " ", b.len ? 1 : 0) | mz_buf_append(&b, w.key, w.key_len);
    if (rc || !b.len) {
        *oom |= rc != 0;
        mz_buf_free(&b);
        return NULL;
    }
    return mz_buf_take(&b);
}

/* What one item's site is known by: its source, and where it was published
 * (its URL, else a source that is a host name). named: the source is a name
 * other than that host's (og:site_name "سكاي نيوز عربية" on a portal; not
 * "Reuters" on reuters.com). */
typedef struct site_keys {
    char *source, *host;
    bool named;
} site_keys;

static bool site_keys_init(site_keys *k, const char *source, const char *url)
{
    bool oom = false;
    bool host_like = source && !strchr(source, ' ') && strchr(source, '.');
    const char *where = url && *url ? url : host_like ? source : NULL;
    k->source = site_key(source, &oom);
    k->host = site_key(where, &oom);
    /* A source that names the platform alone, as an older mizan stored it
     * ("facebook.com", the URL's host) or as typed by hand ("Facebook"),
     * for a post whose site is an account on it (facebook.com/qanat.alsahel):
     * the URL's account is the source, so two accounts' posts are two
     * voices. Off the platforms a typed name is kept ("Reuters" for
     * reuters.com stays the name "Reuters" pages without a URL give). */
    size_t sl = k->source ? strlen(k->source) : 0, wl = 0;
    const char *site = where ? mz_site_of(where, &wl) : NULL;
    bool account = site && memchr(site, '/', wl);
    if ((host_like || account) && k->host && sl && !strncmp(k->host, k->source, sl) &&
        k->host[sl] == ' ') {
        free(k->source);
        k->source = mz_strdup(k->host);
        oom |= !k->source;
    }
    /* A name that spells its host's site ("Reuters" on reuters.com, "Al
     * Jazeera" on aljazeera.net) is that site's own, not an outlet hosted
     * there: it meets the site's other names ("رويترز" on reuters.com). */
    k->named = k->source && (!k->host || strcmp(k->source, k->host)) &&
               !(where && mz_author_names_site(source, NULL, where));
    return !oom;
}

static bool key_eq(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* One site: the sources say so, or the hosts do and at most one of the two
 * names an outlet other than its host. A page's own name for its site and
 * the host another page of that site was given then meet; two outlets on
 * one portal do not. */
static bool one_site(const site_keys *a, const site_keys *b)
{
    return key_eq(a->source, b->source) || (!(a->named && b->named) && key_eq(a->host, b->host));
}

/* Whether item a was published before item b: by day when by_day (both
 * known), then by ingest order, then by rank (the item's index). */
static bool earlier(size_t a, size_t b, const int *days, const int64_t *order, bool by_day)
{
    if (by_day && days[a] != days[b])
        return days[a] < days[b];
    if (order && order[a] != order[b])
        return order[a] < order[b];
    return a < b;
}

/* The copy clusters (cp: a union-find over near-copy pairs, its roots
 * final) and, for each item, the item whose site it counts with (site[i]):
 * itself, or, when its cluster spans several sites, the cluster's origin —
 * its earliest published member when every member has a day, else the first
 * ingested. A wire story B re-published from A is A's: it must not join B's
 * own reporting, and through it, A's. */
static bool copy_clusters(size_t *cp, size_t *site, const mz_minhash *sigs, const site_keys *keys,
                          const int *days, const int64_t *order, size_t n, double threshold)
{
    for (size_t i = 0; i < n; i++)
        cp[i] = i;
    for (size_t i = 0; sigs && i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (mz_minhash_copies(&sigs[i], &sigs[j], threshold))
                join(cp, i, j);
    bool *dated = malloc(n * sizeof *dated), *spans = calloc(n, sizeof *spans);
    if (!dated || !spans) {
        free(dated);
        free(spans);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        cp[i] = find(cp, i);
        site[i] = i; /* the root's slot holds the cluster's origin */
        dated[i] = true;
    }
    for (size_t i = 0; i < n; i++)
        dated[cp[i]] &= days && days[i] > 0;
    for (size_t i = 0; i < n; i++)
        if (earlier(i, site[cp[i]], days, order, dated[cp[i]]))
            site[cp[i]] = i;
    for (size_t i = 0; keys && i < n; i++)
        spans[cp[i]] |= !one_site(&keys[i], &keys[site[cp[i]]]);
    /* the origins are read from the roots' slots, so each root's last */
    for (size_t i = n; i-- > 0;)
        site[i] = spans[cp[i]] ? site[cp[i]] : i;
    free(dated);
    free(spans);
    return true;
}

/* Joins the copy clusters, then i and j when the sites they count with are
 * one site. */
static void join_pairs(size_t *parent, const size_t *cp, const size_t *site, const site_keys *keys,
                       size_t n)
{
    for (size_t i = 0; i < n; i++)
        parent[i] = cp[i];
    for (size_t i = 0; keys && i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (one_site(&keys[site[i]], &keys[site[j]]))
                join(parent, i, j);
}

size_t mz_group_voices(const mz_minhash *sigs, const char *const *sources,
                       const char *const *urls, const int *days, const int64_t *order, size_t n,
                       double threshold, size_t *voice_of)
{
    if (n == 0)
        return 0;
    size_t *parent = malloc(n * sizeof *parent);
    size_t *number = malloc(n * sizeof *number);
    size_t *cp = malloc(n * sizeof *cp), *site = malloc(n * sizeof *site);
    site_keys *keys = sources || urls ? calloc(n, sizeof *keys) : NULL;
    size_t voices = 0;
    bool ok = parent && number && cp && site && (keys || !(sources || urls));
    for (size_t i = 0; ok && keys && i < n; i++)
        ok = site_keys_init(&keys[i], sources ? sources[i] : NULL, urls ? urls[i] : NULL);
    if (ok && copy_clusters(cp, site, sigs, keys, days, order, n, threshold)) {
        join_pairs(parent, cp, site, keys, n);
        for (size_t i = 0; i < n; i++) {
            size_t r = find(parent, i);
            if (r == i)
                number[i] = voices++;
            voice_of[i] = number[r]; /* r <= i, so already numbered */
        }
    }
    for (size_t i = 0; keys && i < n; i++) {
        free(keys[i].source);
        free(keys[i].host);
    }
    free(keys);
    free(parent);
    free(number);
    free(cp);
    free(site);
    return voices;
}
