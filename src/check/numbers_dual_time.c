/* numbers_dual_time.c — a unit of time in the dual as two of the unit:
 * «زيارة تستغرق يومين», «مهلة شهرين», «بالسجن عامين», «لمدة أسبوعين». Read
 * only as a range's first end («بين عامين و5 سنوات», numbers.c), the dual
 * gave no value, and a claim of «ثلاثة أيام» met nothing in a source that
 * says two days. A window («قبل يومين», «منذ عامين», «خلال اليومين
 * الماضيين») says when, as «منذ 3 أيام» does: a date, not a duration. */
#include <string.h>

#include "check/numbers.h"

/* The duals (prefixes off) and their singulars, keyed as «3 أيام» is. */
static const char *const dual_time_forms[][2] = {
    {"عامين", "عام"},     {"عامان", "عام"},     {"سنتين", "سنه"},     {"سنتان", "سنه"},
    {"شهرين", "شهر"},     {"شهران", "شهر"},     {"يومين", "يوم"},     {"يومان", "يوم"},
    {"اسبوعين", "اسبوع"}, {"اسبوعان", "اسبوع"}, {"ساعتين", "ساعه"},   {"ساعتان", "ساعه"},
    {"دقيقتين", "دقيقه"}, {"دقيقتان", "دقيقه"}, {"ليلتين", "ليله"},   {"ليلتان", "ليله"}};

bool mz_num_is_dual_time_unit(const mz_word *w)
{
    for (size_t i = 0; i < sizeof dual_time_forms / sizeof *dual_time_forms; i++)
        if (eq(w, dual_time_forms[i][0]))
            return true;
    return false;
}

bool mz_num_dual_time(const words *ws, const char *s, size_t i, mz_number *n)
{
    const mz_word *w = &ws->v[i];
    size_t len = w->key_len;
    /* most words are none: a dual's key ends in ن, and in one of the duals
     * written whole, before the stemmer is asked which prefix it bears */
    if (len < 10 || len > 40 || memcmp(w->key + len - 2, "ن", 2))
        return false;
    bool tail = false;
    for (size_t k = 0; k < sizeof dual_time_forms / sizeof *dual_time_forms && !tail; k++) {
        size_t d = strlen(dual_time_forms[k][0]);
        tail = len >= d && !memcmp(w->key + len - d, dual_time_forms[k][0], d);
    }
    if (!tail)
        return false;
    char bare[64];
    mz_word_stem(w->key, w->key_len, 0, bare, sizeof bare); /* و, ب, ل, ال off */
    const char *one = NULL;
    for (size_t k = 0; k < sizeof dual_time_forms / sizeof *dual_time_forms && !one; k++)
        if (!strcmp(bare, dual_time_forms[k][0]))
            one = dual_time_forms[k][1];
    if (!one)
        return false;
    bool definite = mz_num_is_definite(w);
    /* «الأمناء العامين»: after a definite noun it is an adjective, general */
    if (definite && i > 0 && mz_num_is_definite(&ws->v[i - 1]))
        return false;
    memset(n, 0, sizeof *n);
    mz_num_copy_noun(s, w, n);
    mz_noun_key(one, strlen(one), n->noun_key, sizeof n->noun_key);
    n->start = w->start;
    n->end = w->end;
    n->number = n->number_max = 2;
    n->kind = MZ_QTY_COUNT;
    /* «اليومين الماضيين» as «الساعات الـ24» is a window with the article */
    if (mz_num_is_time_window(ws, i, definite, n))
        n->kind = MZ_QTY_DATE;
    else
        n->event = mz_event_near(s, ws->v, ws->n, i, i + 1);
    return true;
}
