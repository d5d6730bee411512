/*
 * verdict.c — from independent voices to a verdict, a confidence and a
 * one- or two-sentence reason quoting the evidence.
 *
 * Each voice counts once, with the stance probabilities of its most related
 * member. A voice takes part when its weight (1 - P(unrelated)) reaches
 * min_related. Over those voices, support = Σ P(agree) and refute =
 * Σ P(disagree) (a denial — e.g. the actor the claim is about saying it did
 * not happen — is exactly such a disagreeing voice):
 *   - nothing takes part                          -> not_enough_evidence
 *   - both sides reach their threshold and the weaker is at least
 *     dispute_ratio of the stronger               -> disputed
 *   - support reaches its threshold and beats refute -> supported
 *   - refute reaches its threshold                -> refuted
 *   - else                                        -> not_enough_evidence
 * The thresholds were fit out of fold on the claims of train.jsonl (folds
 * 1-3; bench/verdict_oof.sh, README "Verdict"); dev is reported once.
 * The reason, in English and Arabic, is written by reason_en.c and reason_ar.c.
 */
#include "check/check.h"
#include "check/reason.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Fit out of fold on the claims of train.jsonl (bench/verdict_oof.sh): for
 * each fold, a stance model trained on the two others (plus the written
 * news) judges it, and each setting's accuracy is summed over the 253
 * claims: 0.767 here, against 0.672 for the setting fit before, which had
 * been swept with the shipped model over the claims it was trained on; its
 * probabilities there were surer than on unseen claims, so it asked for
 * more agreement (1.0 of refutation, voices from 0.7) than unseen claims
 * ever get. Every voice that is at all related now counts with its
 * probabilities; "refuted" needs half a voice's worth of disagreement, and
 * a claim is disputed when the weaker side holds half the stronger's
 * weight: two reports against one denial are contested, not refuted. */
const mz_verdict_params mz_verdict_default = {
    .min_related = 0.1,
    .support = 0.35,
    .refute = 0.5,
    .dispute_ratio = 0.5,
    .coverage_full = 0.5,
    /* An article that leads with a denial of the claim is already the
     * denial's voice in its probabilities: mz_stance_predict moves its
     * P(agree) and P(discuss) to P(disagree) (predict.c, lead_denial). */
};

const char *mz_verdict_name(mz_verdict v)
{
    switch (v) {
    case MZ_SUPPORTED: return "supported";
    case MZ_REFUTED: return "refuted";
    case MZ_DISPUTED: return "disputed";
    case MZ_NOT_ENOUGH_EVIDENCE: return "not_enough_evidence";
    }
    return "not_enough_evidence";
}

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

mz_status mz_decide(mz_check_result *r, const mz_verdict_params *params)
{
    const mz_verdict_params *p = params ? params : &mz_verdict_default;
    double support = 0, refute = 0, max_w = 0;
    size_t taking_part = 0;
    memset(r->counts, 0, sizeof r->counts);
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        r->counts[v->stance]++;
        if (v->weight > max_w)
            max_w = v->weight;
        if (v->weight < p->min_related)
            continue;
        taking_part++;
        /* the share of the voice's weight its coverage left (1 when not shrunk) */
        double rel = 1.0 - v->probs[MZ_UNRELATED];
        double f = rel > 1e-9 ? v->weight / rel : 0;
        if (f > 1)
            f = 1;
        support += f * v->probs[MZ_AGREE];
        refute += f * v->probs[MZ_DISAGREE];
    }
    double hi = support > refute ? support : refute, lo = support > refute ? refute : support;
    /* a one-word claim names a topic (check.c): its articles, no verdict */
    bool topic = r->too_short && r->n_members;
    if (topic) {
        r->verdict = MZ_NOT_ENOUGH_EVIDENCE;
        r->confidence = 0.99;
    } else if (!taking_part) {
        r->verdict = MZ_NOT_ENOUGH_EVIDENCE;
        r->confidence = clamp(1.0 - max_w, 0.05, 1.0);
    } else if (support >= p->support && refute >= p->refute && lo >= p->dispute_ratio * hi) {
        r->verdict = MZ_DISPUTED;
        r->confidence = clamp(lo / hi * (1.0 - exp(-2.0 * lo)), 0.05, 0.99);
    } else if (support >= p->support && support > refute) {
        r->verdict = MZ_SUPPORTED;
        r->confidence = clamp(1.0 - exp(-1.5 * (support - refute)), 0.05, 0.99);
    } else if (refute >= p->refute) {
        r->verdict = MZ_REFUTED;
        r->confidence = clamp(1.0 - exp(-1.5 * (refute - support)), 0.05, 0.99);
    } else {
        r->verdict = MZ_NOT_ENOUGH_EVIDENCE;
        r->confidence = clamp(1.0 - (hi > 0 ? hi : 0), 0.05, 0.99);
    }
    mz_reason_facts facts;
    mz_reason_read(r, p->min_related, &facts);
    mz_buf en = {0}, ar = {0};
    int rc = topic ? mz_buf_puts(&en, r->note) | mz_buf_puts(&ar, r->note_ar)
                   : mz_reason_en(&en, r, &facts) | mz_reason_ar(&ar, r, &facts);
    if (rc != 0) {
        mz_buf_free(&en);
        mz_buf_free(&ar);
        return MZ_ERR_NOMEM;
    }
    free(r->reason);
    free(r->reason_ar);
    r->reason = mz_buf_take(&en);
    r->reason_ar = mz_buf_take(&ar);
    return r->reason && r->reason_ar ? MZ_OK : MZ_ERR_NOMEM;
}
