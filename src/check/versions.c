/*
 * versions.c — an article and its corrected version. A site corrects a story
 * in place (the same URL, «30 بالمئة» where it said 20); a re-scrape stores
 * the corrected text beside the old one, since ingest replaces nothing (a
 * URL is not an article: 11 of baly2018's train URLs are listing pages that
 * held different stories on different days). At check time, two checked
 * articles with one URL whose texts are near-copies (mz_minhash_copies, the
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

#include <stdlib.h>
#include <string.h>

/* y*10000 + m*100 + d of a publication date, -1 when there is none. */
static long day_of(const char *published)
{
    int y, m, d;
    return mz_published_date(published, &y, &m, &d) ? (long)y * 10000 + m * 100 + d : -1;
}

static bool same_url(const mz_check_member *a, const mz_check_member *b)
{
    return a->url && *a->url && b->url && !strcmp(a->url, b->url);
}

/* Whether a is a later version than b (same URL); by_date: both have a day. */
static bool later(const mz_check_member *a, long day_a, const mz_check_member *b, long day_b,
                  bool by_date)
{
    if (by_date && day_a != day_b)
        return day_a > day_b;
    return a->article_id > b->article_id;
}

mz_status mz_mark_superseded(mz_check_result *r, const mz_minhash *sigs)
{
    size_t n = r->n_members;
    long *days = n ? malloc(n * sizeof *days) : NULL;
    if (n && !days)
        return MZ_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        r->members[i].superseded_by = 0;
        days[i] = day_of(r->members[i].published);
    }
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        bool by_date = days[i] >= 0;
        for (size_t j = 0; j < n && by_date; j++)
            by_date = !same_url(m, &r->members[j]) || days[j] >= 0;
        size_t latest = i;
        for (size_t j = 0; j < n; j++)
            if (j != i && same_url(m, &r->members[j]) &&
                later(&r->members[j], days[j], &r->members[latest], days[latest], by_date) &&
                mz_minhash_copies(&sigs[i], &sigs[j], MZ_COPY_JACCARD))
                latest = j;
        if (latest != i)
            m->superseded_by = r->members[latest].article_id;
    }
    free(days);
    return MZ_OK;
}
