/*
 * json_check.c — the claim-check report as JSON, schema "mizan.check/1"
 * (docs/json-schema.md). `mizan check --json` and POST /api/check both print
 * exactly this tree. Evidence items are mz_json_evidence's (json_stance.c), so
 * `mizan stance --json` and the check report describe a sentence alike.
 */
#include "check/check.h"
#include "json/json.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define SCHEMA "mizan.check/1"

/* Every add below goes through these. cJSON_Add* fail (out of memory) by
 * leaving the key out; a report printed without it would read as whole
 * (POST /api/check, `check --json`), so a failed add clears *ok and the
 * report is dropped (NULL): the caller says "out of memory". An item that
 * could not be added is deleted; NULL items (a builder out of memory) fail. */
static void add_num(cJSON *o, const char *k, double v, bool *ok)
{
    if (!cJSON_AddNumberToObject(o, k, v))
        *ok = false;
}

static void add_str(cJSON *o, const char *k, const char *v, bool *ok)
{
    if (!cJSON_AddStringToObject(o, k, v))
        *ok = false;
}

static void add_bool(cJSON *o, const char *k, bool v, bool *ok)
{
    if (!cJSON_AddBoolToObject(o, k, v))
        *ok = false;
}

static void add_item(cJSON *o, const char *k, cJSON *item, bool *ok)
{
    if (!mz_json_add(o, k, item))
        *ok = false;
}

static void push(cJSON *arr, cJSON *item, bool *ok)
{
    if (!mz_json_push(arr, item))
        *ok = false;
}

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *probs_json(const double *p)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL;
    for (int s = 0; ok && s < MZ_N_STANCES; s++)
        add_num(o, mz_stance_name((mz_stance)s), p[s], &ok);
    return mz_json_whole(o, ok);
}

/* An evidence sentence of body with its cue words [cs, ce); NULL when out of memory. */
static cJSON *evidence_json(const char *body, const mz_evidence *ev, size_t cs, size_t ce)
{
    cJSON *e = mz_json_evidence(body, ev);
    return mz_json_whole(e, e && mz_json_add_cue_words(e, ev, body, cs, ce));
}

static cJSON *member_json(const mz_check_member *m)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL;
    add_num(o, "article_id", (double)m->article_id, &ok);
    add_item(o, "title", str_or_null(m->title), &ok);
    add_item(o, "source", str_or_null(m->source), &ok);
    add_item(o, "url", str_or_null(m->url), &ok);
    add_item(o, "published", str_or_null(m->published), &ok);
    add_item(o, "origin", str_or_null(m->origin), &ok);
    add_item(o, "author", str_or_null(m->author), &ok);
    add_str(o, "stance", mz_stance_name(m->stance), &ok);
    add_num(o, "retrieval_score", m->retrieval_score, &ok);
    add_item(o, "probs", probs_json(m->probs), &ok);
    add_item(o, "denial",
             m->has_denial && m->body
                 ? evidence_json(m->body, &m->denial, m->denial_cue_start, m->denial_cue_end)
                 : cJSON_CreateNull(),
             &ok);
    if (m->superseded_by) /* additive: only on an earlier version (versions.c) */
        add_num(o, "superseded_by", (double)m->superseded_by, &ok);
    if (ok && m->places.n) /* additive: only when an exact copy was published elsewhere */
        ok = mz_json_add_places(o, &m->places);
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    ok = ok && ev;
    for (size_t i = 0; ok && i < m->n_evidence; i++)
        push(ev, evidence_json(m->body ? m->body : "", &m->evidence[i], m->cue_start[i], m->cue_end[i]),
             &ok);
    return mz_json_whole(o, ok);
}

