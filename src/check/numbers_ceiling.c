/*
 * numbers_ceiling.c — the bound a verb before a number gives it. A
 * ceiling: «لا يتجاوز 40», «لن تتجاوز سرعة الرياح 40 كم/ساعة», «لم يتجاوز
 * عددهم 200», «لا يتعدى 40», «لا يزيد (عددهم) على/عن 40», «يقل عن 300»
 * are 40 (200, 300) or less. A floor: «تجاوز عدد القتلى 200», «ما يزيد
 * على 300», «يربو على 300», «لا يقل عن 300» are that or more. Up to two
 * words of the subject may stand between the verb and the number (a
 * noun, then definite ones or a «عدد…»), none a number, and no mark that
 * ends a clause before the word that precedes the number; a negation (لا،
 * لن، لم with و/ف) right before the verb turns it. Before the 27th
 * session only «(لا) يزيد/يقل على/عن» with «لا»
 * exactly three words back was read (numbers.c bound_before): «لن تتجاوز
 * 40» was 40 as such, set against 35 as a conflict.
 */
#include "check/numbers.h"

enum { EXCEED, MORE, LESS, NONE };

static int verb_class(const mz_word *w)
{
    static const char *const exceed[] = {"تجاوز",   "يتجاوز",  "تتجاوز", "تجاوزت", "سيتجاوز",
                                         "ستتجاوز", "يتعدي",   "تتعدي",  "تعدي",   "تعدت",
                                         "يتخطي",   "تتخطي",   "تخطي",   "تخطت"};
    static const char *const more[] = {"يزيد", "تزيد", "يربو", "تربو"};
    static const char *const less[] = {"يقل", "تقل"};
    bool waw;
    const char *k = strip_conj(w->key, &waw);
    if (in_list(k, exceed, sizeof exceed / sizeof *exceed))
        return EXCEED;
    if (in_list(w->key, more, sizeof more / sizeof *more))
        return MORE;
    if (in_list(w->key, less, sizeof less / sizeof *less))
        return LESS;
    return NONE;
}

static bool is_negation(const mz_word *w)
{
    static const char *const neg[] = {"لا", "لن", "لم", "ولا", "ولن", "ولم", "فلا", "فلن", "فلم"};
    return in_list(w->key, neg, sizeof neg / sizeof *neg);
}

/* A word of the subject between the verb and the number: «عددهم», «عدد
 * القتلى», «سرعة الرياح», «درجات الحرارة». The first may be any noun; the
 * second is definite or a «عدد…». */
static bool subject_word(const mz_word *w, bool first)
{
    if (w->is_number || mz_num_is_number_word(w))
        return false;
    if (!strncmp(w->key, "عدد", strlen("عدد")) || mz_num_is_definite(w))
        return true;
    return first && mz_num_is_noun_candidate(w);
}

int mz_num_verb_bound(const words *ws, const char *s, size_t first)
{
    size_t k = first;
    if (k > 0 && eq(&ws->v[k - 1], "ال")) /* «لا يتجاوز الـ40» */
        k--;
    bool prep = k > 0 && (eq(&ws->v[k - 1], "علي") || eq(&ws->v[k - 1], "عن"));
    if (prep)
        k--;
    for (size_t m = 0; m <= 2 && m + 1 <= k; m++) {
        size_t vi = k - 1 - m;
        if (m > 0 && !subject_word(&ws->v[vi + 1], true))
            break;
        if (m > 1 && !subject_word(&ws->v[vi + 2], false))
            break;
        int c = verb_class(&ws->v[vi]);
        if (c == NONE)
            continue;
        /* a mark right before the number is no break: «ما لا يقل عن ( 60 )» */
        if ((c == EXCEED) == prep || mz_num_stop_between(s, ws->v[vi].end, ws->v[first - 1].end))
            return 0;
        bool neg = vi > 0 && is_negation(&ws->v[vi - 1]);
        return c == LESS ? (neg ? 1 : -1) : (neg ? -1 : 1);
    }
    return 0;
}
