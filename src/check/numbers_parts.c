/*
 * numbers_parts.c — a sentence that splits one noun's count into groups
 * told apart by an adjective: «شملت الصفقات ثلاث شركات إماراتية وخمس شركات
 * عالمية». Keyed by the noun alone, the three Emirati firms met another
 * source's «5 شركات عالمية» as sources in conflict (train claim R-301),
 * though the five foreign firms are in both. Each value of such a sentence
 * counts a part, not the noun: it is marked (mz_number.part), and
 * collect_numbers.c sets it against nothing and does not hold it against
 * the claim's own value. The signal is narrow on purpose: two counts of one
 * noun in one sentence, each with a nisba right after the noun («إماراتية»,
 * «عالمية», «محليين»), and the nisbas differ. Two counts of one noun with no
 * such adjective («قتل 5 أشخاص يوم الجمعة و 30 شخصا يوم الأحد») are not
 * parts: days and events keep those apart (days.c, events.c).
 */
#include "check/numbers.h"
#include "text/text.h"

#define NOUN_REACH 3 /* words from a value's end to its noun («5 من الجنود») */

/* The word after the noun of value v is a nisba: its stem (prefixes and the
 * article off) without the ending ي, ية, يين, يون, written to out (the
 * masculine and the feminine meet: «عالمي», «عالمية»); false when there is
 * none. */
static bool nisba_after_noun(const words *ws, const mz_number *v, size_t first_after, char *out,
                             size_t cap)
{
    size_t noun = ws->n;
    for (size_t k = first_after; k < ws->n && k < first_after + NOUN_REACH; k++) {
        char key[128];
        mz_noun_key(ws->v[k].key, ws->v[k].key_len, key, sizeof key);
        if (!strcmp(key, v->noun_key)) {
            noun = k;
            break;
        }
    }
    if (noun + 1 >= ws->n || ws->v[noun + 1].is_number)
        return false;
    char bare[128];
    size_t n = mz_word_stem(ws->v[noun + 1].key, ws->v[noun + 1].key_len, 0, bare, sizeof bare);
    size_t e = mz_nisba_ending(bare, n, true);
    if (!e || n - e >= cap)
        return false;
    memcpy(out, bare, n - e);
    out[n - e] = '\0';
    return true;
}

void mz_num_mark_parts(const words *ws, mz_number *out, size_t found)
{
    char a[128], b[128];
    for (size_t i = 0; i < found; i++) {
        if (out[i].kind == MZ_QTY_DATE || !out[i].noun_key[0] ||
            !nisba_after_noun(ws, &out[i], ws->at_after[i], a, sizeof a))
            continue;
        for (size_t j = i + 1; j < found; j++)
            if (out[j].kind == out[i].kind && !strcmp(out[j].noun_key, out[i].noun_key) &&
                nisba_after_noun(ws, &out[j], ws->at_after[j], b, sizeof b) && strcmp(a, b))
                out[i].part = out[j].part = true;
    }
}
