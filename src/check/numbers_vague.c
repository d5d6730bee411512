/*
 * numbers_vague.c — quantities news gives as a plural of a unit: «عشرات
 * القتلى» (dozens), «مئات المدنيين», «آلاف النازحين», «عشرات الآلاف»,
 * «مئات الآلاف», «ملايين». They are values with a floor and no ceiling:
 *
 * The floor is twice the unit (عشرات ≥ 20, مئات ≥ 200, آلاف ≥ 2,000,
 * عشرات الآلاف ≥ 20,000, مئات الآلاف ≥ 200,000, ملايين ≥ 2,000,000). By
 * grammar the plural of عشرة/مئة/ألف is used for three units or more (two
 * take the dual: مئتان، ألفان), so «مئات» is 300 or more; news writes the
 * plural loosely («عشرات» for some twenty killed), and a flag raised on a
 * loose reading would send a fact-checker after a conflict that is not
 * there, so the floor is taken one unit lower. There is no ceiling: tolls
 * rise between reports, and «عشرات» in a first report may be «مئات» a day
 * later; a vague value never conflicts with a value past its floor («100
 * قتيل» against «العشرات»), nor with another vague value (two floors always
 * overlap).
 *
 * Not counts: a span of time («منذ عشرات السنين», «لعشرات السنين»: a time
 * window, as «منذ 3 أيام» is) and a number of times («عشرات المرات»: an
 * idiom for "often"). Money and measures («آلاف الدولارات», «مئات
 * الأمتار») are values of their unit, as «5000 دولار» is.
 *
 * mz_num_vague finds the words; mz_num_vague_value makes them a value, with
 * its noun (numbers_nouns.c) and its event, as numbers.c does for digits.
 */
#include "check/numbers.h"

#include <string.h>

/* The plurals (keys, as words.c writes them: مئات is ميات) and their unit. */
#define PLURAL(k, u) {k, sizeof k - 1, u}
static const struct {
    const char *key;
    size_t len;
    double unit;
} plurals[] = {PLURAL("عشرات", 10), PLURAL("ميات", 100),  PLURAL("الاف", 1e3),
               PLURAL("الوف", 1e3), PLURAL("ملايين", 1e6), PLURAL("مليارات", 1e9)};

/* What may be written on such a word: a conjunction, a preposition, the article. */
static const char *const prefixes[] = {"", "و", "ف", "ب", "ل", "وب", "ول", "ال", "وال", "فال",
                                       "بال", "لل", "وبال", "ولل"};

/* The unit of a plural of a unit at word w («العشرات», «بآلاف»), or 0;
 * *definite: the article is written on it (الآلاف, not آلاف). */
static double plural_unit(const mz_word *w, bool *definite)
{
    /* on one of the plurals: most words are none. Each ends in ت, ن or ف */
    if (w->key_len < 2)
        return 0;
    const char *last = w->key + w->key_len - 2;
    if (memcmp(last, "ت", 2) && memcmp(last, "ن", 2) && memcmp(last, "ف", 2))
        return 0;
    bool ends = false;
    for (size_t k = 0; k < sizeof plurals / sizeof *plurals && !ends; k++) {
        size_t n = plurals[k].len;
        ends = w->key_len >= n && !memcmp(w->key + w->key_len - n, plurals[k].key, n);
    }
    if (!ends)
        return 0;
    for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
        size_t n = strlen(prefixes[p]);
        if (strncmp(w->key, prefixes[p], n) != 0)
            continue;
        for (size_t k = 0; k < sizeof plurals / sizeof *plurals; k++)
            if (!strcmp(w->key + n, plurals[k].key)) {
                *definite = strstr(prefixes[p], "ال") || strstr(prefixes[p], "لل");
                return plurals[k].unit;
            }
    }
    return 0;
}

bool mz_num_vague(const words *ws, size_t i, span *out, bool *definite)
{
    double unit = plural_unit(&ws->v[i], definite);
    if (unit == 0)
        return false;
    out->first = out->last = i;
    out->percent = false;
    /* «عشرات الآلاف», «مئات آلاف النازحين»: tens or hundreds of a larger
     * unit; the second word bare or with the article, not with و */
    if (unit < 1e3 && i + 1 < ws->n && strncmp(ws->v[i + 1].key, "و", 2) != 0) {
        bool of_definite;
        double of = plural_unit(&ws->v[i + 1], &of_definite);
        if (of >= 1e3) {
            unit *= of;
            out->last = i + 1;
        }
    }
    out->lo = out->hi = 2 * unit;
    return true;
}

bool mz_num_vague_value(const words *ws, const char *s, const span *a, bool definite,
                        mz_number *out)
{
    mz_number n;
    memset(&n, 0, sizeof n);
    size_t after = a->last + 1;
    n.start = ws->v[a->first].start;
    n.end = ws->v[a->last].end;
    n.number = n.number_max = a->lo;
    n.bound = 1;
    n.vague = true;
    n.kind = MZ_QTY_COUNT;
    /* with the article it stands alone and names its noun after من
     * («العشرات من المدنيين»): «شارك المئات في …» and «أصيب العشرات نتيجة …»
     * count no verb or noun after them; bare, the noun follows it
     * («عشرات المدنيين») */
    if (!definite || (after < ws->n && eq(&ws->v[after], "من")))
        mz_num_noun_after(ws, s, after, &n);
    if (!n.noun_key[0])
        mz_num_noun_of_tally(ws, s, a->first, &n);
    if (n.noun_key[0] && mz_num_counts_times(&n))
        return false;
    if (n.noun_key[0] && mz_num_is_time_unit(&n)) {
        n.kind = MZ_QTY_DATE; /* a span, with or without منذ/خلال before it */
        n.bound = 0;
    } else {
        n.event = mz_num_casualty_noun(ws, s, after, &n);
        if (!n.event)
            n.event = mz_event_near(s, ws->v, ws->n, a->first, after);
    }
    *out = n;
    return true;
}

const char *mz_vague_name(double floor, bool arabic)
{
    static const struct {
        double floor;
        const char *en, *ar;
    } names[] = {
        {20, "dozens", "عشرات"},
        {200, "hundreds", "مئات"},
        {2e3, "thousands", "آلاف"},
        {2e4, "tens of thousands", "عشرات الآلاف"},
        {2e5, "hundreds of thousands", "مئات الآلاف"},
        {2e6, "millions", "ملايين"},
        {2e7, "tens of millions", "عشرات الملايين"},
        {2e8, "hundreds of millions", "مئات الملايين"},
        {2e9, "billions", "مليارات"},
        {2e10, "tens of billions", "عشرات المليارات"},
        {2e11, "hundreds of billions", "مئات المليارات"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].floor == floor)
            return arabic ? names[i].ar : names[i].en;
    return arabic ? "عدد غير محدد" : "an unstated number";
}
