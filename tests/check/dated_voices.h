/* dated_voices.h — a check result of one voice per body, for the tests of
 * how the numbers of several reports meet (test_numbers_rising.c,
 * test_numbers_replaced.c, test_numbers_absent.c, test_numbers_points.c,
 * test_numbers_corrected_figure.c): each body's one sentence its evidence, its
 * stance agree, published as given (NULL, or a NULL entry: not known);
 * the numbers collected. Include after cmocka.h. */
#ifndef MZ_TEST_DATED_VOICES_H
#define MZ_TEST_DATED_VOICES_H

#include <stdlib.h>
#include <string.h>

#include "check/check.h"

static inline mz_check_result *collect(const char *claim, const char *const *bodies,
                                       const char *const *published, size_t n)
{
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(n, sizeof *r->members);
    r->n_members = n;
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = (int64_t)i + 1;
        m->voice = (int)i + 1;
        m->stance = MZ_AGREE;
        m->body = strdup(bodies[i]);
        m->body_len = strlen(bodies[i]);
        m->published = published && published[i] ? strdup(published[i]) : NULL;
        m->evidence[m->n_evidence++] = (mz_evidence){0, m->body_len, 0.8, "assertion"};
    }
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    return r;
}

/* Two or more agreeing voices of one member each (the tests of a claim's
 * day: test_numbers_moved.c, test_numbers_other_day.c,
 * test_numbers_weekday.c, test_plan_before_move.c): member i's body its
 * one evidence sentence, published[i] (NULL: not known), its site
 * sources[i]; voice i agrees at 0.9. The numbers are not collected yet. */
static inline mz_check_result *agreeing_voices(const char *claim, const char *const *bodies,
                                               const char *const *published,
                                               const char *const *sources, size_t n)
{
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(n, sizeof *r->members);
    r->voices = calloc(n, sizeof *r->voices);
    r->n_members = r->n_voices = n;
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = (int64_t)i + 1;
        m->voice = (int)i + 1;
        m->stance = MZ_AGREE;
        m->body = strdup(bodies[i]);
        m->body_len = strlen(bodies[i]);
        m->published = published[i] ? strdup(published[i]) : NULL;
        m->source = strdup(sources[i]);
        m->n_evidence = 1;
        m->evidence[0] = (mz_evidence){0, m->body_len, 0.8, "assertion"};
        mz_check_voice *v = &r->voices[i];
        v->stance = MZ_AGREE;
        v->probs[MZ_AGREE] = 0.9;
        v->probs[MZ_DISAGREE] = v->probs[MZ_DISCUSS] = v->probs[MZ_UNRELATED] = 0.1 / 3;
        v->weight = 1 - v->probs[MZ_UNRELATED];
        v->members = calloc(1, sizeof *v->members);
        v->members[0] = i;
        v->n_members = 1;
    }
    return r;
}

#endif
