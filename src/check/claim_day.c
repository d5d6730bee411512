/*
 * claim_day.c — the claim's day against the days the sources give its
 * event: a postponement that moved the event off it (moved_day), a source
 * that tells the event on another day (other_day). Called by
 * collect_numbers.c on the dates quantity, once the values are collected;
 * the verdict weighs the voices they mark (verdict.c weigh_moved_day).
 */
#include "check/check.h"
#include "text/text.h"

#include <stdio.h>
#include <string.h>

/* The share of the claim's event words (its day's aside) a postponement's
 * sentence must hold to be told of the claim's event (mz_mark_moved_day):
 * one of «تعلن نتائج الثانوية العامة» in «تأجيل إعلان النتائج إلى الأحد» */
#define MOVED_COVER 0.25
/* ... and the share for a date that gives the claim's event another day
 * with no postponement told (mz_mark_other_day): higher, for the story's
 * other events name its actors too («يعقد وزراء تحالف الرمال اجتماعهم في 4
 * حزيران» holds 2 of 7 of «يبدأ خفض إنتاج تحالف الرمال في الأول من كانون
 * الثاني»; the cut's own sentence 4). */
#define OTHER_DAY_COVER 0.5

/* The share of the claim's stems c that the sentence s[0..len) holds: a
 * sentence of the claim's event holds many of them (collect_numbers.c reads
 * it for another figure's sentence too). */
double mz_covers_claim(const mz_claim_stems *c, const char *s, size_t len)
{
    if (!c->n)
        return 0;
    bool met[MZ_CLAIM_STEMS] = {false};
    size_t n = 0;
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        char stem[64];
        if (w.is_number || mz_is_stopword(w.key, w.key_len) ||
            !mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem))
            continue;
        for (size_t i = 0; i < c->n; i++)
            if (!met[i] && !strcmp(c->v[i], stem)) {
                met[i] = true;
                n++;
            }
    }
    return (double)n / (double)c->n;
}

/* The claim's stems c other than its day's words (a weekday, a month,
 * «يوم», and every word of the claim's date `day` as written: the ordinal
 * of «العاشر من كانون الثاني», the month's «الثاني»), for the share of them
 * a sentence holds (covers_claim): the claim's day is what a postponement
 * changes, or another source gives otherwise, and its words say nothing of
 * which event it is. Read once a check, for the claim's first dated
 * quantity. */
void mz_claim_event_stems(const mz_claim_stems *c, const char *claim, const mz_number *day,
                          mz_claim_stems *event)
{
    static const char day_words[] = "يوم السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة "
                                    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر "
                                    "أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران "
                                    "تموز آب أيلول تشرين";
    mz_claim_stems days, written;
    mz_claim_stems_of(day_words, &days);
    written.n = 0;
    if (claim && day->end > day->start && day->end <= strlen(claim)) {
        char span[256];
        size_t len = day->end - day->start < sizeof span ? day->end - day->start : sizeof span - 1;
        memcpy(span, claim + day->start, len);
        span[len] = '\0';
        mz_claim_stems_of(span, &written);
    }
    event->n = 0;
    for (size_t i = 0; i < c->n; i++) {
        bool is_day = false;
        for (size_t j = 0; j < days.n && !is_day; j++)
            is_day = !strcmp(c->v[i], days.v[j]);
        for (size_t j = 0; j < written.n && !is_day; j++)
            is_day = !strcmp(c->v[i], written.v[j]);
        if (!is_day)
            memcpy(event->v[event->n++], c->v[i], sizeof event->v[0]);
    }
}


/* Whether the postponement that moved to v tells, in v's own sentence, the
 * day its event was set for, and that day is not the claim's: «تأجيل
 * الاجتماع الوزاري الذي كان مقررا في 20 تشرين الثاني إلى 27 تشرين الثاني»
 * moves a meeting of the 20th, not a claim's cut on 1 January. */
static bool set_for_another_day(const mz_check_quantity *q, const mz_check_value *v,
                                const char *claim_day)
{
    for (size_t i = 0; i < q->n_values; i++) {
        const mz_check_value *w = &q->values[i];
        if (w->moved < 0 && w->article_id == v->article_id && w->start == v->start &&
            mz_other_days(w->day, claim_day))
            return true;
    }
    return false;
}

