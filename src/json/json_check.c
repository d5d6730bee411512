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

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *probs_json(const double *p)
{
    cJSON *o = cJSON_CreateObject();
    for (int s = 0; o && s < MZ_N_STANCES; s++)
        cJSON_AddNumberToObject(o, mz_stance_name((mz_stance)s), p[s]);
    return o;
}

static cJSON *member_json(const mz_check_member *m)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "article_id", (double)m->article_id);
    cJSON_AddItemToObject(o, "title", str_or_null(m->title));
    cJSON_AddItemToObject(o, "source", str_or_null(m->source));
    cJSON_AddItemToObject(o, "url", str_or_null(m->url));
    cJSON_AddItemToObject(o, "published", str_or_null(m->published));
    cJSON_AddItemToObject(o, "origin", str_or_null(m->origin));
    cJSON_AddStringToObject(o, "stance", mz_stance_name(m->stance));
    cJSON_AddNumberToObject(o, "retrieval_score", m->retrieval_score);
    cJSON_AddItemToObject(o, "probs", probs_json(m->probs));
    cJSON *d = m->has_denial && m->body ? mz_json_evidence(m->body, &m->denial) : NULL;
    if (d)
        mz_json_add_cue_words(d, &m->denial, m->body, m->denial_cue_start, m->denial_cue_end);
    cJSON_AddItemToObject(o, "denial", d ? d : cJSON_CreateNull());
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    for (size_t i = 0; ev && i < m->n_evidence; i++) {
        cJSON *e = mz_json_evidence(m->body ? m->body : "", &m->evidence[i]);
        if (e) {
            mz_json_add_cue_words(e, &m->evidence[i], m->body, m->cue_start[i], m->cue_end[i]);
            cJSON_AddItemToArray(ev, e);
        }
    }
    return o;
}

static cJSON *voice_json(const mz_check_result *r, size_t vi)
{
    const mz_check_voice *v = &r->voices[vi];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "voice", (double)(vi + 1));
    cJSON_AddStringToObject(o, "stance", mz_stance_name(v->stance));
    cJSON_AddNumberToObject(o, "weight", v->weight);
    cJSON *src = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; src && i < v->n_sources; i++)
        cJSON_AddItemToArray(src, cJSON_CreateString(v->sources[i]));
    cJSON *mem = cJSON_AddArrayToObject(o, "members");
    for (size_t i = 0; mem && i < v->n_members; i++)
        cJSON_AddItemToArray(mem, member_json(&r->members[v->members[i]]));
    return o;
}

static const char *kind_name(mz_qty_kind k)
{
    return k == MZ_QTY_PERCENT ? "percent" : k == MZ_QTY_DATE ? "date" : "count";
}

/* A value's day (mz_day_near's key) as values[].day: {"weekday": "friday"}
 * (with "week_offset": -1 / 1 for «الخميس الماضي» / «المقبل»), {"day": 17,
 * "month": 11}, {"day": 1, "hijri_month": 9}, {"day": 23, "month_offset":
 * 0}, {"days_from_published": -1} («أمس» in an article with no publication
 * date); NULL when none is named. */
static cJSON *day_json(const char *key)
{
    int a, b;
    char kind = mz_day_parts(key, &a, &b);
    cJSON *o = kind && kind != 'n' ? cJSON_CreateObject() : NULL;
    if (!o)
        return NULL;
    if (kind == 'w') {
        cJSON_AddStringToObject(o, "weekday", mz_weekday_name(a));
        if (b)
            cJSON_AddNumberToObject(o, "week_offset", b);
        return o;
    }
    if (kind == 'o') {
        cJSON_AddNumberToObject(o, "days_from_published", a);
        return o;
    }
    cJSON_AddNumberToObject(o, "day", a);
    if (kind == 'r')
        cJSON_AddNumberToObject(o, "month_offset", b);
    else if (b > 100)
        cJSON_AddNumberToObject(o, "hijri_month", b - 100);
    else
        cJSON_AddNumberToObject(o, "month", b);
    return o;
}

/* values[].day, and when the publication date made it a date, "as_written":
 * the day as the sentence names it ({"days_from_published": -1} for «أمس»;
 * {"numeric": [3, 4]} for «3/4», whose order the date settled). */
static cJSON *value_day_json(const mz_check_value *v)
{
    cJSON *day = day_json(v->day);
    int a, b;
    if (!day || !v->day_said[0])
        return day;
    cJSON *said = NULL;
    if (mz_day_parts(v->day_said, &a, &b) == 'n') {
        said = cJSON_CreateObject();
        cJSON *parts = said ? cJSON_AddArrayToObject(said, "numeric") : NULL;
        if (parts) {
            cJSON_AddItemToArray(parts, cJSON_CreateNumber(a));
            cJSON_AddItemToArray(parts, cJSON_CreateNumber(b));
        }
    } else {
        said = day_json(v->day_said);
    }
    if (said)
        cJSON_AddItemToObject(day, "as_written", said);
    return day;
}

/* «أكثر من 300», «ما لا يقل عن 60», «300 على الأقل»: the value is a floor;
 * «أقل من 10», «لا يزيد عن 10»: a ceiling (mz_number.bound 1 / -1). */
static const char *bound_name(int bound)
{
    return bound > 0 ? "at_least" : "at_most";
}

