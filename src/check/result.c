/* result.c — the check result: accessors and release. */
#include "check/check.h"

#include <stdlib.h>

mz_verdict mz_check_verdict(const mz_check_result *r)
{
    return r ? r->verdict : MZ_NOT_ENOUGH_EVIDENCE;
}

double mz_check_confidence(const mz_check_result *r)
{
    return r ? r->confidence : 0.0;
}

const char *mz_check_reason(const mz_check_result *r)
{
    return r && r->reason ? r->reason : "";
}

const char *mz_check_reason_ar(const mz_check_result *r)
{
    return r && r->reason_ar ? r->reason_ar : "";
}

void mz_check_voices_clear(mz_check_result *r)
{
    for (size_t i = 0; i < r->n_voices; i++) {
        for (size_t j = 0; j < r->voices[i].n_sources; j++)
            free(r->voices[i].sources[j]);
        free(r->voices[i].sources);
        free(r->voices[i].members);
    }
    free(r->voices);
    r->voices = NULL;
    r->n_voices = 0;
}

void mz_check_result_free(mz_check_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_members; i++) {
        mz_check_member *m = &r->members[i];
        free(m->title);
        free(m->source);
        free(m->url);
        free(m->published);
        free(m->origin);
        free(m->author);
        free(m->body);
        mz_places_clear(&m->places);
    }
    free(r->members);
    mz_check_voices_clear(r);
    for (size_t i = 0; i < r->n_numbers; i++) {
        mz_check_quantity *q = &r->numbers[i];
        for (size_t j = 0; j < q->n_values; j++) {
            free(q->values[j].value);
            free(q->values[j].text);
        }
        free(q->values);
        free(q->quantity);
        free(q->of);
        free(q->claim_noun);
    }
    free(r->numbers);
    free(r->claim);
    free(r->reason);
    free(r->reason_ar);
    free(r->note);
    free(r->note_ar);
    free(r);
}
