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
 * The thresholds were fit on the claims of train.jsonl (folds 1-3) with
 * `mizan eval-claims --data train.jsonl --sweep` (see README); dev is reported once.
 */
#include "check/check.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Fit on train.jsonl (253 claims) with `mizan eval-claims --sweep`: the best
 * setting there never says "disputed" (dispute_ratio 1); this one stayed
 * within 0.01 accuracy of the best with each stance model version tried and
 * keeps "disputed" for balanced evidence. The stance model was trained on
 * those claims too, so train accuracy is optimistic; dev is in the README. */
const mz_verdict_params mz_verdict_default = {
    .min_related = 0.5,
    .support = 0.2,
    .refute = 0.75,
    .dispute_ratio = 0.75,
    .coverage_full = 0.5,
    /* An article that leads with a denial of the claim (a denying sentence
     * with the claim's words in its title or first two sentences) is the
     * denial's voice: its P(agree) and P(discuss) move to P(disagree). It
     * changed no train verdict at any setting; it makes seed 001 and the
     * sample's denial count as what they are. Applied to any denying sentence
     * (not only a lead) it also turned seed 000, a report of the talks that
     * quotes someone's denial, against the claim. */
    .denial_shift = 1.0,
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

/* Appends «sentence» (cut to ~160 characters). */
static int quote(mz_buf *b, const mz_check_member *m, const mz_evidence *e)
{
    if (!m->body || e->end > m->body_len || e->start >= e->end)
        return 0;
    size_t len = e->end - e->start, chars = 0, cut = 0;
    const unsigned char *p = (const unsigned char *)m->body + e->start;
    for (cut = 0; cut < len; cut++) {
        if ((p[cut] & 0xC0) != 0x80 && ++chars > 160)
            break;
    }
    if (mz_buf_puts(b, ": «") || mz_buf_append(b, p, cut) ||
        mz_buf_puts(b, cut < len ? "…»" : "»"))
        return -1;
    return 0;
}

/* The voice's best evidence — its denial sentence when it carries one and
 * denial says so. */
static int quote_evidence(mz_buf *b, const mz_check_result *r, const mz_check_voice *v)
{
    if (v->n_members == 0)
        return 0;
    const mz_check_member *m = &r->members[v->members[0]];
    if (!m->body)
        return 0;
    if (v->stance == MZ_DISAGREE && m->has_denial &&
        !(m->n_evidence && m->evidence[0].cue && !strcmp(m->evidence[0].cue, "denial")))
        return quote(b, m, &m->denial);
    if (m->n_evidence == 0)
        return 0;
    return quote(b, m, &m->evidence[0]);
}

/* "site1, site2" for up to three voices of the given stance. */
static int list_sites(mz_buf *b, const mz_check_result *r, mz_stance st, double min_w)
{
    size_t shown = 0;
    for (size_t i = 0; i < r->n_voices && shown < 3; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->stance != st || v->weight < min_w)
            continue;
        int rc = v->n_sources ? mz_buf_printf(b, "%s%s", shown ? ", " : "", v->sources[0])
                 : v->n_members ? mz_buf_printf(b, "%sarticle #%lld", shown ? ", " : "",
                                                (long long)r->members[v->members[0]].article_id)
                                : 0;
        if (rc)
            return -1;
        shown++;
    }
    /* say that the list goes on rather than let "4 (a, b, c)" read as a miscount */
    size_t total = 0;
    for (size_t i = 0; i < r->n_voices; i++)
        total += r->voices[i].stance == st && r->voices[i].weight >= min_w;
    if (total > shown && mz_buf_puts(b, ", …"))
        return -1;
    return 0;
}

