/*
 * dataset.c — labelled claim–article pairs from JSONL in the baly2018 format
 * (claim, article, stance; optional claim_id, article_idx, fold, rationale,
 * title). Every error names the file and line.
 */
#include "json/json.h"
#include "stance/stance.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Frees what one pair holds and zeroes it: for mz_pairs_clear and for a
 * line read_line gives up on half-way. */
static void pair_clear(mz_pair *q)
{
    free(q->claim);
    free(q->article);
    free(q->title);
    free(q->claim_id);
    free(q->rationale);
    cJSON_Delete(q->ids);
    memset(q, 0, sizeof *q);
}

void mz_pairs_clear(mz_pairs *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        pair_clear(&p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* "[3, 5]" (string) or [3, 5] (array) -> malloc'd ints. 0 ok, -1 bad. */
static int parse_rationale(const cJSON *r, int **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!r || cJSON_IsNull(r))
        return 0;
    int tmp[256];
    size_t k = 0;
    if (cJSON_IsArray(r)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, r)
        {
            if (!cJSON_IsNumber(e) || !(e->valuedouble >= 0 && e->valuedouble <= 1000000) ||
                k == 256) /* as the string form: no cast of 1e300 to int */
                return -1;
            tmp[k++] = (int)e->valuedouble;
        }
    } else if (cJSON_IsString(r)) {
        const char *p = r->valuestring;
        while (*p) {
            if (isdigit((unsigned char)*p)) {
                char *end;
                long v = strtol(p, &end, 10);
                if (k == 256 || v > 1000000)
                    return -1;
                tmp[k++] = (int)v;
                p = end;
            } else if (strchr("[], \t", *p)) {
                p++;
            } else {
                return -1;
            }
        }
    } else {
        return -1;
    }
    if (!k)
        return 0;
    *out = malloc(k * sizeof **out);
    if (!*out)
        return -1;
    memcpy(*out, tmp, k * sizeof **out);
    *n = k;
    return 0;
}

