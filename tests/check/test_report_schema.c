/* test_report_schema.c — real check reports against their documented schema
 * (docs/json-schema.md, mizan.check/1), key by key, and their receipts
 * against the stored text: every key the report has is documented, every
 * documented key it must have is there with its type, and every evidence
 * sentence, cue and number points at exactly its text in the body as
 * `mizan show ID` gives it — byte offsets and code-point offsets both — over
 * articles written to be awkward: CRLF line ends, a byte order mark, NBSP,
 * a zero-width joiner, 4-byte emoji, presentation forms, tatweel and
 * diacritics, a title given apart from a body that does not begin with it,
 * and a sentence of 300 words. `mizan stance --json`'s evidence (offsets
 * into the text as given, CRs and BOM included) is held to the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check.h"
#include "json/json.h"
#include "stance/stance.h"
#include "util/util.h"

enum { T_STR = 1, T_NUM = 2, T_INT = 4, T_BOOL = 8, T_NULL = 16, T_OBJ = 32, T_ARR = 64 };

/* One documented key: the types its value may have, whether it may be
 * absent, and the keys of the object it holds (or of each item of the array
 * it holds); items of an array of scalars have type `items`. */
typedef struct field {
    const char *name;
    unsigned type;
    bool optional;
    const struct field *keys;
    unsigned items;
} field;

static const field probs_keys[] = {{"agree", T_NUM, false, NULL, 0},
                                   {"disagree", T_NUM, false, NULL, 0},
                                   {"discuss", T_NUM, false, NULL, 0},
                                   {"unrelated", T_NUM, false, NULL, 0},
                                   {0}};
static const field evidence_keys[] = {{"text", T_STR, false, NULL, 0},
                                      {"start", T_INT, false, NULL, 0},
                                      {"end", T_INT, false, NULL, 0},
                                      {"char_start", T_INT, false, NULL, 0},
                                      {"char_end", T_INT, false, NULL, 0},
                                      {"score", T_NUM, false, NULL, 0},
                                      {"cue", T_STR, false, NULL, 0},
                                      {"cue_start", T_INT, true, NULL, 0},
                                      {"cue_end", T_INT, true, NULL, 0},
                                      {"cue_char_start", T_INT, true, NULL, 0},
                                      {"cue_char_end", T_INT, true, NULL, 0},
                                      {0}};
static const field member_keys[] = {{"article_id", T_INT, false, NULL, 0},
                                    {"title", T_STR | T_NULL, false, NULL, 0},
                                    {"source", T_STR | T_NULL, false, NULL, 0},
                                    {"url", T_STR | T_NULL, false, NULL, 0},
                                    {"published", T_STR | T_NULL, false, NULL, 0},
                                    {"origin", T_STR | T_NULL, false, NULL, 0},
                                    {"author", T_STR | T_NULL, false, NULL, 0},
                                    {"stance", T_STR, false, NULL, 0},
                                    {"retrieval_score", T_NUM, false, NULL, 0},
                                    {"probs", T_OBJ, false, probs_keys, 0},
                                    {"denial", T_OBJ | T_NULL, false, evidence_keys, 0},
                                    {"evidence", T_ARR, false, evidence_keys, 0},
                                    {0}};
static const field voice_keys[] = {{"voice", T_INT, false, NULL, 0},
                                   {"stance", T_STR, false, NULL, 0},
                                   {"weight", T_NUM, false, NULL, 0},
                                   {"counted", T_BOOL, false, NULL, 0},
                                   {"sources", T_ARR, false, NULL, T_STR},
                                   {"members", T_ARR, false, member_keys, 0},
                                   {0}};
static const field said_keys[] = {{"day", T_INT, true, NULL, 0},
                                  {"month_offset", T_NUM, true, NULL, 0},
                                  {"weekday", T_STR, true, NULL, 0},
                                  {"week_offset", T_NUM, true, NULL, 0},
                                  {"days_from_published", T_NUM, true, NULL, 0},
                                  {"numeric", T_ARR, true, NULL, T_INT},
                                  {0}};