static cJSON *voice_json(const mz_check_result *r, size_t vi)
{
    const mz_check_voice *v = &r->voices[vi];
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL;
    add_num(o, "voice", (double)(vi + 1), &ok);
    add_str(o, "stance", mz_stance_name(v->stance), &ok);
    add_num(o, "weight", v->weight, &ok);
    add_bool(o, "counted", v->counted, &ok);
    if (v->corrects_claim) /* «… 53، والصحيح 44» for a claim of 53: weighed as disagreeing */
        add_bool(o, "corrects_claim", true, &ok);
    if (v->other_figure) /* tells the event with another figure than the claim's: disagreeing */
        add_bool(o, "other_figure", true, &ok);
    if (v->other_winner) /* names another winner of the claim's match or title: disagreeing */
        add_bool(o, "other_winner", true, &ok);
    if (v->gives_moved_day) /* tells the event the claim dates was moved off the claim's day */
        add_bool(o, "moved_day", true, &ok);
    if (v->moved_day) /* ...and read agree by the model: weighed as disagreeing */
        add_bool(o, "moved_day_weighed", true, &ok);
    if (v->gives_other_day) /* gives the claim's event another day, none the claim's */
        add_bool(o, "other_day", true, &ok);
    if (v->other_day) /* ...and read agree by the model: weighed as disagreeing */
        add_bool(o, "other_day_weighed", true, &ok);
    if (v->other_matter) /* its disagreement was a denial of another matter: weighed unrelated */
        add_bool(o, "other_matter", true, &ok);
    if (v->topic_only) /* read agree, but tells only the story's topic: weighed unrelated */
        add_bool(o, "topic_only", true, &ok);
    if (v->plan_before_move && v->plan_move_member < r->n_members) {
        /* the claim's day, reported before the move: shown, not weighed */
        cJSON *x = cJSON_AddObjectToObject(o, "plan_before_move");
        ok = ok && x;
        add_num(x, "move_article_id", (double)r->members[v->plan_move_member].article_id, &ok);
    }
    if (v->overtaken && v->overtaken_member < r->n_members) {
        /* denied, then confirmed: shown, not weighed (overtaken.c) */
        const mz_check_member *m = &r->members[v->overtaken_member];
        cJSON *x = cJSON_AddObjectToObject(o, "overtaken_by");
        ok = ok && x;
        add_num(x, "article_id", (double)m->article_id, &ok);
        mz_evidence e = {v->overtaken_start, v->overtaken_end, 0, NULL};
        cJSON *sent = mz_json_evidence(m->body ? m->body : "", &e);
        cJSON_DeleteItemFromObject(sent, "cue"); /* no cue, no score: a sentence, placed */
        cJSON_DeleteItemFromObject(sent, "score");
        add_item(x, "sentence", sent, &ok);
    }
    cJSON *src = cJSON_AddArrayToObject(o, "sources");
    ok = ok && src;
    for (size_t i = 0; ok && i < v->n_sources; i++)
        push(src, cJSON_CreateString(v->sources[i]), &ok);
    cJSON *mem = cJSON_AddArrayToObject(o, "members");
    ok = ok && mem;
    for (size_t i = 0; ok && i < v->n_members; i++)
        push(mem, member_json(&r->members[v->members[i]]), &ok);
    return mz_json_whole(o, ok);
}

static const char *kind_name(mz_qty_kind k)
{
    return k == MZ_QTY_PERCENT ? "percent"
           : k == MZ_QTY_DATE  ? "date"
           : k == MZ_QTY_SCORE ? "score"
                               : "count";
}

/* A value's day (mz_day_near's key) as values[].day: {"weekday": "friday"}
 * (with "week_offset": -1 / 1 for «الخميس الماضي» / «المقبل»), {"day": 17,
 * "month": 11}, {"day": 1, "hijri_month": 9}, {"day": 23, "month_offset":
 * 0}, {"days_from_published": -1} («أمس» in an article with no publication
 * date); NULL when none is named; *ok cleared when out of memory. */
static cJSON *day_json(const char *key, bool *ok)
{
    int a, b;
    char kind = mz_day_parts(key, &a, &b);
    if (!kind || kind == 'n')
        return NULL;
    cJSON *o = cJSON_CreateObject();
    bool fine = o != NULL;
    if (kind == 'w') {
        add_str(o, "weekday", mz_weekday_name(a), &fine);
        if (b)
            add_num(o, "week_offset", b, &fine);
    } else if (kind == 'o') {
        add_num(o, "days_from_published", a, &fine);
    } else {
        add_num(o, "day", a, &fine);
        if (kind == 'r')
            add_num(o, "month_offset", b, &fine);
        else if (b > 100)
            add_num(o, "hijri_month", b - 100, &fine);
        else
            add_num(o, "month", b, &fine);
    }
    if (!fine)
        *ok = false;
    return mz_json_whole(o, fine);
}

/* values[].day, and when the publication date made it a date, "as_written":
 * the day as the sentence names it ({"days_from_published": -1} for «أمس»;
 * {"numeric": [3, 4]} for «3/4», whose order the date settled). NULL when
 * none is named; *ok cleared when out of memory. */
static cJSON *value_day_json(const mz_check_value *v, bool *ok)
{
    cJSON *day = day_json(v->day, ok);
    int a, b;
    if (!day || !v->day_said[0])
        return day;
    bool fine = true;
    if (mz_day_parts(v->day_said, &a, &b) == 'n') {
        cJSON *said = cJSON_CreateObject();
        cJSON *parts = cJSON_AddArrayToObject(said, "numeric");
        fine = parts != NULL;
        if (fine) {
            push(parts, cJSON_CreateNumber(a), &fine);
            push(parts, cJSON_CreateNumber(b), &fine);
        }
        add_item(day, "as_written", mz_json_whole(said, fine), &fine);
    } else {
        cJSON *said = day_json(v->day_said, &fine);
        if (said)
            add_item(day, "as_written", said, &fine);
    }
    if (!fine)
        *ok = false;
    return mz_json_whole(day, fine);
}