/* Marks the dates of q that tell the claim's day is out of date
 * (mz_check_value.moves_claim): the claim names a day of a named month
 * (claim_day "d:4/7") and a postponement in a source moves the event to
 * another day («تأجيل إعلان النتائج إلى الأحد المقبل 5 تموز»: moved +1)
 * or off the claim's («التي كانت مقررة الأحد 9 آذار»: moved -1), in a
 * sentence that holds OTHER_FIGURE_COVER of the claim's content stems (the
 * claim's event: another event of the story moved is not the claim's).
 * None where a postponement moves it to the claim's day: the claim has the
 * new date; nor where the claim tells the move itself. */
void mz_mark_moved_day(mz_check_quantity *q, const mz_number *claim, const mz_claim_stems *event)
{
    /* a claim that tells the move itself («كان من المقرر أن يبدأ يوم 18
     * نوفمبر تأجل») names the day as the one set before: not out of date */
    if (q->kind != MZ_QTY_DATE || !claim || claim->day[0] != 'd' || claim->moved)
        return;
    const char *claim_day = claim->day;
    bool claim_new = false;
    for (size_t i = 0; i < q->n_values; i++)
        claim_new = claim_new || (q->values[i].moved > 0 && !strcmp(q->values[i].day, claim_day));
    for (size_t i = 0; i < q->n_values && !claim_new; i++) {
        mz_check_value *v = &q->values[i];
        bool off = (v->moved > 0 && mz_other_days(v->day, claim_day) &&
                    !set_for_another_day(q, v, claim_day)) ||
                   (v->moved < 0 && !strcmp(v->day, claim_day));
        v->moves_claim = off && v->text && mz_covers_claim(event, v->text, strlen(v->text)) >= MOVED_COVER;
        if (v->moves_claim)
            snprintf(q->claim_day, sizeof q->claim_day, "%s", claim_day);
    }
}

/* Marks the dates of q that give the claim's event another day than the
 * claim's (mz_check_value.other_day): the claim tells its event on a day of
 * a named month («يبدأ الخفض في الأول من كانون الثاني», claim_day
 * "d:1/1", on_day), no date of q is the claim's day, and a source's
 * sentence that holds OTHER_DAY_COVER of the claim's content stems beside its
 * day's words (mz_claim_event_stems) tells its event on another such day («يبدأ
 * تطبيق الخفض اعتبارا من الأول من كانون الأول»). Narrow: only dates told
 * as the day something happens (numbers_on_day.c: not «منذ», a window, a
 * deadline), not the article's own publication day (a dateline), not an
 * earlier date, not a date a postponement moves (mz_mark_moved_day reads
 * those; on_day is never set on one). */
void mz_mark_other_day(mz_check_quantity *q, const mz_number *claim, const mz_claim_stems *event)
{
    if (q->kind != MZ_QTY_DATE || !claim || claim->day[0] != 'd' || !claim->on_day || claim->moved)
        return;
    /* a source's claim's day stands, unless a postponement moved the event
     * off it (mz_mark_moved_day): then it was the day set before, and a
     * weekday that dates the claim's verb (numbers_weekday.c: «وصل الوزير
     * الأحد», the 16th) tells the day it happened; a full date of the
     * sentence may be another event's (a meeting's decision «اعتبارا من
     * الأول من كانون الأول») */
    bool given = false;
    for (size_t i = 0; i < q->n_values && !given; i++)
        given = !strcmp(q->values[i].date_day, claim->day);
    if (given && !q->claim_day[0])
        return;
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        int d, m;
        /* a dateline's date is the publication day; a weekday said is not
         * a dateline (numbers_weekday.c) */
        bool pub = mz_day_parts(v->date_day, &d, &m) == 'd' && v->published_day &&
                   v->day_said[0] != 'w' && (v->published_day - (m * 31 + d)) % 372 == 0;
        v->other_day = v->on_day && !pub && !v->earlier && v->text &&
                       (!given || v->day_said[0] == 'w') &&
                       mz_other_days(v->date_day, claim->day) &&
                       mz_covers_claim(event, v->text, strlen(v->text)) >= OTHER_DAY_COVER;
        if (v->other_day)
            snprintf(q->claim_day, sizeof q->claim_day, "%s", claim->day);
    }
}