static const field day_keys[] = {{"day", T_INT, true, NULL, 0},
                                 {"month", T_INT, true, NULL, 0},
                                 {"hijri_month", T_INT, true, NULL, 0},
                                 {"month_offset", T_NUM, true, NULL, 0},
                                 {"weekday", T_STR, true, NULL, 0},
                                 {"week_offset", T_NUM, true, NULL, 0},
                                 {"days_from_published", T_NUM, true, NULL, 0},
                                 {"as_written", T_OBJ, true, said_keys, 0},
                                 {0}};
static const field value_keys[] = {{"value", T_STR, false, NULL, 0},
                                   {"number", T_NUM, false, NULL, 0},
                                   {"number_max", T_NUM, true, NULL, 0},
                                   {"bound", T_STR, true, NULL, 0},
                                   {"vague", T_BOOL, true, NULL, 0},
                                   {"off_claim", T_BOOL, true, NULL, 0},
                                   {"earlier", T_BOOL, true, NULL, 0},
                                   {"change", T_STR, true, NULL, 0},
                                   {"level", T_BOOL, true, NULL, 0},
                                   {"rejected", T_BOOL, true, NULL, 0},
                                   {"demanded", T_BOOL, true, NULL, 0},
                                   {"conflicting", T_BOOL, true, NULL, 0},
                                   {"event", T_STR, true, NULL, 0},
                                   {"day", T_OBJ, true, day_keys, 0},
                                   {"article_id", T_INT, false, NULL, 0},
                                   {"voice", T_INT, false, NULL, 0},
                                   {"text", T_STR, false, NULL, 0},
                                   {"start", T_INT, false, NULL, 0},
                                   {"end", T_INT, false, NULL, 0},
                                   {"value_start", T_INT, false, NULL, 0},
                                   {"value_end", T_INT, false, NULL, 0},
                                   {"char_start", T_INT, false, NULL, 0},
                                   {"char_end", T_INT, false, NULL, 0},
                                   {"value_char_start", T_INT, false, NULL, 0},
                                   {"value_char_end", T_INT, false, NULL, 0},
                                   {0}};
static const field quantity_keys[] = {{"quantity", T_STR, false, NULL, 0},
                                      {"kind", T_STR, false, NULL, 0},
                                      {"conflict", T_BOOL, false, NULL, 0},
                                      {"on_claim", T_BOOL, false, NULL, 0},
                                      {"claim_number", T_NUM, true, NULL, 0},
                                      {"claim_number_max", T_NUM, true, NULL, 0},
                                      {"claim_bound", T_STR, true, NULL, 0},
                                      {"claim_vague", T_BOOL, true, NULL, 0},
                                      {"claim_change", T_STR, true, NULL, 0},
                                      {"claim_level", T_BOOL, true, NULL, 0},
                                      {"claim_unmatched", T_BOOL, true, NULL, 0},
                                      {"values", T_ARR, false, value_keys, 0},
                                      {0}};
static const field counts_keys[] = {{"agree", T_INT, false, NULL, 0},
                                    {"disagree", T_INT, false, NULL, 0},
                                    {"discuss", T_INT, false, NULL, 0},
                                    {"unrelated", T_INT, false, NULL, 0},
                                    {"voices", T_INT, false, NULL, 0},
                                    {"articles", T_INT, false, NULL, 0},
                                    {0}};
static const field stats_keys[] = {{"candidates", T_INT, false, NULL, 0},
                                   {"elapsed_ms", T_NUM, false, NULL, 0},
                                   {0}};
static const field report_keys[] = {{"schema", T_STR, false, NULL, 0},
                                    {"claim", T_STR, false, NULL, 0},
                                    {"verdict", T_STR, false, NULL, 0},
                                    {"confidence", T_NUM, false, NULL, 0},
                                    {"reason", T_STR, false, NULL, 0},
                                    {"reason_ar", T_STR, false, NULL, 0},
                                    {"note", T_STR | T_NULL, false, NULL, 0},
                                    {"note_ar", T_STR | T_NULL, false, NULL, 0},
                                    {"counts", T_OBJ, false, counts_keys, 0},
                                    {"voices", T_ARR, false, voice_keys, 0},
                                    {"numbers", T_ARR, false, quantity_keys, 0},
                                    {"stats", T_OBJ, false, stats_keys, 0},
                                    /* only with `check --claims` */
                                    {"line", T_INT, true, NULL, 0},
                                    {"id", T_STR | T_NUM | T_BOOL | T_NULL, true, NULL, 0},
                                    {"claim_id", T_STR | T_NUM | T_BOOL | T_NULL, true, NULL, 0},
                                    {0}};

