/*
 * numbers_earlier.c — a value the sentence tells as an earlier figure, one a
 * newer figure replaced: «أعلن الجيش في وقت سابق أن له نحو 500 عسكري»,
 * «ارتفعت الحصيلة إلى 40 بعد أن كانت 30», «سابقا», «في السابق», «آنذاك»,
 * «الحصيلة السابقة». A story of a revised count quotes both figures, and so
 * do its copies: set against each other, every voice that told the revision
 * looked like a source contradicting another (a 2017 Reuters story: "about
 * 2,000 US troops in Syria, where the army had said 500" flagged as a
 * conflict between the agencies that carried it). collect_numbers.c sets an
 * earlier figure against earlier figures only, and does not hold it against
 * the claim's own value.
 */
#include "check/numbers.h"

#define EARLIER_REACH 6 /* words between a marker and the value it marks */

/* A sentence-level stop between bytes [from, to): a comma does not stop the
 * reach, «أعلن , في وقت سابق , أن له 500» sets the marker off by commas. */
bool mz_num_stop_between(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.' || c == ';' || c == '!' || c == '?' || c == '|' || c == '(' || c == ')')
            return true;
        if (c == 0xD8 && i + 1 < to && /* ؛ ؟ */
            ((unsigned char)s[i + 1] == 0x9B || (unsigned char)s[i + 1] == 0x9F))
            return true;
    }
    return false;
}

static bool is_kana(const mz_word *w)
{
    return eq(w, "كان") || eq(w, "كانت") || eq(w, "كانوا");
}

static bool is_toll(const mz_word *w)
{
    static const char *const toll[] = {"حصيله", "الحصيله", "والحصيله", "بالحصيله"};
    return in_list(w->key, toll, sizeof toll / sizeof *toll);
}

/* Whether a marker ends at word k: its first word in *mf, and whether it
 * reaches only forward (*forward: «بعد أن كانت 30» marks what follows it;
 * «ارتفعت إلى 40» before it is the new figure). */
static bool marker_at(const words *ws, size_t k, size_t *mf, bool *forward)
{
    const mz_word *w = &ws->v[k];
    *mf = k;
    *forward = false;
    if (eq(w, "سابقا") || eq(w, "انذاك"))
        return true;
    if (eq(w, "سابق") && k >= 2 && eq(&ws->v[k - 1], "وقت") && eq(&ws->v[k - 2], "في")) {
        *mf = k - 2;
        return true;
    }
    if (eq(w, "السابق") && k >= 1 && eq(&ws->v[k - 1], "في")) {
        *mf = k - 1;
        return true;
    }
    if ((eq(w, "السابقه") || eq(w, "سابقه")) && k >= 1 && is_toll(&ws->v[k - 1])) {
        *mf = k - 1;
        return true;
    }
    if (is_kana(w) && k >= 2 && (eq(&ws->v[k - 1], "ان")) && eq(&ws->v[k - 2], "بعد")) {
        *mf = k - 2;
        *forward = true;
        return true;
    }
    if (is_kana(w) && k >= 1 && eq(&ws->v[k - 1], "بعدما")) {
        *mf = k - 1;
        *forward = true;
        return true;
    }
    return false;
}

/* The value nearest the marker at words [mf, k] within reach, not past a
 * sentence's stop (forward: after it only), found when none. */
static size_t nearest_value(const char *s, const words *ws, const mz_number *out, size_t found,
                            size_t mf, size_t k, bool forward)
{
    size_t best = found, best_d = EARLIER_REACH + 1;
    for (size_t v = 0; v < found; v++) {
        if (out[v].kind == MZ_QTY_DATE)
            continue;
        size_t first = ws->at_first[v], last = ws->at_after[v] - 1, d;
        if (last < mf) {
            if (forward)
                continue;
            d = mf - last;
            if (mz_num_stop_between(s, ws->v[last].end, ws->v[mf].start))
                continue;
        } else if (first > k) {
            d = first - k;
            if (mz_num_stop_between(s, ws->v[k].end, ws->v[first].start))
                continue;
        } else {
            continue; /* the marker inside the value's words */
        }
        if (d < best_d) {
            best_d = d;
            best = v;
        }
    }
    return best;
}

void mz_num_mark_earlier(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t k = 0; k < ws->n; k++) {
        size_t mf;
        bool forward;
        if (!marker_at(ws, k, &mf, &forward))
            continue;
        size_t best = nearest_value(s, ws, out, found, mf, k, forward);
        if (best < found)
            out[best].earlier = true;
    }
}

/* «العام الماضي», «السنة الماضية», «للعام السابق», «الموسم المنصرم»: the
 * period before the one told of, ending at word k. Not a window or a base
 * of comparison, whose value is the current one: «خلال العام الماضي»,
 * «منذ العام الماضي», «مقارنة بالعام الماضي», «عن العام الماضي». */
static bool last_period_at(const words *ws, size_t k)
{
    static const char *const period[] = {"العام",  "للعام",  "بالعام",  "والعام",
                                         "السنه",  "للسنه",  "بالسنه",  "والسنه",
                                         "الموسم", "للموسم", "بالموسم", "والموسم"};
    static const char *const past[] = {"الماضي",  "الماضيه",  "السابق", "السابقه",
                                       "المنصرم", "المنصرمه", "الفايت", "الفايته"};
    static const char *const not_after[] = {"خلال", "طوال", "منذ", "مقارنه", "قياسا", "عن",
                                            "من",   "مع",   "مطلع", "بدايه", "نهايه"};
    /* every word is looked at: first «ال» + م/س/ف of the 6 or 7 letters
     * the past words have, so the list is compared on few of them */
    const mz_word *w = &ws->v[k];
    if (w->key_len < 12 || w->key_len > 16 || memcmp(w->key, "\xD8\xA7\xD9\x84", 4) ||
        (w->key[5] != '\x85' && w->key[5] != '\xB3' && w->key[5] != '\x81'))
        return false;
    if (k < 1 || !in_list(w->key, past, sizeof past / sizeof *past) ||
        !in_list(ws->v[k - 1].key, period, sizeof period / sizeof *period))
        return false;
    return k < 2 || !in_list(ws->v[k - 2].key, not_after, sizeof not_after / sizeof *not_after);
}

void mz_num_mark_last_period(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t k = 1; k < ws->n; k++) {
        if (!last_period_at(ws, k))
            continue;
        size_t best = nearest_value(s, ws, out, found, k - 1, k, false);
        /* «بارتفاع 7.2 نقطة العام الماضي»: the period is the base of this
         * year's rise, which marks nothing */
        if (best < found && !out[best].change)
            out[best].earlier = out[best].last_period = true;
    }
}

void mz_num_claim_period(const mz_number *claim, size_t n_claim, mz_number *nums, size_t n)
{
    bool told = false;
    for (size_t c = 0; c < n_claim && !told; c++)
        told = claim[c].last_period;
    for (size_t i = 0; told && i < n; i++)
        if (nums[i].last_period)
            nums[i].earlier = false;
}
