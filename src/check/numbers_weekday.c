/*
 * numbers_weekday.c — a bare weekday told as the day of the sentence's
 * event: «وصل وزير الخارجية النوراني سامر الحداد الأحد إلى عاصمة تارسيا»
 * in a report published on Sunday 16 March is the arrival's day, 16 March,
 * where a full date («الأحد 9 آذار») would stand. The numbers reader keeps
 * no such value (a weekday gives other values their day only), so a claim
 * «وصل … يوم الأحد 9 آذار» was never set against it. Read only for a claim
 * that names a full day (collect_numbers.c), and narrowly:
 *  - the weekday dates the clause's event: within WEEKDAY_REACH words of the
 *    clause's start (a verb and its subject: «وصل الوزير الأحد»), or after
 *    «يوم» / «في»; and the clause's verb, its first word or its second
 *    after a definite subject, is one of the claim's words (its verb:
 *    «وقع الجانبان الاثنين 5 اتفاقيات في ختام زيارة الوزير» is the
 *    signing's Monday, not the arrival's);
 *  - not a saying verb's day: «أعلنت الوزارة الأربعاء تأجيل الزيارة»,
 *    «نفت الرئاسة الاثنين عقد لقاء» date the announcement, not the visit
 *    (after «أن/إن» the clause is the said event's again);
 *  - not «منذ الاثنين», «حتى/قبل/بعد الأحد», «إلى الأحد» (a move's target,
 *    numbers_moved.c), nor a weekday written with its date (that date is
 *    the value).
 * The publication day makes it a date (collect_numbers.c add_value,
 * mz_day_resolve); a weekday an article without one names is no value.
 */
#include "check/numbers.h"

#include <stdlib.h>

#define WEEKDAY_REACH 7 /* words from the clause's start to the weekday */

/* Verbs of saying, announcing, denying: a weekday after one in its clause
 * is the day it was said. Keys, a و or ف taken off (strip_waw_fa). */
static const char *const saying[] = {
    "قال",  "قالت", "اعلن",  "اعلنت", "اكد",   "اكدت",  "نفي",  "نفت",  "ذكر",   "ذكرت",
    "افاد", "افادت", "اوضح", "اوضحت", "صرح",   "صرحت",  "كشف",  "كشفت", "اشار",  "اشارت",
    "اضاف", "اضافت", "نقل",  "نقلت",  "اعتبر", "اعتبرت", "بحث", "بحثت", "ناقش", "ناقشت",
    "نشر",  "نشرت", "بيان", "تصريح", "اعلان",
};

/* Words the weekday may not follow: «منذ الاثنين», «حتى الأحد». */
static const char *const not_after[] = {"منذ", "حتي", "الي", "قبل", "بعد", "بحلول", "مطلع", "نهايه",
                                        "لغايه", "غايه"};

/* A part of the day before the weekday: «مساء الأحد» is that Sunday. */
static bool day_part(const mz_word *w)
{
    static const char *const parts[] = {"مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "عصر"};
    return in_list(w->key, parts, sizeof parts / sizeof *parts);
}

/* Whether a date value of out[0..n) starts within the two words after word
 * k: the weekday is written with its date («الأحد 9 آذار»). */
static bool dated(const mz_word *ws, size_t nw, size_t k, const mz_number *out, size_t n)
{
    size_t to = k + 3 < nw ? ws[k + 3].start : (size_t)-1;
    for (size_t i = 0; i < n; i++)
        if (out[i].kind == MZ_QTY_DATE && out[i].start >= ws[k].end && out[i].start < to)
            return true;
    return false;
}

/* Whether word i, a و or ف taken off, is one of the claim's stems c (its
 * event's verb: «وصل» of «وصل الوزير الأحد»). */
static bool claim_word(const mz_claim_stems *c, const words *ws, size_t i)
{
    char stem[64];
    const char *k = strip_waw_fa(&ws->v[i]);
    size_t len = ws->v[i].key_len - (size_t)(k - ws->v[i].key);
    if (!mz_word_stem(k, len, 1, stem, sizeof stem))
        return false;
    for (size_t j = 0; j < c->n; j++)
        if (!strcmp(c->v[j], stem))
            return true;
    return false;
}

/* Whether the weekday at word k dates the clause's own event (above), and
 * that clause opens on a word of the claim (first or second): «وقع الجانبان الاثنين 5
 * اتفاقيات … في ختام زيارة الوزير» dates the signing, not a claim's
 * arrival. */
static bool event_weekday(const char *s, const words *ws, size_t k, const mz_claim_stems *c)
{
    size_t j = k;
    while (j > 0 && day_part(&ws->v[j - 1]))
        j--;
    bool opener = false;
    if (j > 0 && eq(&ws->v[j - 1], "يوم"))
        j--, opener = true;
    if (j > 0) {
        bool waw;
        const char *prev = strip_conj(ws->v[j - 1].key, &waw);
        if (in_list(prev, not_after, sizeof not_after / sizeof *not_after))
            return false;
        opener = opener || !strcmp(prev, "في");
    }
    /* the clause's start, and the last saying verb in it not followed by أن */
    size_t start = 0;
    bool said = false;
    for (size_t i = 0; i < k; i++) {
        if (i > 0 && mz_clause_break(s, ws->v[i - 1].end, ws->v[i].start)) {
            start = i;
            said = false;
        }
        const char *w = strip_waw_fa(&ws->v[i]);
        if (in_list(w, saying, sizeof saying / sizeof *saying))
            said = true;
        else if (said && (eq(&ws->v[i], "ان") || eq(&ws->v[i], "بان"))) {
            said = false;
            start = i + 1; /* the said event's clause */
        }
    }
    /* the verb first, or second after a definite subject: «وصل الوزير
     * الأحد», «الوزير وصل يوم الاثنين»; not «وقعت نوران وتارسيا الاثنين» */
    bool subject_first = start + 1 < k && !strncmp(ws->v[start].key, "ال", strlen("ال"));
    return !said && start < k && (opener || k - start <= WEEKDAY_REACH) &&
           (claim_word(c, ws, start) || (subject_first && claim_word(c, ws, start + 1)));
}

size_t mz_num_weekday_dates(const mz_claim_stems *c, const char *s, size_t len, mz_number *out,
                            size_t n, size_t cap)
{
    if (n >= cap)
        return n;
    words *ws = malloc(sizeof *ws);
    if (!ws)
        return n;
    ws->n = 0;
    mz_word_iter it;
    mz_words_init(&it, s, len);
    while (ws->n < MAX_WORDS && mz_words_next(&it, &ws->v[ws->n]))
        ws->n++;
    for (size_t k = 0; k < ws->n && n < cap; k++) {
        mz_number d;
        memset(&d, 0, sizeof d);
        if (!mz_weekday_key(s, ws->v, ws->n, k, d.day, sizeof d.day) ||
            dated(ws->v, ws->n, k, out, n) || !event_weekday(s, ws, k, c))
            continue;
        d.start = ws->v[k].start;
        d.end = ws->v[k].end;
        d.kind = MZ_QTY_DATE;
        d.on_day = true;
        strcpy(d.noun, "التاريخ");
        strcpy(d.noun_key, "date");
        out[n++] = d;
    }
    free(ws);
    return n;
}
