/*
 * evidence.c — the sentences that decided a stance. A sentence's score mixes
 * how much of the claim it covers with whether it carries the kind of cue the
 * predicted label is about (a denial for "disagree", attribution or hedging
 * for "discuss", assertion or the claim's numbers for "agree"); its cue name
 * is the strongest cue that fired in it.
 */
#include "stance/stance.h"

#include <string.h>

#define HAS(si, c) (((si)->cues >> (c)) & 1)

static const char *cue_name(const mz_sent_info *si)
{
    if (HAS(si, MZ_CUE_CONFLICT)) /* two accounts side by side, a denial maybe one of them */
        return "conflict";
    if (HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE))
        return "denial";
    if (si->num_mismatch)
        return "number_mismatch";
    if (HAS(si, MZ_CUE_NORMAL)) /* «عمل الميناء كالمعتاد»: the contrary of an event */
        return "as_usual";
    if (HAS(si, MZ_CUE_HEDGE))
        return "hedging";
    if (HAS(si, MZ_CUE_ATTRIB))
        return "attribution";
    if (si->num_match)
        return "number_match";
    if (HAS(si, MZ_CUE_ASSERT))
        return "assertion";
    return "overlap";
}

static double cue_weight(const mz_sent_info *si, mz_stance label)
{
    switch (label) {
    case MZ_DISAGREE:
        if (HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE))
            return 1.0;
        if (HAS(si, MZ_CUE_NORMAL))
            return 0.7;
        return si->neg_near ? 0.6 : si->num_mismatch ? 0.5 : 0;
    case MZ_DISCUSS:
        if (HAS(si, MZ_CUE_ATTRIB) || HAS(si, MZ_CUE_HEDGE) || HAS(si, MZ_CUE_CONFLICT))
            return 1.0;
        return HAS(si, MZ_CUE_FAKE) ? 0.6 : 0;
    case MZ_AGREE:
        if (si->num_match)
            return 1.0;
        return HAS(si, MZ_CUE_ASSERT) ? 0.7 : 0;
    default:
        return 0;
    }
}

void mz_pick_evidence(const mz_pair_feats *f, mz_stance label, mz_stance_result *r)
{
    r->n_evidence = 0;
    r->has_denial = false;
    double score[MZ_MAX_EVIDENCE];
    for (size_t i = 0; i < f->n_sents; i++) {
        const mz_sent_info *si = &f->sents[i];
        if (si->cov <= 0)
            continue;
        if ((HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE)) && si->cov >= MZ_DENIAL_COV &&
            (!r->has_denial || si->cov > r->denial.score)) {
            r->has_denial = true;
            r->denial = (mz_evidence){si->start, si->end, si->cov, "denial"};
        }
        double sc = 0.75 * si->cov + 0.25 * cue_weight(si, label);
        size_t pos;
        if (r->n_evidence < MZ_MAX_EVIDENCE)
            pos = r->n_evidence++;
        else if (sc > score[MZ_MAX_EVIDENCE - 1])
            pos = MZ_MAX_EVIDENCE - 1;
        else
            continue;
        while (pos > 0 && score[pos - 1] < sc) {
            score[pos] = score[pos - 1];
            r->evidence[pos] = r->evidence[pos - 1];
            pos--;
        }
        score[pos] = sc;
        r->evidence[pos] = (mz_evidence){si->start, si->end, sc, cue_name(si)};
    }
}
