/*
 * json_check.c — the claim-check report as JSON, schema "mizan.check/1"
 * (docs/json-schema.md). `mizan check --json` and POST /api/check both print
 * exactly this tree.
 */
#include "check/check.h"
#include "json/json.h"

#include <stdlib.h>
#include <string.h>

#define SCHEMA "mizan.check/1"

static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Stance names as in mz_stance_name (kept local: the report must not depend
 * on which module defines the names). */
static const char *stance_key(int s)
{
    static const char *const names[MZ_N_STANCES] = {"agree", "disagree", "discuss", "unrelated"};
    return s >= 0 && s < MZ_N_STANCES ? names[s] : "unrelated";
}

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* A string from s[0..n) (cJSON wants NUL-terminated input). */
static cJSON *str_n(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    memcpy(t, s, n);
    t[n] = '\0';
    cJSON *j = cJSON_CreateString(t);
    free(t);
    return j;
}

/* One evidence item, with the keys of mz_json_evidence (json_stance.c). Kept
 * local so the report's shape does not depend on the order modules land. */
static cJSON *evidence_json(const char *text, size_t text_len, const mz_evidence *ev)
{
    if (ev->start > ev->end || ev->end > text_len)
        return NULL;
    cJSON *e = cJSON_CreateObject();
    if (!e)
        return NULL;
    size_t cs = cp_count(text, ev->start);
    cJSON_AddItemToObject(e, "text", str_n(text + ev->start, ev->end - ev->start));
    cJSON_AddNumberToObject(e, "start", (double)ev->start);
    cJSON_AddNumberToObject(e, "end", (double)ev->end);
    cJSON_AddNumberToObject(e, "char_start", (double)cs);
    cJSON_AddNumberToObject(e, "char_end", (double)(cs + cp_count(text + ev->start, ev->end - ev->start)));
    cJSON_AddNumberToObject(e, "score", ev->score);
    cJSON_AddStringToObject(e, "cue", ev->cue ? ev->cue : "overlap");
    return e;
}

static cJSON *probs_json(const double *p)
{
    cJSON *o = cJSON_CreateObject();
    for (int s = 0; o && s < MZ_N_STANCES; s++)
        cJSON_AddNumberToObject(o, stance_key(s), p[s]);
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
    cJSON_AddStringToObject(o, "stance", stance_key((int)m->stance));
    cJSON_AddNumberToObject(o, "retrieval_score", m->retrieval_score);
    cJSON_AddItemToObject(o, "probs", probs_json(m->probs));
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    for (size_t i = 0; ev && i < m->n_evidence; i++) {
        cJSON *e = evidence_json(m->body ? m->body : "", m->body ? m->body_len : 0, &m->evidence[i]);
        if (e)
            cJSON_AddItemToArray(ev, e);
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
    cJSON_AddStringToObject(o, "stance", stance_key((int)v->stance));
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

static cJSON *quantity_json(const mz_check_quantity *q)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "quantity", q->quantity ? q->quantity : "");
    cJSON_AddStringToObject(o, "kind", kind_name(q->kind));
    cJSON_AddBoolToObject(o, "conflict", q->conflict);
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
        cJSON_AddNumberToObject(x, "article_id", (double)v->article_id);
        cJSON_AddNumberToObject(x, "voice", v->voice);
        cJSON_AddStringToObject(x, "text", v->text ? v->text : "");
        cJSON_AddNumberToObject(x, "start", (double)v->start);
        cJSON_AddNumberToObject(x, "end", (double)v->end);
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
    cJSON_AddItemToObject(o, "note", str_or_null(r->note));
    cJSON *c = cJSON_AddObjectToObject(o, "counts");
    if (c) {
        for (int s = 0; s < MZ_N_STANCES; s++)
            cJSON_AddNumberToObject(c, stance_key(s), (double)r->counts[s]);
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
