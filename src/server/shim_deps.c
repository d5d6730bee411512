/* shim_deps.c — TEMPORARY stand-ins (weak symbols) for the store, stance and
 * check modules while they are being written on other branches. Removed as
 * soon as the real ones land on main; never delivered. */
#include "check/check.h"
#include "json/json.h"
#include "util/util.h"

#include <pthread.h>
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

/* ---- store: one in-memory table shared by every handle */
struct mz_db { int unused; };
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static mz_article *arts;
static size_t n_arts;

W mz_status mz_db_open(const char *path, int flags, mz_db **out, mz_error *err)
{
    (void)path, (void)flags, (void)err;
    *out = calloc(1, sizeof **out);
    return MZ_OK;
}
W void mz_db_close(mz_db *db) { free(db); }
W void mz_article_clear(mz_article *a)
{
    free(a->title), free(a->body), free(a->url), free(a->source), free(a->published), free(a->origin);
    memset(a, 0, sizeof *a);
}
W mz_status mz_article_add(mz_db *db, const mz_article_input *in, int64_t *id, mz_error *err)
{
    (void)db;
    pthread_mutex_lock(&mu);
    for (size_t i = 0; i < n_arts; i++)
        if (strlen(arts[i].body) == in->text_len && !memcmp(arts[i].body, in->text, in->text_len)) {
            *id = arts[i].id;
            pthread_mutex_unlock(&mu);
            return mz_fail(err, MZ_ERR_DUPLICATE, "duplicate of %lld", (long long)*id);
        }
    arts = realloc(arts, (n_arts + 1) * sizeof *arts);
    mz_article *a = &arts[n_arts++];
    memset(a, 0, sizeof *a);
    a->id = (int64_t)n_arts;
    a->body = mz_strndup(in->text, in->text_len);
    if (in->title) {
        a->title = mz_strdup(in->title);
    } else {
        const char *nl = strchr(a->body, '\n');
        a->title = mz_strndup(a->body, nl ? (size_t)(nl - a->body) : strlen(a->body));
    }
    a->url = mz_strdup(in->url);
    a->source = mz_strdup(in->source ? in->source : in->url ? "example.org" : NULL);
    a->published = mz_strdup(in->published);
    a->origin = mz_strdup(in->origin);
    *id = a->id;
    pthread_mutex_unlock(&mu);
    return MZ_OK;
}
static void copy_article(mz_article *d, const mz_article *s)
{
    d->id = s->id, d->title = mz_strdup(s->title), d->body = mz_strdup(s->body);
    d->url = mz_strdup(s->url), d->source = mz_strdup(s->source);
    d->published = mz_strdup(s->published), d->origin = mz_strdup(s->origin);
}
W mz_status mz_article_get(mz_db *db, int64_t id, mz_article *out, mz_error *err)
{
    (void)db;
    pthread_mutex_lock(&mu);
    mz_status s = MZ_OK;
    if (id < 1 || (size_t)id > n_arts)
        s = mz_fail(err, MZ_ERR_NOT_FOUND, "no article with id %lld", (long long)id);
    else
        copy_article(out, &arts[id - 1]);
    pthread_mutex_unlock(&mu);
    return s;
}
W mz_status mz_db_stats(mz_db *db, mz_stats *out, mz_error *err)
{
    (void)db, (void)err;
    pthread_mutex_lock(&mu);
    out->articles = (int64_t)n_arts;
    pthread_mutex_unlock(&mu);
    return MZ_OK;
}
W void mz_hits_clear(mz_hits *h)
{
    for (size_t i = 0; i < h->n; i++)
        free(h->v[i].title), free(h->v[i].source), free(h->v[i].url), free(h->v[i].snippet);
    free(h->v);
    h->v = NULL, h->n = 0;
}
/* Hits: articles containing any whitespace-separated word of the query. */
W mz_status mz_search(mz_db *db, const char *q, size_t k, const char *o, const char *c,
                      mz_hits *out, mz_error *err)
{
    (void)db, (void)o, (void)c;
    if (!q || !*q || !k)
        return mz_fail(err, MZ_ERR_ARG, "empty query");
    pthread_mutex_lock(&mu);
    out->v = calloc(n_arts + 1, sizeof *out->v);
    for (size_t i = 0; i < n_arts && out->n < k; i++) {
        char *qq = mz_strdup(q), *save = NULL;
        int score = 0;
        for (char *w = strtok_r(qq, " ", &save); w; w = strtok_r(NULL, " ", &save))
            score += strlen(w) > 4 && strstr(arts[i].body, w) != NULL;
        free(qq);
        if (!score)
            continue;
        mz_hit *h = &out->v[out->n++];
        h->id = arts[i].id, h->score = score, h->title = mz_strdup(arts[i].title);
        h->source = mz_strdup(arts[i].source), h->url = mz_strdup(arts[i].url);
        h->snippet = mz_strndup(arts[i].body, 120);
    }
    pthread_mutex_unlock(&mu);
    return MZ_OK;
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
W cJSON *mz_json_article(const mz_article *a, int with_body)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)a->id);
    cJSON_AddStringToObject(j, "title", a->title);
    a->source ? cJSON_AddStringToObject(j, "source", a->source) : cJSON_AddNullToObject(j, "source");
    a->url ? cJSON_AddStringToObject(j, "url", a->url) : cJSON_AddNullToObject(j, "url");
    a->published ? cJSON_AddStringToObject(j, "published", a->published) : cJSON_AddNullToObject(j, "published");
    a->origin ? cJSON_AddStringToObject(j, "origin", a->origin) : cJSON_AddNullToObject(j, "origin");
    if (with_body)
        cJSON_AddStringToObject(j, "body", a->body);
    return j;
}
W cJSON *mz_json_hits(const mz_hits *h)
{
    cJSON *j = cJSON_CreateObject(), *a = cJSON_AddArrayToObject(j, "hits");
    for (size_t i = 0; i < h->n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "id", (double)h->v[i].id);
        cJSON_AddNumberToObject(o, "score", h->v[i].score);
        cJSON_AddStringToObject(o, "title", h->v[i].title);
        cJSON_AddStringToObject(o, "source", h->v[i].source ? h->v[i].source : "");
        cJSON_AddStringToObject(o, "snippet", h->v[i].snippet);
        cJSON_AddItemToArray(a, o);
    }
    return j;
}
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
    pthread_mutex_lock(&mu);
    size_t n = n_arts < k ? n_arts : k;
    r->members = calloc(n + 1, sizeof *r->members);
    r->voices = calloc(n + 1, sizeof *r->voices);
    for (size_t i = 0; i < n; i++) {
        mz_stance_result sr;
        mz_stance_predict(m, claim, NULL, arts[i].body, strlen(arts[i].body), &sr, NULL);
        mz_check_member *mm = &r->members[r->n_members];
        mm->article_id = arts[i].id;
        mm->title = mz_strdup(arts[i].title), mm->source = mz_strdup(arts[i].source ? arts[i].source : "?");
        mm->url = mz_strdup(arts[i].url), mm->published = mz_strdup(arts[i].published);
        mm->body = mz_strdup(arts[i].body), mm->body_len = strlen(arts[i].body);
        mm->retrieval_score = 3.5, mm->stance = sr.label;
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
    pthread_mutex_unlock(&mu);
    r->candidates = n;
    mz_decide(r, NULL);
    mz_check_collect_numbers(r);
    *out = r;
    return MZ_OK;
}
