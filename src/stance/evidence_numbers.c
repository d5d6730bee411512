/*
 * evidence_numbers.c — the number cue of an evidence sentence (number_match,
 * number_mismatch), read like with like. The claim's values and the
 * sentence's are read by the claim check's numbers module (check/numbers.c:
 * the value, what it counts as a noun key, its kind, its event), and a
 * sentence value is set against a claim value only when both count one
 * thing: «37 تلميذا» says nothing of a claim of «30 مدرسة», a year or a
 * percentage is no count. The model's own number features (features.c:
 * num_match, num_mismatch, a claim number's written form found in the
 * sentence) are left as they are: they are what the model was fitted on.
 */
#include "stance/evidence_numbers.h"

#include <string.h>

/* Whether two values count one thing: one kind (a percentage is no count,
 * nor a year), one noun key (مدارس and مدرسة meet, mz_noun_key; two bare
 * numbers meet), and not two different events (the numbers module sets
 * «مقتل 5» against nothing told of «إصابة 5»). */
static bool counts_alike(const mz_number *c, const mz_number *v)
{
    return c->kind == v->kind && !strcmp(c->noun_key, v->noun_key) &&
           (!c->event || !v->event || c->event == v->event);
}

/* A headline's bare figure told of the claim's event («ضربات روسية تقتل
 * 21» for «قتلت 21 شخصا»): the event says what it counts where the noun is
 * left out. It may give the claim's number; it is set against none (what
 * it counts is not written). */
static bool counts_claim_event(const mz_number *c, const mz_number *v)
{
    return c->kind == MZ_QTY_COUNT && v->kind == MZ_QTY_COUNT && !v->noun_key[0] && c->event &&
           v->event == c->event;
}

/* A value's range as what it allows, as the check's numbers report reads
 * it (mz_value_allows). */
static void allowed(const mz_number *v, double *lo, double *hi)
{
    mz_value_allows(v->bound, v->number, v->number_max, lo, hi);
}

/* Whether sentence value v gives claim value c's number: its number as
 * such fits what the claim allows, with the 10% tolerance of
 * mz_numbers_conflict as the numbers report has it («عشرات» allows the
 * claim's 40 but does not give it; «أكثر من 30» allows 45). A vague claim
 * value («مئات الأشخاص») gives no number to be given. */
static bool gives(const mz_number *c, const mz_number *v)
{
    double clo, chi;
    allowed(c, &clo, &chi);
    return !c->vague && !mz_numbers_conflict(v->number, v->number_max, clo, chi);
}

/* +1 when sentence value v gives claim value c's number, -1 when it counts
 * the same and disagrees with it (even what it allows does not fit), 0 when
 * neither. Dates are never set against each other (articles date different
 * moments of one story: collect_numbers.c); a date gives the claim's only
 * as the same year or span of time, not as a day, whose number is the day
 * of the month alone. */
static int compare(const mz_number *c, const mz_number *v)
{
    if (!counts_alike(c, v))
        return counts_claim_event(c, v) && gives(c, v);
    if (c->kind == MZ_QTY_DATE)
        return strcmp(c->noun_key, "date") && c->number == v->number &&
               c->number_max == v->number_max;
    if (gives(c, v))
        return 1;
    double clo, chi, lo, hi;
    allowed(c, &clo, &chi);
    allowed(v, &lo, &hi);
    return mz_numbers_conflict(lo, hi, clo, chi) ? -1 : 0;
}

int mz_evidence_number_cue(mz_evidence_claim *c, const char *s, size_t len)
{
    /* The sentence is read whole: read only about its written figures
     * (the event's verb up to 14 words before one, the noun up to 6 after
     * it) it costs a quarter less, but a figure spelled out further on is
     * lost («مقتل أكثر من مائة شخص» in a sentence dated «4 تشرين
     * الثاني»): 2 of the 136 dev sentences named here changed cue so
     * (README, "Stance"). */
    mz_number v[MZ_EVIDENCE_NUMS];
    size_t n = mz_numbers_extract(s, len, v, MZ_EVIDENCE_NUMS);
    if (n > MZ_EVIDENCE_NUMS)
        n = MZ_EVIDENCE_NUMS;
    if (!n || !c->text)
        return 0; /* no value: the claim need not be read */
    if (!c->read) {
        size_t got = mz_numbers_extract(c->text, strlen(c->text), c->v, MZ_EVIDENCE_NUMS);
        c->n = got < MZ_EVIDENCE_NUMS ? got : MZ_EVIDENCE_NUMS;
        c->read = true;
    }
    int cue = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < c->n; k++) {
            int r = compare(&c->v[k], &v[i]);
            if (r > 0)
                return 1; /* the claim's number given: a match, whatever else is there */
            if (r < 0)
                cue = -1;
        }
    return cue;
}