static unsigned type_of(const cJSON *v)
{
    if (cJSON_IsString(v))
        return T_STR;
    if (cJSON_IsBool(v))
        return T_BOOL;
    if (cJSON_IsNull(v))
        return T_NULL;
    if (cJSON_IsObject(v))
        return T_OBJ;
    if (cJSON_IsArray(v))
        return T_ARR;
    if (cJSON_IsNumber(v)) /* an integer is a number too */
        return v->valuedouble == (double)(int64_t)v->valuedouble && v->valuedouble >= 0
                   ? T_INT | T_NUM
                   : T_NUM;
    return 0;
}

static void fail_at(const char *path, const char *key, const char *what)
{
    print_message("%s.%s: %s\n", path, key, what);
    fail();
}

static void validate(const cJSON *o, const field *keys, const char *path)
{
    if (!cJSON_IsObject(o))
        fail_at(path, "", "not an object");
    for (const field *f = keys; f->name; f++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, f->name);
        if (!v) {
            if (!f->optional)
                fail_at(path, f->name, "documented, missing");
            continue;
        }
        if (!(type_of(v) & f->type))
            fail_at(path, f->name, "of another type than documented");
        char sub[256];
        snprintf(sub, sizeof sub, "%s.%s", path, f->name);
        if (cJSON_IsObject(v) && f->keys)
            validate(v, f->keys, sub);
        const cJSON *it;
        if (cJSON_IsArray(v))
            cJSON_ArrayForEach(it, v)
            {
                if (f->keys)
                    validate(it, f->keys, sub);
                else if (!(type_of(it) & f->items))
                    fail_at(sub, "[]", "an item of another type than documented");
            }
    }
    const cJSON *k;
    cJSON_ArrayForEach(k, o)
    {
        const field *f = keys;
        while (f->name && strcmp(f->name, k->string))
            f++;
        if (!f->name)
            fail_at(path, k->string, "not documented");
    }
}

/* Every key of the table is named in docs/json-schema.md, so the table is
 * the document's and not the writer's. */
static void assert_documented(const char *doc, const field *keys)
{
    for (const field *f = keys; f->name; f++) {
        bool found = false;
        size_t n = strlen(f->name);
        for (const char *p = doc; !found && (p = strstr(p, f->name)); p += n) {
            char before = p == doc ? ' ' : p[-1], after = p[n];
            found = (before == '`' || before == '"' || before == '.') &&
                    (after == '`' || after == '"' || after == '/');
        }
        if (!found)
            fail_at("docs/json-schema.md", f->name, "not named");
        if (f->keys)
            assert_documented(doc, f->keys);
    }
}

/* ------------------------------------------------------------- receipts */

static const char *num_of(const cJSON *o, const char *key, size_t *v)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!x)
        return NULL;
    assert_true(cJSON_IsNumber(x));
    *v = (size_t)x->valuedouble;
    return key;
}

/* The byte offset of code point cp in s. */
static size_t cp_byte(const char *s, size_t cp)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && cp-- == 0)
            return i;
    assert_int_equal(cp, 0);
    return i;
}

/* body[start, end) in bytes, and in code points when given, is text. */
static void assert_points_at(const char *body, const cJSON *o, const char *text, const char *s,
                             const char *e, const char *cs, const char *ce)
{
    size_t a = 0, b = 0, len = strlen(body);
    assert_non_null(num_of(o, s, &a));
    assert_non_null(num_of(o, e, &b));
    assert_true(a <= b && b <= len);
    assert_int_equal(b - a, strlen(text));
    assert_memory_equal(body + a, text, b - a);
    if (cs && num_of(o, cs, &a)) {
        assert_non_null(num_of(o, ce, &b));
        size_t ba = cp_byte(body, a), bb = cp_byte(body, b);
        assert_int_equal(bb - ba, strlen(text));
        assert_memory_equal(body + ba, text, bb - ba);
    }
}

