/*
 * plan_before_move.c — a report of the plan, overtaken by the move. Politics
 * D2 «وصل وزير خارجية نوران إلى تارسيا يوم الأحد 9 آذار»: akhbar-alyawm of 2
 * March says «يصل … الأحد 9 آذار», the claim's day; on 5 March the visit is
 * postponed, and it happens on the 16th. The first report told what was
 * planned then, not the event: weighed as agreeing it kept the claim
 * disputed, as a club's denial later reports tell as past did
 * (overtaken.c).
 *
 * Where the sources tell the event was moved off the claim's day or
 * happened on another (a voice weighed moved_day / other_day, verdict.c
 * weigh_moved_day), a voice read agree is plan_before_move when
 *   - one of its articles gives the claim's day (a date of the quantity
 *     whose claim_day is set, its day the claim's, not itself moved), and
 *   - every article of it the model reads related (not unrelated) has a
 *     publication day, earlier than the first report of the move (the
 *     earliest article of a moved_day / other_day voice that carries the
 *     moving date): its only support is the claim's day given before the
 *     move was reported.
 * Without publication days nothing changes. The verdict leaves such a voice
 * out of the sums (mz_decide), as an overtaken denial; the reason says it
 * told the plan before the move (reason_moved.c).
 */
#include "check/check.h"

#include <string.h>

/* The member of r with article id, or NULL. */
static const mz_check_member *member_of(const mz_check_result *r, int64_t id, size_t *at)
{
    for (size_t i = 0; i < r->n_members; i++)
        if (r->members[i].article_id == id) {
            *at = i;
            return &r->members[i];
        }
    return NULL;
}

/* Whether voice number vi (1-based) gives q's claim's day, as planned. */
static bool gives_claim_day(const mz_check_quantity *q, int vi)
{
    for (size_t k = 0; k < q->n_values; k++) {
        const mz_check_value *x = &q->values[k];
        if (x->voice == vi && !x->moved && !strcmp(x->date_day, q->claim_day))
            return true;
    }
    return false;
}

/* Whether every related article of v was published before day `before`. */
static bool all_before(const mz_check_result *r, const mz_check_voice *v, int before)
{
    size_t related = 0;
    for (size_t j = 0; j < v->n_members; j++) {
        const mz_check_member *m = &r->members[v->members[j]];
        if (m->stance == MZ_UNRELATED)
            continue;
        int day = mz_published_day(m->published);
        if (!day || day >= before)
            return false;
        related++;
    }
    return related > 0;
}

void mz_mark_plan_before_move(mz_check_result *r)
{
    for (size_t i = 0; i < r->n_voices; i++)
        r->voices[i].plan_before_move = false;
    for (size_t qi = 0; qi < r->n_numbers; qi++) {
        const mz_check_quantity *q = &r->numbers[qi];
        if (q->kind != MZ_QTY_DATE || !q->claim_day[0])
            continue;
        /* the first report of the move: the earliest article of a voice
         * weighed as moving the claim's day that carries the moving date */
        int first = 0;
        size_t first_member = 0;
        for (size_t k = 0; k < q->n_values; k++) {
            const mz_check_value *x = &q->values[k];
            if (!(x->moves_claim || x->other_day) || x->voice < 1 || (size_t)x->voice > r->n_voices)
                continue;
            const mz_check_voice *mv = &r->voices[x->voice - 1];
            size_t at;
            const mz_check_member *m = member_of(r, x->article_id, &at);
            int day = m ? mz_published_day(m->published) : 0;
            if ((mv->moved_day || mv->other_day) && day && (!first || day < first)) {
                first = day;
                first_member = at;
            }
        }
        if (!first)
            continue;
        for (size_t i = 0; i < r->n_voices; i++) {
            mz_check_voice *v = &r->voices[i];
            if (v->stance != MZ_AGREE || v->moved_day || v->other_day || v->overtaken ||
                v->corrects_claim || v->other_figure || !gives_claim_day(q, (int)i + 1) ||
                !all_before(r, v, first))
                continue;
            v->plan_before_move = true;
            v->plan_move_member = first_member;
        }
    }
}
