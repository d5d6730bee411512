/*
 * numbers_hearsay.c — a figure told on unnamed sources' word: «بحسب مصادر
 * مطلعة، يتجه التحالف إلى خفض الإنتاج بمقدار 2 مليون برميل يوميا», «نقلت
 * الوكالة عن مصادر …», «وقالت مصادر إن …». It is what was rumoured, not
 * what a source says happened: when the decision came at 1.5 million, the
 * rumour's 2 million still "gave" a claim that the group decided a cut of 2
 * million, and the sources that tell the decision with 1.5 million were not
 * read as telling the event with another figure (collect_numbers.c reads
 * mz_number.hearsay). A value in a sentence where مصادر / مصدر stands
 * within 3 words after بحسب، حسب، وفقا، نقلا عن، نقلت … عن، ذكرت، قالت، أفادت،
 * أشارت (the figures after a verb, before a preposition's too; not past a
 * sentence's stop) is marked, as numbers_attributed.c marks a newspaper's.
 */
#include "check/numbers.h"

#include <string.h>

#define HEARSAY_REACH 3 /* words between «بحسب» / «نقلت» and «مصادر» (2 more after عن) */

/* مصادر or مصدر, with و، ل، ب or عن's ال-less forms before it («لمصادر»). */
static bool hearsay_sources(const mz_word *w)
{
    static const char *const src[] = {"مصادر", "مصدر", "لمصادر", "لمصدر", "ومصادر", "ومصدر"};
    return in_list(w->key, src, sizeof src / sizeof *src);
}

/* 1 a verb of telling (the figures after it), 2 a preposition of
 * attribution (those before it too), 3 a word crossed, 0 none. */
static int hearsay_teller(const mz_word *w)
{
    static const char *const verb[] = {"نقلت", "ونقلت", "نقل", "ونقل", "ذكرت", "وذكرت",
                                       "افادت", "وافادت", "قالت", "وقالت", "اشارت", "واشارت",
                                       "كشفت", "وكشفت"};
    static const char *const prep[] = {"بحسب", "وبحسب", "حسب", "وحسب", "حسبما", "وحسبما",
                                       "وفقا", "ووفقا", "طبقا", "نقلا"};
    if (in_list(w->key, verb, sizeof verb / sizeof *verb))
        return 1;
    if (in_list(w->key, prep, sizeof prep / sizeof *prep))
        return 2;
    return eq(w, "ما") || eq(w, "عن") ? 3 : 0;
}

void mz_num_mark_hearsay(const char *s, const words *ws, mz_number *out, size_t found)
{
    if (!found)
        return;
    for (size_t k = 0; k < ws->n; k++) {
        /* the last two letters first: this runs on every word of a
         * sentence with a figure */
        if (ws->v[k].key_len < 6 || memcmp(ws->v[k].key + ws->v[k].key_len - 4, "در", 4) ||
            !hearsay_sources(&ws->v[k]))
            continue;
        bool told = false, before = false;
        /* «نقلت وكالة الأنباء عن مصادر»: a teller's name of two words more */
        size_t reach = HEARSAY_REACH + (k > 0 && eq(&ws->v[k - 1], "عن") ? 2 : 0);
        if (reach > k)
            reach = k;
        for (size_t d = 1; d <= reach; d++) {
            int how = hearsay_teller(&ws->v[k - d]);
            /* «نقلت وكالة الأنباء عن مصادر»: the agency's name is crossed */
            if (!how && !(d > 1 && eq(&ws->v[k - 1], "عن")))
                break;
            told = told || (how && how < 3);
            before = before || how == 2;
        }
        if (!told)
            continue;
        for (size_t v = 0; v < found; v++)
            if (mz_num_told_by(s, ws, k, before, &out[v]))
                out[v].hearsay = true;
    }
}

/* A denial verb: نفى، نفت، نفوا، ينفي، تنفي (keys: ى as ي), و on them. */
static bool hearsay_denial_verb(const mz_word *w)
{
    static const char *const v[] = {"نفي", "نفت", "نفوا", "ينفي", "تنفي",
                                    "ونفي", "ونفت", "ونفوا", "وينفي", "وتنفي"};
    return in_list(w->key, v, sizeof v / sizeof *v);
}

/* A word that dismisses an account as untrue: «بأنها تكهنات», «شائعات»,
 * «مزاعم», «لا أساس لها», «عار عن الصحة», «عارية عن الصحة». */
static bool hearsay_dismissal(const mz_word *prev, const mz_word *w)
{
    static const char *const v[] = {"تكهنات", "شائعات", "اشاعات", "مزاعم", "افتراءات",
                                    "مفبركه", "عار", "عاريه"};
    return in_list(strip_waw_fa(w), v, sizeof v / sizeof *v) ||
           (prev && eq(prev, "لا") && eq(w, "اساس"));
}

bool mz_num_dismissed(const char *s, size_t len, size_t at, size_t end)
{
    mz_word_iter it;
    mz_word prev, w;
    bool have_prev = false, denied = false;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        if (w.start < at) {
            /* a stop between the denial and the value ends its reach */
            if (denied && mz_num_stop_between(s, prev.end, w.start))
                denied = false;
            denied = denied || hearsay_denial_verb(&w);
        } else if (w.start >= end) {
            if (!denied || mz_num_stop_between(s, prev.end, w.start))
                return false;
            if (hearsay_dismissal(have_prev ? &prev : NULL, &w))
                return true;
        }
        prev = w;
        have_prev = true;
    }
    return false;
}