static mz_status check_text(const char *path, size_t line, const char *field, const char *s,
                            mz_error *err)
{
    size_t bad;
    if (mz_utf8_check(s, strlen(s), &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "%s:%zu: field '%s': invalid UTF-8 at byte %zu%s", path,
                       line, field, bad, mz_utf8_hint(s, strlen(s)));
    return MZ_OK;
}

static mz_status read_line(const char *path, size_t lineno, const char *s, size_t n,
                           bool need_label, mz_pair *q, mz_error *err)
{
    memset(q, 0, sizeof *q);
    q->line = lineno;
    q->gold = MZ_N_STANCES;
    q->article_idx = -1;
    q->weight = 1.0;
    const char *raw_nul = memchr(s, '\0', n);
    if (raw_nul) /* cJSON would read the line up to it, and a string field cut there */
        return mz_fail(err, MZ_ERR_BINARY, "%s:%zu: NUL byte at byte %zu of the line", path, lineno,
                       (size_t)(raw_nul - s));
    size_t nul = mz_json_escaped_nul(s, n);
    if (nul < n)
        return mz_fail(err, MZ_ERR_JSON, "%s:%zu: NUL character (\\u0000) at byte %zu", path, lineno,
                       nul);
    const char *parsed_end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(s, n, &parsed_end, false);
    if (!j || !cJSON_IsObject(j)) {
        cJSON_Delete(j);
        return mz_fail(err, MZ_ERR_JSON, "%s:%zu: not a JSON object", path, lineno);
    }
    /* cJSON stops after the object: text after it (a second object pasted
     * onto the line) would otherwise be dropped without a word */
    size_t after = parsed_end ? (size_t)(parsed_end - s) : n;
    while (after < n && isspace((unsigned char)s[after]))
        after++;
    if (after < n) {
        cJSON_Delete(j);
        return mz_fail(err, MZ_ERR_JSON,
                       "%s:%zu: text after the JSON object at byte %zu (one object per line)", path,
                       lineno, after);
    }
    mz_status st = MZ_OK;
    const cJSON *claim = cJSON_GetObjectItemCaseSensitive(j, "claim");
    const cJSON *article = cJSON_GetObjectItemCaseSensitive(j, "article");
    const cJSON *stance = cJSON_GetObjectItemCaseSensitive(j, "stance");
    const cJSON *title = cJSON_GetObjectItemCaseSensitive(j, "title");
    if (!title) /* AraStance's name for it */
        title = cJSON_GetObjectItemCaseSensitive(j, "article_title");
    if (!cJSON_IsString(claim))
        st = mz_fail(err, MZ_ERR_JSON, "%s:%zu: missing or non-string field 'claim'", path, lineno);
    else if (!cJSON_IsString(article))
        st = mz_fail(err, MZ_ERR_JSON, "%s:%zu: missing or non-string field 'article'", path, lineno);
    else if (need_label && !cJSON_IsString(stance))
        st = mz_fail(err, MZ_ERR_JSON, "%s:%zu: missing or non-string field 'stance'", path, lineno);
    else if ((st = check_text(path, lineno, "claim", claim->valuestring, err)) == MZ_OK &&
             (st = check_text(path, lineno, "article", article->valuestring, err)) == MZ_OK &&
             (!cJSON_IsString(title) ||
              (st = check_text(path, lineno, "title", title->valuestring, err)) == MZ_OK)) {
        size_t chars = 0;
        for (const char *p = claim->valuestring; *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        if (blank(claim->valuestring))
            st = mz_fail(err, MZ_ERR_EMPTY, "%s:%zu: empty claim", path, lineno);
        else if (chars > MZ_CLAIM_MAX_CHARS) /* mz_stance_predict refuses it */
            st = mz_fail(err, MZ_ERR_JSON,
                         "%s:%zu: the claim is %zu characters long; the limit is %d (one claim, "
                         "not an article)",
                         path, lineno, chars, MZ_CLAIM_MAX_CHARS);
    }
    if (st == MZ_OK && cJSON_IsString(stance)) {
        q->gold = mz_stance_parse_label(stance->valuestring);
        if (q->gold == MZ_N_STANCES)
            st = mz_fail(err, MZ_ERR_JSON,
                         "%s:%zu: unknown stance '%.40s' (expected agree, disagree, discuss or "
                         "unrelated)",
                         path, lineno, stance->valuestring);
    }
    if (st == MZ_OK &&
        parse_rationale(cJSON_GetObjectItemCaseSensitive(j, "rationale"), &q->rationale,
                        &q->n_rationale))
        st = mz_fail(err, MZ_ERR_JSON, "%s:%zu: bad 'rationale' (expected line indices)", path,
                     lineno);
    if (st == MZ_OK) {
        const cJSON *cid = cJSON_GetObjectItemCaseSensitive(j, "claim_id");
        const cJSON *idx = cJSON_GetObjectItemCaseSensitive(j, "article_idx");
        const cJSON *fold = cJSON_GetObjectItemCaseSensitive(j, "fold");
        /* numbers are range-checked before a cast: (long)1e300 is undefined */
        if (cJSON_IsNumber(idx) && idx->valuedouble >= 0 && idx->valuedouble <= 1e15 &&
            idx->valuedouble == (double)(long)idx->valuedouble)
            q->article_idx = (long)idx->valuedouble;
        if (cJSON_IsString(fold)) {
            const char *u = strrchr(fold->valuestring, '_');
            q->fold = atoi(u ? u + 1 : fold->valuestring);
        } else if (cJSON_IsNumber(fold)) {
            if (fold->valuedouble >= -1000000 && fold->valuedouble <= 1000000)
                q->fold = (int)fold->valuedouble;
            else
                st = mz_fail(err, MZ_ERR_JSON, "%s:%zu: bad 'fold' %g (expected a fold number)",
                             path, lineno, fold->valuedouble);
        }
        if (st == MZ_OK && (cid || idx)) { /* as given, for eval --predictions */
            q->ids = cJSON_CreateObject();
            bool ok = q->ids != NULL;
            const cJSON *given[2] = {cid, idx};
            const char *names[2] = {"claim_id", "article_idx"};
            for (int i = 0; ok && i < 2; i++)
                if (given[i])
                    ok = mz_json_add(q->ids, names[i], cJSON_Duplicate(given[i], true));
            if (!ok)
                st = mz_fail(err, MZ_ERR_NOMEM, "out of memory reading %s", path);
        }
        q->claim = mz_strdup(claim->valuestring);
        q->article = mz_strdup(article->valuestring);
        q->article_len = strlen(article->valuestring);
        if (cJSON_IsString(title))
            q->title = mz_strdup(title->valuestring);
        char num_id[32];
        const char *id = cJSON_IsString(cid) ? cid->valuestring : NULL;
        if (cJSON_IsNumber(cid)) { /* a numeric id groups its claim's pairs as well */
            snprintf(num_id, sizeof num_id, "%.17g", cid->valuedouble);
            id = num_id;
        }
        if (id)
            q->claim_id = mz_strdup(id);
        if (st == MZ_OK &&
            (!q->claim || !q->article || (cJSON_IsString(title) && !q->title) || (id && !q->claim_id)))
            st = mz_fail(err, MZ_ERR_NOMEM, "out of memory reading %s", path);
    }
    cJSON_Delete(j);
    if (st != MZ_OK)
        pair_clear(q);
    return st;
}

mz_status mz_pairs_read(const char *path, bool need_label, mz_pairs *out, mz_error *err)
{
    char *buf;
    size_t len;
    mz_status st = mz_read_file(path, MZ_DATA_MAX_BYTES, &buf, &len, err);
    if (st != MZ_OK)
        return st;
    /* the file at once, named as ingest names it: line 1 would say "NUL
     * byte" with no word of the encoding or of iconv */
    if ((st = mz_utf16_refuse(buf, len, path, err)) != MZ_OK) {
        free(buf);
        return st;
    }
    size_t lineno = 0, first = out->n;
    for (size_t pos = 0; pos < len && st == MZ_OK;) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        lineno++;
        const char *s = buf + pos;
        size_t n = end - pos;
        pos = end + 1;
        size_t k = 0;
        while (k < n && isspace((unsigned char)s[k]))
            k++;
        if (k == n)
            continue; /* blank line */
        if (mz_array_grow(&out->v, &out->cap, out->n, sizeof *out->v, 256) != 0) {
            st = mz_fail(err, MZ_ERR_NOMEM, "out of memory reading %s", path);
            break;
        }
        st = read_line(path, lineno, s, n, need_label, &out->v[out->n], err);
        if (st == MZ_OK)
            out->n++;
    }
    free(buf);
    if (st == MZ_OK && out->n == first) /* this file: an empty one in a list is an error too */
        st = mz_fail(err, MZ_ERR_EMPTY, "%s: no claim–article pairs", path);
    return st;
}
