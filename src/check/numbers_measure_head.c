/*
 * numbers_measure_head.c — what a percentage after a measure's name
 * measures: «ارتفع سعر خام برنت 4% إلى 86 دولارا» is a rise of the price
 * (سعر), «تراجعت قيمة الدينار النوراني 12%» of the value. The nouns reader
 * (numbers_nouns.c) takes a noun with the article a word or two before, and
 * a name without it («خام برنت», «زاهرة») is none, so the 4% had no noun
 * and was no value at all: a claim «ارتفع سعر خام برنت 86%» — the price
 * level read as its rise — found no figure to meet and was SUPPORTED by
 * the sources' «ارتفع … 4% إلى 86 دولارا». When the reader finds none, the
 * nearest measure's name (سعر، أسعار، قيمة، مؤشر، حصة، إنتاج، صادرات،
 * عائدات، مبيعات) within 3 words before the value, in its clause, with no
 * number, «أن» or clause opener («ثم», «بينما» …) between, names it.
 * Such a percentage is a move of the measure (mz_number.move): a price
 * moves each day, and «تراجع سعر خام برنت 1%» in a page of the 16th is no
 * other account of the 4% rise a page of the 27th reports, so two moves
 * published on different days are not set against each other
 * (collect_numbers.c), as a day's new cases are not (mz_new_counts_apart).
 */
#include "check/numbers.h"

/* How many words before the value the measure's name may stand: «سعر خام
 * برنت 4%» puts two between. */
#define HEAD_REACH 3

static const char *const measure_heads[] = {
    "سعر",  "اسعار", "قيمه", "مؤشر", "حصه", "انتاج", "صادرات", "عائدات", "مبيعات",
};

/* The key of w with a leading و or ف off, «وسعر», «فأسعار». */
static bool measure_head(const mz_word *w)
{
    return in_list(strip_waw_fa(w), measure_heads, sizeof measure_heads / sizeof *measure_heads) ||
           in_list(w->key, measure_heads, sizeof measure_heads / sizeof *measure_heads);
}

/* A word that opens a clause of its own: «ارتفع سعر الصرف أمس ثم ارتفع
 * 5%» names no measure of the 5% (whose subject the reader cannot tell). */
static bool head_clause_opener(const mz_word *w)
{
    static const char *const v[] = {"ثم", "فيما", "بينما", "حين", "حيث", "لكن", "بل"};
    return in_list(w->key, v, sizeof v / sizeof *v);
}

void mz_num_noun_of_measure_head(const words *ws, const char *s, size_t first, mz_number *n)
{
    for (size_t k = first; k > 0 && k + HEAD_REACH >= first; k--) {
        const mz_word *w = &ws->v[k - 1];
        if (mz_num_clause_between(s, w->end, ws->v[k].start) || w->is_number ||
            mz_num_is_number_word(w) || eq(w, "ان") || eq(w, "بان") || eq(w, "وان") ||
            head_clause_opener(w))
            return;
        if (measure_head(w)) {
            mz_num_copy_noun(s, w, n);
            n->move = true;
            return;
        }
    }
}