/* An evidence item (or a denial) against the text it was read from. */
static size_t check_evidence(const char *body, const cJSON *e)
{
    const char *text = cJSON_GetObjectItemCaseSensitive(e, "text")->valuestring;
    assert_true(*text);
    assert_points_at(body, e, text, "start", "end", "char_start", "char_end");
    size_t cs = 0, ce = 0, s = 0, en = 0;
    if (!num_of(e, "cue_start", &cs))
        return 0;
    num_of(e, "cue_end", &ce);
    num_of(e, "start", &s);
    num_of(e, "end", &en);
    assert_true(s <= cs && cs < ce && ce <= en); /* the cue's words lie in the sentence */
    char *cue = mz_strndup(body + cs, ce - cs);
    assert_points_at(body, e, cue, "cue_start", "cue_end", "cue_char_start", "cue_char_end");
    free(cue);
    return 1;
}

typedef struct tally {
    size_t evidence, cues, values, non_ascii_offsets, non_ascii_value_offsets;
    size_t weekdays, month_days; /* values told of a weekday, of a day of a month */
    size_t resolved;             /* of those, made a date by the publication date */
    size_t bounds, claim_bounds;   /* values and claims given as a floor or ceiling */
    size_t vague, claim_vague;     /* values and claims given as «العشرات», «مئات» */
    size_t conflicts;              /* quantities flagged as a conflict */
} tally;

/* values[].bound says the value is a floor or a ceiling, as its sentence
 * does («أكثر من 50», «لا يقل عن», «على الأقل»; «أقل من»). */
static void check_bound(const cJSON *x, tally *t)
{
    const cJSON *b = cJSON_GetObjectItem(x, "bound");
    const cJSON *vague = cJSON_GetObjectItem(x, "vague");
    if (vague) { /* «العشرات»: a floor, its value a plural of a unit, never digits */
        assert_true(cJSON_IsTrue(vague) && b && !strcmp(b->valuestring, "at_least"));
        const char *w = cJSON_GetObjectItem(x, "value")->valuestring;
        assert_true(strstr(w, "عشرات") || strstr(w, "مئات") || strstr(w, "آلاف") ||
                    strstr(w, "ملايين"));
        assert_true(cJSON_GetObjectItem(x, "number")->valuedouble >= 20);
        t->vague++;
    }
    if (!b)
        return;
    const char *text = cJSON_GetObjectItem(x, "text")->valuestring;
    if (vague)
        ; /* its bound is its own word's */
    else if (!strcmp(b->valuestring, "at_least"))
        assert_true(strstr(text, "أكثر من") || strstr(text, "لا يقل") || strstr(text, "الأقل"));
    else
        assert_true(!strcmp(b->valuestring, "at_most") && strstr(text, "أقل من"));
    t->bounds++;
}

/* A value's day (values[].day) is the day its sentence names: a weekday, or
 * a day with its month (named, Hijri, or where it stands from this one), or
 * a date the publication date made of a day named from it ("as_written":
 * «يوم الجمعة» in an article of Saturday 14 March is 13/3). */
static void check_day(const cJSON *x, tally *t)
{
    const cJSON *d = cJSON_GetObjectItem(x, "day");
    if (!d)
        return;
    const char *text = cJSON_GetObjectItem(x, "text")->valuestring;
    const cJSON *said = cJSON_GetObjectItem(d, "as_written");
    if (said) {
        assert_non_null(cJSON_GetObjectItem(d, "month")); /* a date */
        d = said;
        t->resolved++;
    }
    const cJSON *wd = cJSON_GetObjectItem(d, "weekday"), *day = cJSON_GetObjectItem(d, "day");
    if (!wd && !day) {
        assert_non_null(cJSON_GetObjectItem(d, "days_from_published"));
        return;
    }
    assert_true(!wd != !day); /* one or the other */
    if (wd) {
        static const char *const names[][2] = {{"friday", "الجمعة"}, {"thursday", "الخميس"}};
        bool named = false;
        for (size_t i = 0; i < 2; i++)
            named |= !strcmp(wd->valuestring, names[i][0]) && strstr(text, names[i][1]);
        assert_true(named);
        t->weekdays++;
        return;
    }
    int n = (int)day->valuedouble;
    assert_true(n >= 1 && n <= 31);
    assert_true(cJSON_GetObjectItem(d, "month") || cJSON_GetObjectItem(d, "hijri_month") ||
                cJSON_GetObjectItem(d, "month_offset"));
    char digits[8];
    snprintf(digits, sizeof digits, "%d", n);
    assert_non_null(strstr(text, digits));
    t->month_days++;
}

