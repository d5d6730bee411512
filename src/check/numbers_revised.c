/*
 * numbers_revised.c — a figure a revision gives: «عدّلت المفوضية نسبة
 * المشاركة إلى 43.1%». The commission's final turnout replaces the
 * preliminary 41.3% of an earlier report; read as nothing, the 41.3% stood
 * as the only figure, a claim of the final 43.1% read REFUTED and one of the
 * preliminary 41.3% SUPPORTED. The signal is narrow: a verb of revision or
 * correction (عدّل، صحّح, their forms with و, the verbal nouns تعديل and
 * تصحيح) at most REVISED_WORDS words before «إلى» right before the number.
 * mz_mark_revised then makes every other figure of the same quantity and
 * event, in an article published before the revising one, an earlier
 * figure (as «بعد أن كان» does, numbers_replaced.c). The stance model may
 * read the revising article unrelated (the correction says nothing of the
 * claim's words but its noun): collect_numbers.c reads such a figure of the
 * claim's quantity from any member.
 */
#include "check/check.h"
#include "check/numbers.h" /* in_list */
#include "text/text.h"

#include <string.h>

#define REVISED_WORDS 6 /* words between the verb and «إلى» */

static bool is_revision_verb(const mz_word *w)
{
    static const char *const verb[] = {
        "عدل",   "عدلت",   "يعدل",   "تعدل",   "وعدل",   "وعدلت",  "تعديل",  "بتعديل",
        "صحح",   "صححت",   "يصحح",   "تصحح",   "وصحح",   "وصححت",  "تصحيح",  "بتصحيح"};
    return in_list(w->key, verb, sizeof verb / sizeof *verb);
}

/* «إلى», as a word's key writes it (the hamza and the alef maqsura
 * normalized away). */
static bool is_to(const mz_word *w)
{
    return !strcmp(w->key, "الي");
}

/* Whether s holds the bytes of a revision verb's stem at all: most
 * sentences do not, and are not read word by word. */
bool mz_num_may_revise(const char *s, size_t len)
{
    static const char adl[] = "عدل", adl2[] = "عدّل", sahh[] = "صحح", sahh2[] = "صحّح";
    for (size_t i = 0; i + sizeof adl - 1 <= len; i++)
        if (!memcmp(s + i, adl, sizeof adl - 1) || !memcmp(s + i, sahh, sizeof sahh - 1) ||
            (i + sizeof adl2 - 1 <= len && (!memcmp(s + i, adl2, sizeof adl2 - 1) ||
                                            !memcmp(s + i, sahh2, sizeof sahh2 - 1))))
            return true;
    return false;
}

void mz_num_mark_revised(const char *s, size_t len, mz_number *nums, size_t n)
{
    if (!n || !mz_num_may_revise(s, len))
        return;
    mz_word_iter it;
    mz_word w, prev;
    bool have_prev = false;
    size_t since = REVISED_WORDS + 2; /* words since a revision verb */
    mz_words_init(&it, s, len);
    for (; mz_words_next(&it, &w); prev = w, have_prev = true) {
        if (is_revision_verb(&w)) {
            since = 0;
            continue;
        }
        since++;
        if (!have_prev || !is_to(&prev) || since > REVISED_WORDS + 2)
            continue;
        for (size_t i = 0; i < n; i++)
            if (nums[i].start == w.start && nums[i].kind != MZ_QTY_DATE)
                nums[i].revised = true;
    }
}

/* Whether a and b give one figure: exactly, for a revision says the figure
 * it replaces differs (41.3% and 43.1% lie within two sources' 10%). */
static bool one_figure(const mz_check_value *a, const mz_check_value *b)
{
    return a->number == b->number && a->number_max == b->number_max && a->bound == b->bound;
}

void mz_mark_revised(mz_check_quantity *q)
{
    if (q->kind == MZ_QTY_DATE)
        return;
    for (size_t j = 0; j < q->n_values; j++) {
        const mz_check_value *to = &q->values[j];
        if (!to->revised || !to->published_day || to->rejected)
            continue;
        for (size_t i = 0; i < q->n_values; i++) {
            mz_check_value *v = &q->values[i];
            if (v->article_id == to->article_id || !v->published_day ||
                v->published_day >= to->published_day || v->rejected || v->change ||
                v->other_story || v->part || v->demanded || v->forecast ||
                (v->event && to->event && v->event != to->event) || one_figure(v, to))
                continue;
            v->earlier = true;
        }
    }
}
