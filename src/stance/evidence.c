/*
 * evidence.c — the sentences that decided a stance. A sentence's score mixes
 * how much of the claim it covers with whether it carries the kind of cue the
 * predicted label is about (a denial for "disagree", attribution or hedging
 * for "discuss", assertion or the claim's numbers for "agree"); its cue name
 * is the strongest cue that fired in it.
 *
 * The choice and the weights read the model's own number flags (features.c:
 * a claim figure's written form in the sentence, or another figure). The
 * name number_match / number_mismatch of a kept sentence is then read again,
 * like with like (evidence_numbers.c: «37 تلميذا» is no mismatch against «30
 * مدرسة»): only there, since reading numbers is a parse dearer than the
 * rest of a pair's evidence.
 */
#include "stance/evidence_numbers.h"
#include "stance/stance.h"

#include <string.h>

#define HAS(si, c) (((si)->cues >> (c)) & 1)

/* The number cue the model's flags give: -1 another figure than the
 * claim's, 1 the claim's, 0 none. */
static int flag_num(const mz_sent_info *si)
{
    return si->num_mismatch ? -1 : si->num_match ? 1 : 0;
}

/* num: the sentence's number cue, as flag_num or mz_evidence_number_cue. */
static const char *cue_name(const mz_sent_info *si, int num)
{
    if (HAS(si, MZ_CUE_CONFLICT)) /* two accounts side by side, a denial maybe one of them */
        return "conflict";
    if ((HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE)) && !si->other_matter)
        return "denial"; /* a denial of another matter is named by its other cues */
    if (num < 0)
        return "number_mismatch";
    if (HAS(si, MZ_CUE_NORMAL)) /* «عمل الميناء كالمعتاد»: the contrary of an event */
        return "as_usual";
    if (HAS(si, MZ_CUE_HEDGE))
        return "hedging";
    if (HAS(si, MZ_CUE_ATTRIB))
        return "attribution";
    if (num > 0)
        return "number_match";
    if (HAS(si, MZ_CUE_ASSERT))
        return "assertion";
    return "overlap";
}

static double cue_weight(const mz_sent_info *si, mz_stance label)
{
    switch (label) {
    case MZ_DISAGREE:
        if ((HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE)) && !si->other_matter)
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

void mz_pick_evidence(const mz_pair_feats *f, mz_stance label, const char *claim,
                      const char *text, mz_stance_result *r)
{
    r->n_evidence = 0;
    r->has_denial = false;
    double score[MZ_MAX_EVIDENCE];
    const mz_sent_info *kept[MZ_MAX_EVIDENCE];
    for (size_t i = 0; i < f->n_sents; i++) {
        const mz_sent_info *si = &f->sents[i];
        if (si->cov <= 0)
            continue;
        if ((HAS(si, MZ_CUE_DENIAL) || HAS(si, MZ_CUE_FAKE)) && si->cov >= MZ_DENIAL_COV &&
            !si->other_matter && (!r->has_denial || si->cov > r->denial.score)) {
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
            kept[pos] = kept[pos - 1];
            pos--;
        }
        score[pos] = sc;
        r->evidence[pos] = (mz_evidence){si->start, si->end, sc, cue_name(si, flag_num(si))};
        kept[pos] = si;
    }
    /* The number cues of the kept sentences, like with like. The claim's
     * values are read once, and only when a kept sentence is named by its
     * numbers (in most pairs none is). */
    mz_evidence_claim c = {.text = claim};
    for (size_t k = 0; k < r->n_evidence; k++) {
        mz_evidence *e = &r->evidence[k];
        if (strcmp(e->cue, "number_match") && strcmp(e->cue, "number_mismatch"))
            continue;
        e->cue = cue_name(kept[k], mz_evidence_number_cue(&c, text + e->start, e->end - e->start));
    }
}
