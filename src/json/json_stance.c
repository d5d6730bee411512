/* json_stance.c — JSON for stance results and their evidence sentences. */
#include "json/json.h"
#include "stance/stance.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

cJSON *mz_json_evidence(const char *text, const mz_evidence *ev)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    size_t len = text ? strlen(text) : 0;
    size_t start = ev->start <= len ? ev->start : len;
    size_t end = ev->end <= len && ev->end >= start ? ev->end : start;
    char *s = NULL;
    if (text) {
        s = malloc(end - start + 1);
        if (!s) {
            cJSON_Delete(o);
            return NULL;
        }
        memcpy(s, text + start, end - start);
        s[end - start] = '\0';
    }
    bool ok = (!text || cJSON_AddStringToObject(o, "text", s)) &&
              cJSON_AddNumberToObject(o, "start", (double)ev->start) &&
              cJSON_AddNumberToObject(o, "end", (double)ev->end) &&
              (!text || (cJSON_AddNumberToObject(o, "char_start", (double)mz_utf8_cp_offset(text, start)) &&
                         cJSON_AddNumberToObject(o, "char_end", (double)mz_utf8_cp_offset(text, end)))) &&
              cJSON_AddNumberToObject(o, "score", ev->score) &&
              cJSON_AddStringToObject(o, "cue", ev->cue ? ev->cue : "overlap");
    free(s);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Code points are counted on from the sentence's own char_start, not from
 * the top of the text again (that cost a long report's JSON a third more). */
bool mz_json_add_cue_words(cJSON *e, const mz_evidence *ev, const char *text, size_t start,
                           size_t end)
{
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(e, "char_start");
    if (!e || !text || start >= end || start < ev->start || end > ev->end || !cJSON_IsNumber(cs))
        return true; /* no cue words to give */
    size_t c0 = (size_t)cs->valuedouble + mz_utf8_cp_offset(text + ev->start, start - ev->start);
    return cJSON_AddNumberToObject(e, "cue_start", (double)start) &&
           cJSON_AddNumberToObject(e, "cue_end", (double)end) &&
           cJSON_AddNumberToObject(e, "cue_char_start", (double)c0) &&
           cJSON_AddNumberToObject(e, "cue_char_end",
                                   (double)(c0 + mz_utf8_cp_offset(text + start, end - start)));
}

/* An evidence item, with its cue words when lx finds them in the sentence;
 * NULL when out of memory. */
static cJSON *evidence_with_cue(const char *text, const mz_evidence *ev, const mz_lexicon *lx)
{
    cJSON *e = mz_json_evidence(text, ev);
    size_t cs, ce;
    if (e && lx && text && ev->end <= strlen(text) &&
        mz_cue_span(lx, text, ev->start, ev->end, ev->cue, &cs, &ce) &&
        !mz_json_add_cue_words(e, ev, text, cs, ce)) {
        cJSON_Delete(e);
        return NULL;
    }
    return e;
}

cJSON *mz_json_stance(const mz_stance_result *r, const char *text, const mz_lexicon *lx)
{
    /* every part is attached to o as it is made, so one delete frees all */
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddStringToObject(o, "label", mz_stance_name(r->label));
    cJSON *probs = ok ? cJSON_AddObjectToObject(o, "probs") : NULL;
    ok = probs != NULL;
    for (int k = 0; ok && k < MZ_N_STANCES; k++)
        ok = cJSON_AddNumberToObject(probs, mz_stance_name((mz_stance)k), r->probs[k]) != NULL;
    cJSON *ev = ok ? cJSON_AddArrayToObject(o, "evidence") : NULL;
    ok = ev != NULL;
    for (size_t i = 0; ok && i < r->n_evidence && i < MZ_MAX_EVIDENCE; i++) {
        ok = mz_json_push(ev, evidence_with_cue(text, &r->evidence[i], lx));
    }
    if (ok) {
        cJSON *d = r->has_denial ? evidence_with_cue(text, &r->denial, lx) : cJSON_CreateNull();
        ok = mz_json_add(o, "denial", d);
    }
    if (ok && cJSON_AddBoolToObject(o, "lead_denial", r->lead_denial) &&
        cJSON_AddBoolToObject(o, "quoted_denial", r->quoted_denial))
        return o;
    cJSON_Delete(o);
    return NULL;
}