/* «أكثر من 300», «ما لا يقل عن 60», «300 على الأقل»: the value is a floor;
 * «أقل من 10», «لا يزيد عن 10»: a ceiling (mz_number.bound 1 / -1). */
static const char *bound_name(int bound)
{
    return bound > 0 ? "at_least" : "at_most";
}

static cJSON *value_json(const mz_check_value *v)
{
    cJSON *x = cJSON_CreateObject();
    bool ok = x != NULL;
    add_str(x, "value", v->value ? v->value : "", &ok);
    add_num(x, "number", v->number, &ok);
    if (v->number_max != v->number)
        add_num(x, "number_max", v->number_max, &ok);
    if (v->bound)
        add_str(x, "bound", bound_name(v->bound), &ok);
    if (v->vague) /* «العشرات»: number is the floor read into it, not a count given */
        add_bool(x, "vague", true, &ok);
    if (v->earlier) /* told as a figure a newer one replaced: «في وقت سابق» */
        add_bool(x, "earlier", true, &ok);
    if (v->moved) /* a postponement's new date («إلى الأحد 5 تموز»), or the one set before */
        add_str(x, "moved", v->moved > 0 ? "to" : "from", &ok);
    if (v->moves_claim) /* it tells the claim's day is out of date */
        add_bool(x, "moves_claim", true, &ok);
    if (v->other_day) /* it gives the claim's event another day */
        add_bool(x, "other_day", true, &ok);
    if (v->change) /* «ارتفع بنسبة 2.5%»: by how much, set against changes only */
        add_str(x, "change", v->change > 0 ? "rise" : "fall", &ok);
    if (v->level) /* «ارتفع إلى 18.5%»: what it came to, set against levels only */
        add_bool(x, "level", true, &ok);
    if (v->per) /* «10.2 مليون برميل يوميا»: a rate, set against rates of its period only */
        add_str(x, "per", mz_per_name(v->per), &ok);
    if (v->market) /* «في السوق الموازية»: set against its market's values only */
        add_str(x, "market", mz_market_name(v->market), &ok);
    if (v->basis) /* «150 نقطة أساس»: value as written, number in points (1.5) */
        add_bool(x, "basis_points", true, &ok);
    if (v->rejected) /* quoted by its own voice to be corrected: «وليس 30» */
        add_bool(x, "rejected", true, &ok);
    if (v->corrects_claim) /* the claim's own figure, rejected by its voice's correction */
        add_bool(x, "corrects_claim", true, &ok);
    if (v->other_story) /* after «من جهة أخرى», in words that miss the claim */
        add_bool(x, "other_story", true, &ok);
    if (v->part) /* «ثلاث شركات إماراتية وخمس شركات عالمية»: one group of the noun */
        add_bool(x, "part", true, &ok);
    if (v->demanded) /* «طالبت النيابة بسجنه 15 عاما»: a demand, not the figure decided */
        add_bool(x, "demanded", true, &ok);
    if (v->forecast) /* «يتوقع أن تصل إلى 50 درجة»: a forecast, not a figure observed */
        add_bool(x, "forecast", true, &ok);
    if (v->attributed) /* «بحسب صحيفة …»: a newspaper's account relayed */
        add_bool(x, "attributed", true, &ok);
    if (v->hearsay) /* «بحسب مصادر مطلعة …»: a rumour's figure */
        add_bool(x, "hearsay", true, &ok);
    if (v->conflicting) /* it and another voice's value are the conflict */
        add_bool(x, "conflicting", true, &ok);
    if (v->off_claim) /* outside the claim's own value for the quantity */
        add_bool(x, "off_claim", true, &ok);
    if (v->event)
        add_str(x, "event", mz_event_name(v->event), &ok);
    cJSON *day = ok ? value_day_json(v, &ok) : NULL;
    if (day)
        add_item(x, "day", day, &ok);
    add_num(x, "article_id", (double)v->article_id, &ok);
    add_num(x, "voice", v->voice, &ok);
    add_str(x, "text", v->text ? v->text : "", &ok);
    add_num(x, "start", (double)v->start, &ok);
    add_num(x, "end", (double)v->end, &ok);
    add_num(x, "value_start", (double)v->value_start, &ok);
    add_num(x, "value_end", (double)v->value_end, &ok);
    add_num(x, "char_start", (double)v->char_start, &ok);
    add_num(x, "char_end", (double)v->char_end, &ok);
    add_num(x, "value_char_start", (double)v->value_char_start, &ok);
    add_num(x, "value_char_end", (double)v->value_char_end, &ok);
    return mz_json_whole(x, ok);
}

