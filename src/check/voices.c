/*
 * voices.c — independent voices. Re-published wire copies of one story are
 * one voice, not several: each text gets a MinHash signature of its word
 * 3-shingles (over matching keys, so diacritics and letter variants do not
 * hide a copy), and texts whose estimated Jaccard similarity reaches the
 * threshold are joined, as are articles of the same site. Union-find over all
 * pairs: k is at most a few hundred, so O(k^2) signature comparisons are cheap.
 */
#include "check/check.h"

#include <stdlib.h>
#include <strings.h>

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

size_t mz_group_voices(const mz_minhash *sigs, const char *const *sources, size_t n,
                       double threshold, size_t *voice_of)
{
    if (n == 0)
        return 0;
    size_t *parent = malloc(n * sizeof *parent);
    size_t *number = malloc(n * sizeof *number);
    if (!parent || !number) {
        free(parent);
        free(number);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            bool same_site = sources && sources[i] && sources[j] && sources[i][0] &&
                             strcasecmp(sources[i], sources[j]) == 0;
            if (same_site || (sigs && mz_minhash_similarity(&sigs[i], &sigs[j]) >= threshold))
                join(parent, i, j);
        }
    size_t voices = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = find(parent, i);
        if (r == i)
            number[i] = voices++;
        voice_of[i] = number[r]; /* r <= i, so already numbered */
    }
    free(parent);
    free(number);
    return voices;
}