static char *stored_body(mz_db *db, int64_t id)
{
    mz_article a = {0};
    mz_error err;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    char *b = a.body;
    a.body = NULL;
    mz_article_clear(&a);
    return b;
}

static void check_receipts(mz_db *db, const cJSON *rep, tally *t)
{
    const cJSON *v, *m, *e, *q, *x;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(rep, "voices"))
    {
        cJSON_ArrayForEach(m, cJSON_GetObjectItem(v, "members"))
        {
            char *body = stored_body(db, (int64_t)cJSON_GetObjectItem(m, "article_id")->valuedouble);
            cJSON_ArrayForEach(e, cJSON_GetObjectItem(m, "evidence"))
            {
                t->cues += check_evidence(body, e);
                t->evidence++;
                size_t s = 0, cs = 0;
                num_of(e, "start", &s);
                num_of(e, "char_start", &cs);
                t->non_ascii_offsets += s != cs;
            }
            const cJSON *d = cJSON_GetObjectItem(m, "denial");
            if (cJSON_IsObject(d))
                t->cues += check_evidence(body, d);
            free(body);
        }
    }
    cJSON_ArrayForEach(q, cJSON_GetObjectItem(rep, "numbers"))
    {
        const cJSON *cb = cJSON_GetObjectItem(q, "claim_bound");
        if (cb) {
            assert_true(!strcmp(cb->valuestring, "at_least") || !strcmp(cb->valuestring, "at_most"));
            assert_non_null(cJSON_GetObjectItem(q, "claim_number"));
            t->claim_bounds++;
        }
        const cJSON *cv = cJSON_GetObjectItem(q, "claim_vague");
        if (cv) { /* «أفرج عن العشرات»: a floor with the words said */
            assert_true(cJSON_IsTrue(cv) && cb && !strcmp(cb->valuestring, "at_least"));
            t->claim_vague++;
        }
        /* a conflict names its values: two or more, of two voices or more;
         * no value is conflicting outside one */
        int first_voice = -1;
        size_t conflicting = 0;
        bool voices = false;
        cJSON_ArrayForEach(x, cJSON_GetObjectItem(q, "values"))
        {
            if (!cJSON_GetObjectItem(x, "conflicting"))
                continue;
            int voice = (int)cJSON_GetObjectItem(x, "voice")->valuedouble;
            voices |= first_voice >= 0 && voice != first_voice;
            first_voice = first_voice < 0 ? voice : first_voice;
            conflicting++;
        }
        bool conflict = cJSON_IsTrue(cJSON_GetObjectItem(q, "conflict"));
        assert_true(conflict ? conflicting >= 2 && voices : conflicting == 0);
        t->conflicts += conflict;
        cJSON_ArrayForEach(x, cJSON_GetObjectItem(q, "values"))
        {
            char *body = stored_body(db, (int64_t)cJSON_GetObjectItem(x, "article_id")->valuedouble);
            /* code points too, as evidence gives them: a page highlights
             * a value in context with them (byte offsets only, before) */
            assert_points_at(body, x, cJSON_GetObjectItem(x, "text")->valuestring, "start", "end",
                             "char_start", "char_end");
            assert_points_at(body, x, cJSON_GetObjectItem(x, "value")->valuestring, "value_start",
                             "value_end", "value_char_start", "value_char_end");
            size_t s = 0, cs = 0;
            num_of(x, "value_start", &s);
            num_of(x, "value_char_start", &cs);
            t->non_ascii_value_offsets += s != cs;
            t->values++;
            check_day(x, t);
            check_bound(x, t);
            free(body);
        }
    }
}

/* ------------------------------------------------------------ articles */

/* Written for this test: a faction's denial with CRLF line ends, NBSP, a
 * zero-width joiner and emoji; a report whose title is not its first line;
 * one in presentation forms with Arabic-Indic digits; one with tatweel and
 * diacritics; a 300-word sentence that denies the claim at its end; and a
 * release told of «أمس» in an article with a publication date. */