static cJSON *quantity_json(const mz_check_quantity *q)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL;
    add_str(o, "quantity", q->quantity ? q->quantity : "", &ok);
    if (q->of) /* what an amount of money is of: «احتياطي», «ضخ» */
        add_str(o, "of", q->of, &ok);
    add_str(o, "kind", kind_name(q->kind), &ok);
    add_bool(o, "conflict", q->conflict, &ok);
    if (q->claim_unmatched) /* no source gives a value the claim allows */
        add_bool(o, "claim_unmatched", true, &ok);
    if (q->claim_earlier) /* ...and a source gives it as an earlier figure */
        add_bool(o, "claim_earlier", true, &ok);
    if (q->claim_last_period) /* ...only as the last year's or season's */
        add_bool(o, "claim_last_period", true, &ok);
    if (q->claim_last_month) /* ...the previous month's («مقابل 24.9% في آب») */
        add_bool(o, "claim_last_month", true, &ok);
    if (q->claim_other_period) /* ...only as another period's («التضخم السنوي») */
        add_bool(o, "claim_other_period", true, &ok);
    add_bool(o, "on_claim", q->on_claim, &ok);
    if (q->has_claim_value) {
        add_num(o, "claim_number", q->claim_number, &ok);
        if (q->claim_number_max != q->claim_number)
            add_num(o, "claim_number_max", q->claim_number_max, &ok);
        if (q->claim_bound)
            add_str(o, "claim_bound", bound_name(q->claim_bound), &ok);
        if (q->claim_vague) /* «قتل العشرات»: claim_number is a floor, not a count given */
            add_bool(o, "claim_vague", true, &ok);
        if (q->claim_change) /* the claim's value told as a rise or a fall by it */
            add_str(o, "claim_change", q->claim_change > 0 ? "rise" : "fall", &ok);
        if (q->claim_level) /* the claim's value told as a level: «ارتفع إلى 25%» */
            add_bool(o, "claim_level", true, &ok);
        if (q->claim_per) /* the claim's value a rate: «45 مليون برميل يوميا» */
            add_str(o, "claim_per", mz_per_name(q->claim_per), &ok);
        if (q->claim_market) /* «55 جنيها في السوق الرسمية» */
            add_str(o, "claim_market", mz_market_name(q->claim_market), &ok);
    }
    cJSON *vals = cJSON_AddArrayToObject(o, "values");
    ok = ok && vals;
    for (size_t i = 0; ok && i < q->n_values; i++)
        push(vals, value_json(&q->values[i]), &ok);
    return mz_json_whole(o, ok);
}

cJSON *mz_json_check(const mz_check_result *r)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL;
    add_str(o, "schema", SCHEMA, &ok);
    add_str(o, "claim", r->claim ? r->claim : "", &ok);
    add_str(o, "verdict", mz_verdict_name(r->verdict), &ok);
    add_num(o, "confidence", r->confidence, &ok);
    add_str(o, "reason", r->reason ? r->reason : "", &ok);
    add_str(o, "reason_ar", r->reason_ar ? r->reason_ar : "", &ok);
    add_item(o, "note", str_or_null(r->note), &ok);
    add_item(o, "note_ar", str_or_null(r->note_ar), &ok);
    cJSON *c = cJSON_AddObjectToObject(o, "counts");
    ok = ok && c;
    for (int s = 0; ok && s < MZ_N_STANCES; s++)
        add_num(c, mz_stance_name((mz_stance)s), (double)r->counts[s], &ok);
    add_num(c, "voices", (double)r->n_voices, &ok);
    add_num(c, "articles", (double)r->n_members, &ok);
    cJSON *vs = cJSON_AddArrayToObject(o, "voices");
    ok = ok && vs;
    for (size_t i = 0; ok && i < r->n_voices; i++)
        push(vs, voice_json(r, i), &ok);
    cJSON *ns = cJSON_AddArrayToObject(o, "numbers");
    ok = ok && ns;
    for (size_t i = 0; ok && i < r->n_numbers; i++)
        push(ns, quantity_json(&r->numbers[i]), &ok);
    cJSON *st = cJSON_AddObjectToObject(o, "stats");
    ok = ok && st;
    add_num(st, "candidates", (double)r->candidates, &ok);
    add_num(st, "elapsed_ms", r->elapsed_ms, &ok);
    return mz_json_whole(o, ok);
}

char *mz_check_result_json(const mz_check_result *r, int pretty)
{
    if (!r)
        return NULL;
    return mz_json_print(mz_json_check(r), pretty);
}
