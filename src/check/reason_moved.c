/*
 * reason_moved.c — the reason's sentence on a claim whose day is out of
 * date: a source tells the event was moved to another day, or off the
 * claim's (claim_day.c mz_mark_moved_day). A claim made before the
 * postponement was true then; read today it is wrong as stated, and the
 * reader is shown the postponement and both days. So, where no
 * postponement is told, for a source that gives the claim's event another
 * day than the claim's (mz_mark_other_day).
 */
#include "check/check.h"
#include "check/reason.h"

#include <stdio.h>
#include <string.h>

/* The day key "d:D/M" as a date of the year the article published on pub
 * gives it ("2026-07-05"): that year, or the next when the day falls more
 * than half a year before publication (moved from December to January);
 * "D/M" when pub gives no date. */
static void date_text(const char *key, const char *pub, char *out, size_t cap)
{
    int d, m, py, pm, pd;
    if (mz_day_parts(key, &d, &m) != 'd')
        d = m = 0;
    if (!mz_published_date(pub, &py, &pm, &pd)) {
        snprintf(out, cap, "%d/%d", d, m);
        return;
    }
    int y = py + ((pm - m) * 31 + (pd - d) > 183);
    snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}

/* Appends, when voices told only the plan before the move was reported
 * (mz_check_voice.plan_before_move), " 1 earlier report (site, day) gave
 * the claim's day before the event was reported off it (day): the plan,
 * not the event; not weighed." */
static int plan_sentence(mz_buf *b, const mz_check_result *r, bool ar)
{
    size_t n = 0;
    const mz_check_voice *first = NULL;
    for (size_t i = 0; i < r->n_voices; i++)
        if (r->voices[i].plan_before_move && r->voices[i].counted && r->voices[i].n_members &&
            r->voices[i].plan_move_member < r->n_members) {
            n++;
            first = first ? first : &r->voices[i];
        }
    if (!first)
        return 0;
    const mz_check_member *m = &r->members[first->members[0]];
    const mz_check_member *move = &r->members[first->plan_move_member];
    int rc = 0;
    if (ar)
        rc |= n > 1 ? mz_buf_printf(b, " وذكرت تقارير سابقة عددها %zu (", n)
                     : mz_buf_puts(b, " وذكر تقرير سابق (");
    else
        rc |= mz_buf_printf(b, " %zu earlier %s (", n, n > 1 ? "reports" : "report");
    rc |= mz_reason_site(b, m, ar ? "المقال" : "article");
    rc |= mz_buf_puts(b, ar ? "، " : ", ");
    rc |= mz_reason_day(b, m);
    if (n > 1)
        rc |= mz_buf_puts(b, ar ? "، …" : ", …");
    rc |= mz_buf_puts(b, ar ? ") يوم الادعاء قبل أن تنقل المصادر الحدث عنه ("
                            : ") gave the claim's day before the event was reported off it (");
    rc |= mz_reason_day(b, move);
    rc |= mz_buf_puts(b, ar ? "): الموعد المقرر حينها لا الحدث؛ لا يُوزن."
                            : "): the plan then, not the event; not weighed.");
    return rc;
}

int mz_reason_moved_day(mz_buf *b, const mz_check_result *r, bool ar)
{
    /* a voice that gives the event another day first (mz_mark_other_day: its
     * sentence holds more of the claim's event than a postponement's need) */
    const mz_check_voice *v = NULL;
    bool other = false;
    for (size_t i = 0; i < r->n_voices && !v; i++)
        if (r->voices[i].gives_other_day && r->voices[i].oday_q < r->n_numbers &&
            r->voices[i].oday_v < r->numbers[r->voices[i].oday_q].n_values)
            v = &r->voices[i], other = true;
    for (size_t i = 0; i < r->n_voices && !v; i++)
        if (r->voices[i].gives_moved_day && r->voices[i].moved_q < r->n_numbers &&
            r->voices[i].moved_v < r->numbers[r->voices[i].moved_q].n_values)
            v = &r->voices[i];
    if (!v)
        return 0;
    const mz_check_quantity *q = &r->numbers[other ? v->oday_q : v->moved_q];
    const mz_check_value *x = &q->values[other ? v->oday_v : v->moved_v];
    const mz_check_member *m = NULL;
    for (size_t i = 0; i < r->n_members && !m; i++)
        if (r->members[i].article_id == x->article_id)
            m = &r->members[i];
    if (!m)
        return 0;
    char day[32], claim[32], site[64];
    date_text(other ? x->date_day : x->day, m->published, day, sizeof day);
    date_text(q->claim_day, m->published, claim, sizeof claim);
    if (m->source)
        snprintf(site, sizeof site, "%s", m->source);
    else
        snprintf(site, sizeof site, ar ? "المقال #%lld" : "article #%lld", (long long)m->article_id);
    mz_evidence e = {x->start, x->end, 0, NULL};
    int rc = 0;
    if (other)
        rc |= mz_buf_printf(b, ar ? " وتذكر المصادر للحدث يوما آخر: %s (%s)"
                                  : " The sources give another day for the event: %s (%s)",
                            day, site);
    else if (x->moved > 0)
        rc |= mz_buf_printf(b, ar ? " وقد أُجّل الحدث إلى %s (%s)" : " The event was moved to %s (%s)",
                            day, site);
    else
        rc |= mz_buf_printf(b, ar ? " وقد أُجّل الحدث عن يوم الادعاء %s (%s)"
                                  : " The event was moved off the claim's day, %s (%s)",
                            day, site);
    rc |= mz_reason_quote(b, m, &e);
    if (x->moved > 0 || other)
        rc |= mz_buf_printf(b, ar ? "؛ والادعاء يذكر %s." : "; the claim's day is %s.", claim);
    else
        rc |= mz_buf_puts(b, ".");
    rc |= plan_sentence(b, r, ar);
    return rc ? -1 : 0;
}
