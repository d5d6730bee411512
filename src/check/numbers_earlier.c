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

void mz_num_mark_earlier(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t k = 0; k < ws->n; k++) {
        size_t mf;
        bool forward;
        if (!marker_at(ws, k, &mf, &forward))
            continue;
        /* the nearest value within reach, not past a sentence's stop */
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
        if (best < found)
            out[best].earlier = true;
    }
}