static cJSON *quantity_json(const mz_check_quantity *q)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "quantity", q->quantity ? q->quantity : "");
    cJSON_AddStringToObject(o, "kind", kind_name(q->kind));
    cJSON_AddBoolToObject(o, "conflict", q->conflict);
    if (q->claim_unmatched) /* no source gives a value the claim allows */
        cJSON_AddTrueToObject(o, "claim_unmatched");
    cJSON_AddBoolToObject(o, "on_claim", q->on_claim);
    if (q->has_claim_value) {
        cJSON_AddNumberToObject(o, "claim_number", q->claim_number);
        if (q->claim_number_max != q->claim_number)
            cJSON_AddNumberToObject(o, "claim_number_max", q->claim_number_max);
        if (q->claim_bound)
            cJSON_AddStringToObject(o, "claim_bound", bound_name(q->claim_bound));
        if (q->claim_vague) /* «قتل العشرات»: claim_number is a floor, not a count given */
            cJSON_AddTrueToObject(o, "claim_vague");
    }
    cJSON *vals = cJSON_AddArrayToObject(o, "values");
    for (size_t i = 0; vals && i < q->n_values; i++) {
        const mz_check_value *v = &q->values[i];
        cJSON *x = cJSON_CreateObject();
        if (!x)
            break;
        cJSON_AddStringToObject(x, "value", v->value ? v->value : "");
        cJSON_AddNumberToObject(x, "number", v->number);
        if (v->number_max != v->number)
            cJSON_AddNumberToObject(x, "number_max", v->number_max);
        if (v->bound)
            cJSON_AddStringToObject(x, "bound", bound_name(v->bound));
        if (v->vague) /* «العشرات»: number is the floor read into it, not a count given */
            cJSON_AddTrueToObject(x, "vague");
        if (v->earlier) /* told as a figure a newer one replaced: «في وقت سابق» */
            cJSON_AddTrueToObject(x, "earlier");
        if (v->conflicting) /* it and another voice's value are the conflict */
            cJSON_AddTrueToObject(x, "conflicting");
        if (v->off_claim) /* outside the claim's own value for the quantity */
            cJSON_AddTrueToObject(x, "off_claim");
        if (v->event)
            cJSON_AddStringToObject(x, "event", mz_event_name(v->event));
        cJSON *day = value_day_json(v);
        if (day)
            cJSON_AddItemToObject(x, "day", day);
        cJSON_AddNumberToObject(x, "article_id", (double)v->article_id);
        cJSON_AddNumberToObject(x, "voice", v->voice);
        cJSON_AddStringToObject(x, "text", v->text ? v->text : "");
        cJSON_AddNumberToObject(x, "start", (double)v->start);
        cJSON_AddNumberToObject(x, "end", (double)v->end);
        cJSON_AddNumberToObject(x, "value_start", (double)v->value_start);
        cJSON_AddNumberToObject(x, "value_end", (double)v->value_end);
        cJSON_AddNumberToObject(x, "char_start", (double)v->char_start);
        cJSON_AddNumberToObject(x, "char_end", (double)v->char_end);
        cJSON_AddNumberToObject(x, "value_char_start", (double)v->value_char_start);
        cJSON_AddNumberToObject(x, "value_char_end", (double)v->value_char_end);
        cJSON_AddItemToArray(vals, x);
    }
    return o;
}

cJSON *mz_json_check(const mz_check_result *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "schema", SCHEMA);
    cJSON_AddStringToObject(o, "claim", r->claim ? r->claim : "");
    cJSON_AddStringToObject(o, "verdict", mz_verdict_name(r->verdict));
    cJSON_AddNumberToObject(o, "confidence", r->confidence);
    cJSON_AddStringToObject(o, "reason", r->reason ? r->reason : "");
    cJSON_AddStringToObject(o, "reason_ar", r->reason_ar ? r->reason_ar : "");
    cJSON_AddItemToObject(o, "note", str_or_null(r->note));
    cJSON_AddItemToObject(o, "note_ar", str_or_null(r->note_ar));
    cJSON *c = cJSON_AddObjectToObject(o, "counts");
    if (c) {
        for (int s = 0; s < MZ_N_STANCES; s++)
            cJSON_AddNumberToObject(c, mz_stance_name((mz_stance)s), (double)r->counts[s]);
        cJSON_AddNumberToObject(c, "voices", (double)r->n_voices);
        cJSON_AddNumberToObject(c, "articles", (double)r->n_members);
    }
    cJSON *vs = cJSON_AddArrayToObject(o, "voices");
    for (size_t i = 0; vs && i < r->n_voices; i++)
        cJSON_AddItemToArray(vs, voice_json(r, i));
    cJSON *ns = cJSON_AddArrayToObject(o, "numbers");
    for (size_t i = 0; ns && i < r->n_numbers; i++)
        cJSON_AddItemToArray(ns, quantity_json(&r->numbers[i]));
    cJSON *st = cJSON_AddObjectToObject(o, "stats");
    if (st) {
        cJSON_AddNumberToObject(st, "candidates", (double)r->candidates);
        cJSON_AddNumberToObject(st, "elapsed_ms", r->elapsed_ms);
    }
    return o;
}

char *mz_check_result_json(const mz_check_result *r, int pretty)
{
    if (!r)
        return NULL;
    return mz_json_print(mz_json_check(r), pretty);
}
