/*
 * numbers_demanded.c — a figure someone demands, requests or proposes is
 * not the figure decided: «وكانت النيابة قد طالبت بسجنه 15 عاما» in a trial's
 * report beside «قضت المحكمة بسجنه 7 سنوات». With the units of time keyed
 * as one quantity the demanded 15 years were set against the sentence
 * handed down as sources in conflict. A value after a verb of demanding
 * (طالب، طلب، دعا، اقترح، التمس, in their common forms, و or ف on them),
 * in its clause — within DEMAND_REACH words, no clause mark between, not
 * past a word that opens a clause of its own with و («وقضت») — is marked
 * (mz_number.demanded); collect_numbers.c sets it against nothing unless
 * the claim's own figure is a demand too. طالب is also "a student": it
 * demands only with a ب right after it or the word after («طالب بسجنه»,
 * «طالبت النيابة بسجنه»); and يدعون is also "they claim" («يدعون انهم
 * قتلوا عنصرين»): دعا calls for only with إلى within three words after it
 * («دعت الحكومة السورية إلى السماح بإجلاء نحو 500 مريض»). The article makes طلب a noun, the economy's
 * demand («ارتفع الطلب على النفط 5%»), and those forms are not listed.
 *
 * A forecast figure is not an observed one either, and is read the same way:
 * «ويتوقع أن تصل درجات الحرارة إلى 50 درجة», «من المتوقع أن…», «قد تصل إلى
 * 52 درجة» beside the 48 degrees recorded were "the level" set against it.
 * A value a word of forecast governs (mz_forecast_verb, days_future.c: not a
 * future سـ, which scraped pages glue to the next headline's figure: «سيدخل
 * أدلب قريبا الغواصات الروسية تطلق 10 صواريخ») in its clause, by the same reach and
 * clause rules, is marked forecast (mz_number.forecast) and, as a demanded
 * one, set against nothing unless the claim's own figure is forecast too.
 * Past the reach, a forecast still governs a value through «أن» and a verb
 * of change whose subject stands between («يتوقع محللون أن تتراجع حصة …
 * إلى 36%»), FORECAST_REACH words at most, no other value between.
 */
#include "check/numbers.h"

#define DEMAND_REACH 8 /* words from the verb to the value's first word */

/* Verbs of demanding and proposing (keys; و or ف may be written on them). */
static const char *const demand_verbs[] = {
    "طالب",  "طالبت",  "طالبوا", "يطالب", "تطالب", "يطالبون", "مطالبه", "مطالبا",
    "طلب",   "طلبت",   "طلبوا",  "يطلب",  "تطلب",  "يطلبون",
    "دعا",   "دعت",    "دعوا",   "يدعو",  "تدعو",  "يدعون",
    "اقترح", "اقترحت", "اقترحوا", "يقترح", "تقترح", "يقترحون",
    "التمس", "التمست", "يلتمس",  "تلتمس",
};


/* Whether k begins with one of the stems given. */
static bool begins(const char *k, const char *const *stems, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(k, stems[i], strlen(stems[i])))
            return true;
    return false;
}

/* Whether word i is a verb of demanding. The forms of طالب need a ب on the
 * next word or the one after («طالبت النيابة بسجنه»), else it may be a
 * student («مقتل طالب و3 مدنيين»); those of دعا need إلى within three
 * words, else it may be a claim («يدعون انهم»). */
static bool demand_at(const words *ws, size_t i)
{
    static const char *const claim_or_student[] = {"طالب", "يطالب", "تطالب"};
    static const char *const call[] = {"دع", "يدع", "تدع"};
    const char *k = strip_waw_fa(&ws->v[i]);
    if (!in_list(k, demand_verbs, sizeof demand_verbs / sizeof *demand_verbs))
        return false;
    bool by_ba = begins(k, claim_or_student, 3), to = begins(k, call, 3);
    if (!by_ba && !to)
        return true;
    for (size_t j = i + 1; j < ws->n && j <= i + (to ? 3 : 2); j++)
        if (to ? eq(&ws->v[j], "الي")
               : !strncmp(ws->v[j].key, "ب", strlen("ب")) && ws->v[j].key_len > strlen("ب"))
            return true;
    return false;
}

/* Whether word w opens a clause of its own with و: «وقضت», «وتغريمه» (a
 * و on a word without the article, not a number word: «وخمسة» goes on the
 * value). */
static bool opens_own_clause(const mz_word *w)
{
    return !strncmp(w->key, "و", strlen("و")) && strncmp(w->key, "وال", strlen("وال")) &&
           w->key_len > strlen("و") && !mz_num_is_number_word(w) && !w->is_number;
}

/* Whether the verb at word i governs the value whose first word is first:
 * no clause mark, stop or و-clause between them. */
static bool governs(const char *s, const words *ws, size_t i, size_t first)
{
    for (size_t k = i + 1; k <= first; k++)
        if ((k < first && opens_own_clause(&ws->v[k])) ||
            mz_num_stop_between(s, ws->v[k - 1].end, ws->v[k].start))
            return false;
    return !mz_num_clause_between(s, ws->v[i].end, ws->v[first].start);
}

#define FORECAST_REACH 16 /* words from a forecast «أن» + verb of change to the value */

/* Whether a forecast governs the value whose first word is first from past
 * DEMAND_REACH: «يتوقع محللون أن تتراجع حصة تحالف منتجي الرمال من السوق
 * العالمية للنفط إلى 36%» puts 14 words between, the verb's subject. Only
 * under «أن» + a verb of change, the forecast word one or two words before
 * the «أن», no other value since it (the value before ends before it:
 * lo), and no stop, clause mark or و-clause between (governs). */
static bool forecast_far(const char *s, const words *ws, size_t lo, size_t first)
{
    if (first < DEMAND_REACH + 2)
        return false;
    if (first > FORECAST_REACH && lo < first - FORECAST_REACH)
        lo = first - FORECAST_REACH;
    for (size_t a = lo + 1; a + DEMAND_REACH - 1 < first; a++) { /* a: the «أن» */
        if (!eq(&ws->v[a], "ان") || !mz_num_change_word(&ws->v[a + 1]))
            continue;
        for (size_t f = a - 1, back = 0; back < 2 && f >= lo; f--, back++) {
            if (mz_forecast_verb(ws->v, ws->n, f))
                return governs(s, ws, f, first);
            if (f == 0)
                break;
        }
    }
    return false;
}

void mz_num_mark_demanded(const char *s, const words *ws, mz_number *out, size_t found)
{
    /* each value looks back DEMAND_REACH words for its verb: the words
     * near a value, not every word of the sentence against the verb lists
     * (that walk was a fifth of the numbers reader's instructions) */
    for (size_t v = 0; v < found; v++) {
        size_t first = ws->at_first[v];
        if (out[v].kind == MZ_QTY_DATE)
            continue;
        for (size_t i = first > DEMAND_REACH ? first - DEMAND_REACH : 0; i < first; i++) {
            bool demand = demand_at(ws, i);
            if ((!demand && !mz_forecast_verb(ws->v, ws->n, i)) || !governs(s, ws, i, first))
                continue;
            if (demand)
                out[v].demanded = true;
            else
                out[v].forecast = true;
        }
        if (!out[v].forecast && !out[v].demanded &&
            forecast_far(s, ws, v ? ws->at_after[v - 1] : 0, first))
            out[v].forecast = true;
    }
}
