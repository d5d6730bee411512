/*
 * numbers_correction.c — a sentence that rejects a figure: «6 مدارس فقط،
 * وليس 14 كما ورد», «قتل ٦ أشخاص لا ١٤». A fact-check quotes the figure it
 * corrects («تداولت مواقع خبرا يفيد بأن المديرية أغلقت 14 مدرسة»), so its
 * voice gives the claim's number too, and collect_numbers.c took its own
 * figure for one of something else beside the claim's (beside_claim_value):
 * the correction was set against nothing. The signal is narrow: a negator
 * (ليس, ليست, لا, with و or not) right before a number, and no «فقط» right
 * after it («وليس 14 فقط» is "not only 14").
 */
#include "check/check.h"

#include <string.h>

#define MAX_NUMS 16

static bool is_negator(const mz_word *w)
{
    static const char *const neg[] = {"ليس", "وليس", "ليست", "وليست", "لا", "ولا"};
    for (size_t i = 0; i < sizeof neg / sizeof *neg; i++)
        if (!strcmp(w->key, neg[i]))
            return true;
    return false;
}

size_t mz_num_rejected_figures(const char *s, size_t len, double *lo, double *hi, size_t cap)
{
    mz_number nums[MAX_NUMS];
    size_t n = mz_numbers_extract(s, len, nums, MAX_NUMS), found = 0;
    if (n > MAX_NUMS)
        n = MAX_NUMS;
    mz_word_iter it;
    mz_word prev, w;
    bool have_prev = false;
    const mz_number *pending = NULL; /* a number right after a negator */
    mz_words_init(&it, s, len);
    for (; mz_words_next(&it, &w); prev = w, have_prev = true) {
        if (pending && w.start >= pending->end) {
            if (strcmp(w.key, "فقط") && found < cap) { /* «وليس 14 فقط»: not only 14 */
                lo[found] = pending->number;
                hi[found++] = pending->number_max;
            }
            pending = NULL;
        }
        if (!have_prev || !is_negator(&prev))
            continue;
        for (size_t i = 0; i < n && !pending; i++)
            if (nums[i].start == w.start && nums[i].kind != MZ_QTY_DATE)
                pending = &nums[i];
    }
    if (pending && found < cap) { /* the number ends the sentence */
        lo[found] = pending->number;
        hi[found++] = pending->number_max;
    }
    return found;
}
