/* verdict_spec.h — a claim-check result built by hand for the verdict
 * tests: one member per voice, each with its body as its only evidence
 * sentence, its stance the argmax of the probabilities given. Shared by
 * test_verdict.c and test_verdict_bounds.c. */
#ifndef MZ_TEST_VERDICT_SPEC_H
#define MZ_TEST_VERDICT_SPEC_H

#include "check/check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct spec {
    const char *source, *body, *cue;
    double agree, disagree, discuss;
} spec;

/* One member per voice, each with its body as the only evidence sentence. */
static inline mz_check_result *build(const spec *s, size_t n)
{
    mz_check_result *r = calloc(1, sizeof *r);
    r->claim = strdup("أفرج لواء الوادي عن 40 أسيرا");
    r->members = calloc(n ? n : 1, sizeof *r->members);
    r->voices = calloc(n ? n : 1, sizeof *r->voices);
    r->n_members = r->n_voices = n;
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = (int64_t)i + 1;
        m->title = strdup("عنوان");
        m->source = strdup(s[i].source);
        m->body = strdup(s[i].body);
        m->body_len = strlen(s[i].body);
        m->probs[MZ_AGREE] = s[i].agree;
        m->probs[MZ_DISAGREE] = s[i].disagree;
        m->probs[MZ_DISCUSS] = s[i].discuss;
        m->probs[MZ_UNRELATED] = 1 - s[i].agree - s[i].disagree - s[i].discuss;
        int best = 0;
        for (int k = 1; k < MZ_N_STANCES; k++)
            if (m->probs[k] > m->probs[best])
                best = k;
        m->stance = (mz_stance)best;
        m->n_evidence = 1;
        m->evidence[0] = (mz_evidence){0, m->body_len, 0.8, s[i].cue};
        m->voice = (int)i + 1;
        mz_check_voice *v = &r->voices[i];
        memcpy(v->probs, m->probs, sizeof v->probs);
        v->stance = m->stance;
        v->weight = 1 - m->probs[MZ_UNRELATED];
        v->sources = calloc(1, sizeof *v->sources);
        v->sources[0] = strdup(s[i].source);
        v->n_sources = 1;
        v->members = calloc(1, sizeof *v->members);
        v->members[0] = i;
        v->n_members = 1;
    }
    return r;
}

#endif
