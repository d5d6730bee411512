/*
 * numbers_compared.c — the base a figure is compared with, written bare:
 * «بلغت نسبة المشاركة 41.3%، مقارنة بـ 38% في انتخابات 2022». The 38% names
 * no noun of its own (the word after it is «في»), so it was read as no value
 * at all, and a claim that gave the last election's 38% as this one's met
 * only the 41.3%: "not the claim's number", never "an earlier figure". A
 * value right after «مقارنة بـ», «مقارنة مع», «بالمقارنة مع», «قياسا بـ»
 * (numbers_change.c marks it earlier) with no noun takes the noun, what it
 * is of and the event of the nearest value before it in the sentence, of
 * its kind, that has a noun and is no earlier figure itself — the figure it
 * is the base of. Not past a sentence's stop (a comma does not stop it).
 */
#include "check/numbers.h"

void mz_num_noun_of_compared(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        if (n->noun_key[0] || !n->earlier || n->kind == MZ_QTY_DATE ||
            !mz_num_compared_with(ws, ws->at_first[v]))
            continue;
        for (size_t u = v; u-- > 0;) {
            const mz_number *to = &out[u];
            if (to->kind != n->kind || !to->noun_key[0] || to->earlier)
                continue;
            if (!mz_num_stop_between(s, to->end, n->start)) {
                memcpy(n->noun, to->noun, sizeof n->noun);
                memcpy(n->noun_key, to->noun_key, sizeof n->noun_key);
                memcpy(n->of, to->of, sizeof n->of);
                memcpy(n->of_key, to->of_key, sizeof n->of_key);
                if (!n->event)
                    n->event = to->event;
            }
            break;
        }
    }
}
