/*
 * numbers_attributed.c — a figure a newspaper is said to give. A transfer
 * rumour is told on another paper's word: «بحسب صحيفة الرياضي اليوم، قدم
 * نادي فالمورا عرضا … مقابل 40 مليون يورو». Listed beside the club's
 * confirmed 35 million, the 40 read as one more source's fee; it is a
 * report relayed, and the reader should see so. A value in a sentence
 * with «بحسب صحيفة», «حسبما ذكرت صحيفة», «وفقا لصحيفة», «نقلت صحيفة»,
 * «ذكرت الصحيفة», «نقلا عن صحيفة» (a newspaper, magazine or the media:
 * صحيفة، جريدة، مجلة، وسائل الإعلام; not past a sentence's stop; a verb's
 * «ذكرت صحيفة أن …» the figures after it, a preposition's «…، بحسب
 * صحيفة» those before it too) is `attributed` (mz_number.attributed). Shown
 * as such; set against the others as before. «بحسب رابطة الدوري» (a
 * body's own figure) is no such attribution.
 */
#include "check/numbers.h"

#include <string.h>

#define ATTRIB_REACH 3 /* words between «بحسب» / «نقلت» and the paper */

/* A newspaper, magazine or the media («وسائل إعلام»), as words.c keys
 * them, with any ل/ب and ال before. */
static bool media_word(const mz_word *w)
{
    static const char *const media[] = {
        "صحيفه", "الصحيفه", "لصحيفه", "بصحيفه", "للصحيفه", "صحف", "الصحف", "جريده", "الجريده",
        "لجريده", "للجريده", "مجله", "المجله", "لمجله", "للمجله", "وسائل", "لوسائل"};
    return in_list(w->key, media, sizeof media / sizeof *media);
}

/* A word that tells what follows is another's account: 1 a verb
 * («ذكرت صحيفة أن …»: the figures after it), 2 a preposition («…، بحسب
 * صحيفة»: the figures before it too), 3 a word crossed («بحسب ما ذكرت»,
 * «نقلا عن»), 0 none. */
static int source_word(const mz_word *w)
{
    static const char *const verb[] = {"نقلت", "ونقلت", "ذكرت", "وذكرت", "افادت", "وافادت",
                                       "اوردت", "واوردت", "قالت", "وقالت", "اشارت", "واشارت"};
    static const char *const prep[] = {"بحسب", "وبحسب", "حسب",  "وحسب", "حسبما", "وحسبما",
                                       "وفقا", "ووفقا", "وفق", "طبقا", "نقلا"};
    if (in_list(w->key, verb, sizeof verb / sizeof *verb))
        return 1;
    if (in_list(w->key, prep, sizeof prep / sizeof *prep))
        return 2;
    return eq(w, "ما") || eq(w, "عن") ? 3 : 0;
}

/* Whether w's key ends as a media word's does (فه، حف، ده، له، ئل): one
 * compare of its last two letters, before the list is asked — this runs
 * on every word of a sentence with a figure. */
static bool media_ending(const mz_word *w)
{
    static const char *const ends[] = {"فه", "حف", "ده", "له", "ئل"};
    if (w->key_len < 6)
        return false;
    const char *e = w->key + w->key_len - 4;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (!memcmp(e, ends[i], 4))
            return true;
    return false;
}

bool mz_num_told_by(const char *s, const words *ws, size_t k, bool before, const mz_number *n)
{
    bool after = n->start > ws->v[k].start;
    size_t a = after ? ws->v[k].end : n->end;
    size_t b = after ? n->start : ws->v[k].start;
    return n->kind != MZ_QTY_DATE && (after || before) && !mz_num_stop_between(s, a, b);
}

void mz_num_mark_attributed(const char *s, const words *ws, mz_number *out, size_t found)
{
    if (!found)
        return;
    for (size_t k = 1; k < ws->n; k++) {
        if (!media_ending(&ws->v[k]) || !media_word(&ws->v[k]))
            continue;
        bool told = false, before = false;
        for (size_t d = 1; d <= ATTRIB_REACH && d <= k; d++) {
            int how = source_word(&ws->v[k - d]);
            if (!how)
                break;
            told = told || how < 3;
            before = before || how == 2;
        }
        if (!told)
            continue;
        for (size_t v = 0; v < found; v++)
            if (mz_num_told_by(s, ws, k, before, &out[v]))
                out[v].attributed = true;
    }
}
