/*
 * versions.c — an article and its corrected version. A site corrects a story
 * in place (the same URL, «30 بالمئة» where it said 20); a re-scrape stores
 * the corrected text beside the old one, since ingest replaces nothing (a
 * URL is not an article: 11 of baly2018's train URLs are listing pages that
 * held different stories on different days). At check time, two checked
 * articles with one URL (as a reader compares URLs: mz_url_key, so http and https,
 * "www.", a trailing slash, a tracking parameter or an escaped Arabic path
 * are one URL) whose texts are near-copies (mz_minhash_copies, the
 * measure that makes wire copies one voice) are two versions of one article:
 * the later counts, the earlier is kept in the report, marked superseded
 * (mz_check_member.superseded_by), and not weighed. Two different texts
 * under one URL stay two articles.
 *
 * Later: by publication day when every checked article of that URL has one
 * (mz_published_date), then by id (ingest order); by id alone when one of
 * them has no day, so the order is one order and never a cycle. The two
 * versions are always one voice (one URL is one site), so superseding moves
 * no article out of its voice.
 */
#include "check/check.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

/* Whether a is a later version than b (same URL); by_date: both have a day. */
static bool later(int64_t id_a, long day_a, int64_t id_b, long day_b, bool by_date)
{
    if (by_date && day_a != day_b)
        return day_a > day_b;
    return id_a > id_b;
}

mz_status mz_versions_latest(size_t n, const mz_version_item *v, const mz_minhash *sigs,
                             size_t *latest)
{
    long *days = n ? malloc(n * sizeof *days) : NULL;
    if (n && !days)
        return MZ_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        days[i] = mz_published_day(v[i].published); /* 0: none */
    for (size_t i = 0; i < n; i++) {
        latest[i] = i;
        if (!v[i].url_key)
            continue;
        bool by_date = days[i] > 0;
        for (size_t j = 0; j < n && by_date; j++)
            by_date = !v[j].url_key || strcmp(v[i].url_key, v[j].url_key) || days[j] > 0;
        for (size_t j = 0; j < n; j++)
            if (j != i && v[j].url_key && !strcmp(v[i].url_key, v[j].url_key) &&
                later(v[j].id, days[j], v[latest[i]].id, days[latest[i]], by_date) &&
                mz_minhash_copies(&sigs[i], &sigs[j], MZ_COPY_JACCARD))
                latest[i] = j;
    }
    free(days);
    return MZ_OK;
}

mz_status mz_mark_superseded(mz_check_result *r, const mz_minhash *sigs)
{
    size_t n = r->n_members;
    mz_version_item *v = n ? calloc(n, sizeof *v) : NULL;
    char **keys = n ? calloc(n, sizeof *keys) : NULL;
    size_t *latest = n ? malloc(n * sizeof *latest) : NULL;
    mz_status s = n && (!v || !keys || !latest) ? MZ_ERR_NOMEM : MZ_OK;
    for (size_t i = 0; i < n && s == MZ_OK; i++) {
        const mz_check_member *m = &r->members[i];
        r->members[i].superseded_by = 0;
        s = mz_url_key(m->url, &keys[i]);
        v[i] = (mz_version_item){.url_key = keys[i], .id = m->article_id,
                                 .published = m->published};
    }
    if (s == MZ_OK)
        s = mz_versions_latest(n, v, sigs, latest);
    for (size_t i = 0; i < n && s == MZ_OK; i++)
        if (latest[i] != i)
            r->members[i].superseded_by = r->members[latest[i]].article_id;
    for (size_t i = 0; keys && i < n; i++)
        free(keys[i]);
    free(keys);
    free(v);
    free(latest);
    return s;
}

/* Whether c[from..n) holds a candidate whose URL key is key. */
static bool key_past(char *const *keys, size_t from, size_t n, const char *key)
{
    for (size_t j = from; j < n; j++)
        if (keys[j] && !strcmp(keys[j], key))
            return true;
    return false;
}

/* The versions of key among c[0..n): their items and MinHash, in g[0..*ng). */
static void gather(const mz_candidate *c, char *const *keys, size_t n, const char *key,
                   size_t *g, size_t *ng, mz_version_item *v, mz_minhash *sigs)
{
    *ng = 0;
    for (size_t j = 0; j < n; j++) {
        if (!keys[j] || strcmp(keys[j], key))
            continue;
        const mz_article *a = &c[j].article;
        const char *body = a->body ? a->body : "";
        v[*ng] = (mz_version_item){.url_key = keys[j], .id = c[j].id, .published = a->published};
        mz_minhash_text(body, strlen(body), &sigs[*ng]);
        g[(*ng)++] = j;
    }
}

static void swap_candidates(mz_candidate *c, char **keys, size_t a, size_t b)
{
    mz_candidate t = c[a];
    c[a] = c[b];
    c[b] = t;
    char *k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
}

mz_status mz_pull_later_versions(mz_candidate *c, size_t n, size_t *keep)
{
    if (*keep >= n)
        return MZ_OK; /* the whole pool is kept: nothing past k */
    char **keys = calloc(n, sizeof *keys);
    size_t *g = malloc(n * sizeof *g), *latest = malloc(n * sizeof *latest);
    mz_version_item *v = malloc(n * sizeof *v);
    mz_minhash *sigs = malloc(n * sizeof *sigs);
    mz_status s = !keys || !g || !latest || !v || !sigs ? MZ_ERR_NOMEM : MZ_OK;
    for (size_t i = 0; i < n && s == MZ_OK; i++)
        s = mz_url_key(c[i].article.url, &keys[i]);
    size_t kept = *keep; /* the versions pulled in go after the k */
    for (size_t i = 0; i < kept && s == MZ_OK; i++) {
        if (!keys[i] || !key_past(keys, *keep, n, keys[i]))
            continue; /* nearly always: one article of its URL in the pool */
        size_t ng, self = 0;
        gather(c, keys, n, keys[i], g, &ng, v, sigs);
        if ((s = mz_versions_latest(ng, v, sigs, latest)) != MZ_OK)
            break;
        while (g[self] != i)
            self++;
        size_t later = g[latest[self]];
        if (later >= *keep)
            swap_candidates(c, keys, later, (*keep)++);
    }
    for (size_t i = 0; keys && i < n; i++)
        free(keys[i]);
    free(keys);
    free(g);
    free(latest);
    free(v);
    free(sigs);
    return s;
}
