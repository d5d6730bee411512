/*
 * reason_figure.c — which sentence an agreeing voice is quoted by when the
 * claim gives a number. A voice's quote is its representative's first
 * evidence sentence (reason.c mz_reason_quote_voice). The elections desk's
 * L1 «بلغت نسبة المشاركة … 43.1%»: the commission's site is one voice, its
 * first article «… بلغت 41.3% وفق النتائج الأولية» (read agree) and its
 * later «عدّلت المفوضية نسبة المشاركة إلى 43.1%» (read unrelated); the reason
 * quoted the 41.3% sentence as the support for a claim of 43.1%.
 *
 * Narrow: for a voice read agree, where the quantity is the claim's
 * (on_claim, a value of its own, not a date) and some source gives the
 * claim's figure (not claim_unmatched), and the representative's quoted
 * sentence gives a figure of that quantity that is not the claim's (off
 * the claim's, or an earlier one), the voice is quoted by the sentence of
 * its first value that gives the claim's figure exactly (not earlier, not
 * rejected, not of another thing). A representative sentence with no
 * figure of the quantity, or with the claim's, is quoted as before.
 */
#include "check/check.h"
#include "check/reason.h"

/* Whether value x, of voice vi, gives q's claim figure exactly. */
static bool gives_claim_figure(const mz_check_quantity *q, const mz_check_value *x, int vi)
{
    return x->voice == vi && !x->off_claim && !x->earlier && !x->rejected && !x->of_other &&
           x->number == q->claim_number && x->number_max == q->claim_number_max;
}

/* Whether sentence [e->start, e->end) of member m holds a value of q that
 * is not the claim's figure (off the claim's, or an earlier one). */
static bool quotes_other_figure(const mz_check_quantity *q, const mz_check_member *m,
                                const mz_evidence *e)
{
    for (size_t k = 0; k < q->n_values; k++) {
        const mz_check_value *x = &q->values[k];
        if (x->article_id == m->article_id && x->value_start >= e->start &&
            x->value_end <= e->end && (x->off_claim || x->earlier))
            return true;
    }
    return false;
}

bool mz_reason_claim_figure_quote(const mz_check_result *r, const mz_check_voice *v,
                                  const mz_check_member **m, mz_evidence *e)
{
    if (!v || v->stance != MZ_AGREE || !v->n_members)
        return false;
    const mz_check_member *rep = &r->members[v->members[0]];
    if (!rep->n_evidence)
        return false;
    int vi = rep->voice;
    for (size_t i = 0; i < r->n_numbers; i++) {
        const mz_check_quantity *q = &r->numbers[i];
        if (!q->on_claim || !q->has_claim_value || q->claim_unmatched || q->kind == MZ_QTY_DATE ||
            !quotes_other_figure(q, rep, &rep->evidence[0]))
            continue;
        for (size_t k = 0; k < q->n_values; k++) {
            const mz_check_value *x = &q->values[k];
            if (!gives_claim_figure(q, x, vi))
                continue;
            for (size_t j = 0; j < v->n_members; j++) {
                const mz_check_member *o = &r->members[v->members[j]];
                if (o->article_id == x->article_id && o->body && !o->superseded_by) {
                    *m = o;
                    *e = (mz_evidence){x->start, x->end, 0, NULL};
                    return true;
                }
            }
        }
    }
    return false;
}
