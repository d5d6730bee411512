/* two_voices.h — a claim-check result of two voices, one sentence each, as
 * the number tests build it: each sentence its article's body and its one
 * evidence sentence (discuss), published as given (NULL: unknown), then
 * mz_check_collect_numbers. Shared by test_numbers.c and test_days.c. */
#ifndef MZ_TEST_TWO_VOICES_H
#define MZ_TEST_TWO_VOICES_H

#include "check/check.h"

#include <stdlib.h>
#include <string.h>

/* The caller frees the result (mz_check_result_free); it has at least one
 * quantity. */
static inline mz_check_result *two_voices(const char *claim, const char *a, const char *pa,
                                          const char *b, const char *pb)
{
    const char *body[2] = {a, b}, *pub[2] = {pa, pb};
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(2, sizeof *r->members);
    r->n_members = 2;
    for (int i = 0; i < 2; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = i + 1;
        m->voice = i + 1;
        m->stance = MZ_DISCUSS;
        m->body = strdup(body[i]);
        m->body_len = strlen(body[i]);
        m->published = pub[i] ? strdup(pub[i]) : NULL;
        m->n_evidence = 1;
        m->evidence[0] = (mz_evidence){0, m->body_len, 0.8, "assertion"};
    }
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->n_numbers >= 1);
    return r;
}

#endif /* MZ_TEST_TWO_VOICES_H */