static const mz_check_voice *strongest(const mz_check_result *r, mz_stance st, double min_w)
{
    const mz_check_voice *best = NULL;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight >= min_w && v->stance == st && (!best || v->probs[st] > best->probs[st]))
            best = v;
    }
    return best;
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static int build_reason(mz_buf *b, const mz_check_result *r, double min_w)
{
    size_t agree = 0, dis = 0, disc = 0;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight < min_w)
            continue;
        agree += v->stance == MZ_AGREE;
        dis += v->stance == MZ_DISAGREE;
        disc += v->stance == MZ_DISCUSS;
    }
    if (agree + dis + disc == 0) {
        if (r->n_members == 0)
            return mz_buf_puts(b, r->note ? r->note : "No stored article matches the claim.");
        return mz_buf_printf(b, "None of the %zu closest %s bears on the claim.", r->n_members,
                             plural(r->n_members, "article", "articles"));
    }
    int rc = 0;
    bool denial_quoted = false;
    if (agree) {
        rc |= mz_buf_printf(b, "%zu independent %s %s it (", agree,
                            plural(agree, "source", "sources"), plural(agree, "reports", "report"));
        rc |= list_sites(b, r, MZ_AGREE, min_w);
        rc |= mz_buf_puts(b, ")");
        const mz_check_voice *v = strongest(r, MZ_AGREE, min_w);
        if (v && !dis)
            rc |= quote_evidence(b, r, v);
        rc |= mz_buf_puts(b, dis || disc ? "; " : ".");
    }
    if (dis) {
        const mz_check_voice *v = strongest(r, MZ_DISAGREE, min_w);
        const mz_check_member *m = v && v->n_members ? &r->members[v->members[0]] : NULL;
        bool denial = m && (m->has_denial || (m->n_evidence && m->evidence[0].cue &&
                                                  !strcmp(m->evidence[0].cue, "denial")));
        rc |= mz_buf_printf(b, "%zu (", dis);
        rc |= list_sites(b, r, MZ_DISAGREE, min_w);
        rc |= mz_buf_printf(b, ") %s %s", plural(dis, "carries", "carry"),
                            !denial ? "the opposite" : dis == 1 ? "a denial" : "the opposite, e.g. a denial");
        denial_quoted = denial;
        if (v)
            rc |= quote_evidence(b, r, v);
        rc |= mz_buf_puts(b, disc ? "; " : ".");
    }
    if (disc) {
        rc |= mz_buf_printf(b, "%zu %s it without taking a side (", disc,
                            plural(disc, "discusses", "discuss"));
        rc |= list_sites(b, r, MZ_DISCUSS, min_w);
        rc |= mz_buf_puts(b, ")");
        const mz_check_voice *v = strongest(r, MZ_DISCUSS, min_w);
        if (v && !agree && !dis)
            rc |= quote_evidence(b, r, v);
        rc |= mz_buf_puts(b, ".");
    }
    /* A denial the model did not count as disagreement is still shown. */
    if (!denial_quoted) {
        for (size_t i = 0; i < r->n_voices; i++) {
            const mz_check_voice *v = &r->voices[i];
            const mz_check_member *m = NULL;
            for (size_t j = 0; j < v->n_members && !m; j++)
                if (r->members[v->members[j]].has_denial)
                    m = &r->members[v->members[j]];
            if (!m)
                continue;
            rc |= m->source ? mz_buf_printf(b, " A denial is reported (%s)", m->source)
                            : mz_buf_printf(b, " A denial is reported (article #%lld)",
                                            (long long)m->article_id);
            if (v->weight < min_w)
                rc |= mz_buf_puts(b, ", which the stance model did not count");
            else if (m->stance == MZ_UNRELATED)
                rc |= mz_buf_puts(b, ", which the stance model calls unrelated");
            rc |= quote(b, m, &m->denial);
            rc |= mz_buf_puts(b, ".");
            break;
        }
    }
    return rc ? -1 : 0;
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
    if (!taking_part) {
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
    mz_buf b = {0};
    if (build_reason(&b, r, p->min_related) != 0) {
        mz_buf_free(&b);
        return MZ_ERR_NOMEM;
    }
    free(r->reason);
    r->reason = mz_buf_take(&b);
    return r->reason ? MZ_OK : MZ_ERR_NOMEM;
}
