/* fuzz_check.c — the claim check end to end on arbitrary bytes: the first
 * line is the claim, the rest up to six articles cut at form feeds ('\f');
 * an article whose first line starts with '@' takes "@url\tsource\tdate"
 * from it. The articles go through mz_article_add into a ":memory:" store,
 * the claim through mz_check (k from the input's last byte) and the report
 * through mz_check_result_json. Uses models/stance.model when run from the
 * repository root, else an empty model (same code paths, zero weights).
 * Invariants: no crash or leak; an article is stored, a duplicate, or
 * refused with a message; a stored body is valid UTF-8; a claim that is not
 * valid UTF-8 is MZ_ERR_UTF8, any refusal has a message; a report has a
 * verdict of the four, a confidence in [0, 1], reasons in both languages
 * that are valid UTF-8, and JSON that parses, names the same verdict, and
 * whose every evidence and number offset lies inside its article's body
 * (byte and code-point offsets alike, start <= end). */
#include "mizan.h"
#include "stance/stance.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLES 6

static mz_model *model;

/* A broken invariant names itself before the abort (the crash log says which). */
#define check(c)                                                                           \
    do {                                                                                   \
        if (!(c)) {                                                                        \
            fprintf(stderr, "fuzz_check.c:%d: %s\n", __LINE__, #c);                      \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

static int valid_utf8(const char *s)
{
    return s && mz_utf8_check(s, strlen(s), NULL) == MZ_OK;
}

/* Code points of a valid UTF-8 string. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static char *dup_part(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        abort();
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* One article: "@url\tsource\tdate\n" first when it starts with '@'. */
static void add_article(mz_db *db, const char *s, size_t n)
{
    char *meta[3] = {NULL, NULL, NULL};
    if (n && s[0] == '@') {
        const char *nl = memchr(s, '\n', n);
        size_t line = nl ? (size_t)(nl - s) : n;
        const char *p = s + 1, *end = s + line;
        for (int f = 0; f < 3 && p <= end; f++) {
            const char *tab = f < 2 ? memchr(p, '\t', (size_t)(end - p)) : NULL;
            const char *stop = tab ? tab : end;
            meta[f] = dup_part(p, (size_t)(stop - p));
            p = stop + 1;
        }
        size_t skip = nl ? line + 1 : line;
        s += skip;
        n -= skip;
    }
    mz_article_input in = {.text = s, .text_len = n, .url = meta[0], .source = meta[1],
                           .published = meta[2]};
    int64_t id = 0;
    mz_error err;
    mz_status rc = mz_article_add(db, &in, &id, &err);
    if (rc == MZ_OK || rc == MZ_ERR_DUPLICATE) {
        check(id > 0);
        if (rc == MZ_OK) {
            mz_article a;
            check(mz_article_get(db, id, &a, &err) == MZ_OK);
            check(valid_utf8(a.body) && a.body[0]);
            check(!a.title || valid_utf8(a.title));
            mz_article_clear(&a);
        }
    } else {
        check(err.msg[0] != '\0');
        check(rc != MZ_ERR_INTERNAL && rc != MZ_ERR_DB && rc != MZ_ERR_NOMEM);
    }
    for (int f = 0; f < 3; f++)
        free(meta[f]);
}

/* start/end (bytes) and char_start/char_end (code points) of item o lie in
 * the body of the article it names. */
static void check_span(mz_db *db, const cJSON *o, double article_id)
{
    const cJSON *s = cJSON_GetObjectItem(o, "start"), *e = cJSON_GetObjectItem(o, "end");
    check(cJSON_IsNumber(s) && cJSON_IsNumber(e));
    mz_article a;
    mz_error err;
    check(mz_article_get(db, (int64_t)article_id, &a, &err) == MZ_OK);
    size_t len = strlen(a.body);
    check(s->valuedouble >= 0 && s->valuedouble <= e->valuedouble && e->valuedouble <= (double)len);
    const cJSON *cs = cJSON_GetObjectItem(o, "char_start"), *ce = cJSON_GetObjectItem(o, "char_end");
    if (cs || ce) {
        check(cJSON_IsNumber(cs) && cJSON_IsNumber(ce));
        check(cs->valuedouble >= 0 && cs->valuedouble <= ce->valuedouble &&
              ce->valuedouble <= (double)chars(a.body));
    }
    mz_article_clear(&a);
}

static void check_report(mz_db *db, const mz_check_result *r)
{
    mz_verdict v = mz_check_verdict(r);
    double conf = mz_check_confidence(r);
    check(v >= MZ_SUPPORTED && v <= MZ_NOT_ENOUGH_EVIDENCE);
    check(isfinite(conf) && conf >= 0 && conf <= 1);
    check(valid_utf8(mz_check_reason(r)) && valid_utf8(mz_check_reason_ar(r)));
    char *json = mz_check_result_json(r, 0);
    check(json && valid_utf8(json));
    cJSON *j = cJSON_Parse(json);
    check(j != NULL);
    const cJSON *verdict = cJSON_GetObjectItem(j, "verdict");
    check(cJSON_IsString(verdict) && strcmp(verdict->valuestring, mz_verdict_name(v)) == 0);
    const cJSON *voice, *member, *ev, *group, *value;
    cJSON_ArrayForEach(voice, cJSON_GetObjectItem(j, "voices"))
    {
        cJSON_ArrayForEach(member, cJSON_GetObjectItem(voice, "members"))
        {
            const cJSON *id = cJSON_GetObjectItem(member, "article_id");
            check(cJSON_IsNumber(id));
            cJSON_ArrayForEach(ev, cJSON_GetObjectItem(member, "evidence"))
                check_span(db, ev, id->valuedouble);
            const cJSON *denial = cJSON_GetObjectItem(member, "denial");
            if (denial && !cJSON_IsNull(denial))
                check_span(db, denial, id->valuedouble);
        }
    }
    cJSON_ArrayForEach(group, cJSON_GetObjectItem(j, "numbers"))
    {
        cJSON_ArrayForEach(value, cJSON_GetObjectItem(group, "values"))
        {
            const cJSON *id = cJSON_GetObjectItem(value, "article_id");
            check(cJSON_IsNumber(id));
            check_span(db, value, id->valuedouble);
        }
    }
    cJSON_Delete(j);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model && mz_model_load("models/stance.model", &model, NULL) != MZ_OK &&
        mz_model_new(0, 8, &model, NULL) != MZ_OK)
        abort();
    if (size > 32768) /* a check of up to six articles: keep runs short */
        return 0;
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    size_t claim_len = nl ? (size_t)(nl - s) : size;
    char *claim = dup_part(s, claim_len);
    size_t k = size ? data[size - 1] % 24 : 0; /* 0 (the default) .. 23 */

    mz_db *db;
    if (mz_db_open(":memory:", 0, &db, NULL) != MZ_OK)
        abort();
    size_t pos = nl ? claim_len + 1 : size;
    for (int i = 0; i < MAX_ARTICLES && pos < size; i++) {
        const char *ff = memchr(s + pos, '\f', size - pos);
        size_t n = ff ? (size_t)(ff - (s + pos)) : size - pos;
        add_article(db, s + pos, n);
        pos += n + 1;
    }

    mz_check_options opt = {k};
    mz_check_result *r = NULL;
    mz_error err;
    mz_status rc = mz_check(db, model, claim, &opt, &r, &err);
    if (rc == MZ_OK) {
        /* mz_check reads the claim up to a NUL byte the line may hold */
        check(r != NULL && mz_utf8_check(claim, strlen(claim), NULL) == MZ_OK);
        check_report(db, r);
        mz_check_result_free(r);
    } else {
        check(r == NULL && err.msg[0] != '\0');
        check(rc == MZ_ERR_ARG || rc == MZ_ERR_UTF8);
        if (strlen(claim) == claim_len && mz_utf8_check(claim, claim_len, NULL) != MZ_OK)
            check(rc == MZ_ERR_UTF8);
    }
    mz_db_close(db);
    free(claim);
    return 0;
}
