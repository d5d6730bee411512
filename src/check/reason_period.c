/*
 * reason_period.c — the reason's words on a claim whose figure the sources
 * give only as another period's (claim_other_period: «التضخم السنوي 26.4%»
 * beside a claim of a monthly 26.4%): the claim's period and the sources'.
 */
#include "check/check.h"
#include "check/reason.h"

/* A period as the Arabic reason says it («على أساس شهري»). */
static const char *period_ar(char per)
{
    switch (per) {
    case 'd': return "على أساس يومي";
    case 'w': return "على أساس أسبوعي";
    case 'm': return "على أساس شهري";
    case 'q': return "على أساس فصلي";
    case 'y': return "على أساس سنوي";
    default: return "";
    }
}

int mz_reason_other_period(mz_buf *b, const mz_check_quantity *q, bool arabic)
{
    char other = 0; /* the period of the first value listed off the claim */
    for (size_t i = 0; i < q->n_values && !other; i++)
        if (q->values[i].off_claim && q->values[i].per && q->values[i].per != q->claim_per)
            other = q->values[i].per;
    if (!q->claim_other_period || !q->claim_per || !other)
        return 0;
    if (arabic)
        return mz_buf_printf(b, " %s، وتذكره المصادر %s", period_ar(q->claim_per), period_ar(other));
    return mz_buf_printf(b, " over a %s; the sources give it over a %s", mz_per_name(q->claim_per),
                         mz_per_name(other));
}
