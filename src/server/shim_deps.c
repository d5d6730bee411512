/* shim_deps.c — TEMPORARY stand-ins (weak symbols) for the store, stance and
 * check modules while they are being written on other branches. Removed as
 * soon as the real ones land on main; never delivered. */
#include "check/check.h"
#include "json/json.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define W __attribute__((weak))

static size_t cp_off(const char *s, size_t b)
{
    size_t n = 0;
    for (size_t i = 0; i < b; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* ---- stance: "نفى/نفت" → disagree, shared long words → agree */
struct mz_model { int unused; };
W mz_status mz_model_load(const char *p, mz_model **out, mz_error *err)
{
    (void)p, (void)err;
    *out = calloc(1, sizeof **out);
    return MZ_OK;
}
W void mz_model_free(mz_model *m) { free(m); }
W const char *mz_stance_name(mz_stance s)
{
    static const char *n[] = {"agree", "disagree", "discuss", "unrelated"};
    return s < MZ_N_STANCES ? n[s] : "unknown";
}
W mz_status mz_stance_predict(const mz_model *m, const char *claim, const char *title,
                              const char *art, size_t len, mz_stance_result *out, mz_error *err)
{
    (void)m, (void)title;
    memset(out, 0, sizeof *out);
    if (!claim || !*claim)
        return mz_fail(err, MZ_ERR_ARG, "empty claim");
    size_t bad;
    if (mz_utf8_check(art, len, &bad))
        return mz_fail(err, MZ_ERR_UTF8, "invalid UTF-8 at byte %zu", bad);
    int hits = 0;
    char *qq = mz_strdup(claim), *save = NULL;
    for (char *w = strtok_r(qq, " ", &save); w; w = strtok_r(NULL, " ", &save))
        hits += strlen(w) > 6 && strstr(art, w) != NULL;
    free(qq);
    bool deny = strstr(art, "نفى") || strstr(art, "نفت");
    out->label = !hits ? MZ_UNRELATED : deny ? MZ_DISAGREE : MZ_AGREE;
    for (int i = 0; i < MZ_N_STANCES; i++)
        out->probs[i] = i == (int)out->label ? 0.7 : 0.1;
    /* Evidence: the sentence containing the denial, else the second sentence. */
    const char *at = deny ? (strstr(art, "نفى") ? strstr(art, "نفى") : strstr(art, "نفت")) : NULL;
    size_t s = 0, e = len;
    if (at) {
        s = (size_t)(at - art);
        while (s > 0 && art[s - 1] != '.' && art[s - 1] != '\n')
            s--;
    } else {
        const char *nl = memchr(art, '\n', len);
        s = nl ? (size_t)(nl - art) + 1 : 0;
    }
    while (s < len && (art[s] == ' ' || art[s] == '\n'))
        s++;
    for (e = s; e < len && art[e] != '.' && art[e] != '\n'; e++)
        ;
    if (e < len && art[e] == '.')
        e++;
    if (hits && e > s) {
        out->n_evidence = 1;
        out->evidence[0] = (mz_evidence){s, e, 0.8, deny ? "denial" : "overlap"};
    }
    return MZ_OK;
}

/* ---- json writers */
W cJSON *mz_json_evidence(const char *text, const mz_evidence *ev)
{
    cJSON *o = cJSON_CreateObject();
    char *t = mz_strndup(text + ev->start, ev->end - ev->start);
    cJSON_AddStringToObject(o, "text", t);
    free(t);
    cJSON_AddNumberToObject(o, "start", (double)ev->start);
    cJSON_AddNumberToObject(o, "end", (double)ev->end);
    cJSON_AddNumberToObject(o, "char_start", (double)cp_off(text, ev->start));
    cJSON_AddNumberToObject(o, "char_end", (double)cp_off(text, ev->end));
    cJSON_AddNumberToObject(o, "score", ev->score);
    cJSON_AddStringToObject(o, "cue", ev->cue);
    return o;
}
static cJSON *probs_json(const double *p)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < MZ_N_STANCES; i++)
        cJSON_AddNumberToObject(o, mz_stance_name((mz_stance)i), p[i]);
    return o;
}
W cJSON *mz_json_stance(const mz_stance_result *r, const char *text)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "label", mz_stance_name(r->label));
    cJSON_AddItemToObject(j, "probs", probs_json(r->probs));
    cJSON *ev = cJSON_AddArrayToObject(j, "evidence");
    for (size_t i = 0; i < r->n_evidence; i++)
        cJSON_AddItemToArray(ev, mz_json_evidence(text, &r->evidence[i]));
    return j;
}

/* ---- check: every candidate is its own voice; the real verdict and numbers code decides */
W mz_status mz_check(mz_db *db, const mz_model *m, const char *claim,
                     const mz_check_options *opt, mz_check_result **out, mz_error *err)
{
    (void)db;
    *out = NULL;
    if (!claim || !*claim)
        return mz_fail(err, MZ_ERR_ARG, "empty claim");
    size_t k = opt && opt->k ? opt->k : 20;
    mz_check_result *r = calloc(1, sizeof *r);
    r->claim = mz_strdup(claim);
    mz_hits hits = {0};
    mz_status st = mz_search(db, claim, k, NULL, NULL, &hits, err);
    if (st != MZ_OK && st != MZ_ERR_ARG) {
        mz_check_result_free(r);
        return st;
    }
    size_t n = hits.n;
    r->members = calloc(n + 1, sizeof *r->members);
    r->voices = calloc(n + 1, sizeof *r->voices);
    for (size_t i = 0; i < n; i++) {
        mz_article a = {0};
        if (mz_article_get(db, hits.v[i].id, &a, NULL) != MZ_OK)
            continue;
        mz_stance_result sr;
        mz_stance_predict(m, claim, NULL, a.body, strlen(a.body), &sr, NULL);
        mz_check_member *mm = &r->members[r->n_members];
        mm->article_id = a.id;
        mm->title = mz_strdup(a.title), mm->source = mz_strdup(a.source ? a.source : "?");
        mm->url = mz_strdup(a.url), mm->published = mz_strdup(a.published);
        mm->body = mz_strdup(a.body), mm->body_len = strlen(a.body);
        mz_article_clear(&a);
        mm->retrieval_score = hits.v[i].score, mm->stance = sr.label;
        memcpy(mm->probs, sr.probs, sizeof sr.probs);
        mm->n_evidence = sr.n_evidence;
        memcpy(mm->evidence, sr.evidence, sizeof sr.evidence);
        mz_check_voice *v = &r->voices[r->n_voices];
        mm->voice = (int)r->n_voices + 1;
        v->stance = sr.label, v->weight = 1 - sr.probs[MZ_UNRELATED];
        memcpy(v->probs, sr.probs, sizeof sr.probs);
        v->sources = calloc(1, sizeof *v->sources);
        v->sources[0] = mz_strdup(mm->source), v->n_sources = 1;
        v->members = calloc(1, sizeof *v->members);
        v->members[0] = r->n_members, v->n_members = 1;
        r->n_members++, r->n_voices++;
    }
    mz_hits_clear(&hits);
    r->candidates = n;
    mz_decide(r, NULL);
    mz_check_collect_numbers(r);
    *out = r;
    return MZ_OK;
}
