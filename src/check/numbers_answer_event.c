/*
 * numbers_answer_event.c — a figure and the figure a correction gives for
 * it count one event: «أن عدد الناجين … 54 شخصا، والصحيح 45 شخصا» gave the
 * 54 the rescued (events.c: «عدد الناجين») and the 45 no event, for no
 * event word is in its clause, so a claim that 45 died met the answer as
 * its figure. The pair is a figure, at most two words (its noun) before a
 * correction word («والصحيح», «والصواب», «وليس», «لا»), and the figure
 * right after that word, of one kind and noun (or one with none): where
 * one has an event and the other none, the other takes it.
 */
#include "check/numbers.h"

#include <string.h>

#define ANSWER_GAP 2 /* words between the corrected figure's end and the correction word */

static bool is_link(const mz_word *w)
{
    static const char *const link[] = {"والصحيح", "والصواب", "فالصحيح", "فالصواب", "والاصح",
                                       "وليس",    "ليس",     "وليست",   "ليست",    "لا", "ولا"};
    for (size_t i = 0; i < sizeof link / sizeof *link; i++)
        if (!strcmp(w->key, link[i]))
            return true;
    return false;
}

void mz_num_event_of_answer(const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 1; v < found; v++) {
        mz_number *b = &out[v];
        size_t first = ws->at_first[v];
        if (b->kind == MZ_QTY_DATE || first == 0 || !is_link(&ws->v[first - 1]))
            continue;
        size_t u = v;
        while (u-- > 0 && out[u].kind == MZ_QTY_DATE)
            ;
        if (u >= v) /* none before it */
            continue;
        mz_number *a = &out[u];
        if (a->kind != b->kind || ws->at_after[u] + ANSWER_GAP < first - 1 ||
            (a->noun_key[0] && b->noun_key[0] && strcmp(a->noun_key, b->noun_key)))
            continue;
        if (!b->event)
            b->event = a->event;
        else if (!a->event)
            a->event = b->event;
    }
}