static const char *jsonl =
    "{\"source\": \"crlf.example\", \"url\": \"https://crlf.example/1\", \"published\": \"2026-03-20\", "
    "\"title\": \"اللواء ينفي الإفراج عن الأسرى\", \"text\": \"نفى المتحدث باسم لواء الوادي\\u00a0أن "
    "يكون اللواء قد أفرج عن أسرى 😀 من القوات الحكومية في تل السنابل.\\r\\nوقال إن هذه الأنباء عارية "
    "عن الصحة.\\r\\nوأضاف أن \\u200dالمفاوضات لم تبدأ بعد 🇸🇾.\\r\\n\"}\n"
    "{\"source\": \"apart.example\", \"title\": \"مصدر: الإفراج عن 40 أسيرا\", \"text\": \"تل السنابل "
    "— خاص\\nأكد مصدر في لجنة الوساطة أن لواء الوادي أفرج عن 40 أسيرا من القوات الحكومية يوم "
    "الجمعة.\\nوأضاف المصدر أن الحكومة أطلقت سراح 60 معتقلا في 14 من الشهر الجاري.\"}\n"
    "{\"source\": \"forms.example\", \"title\": \"إفراج عن أسرى\", \"text\": \"ﺃﻓﺮﺝ ﻟﻮﺍﺀ ﺍﻟﻮﺍﺩﻱ ﻋﻦ ٤٠ "
    "أسيرا 𝐀 من القوات الحكومية في تل السنابل بحسب ما نقلت وكالة الأنباء.\"}\n"
    "{\"source\": \"marks.example\", \"title\": \"الإفـــراج عن الأسرى\", \"text\": \"أَفْرَجَ لِوَاءُ "
    "الوادي عـــن أربعين أسيـــرا من القوات الحكومية، بحسب ما أكده وسطاء.\"}\n"
    "{\"source\": \"bound.example\", \"title\": \"الإفراج عن أسرى في تل السنابل\", \"text\": \"قال "
    "ناشطون إن لواء الوادي أفرج عن أكثر من 50 أسيرا من القوات الحكومية في تل السنابل.\"}\n"
    "{\"source\": \"dozens.example\", \"title\": \"الإفراج عن أسرى في تل السنابل\", \"text\": "
    "\"قال شهود إن لواء الوادي أفرج عن العشرات من الأسرى من القوات الحكومية في تل السنابل.\"}\n"
    "{\"source\": \"yesterday.example\", \"published\": \"2026-03-15\", \"title\": \"الإفراج عن "
    "أسرى في تل السنابل\", \"text\": \"أفرج لواء الوادي أمس عن 40 أسيرا من القوات الحكومية في تل "
    "السنابل بعد وساطة محلية.\"}\n";

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    fclose(f);
}

typedef struct fixture {
    char dir[64];
    mz_db *db;
    mz_model *model;
    char *doc;
} fixture;

static int setup(void **state)
{
    static fixture fx;
    fixture *f = &fx;
    memset(f, 0, sizeof *f);
    mz_error err;
    if (mz_model_load(NULL, &f->model, &err) != MZ_OK ||
        access("docs/json-schema.md", R_OK) != 0) {
        *state = NULL; /* not run from the source tree: skipped */
        return 0;
    }
    size_t n;
    assert_int_equal(mz_read_file("docs/json-schema.md", 1u << 20, &f->doc, &n, &err), MZ_OK);
    strcpy(f->dir, "/tmp/mizan-schema-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char p[128], long_s[16384] = "قال مسؤول إن لواء الوادي أفرج عن 40 أسيرا من القوات الحكومية";
    snprintf(p, sizeof p, "%s/a.jsonl", f->dir);
    write_file(p, jsonl, strlen(jsonl));
    for (int i = 0; i < 40; i++)
        strcat(long_s, " وأضاف أن الأمور تسير بشكل طبيعي في المدينة");
    strcat(long_s, " ثم نفى المتحدث الرسمي باسم اللواء ذلك جملة وتفصيلا.\r\n");
    char txt[20000];
    int len = snprintf(txt, sizeof txt, "\xEF\xBB\xBFتقرير طويل عن الأسرى\r\n\r\n%s", long_s);
    snprintf(p, sizeof p, "%s/long.txt", f->dir);
    write_file(p, txt, (size_t)len);
    assert_int_equal(mz_db_open(":memory:", 0, &f->db, &err), MZ_OK);
    const char *paths[] = {"sample/articles.jsonl", f->dir};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(f->db, paths, 2, NULL, &rep, &err), MZ_OK);
    assert_int_equal(rep.failed, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (!f)
        return 0;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    if (system(cmd) != 0)
        return -1;
    mz_db_close(f->db);
    mz_model_free(f->model);
    free(f->doc);
    return 0;
}

static const char *claims[] = {
    "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل في تل السنابل",
    "نفى لواء الوادي الإفراج عن الأسرى",
    "أفرج لواء الوادي عن ٤٠ أسيرا",
    "أفرج لواء الوادي عن أكثر من 30 أسيرا", /* a floor: claim_bound */
    "أفرج لواء الوادي عن عشرات الأسرى",     /* vague: claim_vague */
    "لواء",                                /* one word: a note */
    "The Wadi Brigade released prisoners", /* nothing related */
};

static void test_reports_match_schema_and_body(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    assert_documented(f->doc, report_keys);
    tally t = {0};
    bool saw_note = false;
    for (size_t i = 0; i < sizeof claims / sizeof *claims; i++) {
        mz_check_result *r;
        mz_error err;
        assert_int_equal(mz_check(f->db, f->model, claims[i], NULL, &r, &err), MZ_OK);
        char *s = mz_check_result_json(r, 0);
        mz_check_result_free(r);
        cJSON *j = cJSON_Parse(s);
        free(s);
        assert_non_null(j);
        validate(j, report_keys, claims[i]);
        check_receipts(f->db, j, &t);
        saw_note |= cJSON_IsString(cJSON_GetObjectItem(j, "note"));
        cJSON_Delete(j);
    }
    /* the trial held: it had evidence, cue words, numbers and offsets
     * where code points and bytes part */
    assert_true(t.evidence >= 20);
    assert_true(t.cues >= 5);
    assert_true(t.values >= 5);
    assert_true(t.non_ascii_offsets >= 10);
    assert_true(t.non_ascii_value_offsets >= 3); /* Arabic before them: bytes and code points differ */
    assert_true(saw_note);
    /* values told of a day say which: «يوم الجمعة», «في 14 من الشهر الجاري» */
    assert_true(t.weekdays >= 1);
    assert_true(t.month_days >= 1);
    /* «أمس» in an article published 2026-03-15 is 14/3 (as_written) */
    assert_true(t.resolved >= 1);
    /* «أكثر من 50 أسيرا» is a floor, and so is the claim's «أكثر من 30» */
    assert_true(t.bounds >= 1);
    assert_true(t.conflicts >= 1); /* the sample's 40 prisoners against 25 */
    assert_true(t.claim_bounds >= 1);
    /* «العشرات من الأسرى» is a vague floor, and so is the claim's «عشرات الأسرى» */
    assert_true(t.vague >= 1);
    assert_true(t.claim_vague >= 1);
}

/* `mizan stance --json`'s evidence (mz_json_stance): offsets into the text
 * as given, with its BOM and CRs. */
static void test_stance_offsets_into_text_as_given(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    const char *text = "\xEF\xBB\xBFلواء الوادي ينفي\r\nنفى لواء الوادي\u00a0أن يكون قد أفرج عن 40 😀 "
                       "أسيرا، وقال إن الأنباء عـــارية عن الصّحة.\r\nوأضاف مصدر أن ﺍﻟﻤﻔﺎﻭﺿﺎﺕ لم تبدأ.\r\n";
    mz_stance_result r;
    mz_error err;
    assert_int_equal(mz_stance_predict(f->model, "أفرج لواء الوادي عن 40 أسيرا", NULL, text,
                                       strlen(text), &r, &err),
                     MZ_OK);
    cJSON *j = mz_json_stance(&r, text, f->model->lexicon);
    assert_non_null(j);
    size_t n = 0, cues = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "evidence"))
    {
        cues += check_evidence(text, e);
        n++;
    }
    const cJSON *d = cJSON_GetObjectItem(j, "denial");
    assert_true(cJSON_IsObject(d));
    cues += check_evidence(text, d);
    assert_true(n >= 2 && cues >= 1);
    cJSON_Delete(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports_match_schema_and_body),
        cmocka_unit_test(test_stance_offsets_into_text_as_given),
    };
    return cmocka_run_group_tests_name("check/report_schema", tests, setup, teardown);
}
