/* test_model.c — training determinism, the model file (round trip, damage
 * refused), evaluation metrics on a hand-made set with known answers, the
 * JSONL reader's errors, and predictions from several threads at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stance/stance.h"
#include "util/util.h"

static const char *CLAIMS[] = {
    "الجيش يسيطر على مطار مدينة حلب",
    "المعارضة تنسحب من بلدة خان شيخون",
    "الحكومة ترفع أسعار الوقود في دمشق",
};

/* A tiny labelled set: for each claim, one article per class. */
static void make_pairs(mz_pairs *p)
{
    memset(p, 0, sizeof *p);
    p->cap = 24;
    p->v = calloc(p->cap, sizeof *p->v);
    for (int rep = 0; rep < 2; rep++)
        for (int c = 0; c < 3; c++) {
            char buf[4][512];
            snprintf(buf[0], sizeof buf[0], "%s بحسب بيان رسمي اليوم.\nوأكدت المصادر ذلك.", CLAIMS[c]);
            snprintf(buf[1], sizeof buf[1], "نفت مصادر رسمية الأنباء عن أن %s ووصفتها بأنها شائعات.", CLAIMS[c]);
            snprintf(buf[2], sizeof buf[2], "تحدثت وسائل إعلام عن أن %s ربما، ولم يتسن التحقق.", CLAIMS[c]);
            snprintf(buf[3], sizeof buf[3], "ارتفعت درجات الحرارة في المنطقة اليوم بشكل كبير.");
            for (int k = 0; k < MZ_N_STANCES; k++) {
                mz_pair *q = &p->v[p->n++];
                q->claim = mz_strdup(CLAIMS[c]);
                q->article = mz_strdup(buf[k]);
                q->article_len = strlen(buf[k]);
                q->gold = (mz_stance)k;
                q->fold = c % 2 + 1 + rep * 0;
                q->article_idx = -1;
                q->line = p->n;
            }
        }
}

static char *slurp(const char *path, size_t *len)
{
    char *s;
    if (mz_read_file(path, 0, &s, len, NULL) != MZ_OK)
        return NULL;
    return s;
}

static void test_train_deterministic_roundtrip(void **state)
{
    (void)state;
    mz_pairs pairs;
    make_pairs(&pairs);
    mz_train_opts o;
    mz_train_opts_default(&o);
    o.iters = 60;
    mz_model *a, *b;
    mz_error err;
    assert_int_equal(mz_train(&pairs, 0, &o, &a, &err), MZ_OK);
    assert_int_equal(mz_train(&pairs, 0, &o, &b, &err), MZ_OK);
    assert_true(a->temperature > 0);
    char pa[] = "/tmp/mizan-model-XXXXXX", pb[] = "/tmp/mizan-model-XXXXXX";
    close(mkstemp(pa));
    close(mkstemp(pb));
    assert_int_equal(mz_model_save(a, pa, &err), MZ_OK);
    assert_int_equal(mz_model_save(b, pb, &err), MZ_OK);
    size_t la, lb;
    char *sa = slurp(pa, &la), *sb = slurp(pb, &lb);
    assert_non_null(sa);
    assert_int_equal(la, lb);
    assert_memory_equal(sa, sb, la); /* byte-identical */

    /* load it back: same predictions as the model in memory (to print precision) */
    mz_model *c;
    assert_int_equal(mz_model_load(pa, &c, &err), MZ_OK);
    for (size_t i = 0; i < pairs.n; i++) {
        mz_stance_result ra, rc;
        const mz_pair *p = &pairs.v[i];
        assert_int_equal(mz_stance_predict(a, p->claim, NULL, p->article, p->article_len, &ra, &err), MZ_OK);
        assert_int_equal(mz_stance_predict(c, p->claim, NULL, p->article, p->article_len, &rc, &err), MZ_OK);
        assert_int_equal(ra.label, rc.label);
        for (int k = 0; k < MZ_N_STANCES; k++)
            assert_true(fabs(ra.probs[k] - rc.probs[k]) < 1e-6);
        double sum = 0;
        for (int k = 0; k < MZ_N_STANCES; k++)
            sum += rc.probs[k];
        assert_true(fabs(sum - 1) < 1e-9);
    }
    /* saving the loaded model gives the same bytes again */
    assert_int_equal(mz_model_save(c, pb, &err), MZ_OK);
    free(sb);
    sb = slurp(pb, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(sa, sb, la);

    /* the learned model separates this easy set */
    mz_stance_result r;
    assert_int_equal(mz_stance_predict(c, CLAIMS[0], NULL, "ارتفعت درجات الحرارة في المنطقة اليوم.",
                                       strlen("ارتفعت درجات الحرارة في المنطقة اليوم."), &r, &err),
                     MZ_OK);
    assert_int_equal(r.label, MZ_UNRELATED);

    free(sa);
    free(sb);
    unlink(pa);
    unlink(pb);
    mz_model_free(a);
    mz_model_free(b);
    mz_model_free(c);
    mz_pairs_clear(&pairs);
}

static mz_status parse_str(const char *s, size_t n, mz_error *err)
{
    mz_model *m = NULL;
    mz_status st = mz_model_parse(s, n, "test.model", &m, err);
    mz_model_free(m);
    return st;
}

static void test_damaged_models_refused(void **state)
{
    (void)state;
    mz_model *m;
    mz_error err;
    assert_int_equal(mz_model_new(0, 8, &m, &err), MZ_OK);
    char path[] = "/tmp/mizan-model-XXXXXX";
    close(mkstemp(path));
    assert_int_equal(mz_model_save(m, path, &err), MZ_OK);
    mz_model_free(m);
    size_t len;
    char *s = slurp(path, &len);
    assert_int_equal(parse_str(s, len, &err), MZ_OK);

    /* truncated anywhere */
    for (size_t cut = 0; cut < len; cut += len / 37 + 1) {
        assert_int_equal(parse_str(s, cut, &err), MZ_ERR_MODEL);
    }
    /* one byte changed */
    char *d = malloc(len);
    memcpy(d, s, len);
    d[len / 2] ^= 0x01;
    assert_int_equal(parse_str(d, len, &err), MZ_ERR_MODEL);
    assert_non_null(strstr(err.msg, "checksum"));
    /* the checksum's digits written otherwise than save writes them: a
     * capital, or "0x" in place of two leading zeros' worth of digits */
    memcpy(d, s, len);
    char *hex = d + len - 17;
    char *letter = strpbrk(hex, "abcdef");
    if (letter) {
        *letter = (char)(*letter - 'a' + 'A');
        assert_int_equal(parse_str(d, len, &err), MZ_ERR_MODEL);
        assert_non_null(strstr(err.msg, "checksum"));
    }
    memcpy(d, s, len);
    hex[0] = ' ';
    assert_int_equal(parse_str(d, len, &err), MZ_ERR_MODEL);
    free(d);
    /* not a model */
    assert_int_equal(parse_str("hello\n", 6, &err), MZ_ERR_MODEL);
    assert_non_null(strstr(err.msg, "magic"));
    /* an empty file (touched, or a copy cut to nothing) said "bad magic",
     * as if it were some other kind of file */
    assert_int_equal(parse_str("", 0, &err), MZ_ERR_MODEL);
    assert_non_null(strstr(err.msg, ": empty file, not a stance model"));

    /* another format version or feature set (checksum made valid) */
    char first_line[64];
    snprintf(first_line, sizeof first_line, "%.*s", (int)(strchr(s, '\n') - s + 1), s);
    /* ... or numbers no training writes: a weight nan or inf, a scale 0 */
    const char *subst[][2] = {{first_line, "mizan-stance-model 999\n"},
                              {"feature_set " MZ_FEATURE_SET, "feature_set ar-stance-0"},
                              {"f rel_cov_sent 0 1 0 ", "f rel_cov_sent 0 1 nan "},
                              {"f rel_cov_sent 0 1 0 ", "f rel_cov_sent 0 1 -inf "},
                              {"f rel_cov_sent 0 1 0 ", "f rel_cov_sent 0 0 0 "}};
    const char *expect[] = {"version", "feature set", "bad numbers", "bad numbers", "scale"};
    for (int k = 0; k < 5; k++) {
        const char *at = strstr(s, subst[k][0]);
        assert_non_null(at);
        mz_buf b = {0};
        mz_buf_append(&b, s, (size_t)(at - s));
        mz_buf_puts(&b, subst[k][1]);
        const char *rest = at + strlen(subst[k][0]);
        const char *end = strstr(rest, "end ");
        mz_buf_append(&b, rest, (size_t)(end - rest));
        mz_buf_printf(&b, "end %016llx\n", (unsigned long long)mz_hash64(b.p, b.len));
        assert_int_equal(parse_str(b.p, b.len, &err), MZ_ERR_MODEL);
        assert_non_null(strstr(err.msg, expect[k]));
        mz_buf_free(&b);
    }
    /* file errors */
    assert_int_equal(mz_model_load("/nonexistent/stance.model", &m, &err), MZ_ERR_MODEL);
    assert_null(m);
    /* a model found through $MIZAN_MODEL, which the caller never named (a
     * stale export): the message says where the path came from; it named a
     * path the user had not typed, and no reason for it */
    const char *was = getenv("MIZAN_MODEL");
    char *saved = was ? strdup(was) : NULL;
    setenv("MIZAN_MODEL", "/nonexistent/old.model", 1);
    assert_int_equal(mz_model_load(NULL, &m, &err), MZ_ERR_MODEL);
    assert_null(m);
    assert_string_equal(err.msg, "$MIZAN_MODEL: /nonexistent/old.model: no such stance model file");
    setenv("MIZAN_MODEL", "/tmp", 1);
    assert_int_equal(mz_model_load(NULL, &m, &err), MZ_ERR_MODEL);
    assert_string_equal(err.msg, "$MIZAN_MODEL: /tmp: is a directory, not a stance model file");
    FILE *bad = fopen(path, "w");
    assert_non_null(bad);
    fputs("hello\n", bad);
    fclose(bad);
    setenv("MIZAN_MODEL", path, 1);
    assert_int_equal(mz_model_load(NULL, &m, &err), MZ_ERR_MODEL);
    assert_true(!strncmp(err.msg, "$MIZAN_MODEL: /tmp/mizan-model-", 31));
    assert_non_null(strstr(err.msg, "magic"));
    /* the same file given by path: no mention of the variable */
    assert_int_equal(mz_model_load(path, &m, &err), MZ_ERR_MODEL);
    assert_null(strstr(err.msg, "MIZAN_MODEL"));
    if (saved)
        setenv("MIZAN_MODEL", saved, 1);
    else
        unsetenv("MIZAN_MODEL");
    free(saved);
    free(s);
    unlink(path);
}

static void add(mz_eval *e, mz_stance gold, mz_stance pred)
{
    mz_stance_result r = {0};
    r.label = pred;
    r.probs[pred] = 1.0;
    mz_eval_add(e, gold, &r, "", 0, NULL, 0, NULL);
}

static void test_eval_metrics_by_hand(void **state)
{
    (void)state;
    /* gold/predicted:
     *   agree:     A A D      (2 right, 1 as discuss)
     *   disagree:  X U        (1 right, 1 as unrelated)
     *   discuss:   D A        (1 right, 1 as agree)
     *   unrelated: U U U D    (3 right, 1 as discuss) */
    mz_eval e;
    mz_eval_init(&e);
    add(&e, MZ_AGREE, MZ_AGREE);
    add(&e, MZ_AGREE, MZ_AGREE);
    add(&e, MZ_AGREE, MZ_DISCUSS);
    add(&e, MZ_DISAGREE, MZ_DISAGREE);
    add(&e, MZ_DISAGREE, MZ_UNRELATED);
    add(&e, MZ_DISCUSS, MZ_DISCUSS);
    add(&e, MZ_DISCUSS, MZ_AGREE);
    add(&e, MZ_UNRELATED, MZ_UNRELATED);
    add(&e, MZ_UNRELATED, MZ_UNRELATED);
    add(&e, MZ_UNRELATED, MZ_UNRELATED);
    add(&e, MZ_UNRELATED, MZ_DISCUSS);
    mz_eval_finish(&e);
    assert_int_equal(e.n, 11);
    assert_true(fabs(e.accuracy - 7.0 / 11) < 1e-12);
    /* agree P 2/3 R 2/3 F1 2/3; disagree P 1 R 1/2 F1 2/3; discuss P 1/3 R 1/2
     * F1 0.4; unrelated P 3/4 R 3/4 F1 3/4 */
    assert_true(fabs(e.f1[MZ_AGREE] - 2.0 / 3) < 1e-12);
    assert_true(fabs(e.f1[MZ_DISAGREE] - 2.0 / 3) < 1e-12);
    assert_true(fabs(e.f1[MZ_DISCUSS] - 0.4) < 1e-12);
    assert_true(fabs(e.f1[MZ_UNRELATED] - 0.75) < 1e-12);
    assert_true(fabs(e.macro_f1 - (2.0 / 3 + 2.0 / 3 + 0.4 + 0.75) / 4) < 1e-12);
    /* FNC-1: related gold (7 pairs) max 1 each, unrelated (4) max .25 each: 8.
     * Got: agree AA = 2, AD = .25, XX = 1, XU = 0, DD = 1, DA = .25,
     * UUU = .75, UD = 0  -> 5.25 / 8 */
    assert_true(fabs(e.fnc_score - 5.25 / 8) < 1e-12);
    assert_int_equal(e.confusion[MZ_UNRELATED][MZ_DISCUSS], 1);
    /* one-hot probabilities: Brier = 2 * wrong / n */
    assert_true(fabs(e.brier - 2.0 * 4 / 11) < 1e-12);
    /* no groups given: every pair is its own, and the interval holds the value */
    assert_int_equal(e.ci_groups, 11);
    assert_true(e.macro_f1_lo <= e.macro_f1 && e.macro_f1 <= e.macro_f1_hi);
    assert_true(e.macro_f1_lo < e.macro_f1_hi);
    mz_eval_free(&e);
}

/* A class that occurs neither as gold nor as prediction (no denials in the
 * file, none predicted) is left out of macro-F1 instead of counting as 0;
 * one that is predicted but never gold still counts (its F1 is 0). */
static void test_macro_f1_absent_class(void **state)
{
    (void)state;
    mz_eval e;
    mz_eval_init(&e);
    add(&e, MZ_AGREE, MZ_AGREE);
    add(&e, MZ_AGREE, MZ_DISCUSS);
    add(&e, MZ_DISCUSS, MZ_DISCUSS);
    add(&e, MZ_UNRELATED, MZ_UNRELATED);
    mz_eval_finish(&e);
    /* agree 2/3, discuss 2/3, unrelated 1; disagree absent */
    assert_true(fabs(e.macro_f1 - (2.0 / 3 + 2.0 / 3 + 1) / 3) < 1e-12);
    assert_true(e.macro_f1_lo <= e.macro_f1 && e.macro_f1 <= e.macro_f1_hi);
    mz_eval_free(&e);
    mz_eval_init(&e);
    add(&e, MZ_AGREE, MZ_AGREE);
    add(&e, MZ_UNRELATED, MZ_DISAGREE);
    mz_eval_finish(&e);
    /* agree 1, disagree 0 (predicted, never gold), unrelated 0 */
    assert_true(fabs(e.macro_f1 - 1.0 / 3) < 1e-12);
    mz_eval_free(&e);
}

/* 40 claims of 6 pairs (2 agree, 2 discuss, 2 unrelated gold). The model is
 * right on every pair of 30 claims and calls all 6 pairs of the other 10
 * unrelated: errors that come claim by claim, as they do in this corpus. */
static void fill_claims(mz_eval *e, bool grouped)
{
    static const mz_stance gold[6] = {MZ_AGREE, MZ_AGREE, MZ_DISCUSS, MZ_DISCUSS, MZ_UNRELATED,
                                      MZ_UNRELATED};
    for (int c = 0; c < 40; c++) {
        char id[16];
        snprintf(id, sizeof id, "R-%d", c);
        for (int i = 0; i < 6; i++) {
            mz_stance_result r = {0};
            r.label = c % 4 == 3 ? MZ_UNRELATED : gold[i];
            r.probs[r.label] = 1.0;
            mz_eval_add(e, gold[i], &r, "", 0, NULL, 0, grouped ? id : NULL);
        }
    }
    mz_eval_finish(e);
}

static void test_eval_intervals(void **state)
{
    (void)state;
    mz_eval a, b, pairs;
    mz_eval_init(&a);
    mz_eval_init(&b);
    mz_eval_init(&pairs);
    fill_claims(&a, true);
    fill_claims(&b, true);
    fill_claims(&pairs, false);
    assert_int_equal(a.ci_groups, 40);
    assert_int_equal(pairs.ci_groups, 240);
    assert_true(a.macro_f1_lo <= a.macro_f1 && a.macro_f1 <= a.macro_f1_hi);
    assert_true(a.f1_lo[MZ_DISCUSS] <= a.f1[MZ_DISCUSS] && a.f1[MZ_DISCUSS] <= a.f1_hi[MZ_DISCUSS]);
    /* disagree is never gold nor predicted: F1 0 in every resample */
    assert_true(a.f1_lo[MZ_DISAGREE] == 0 && a.f1_hi[MZ_DISAGREE] == 0);
    /* a fixed seed: the same predictions, the same interval */
    assert_true(a.macro_f1_lo == b.macro_f1_lo && a.macro_f1_hi == b.macro_f1_hi);
    /* claim-correlated errors: resampling pairs as if independent understates
     * the uncertainty; resampling claims does not */
    assert_true(a.macro_f1_hi - a.macro_f1_lo > 1.3 * (pairs.macro_f1_hi - pairs.macro_f1_lo));
    mz_eval_free(&a);
    mz_eval_free(&b);
    mz_eval_free(&pairs);
    /* one claim: no interval */
    mz_eval one;
    mz_eval_init(&one);
    mz_stance_result r = {0};
    r.label = MZ_AGREE;
    r.probs[MZ_AGREE] = 1;
    mz_eval_add(&one, MZ_AGREE, &r, "", 0, NULL, 0, "R-1");
    mz_eval_add(&one, MZ_DISCUSS, &r, "", 0, NULL, 0, "R-1");
    mz_eval_finish(&one);
    assert_int_equal(one.ci_groups, 0);
    assert_true(one.macro_f1_lo == 0 && one.macro_f1_hi == 0);
    mz_eval_free(&one);
}

static void test_rationale_hit(void **state)
{
    (void)state;
    const char *art = "قائمة\nسطر القصة الأول.\nسطر ثان.\n";
    int gold[] = {2};
    mz_stance_result r = {0};
    r.label = MZ_AGREE;
    r.probs[MZ_AGREE] = 1;
    r.n_evidence = 2;
    r.evidence[0] = (mz_evidence){7, 20, 0.9, "overlap"};             /* line 1 */
    r.evidence[1] = (mz_evidence){(size_t)(strstr(art, "سطر ثان") - art), 40, 0.5, "overlap"}; /* line 2 */
    mz_eval e;
    mz_eval_init(&e);
    mz_eval_add(&e, MZ_AGREE, &r, art, strlen(art), gold, 1, "c1");
    r.n_evidence = 1;
    mz_eval_add(&e, MZ_AGREE, &r, art, strlen(art), gold, 1, "c1");
    mz_eval_add(&e, MZ_DISCUSS, &r, art, strlen(art), gold, 1, "c1"); /* not counted */
    mz_eval_finish(&e);
    assert_int_equal(e.rationale_n, 2);
    assert_int_equal(e.rationale_hits, 1);
    mz_eval_free(&e);
}

static char *write_tmp(const char *content)
{
    static char path[64];
    strcpy(path, "/tmp/mizan-jsonl-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

static void test_jsonl_errors(void **state)
{
    (void)state;
    const char *ok = "{\"claim\":\"الجيش يتقدم\",\"article\":\"نص\",\"stance\":\"agree\"}\n";
    struct {
        const char *line2;
        mz_status want;
        const char *msg;
    } cases[] = {
        {"{\"article\":\"نص\",\"stance\":\"agree\"}", MZ_ERR_JSON, "'claim'"},
        {"{\"claim\":\"خبر\",\"stance\":\"agree\"}", MZ_ERR_JSON, "'article'"},
        {"{\"claim\":\"خبر\",\"article\":\"نص\"}", MZ_ERR_JSON, "'stance'"},
        {"{\"claim\":\"خبر\",\"article\":\"نص\",\"stance\":\"maybe\"}", MZ_ERR_JSON, "unknown stance"},
        {"{\"claim\":\"  \",\"article\":\"نص\",\"stance\":\"agree\"}", MZ_ERR_EMPTY, "empty claim"},
        {"{\"claim\":\"خبر\",\"article\":\"\xd8\",\"stance\":\"agree\"}", MZ_ERR_UTF8, "UTF-8"},
        {"{\"claim\":\"خبر\",", MZ_ERR_JSON, "JSON"},
        {"{\"claim\":\"خبر\",\"article\":\"نص\\u0000 بقية\",\"stance\":\"agree\"}", MZ_ERR_JSON, "NUL"},
        {"{\"claim\":\"خبر\",\"article\":\"نص\",\"stance\":\"agree\",\"rationale\":\"[x]\"}", MZ_ERR_JSON,
         "rationale"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char content[512];
        snprintf(content, sizeof content, "%s%s\n", ok, cases[i].line2);
        char *path = write_tmp(content);
        mz_pairs p = {0};
        mz_error err;
        assert_int_equal(mz_pairs_read(path, true, &p, &err), cases[i].want);
        assert_non_null(strstr(err.msg, ":2:"));
        if (!strstr(err.msg, cases[i].msg))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.msg, cases[i].msg);
        mz_pairs_clear(&p);
        unlink(path);
    }
    /* fields read: fold, rationale (string form), article_idx, claim_id */
    char *path = write_tmp("{\"claim_id\":\"V-1\",\"fold\":\"Fold_3\",\"article_idx\":4,"
                           "\"claim\":\"خبر\",\"article\":\"a\\nb\",\"stance\":\"disagree\","
                           "\"rationale\":\"[0, 1]\"}\n\n");
    mz_pairs p = {0};
    mz_error err;
    assert_int_equal(mz_pairs_read(path, true, &p, &err), MZ_OK);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.v[0].fold, 3);
    assert_int_equal(p.v[0].article_idx, 4);
    assert_int_equal(p.v[0].gold, MZ_DISAGREE);
    assert_int_equal(p.v[0].n_rationale, 2);
    assert_int_equal(p.v[0].rationale[1], 1);
    assert_string_equal(p.v[0].claim_id, "V-1");
    mz_pairs_clear(&p);
    unlink(path);
}

/* Data in AraStance's spelling: capitalized labels and "article_title". */
static void test_jsonl_arastance_fields(void **state)
{
    (void)state;
    char *path = write_tmp("{\"claim\":\"الجيش يتقدم\",\"article\":\"نص\",\"stance\":\"Disagree\","
                           "\"article_title\":\"الجيش ينفي التقدم\"}\n");
    mz_pairs p = {0};
    mz_error err;
    assert_int_equal(mz_pairs_read(path, true, &p, &err), MZ_OK);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.v[0].gold, MZ_DISAGREE);
    assert_non_null(p.v[0].title);
    assert_string_equal(p.v[0].title, "الجيش ينفي التقدم");
    mz_pairs_clear(&p);
    unlink(path);
}

typedef struct job {
    const mz_model *m;
    const mz_pairs *pairs;
    mz_stance_result out[24];
    int failed;
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    for (int rep = 0; rep < 5; rep++)
        for (size_t i = 0; i < j->pairs->n; i++) {
            const mz_pair *p = &j->pairs->v[i];
            if (mz_stance_predict(j->m, p->claim, NULL, p->article, p->article_len, &j->out[i], NULL) != MZ_OK)
                j->failed = 1;
        }
    return NULL;
}

static void test_threads_share_model(void **state)
{
    (void)state;
    mz_pairs pairs;
    make_pairs(&pairs);
    mz_train_opts o;
    mz_train_opts_default(&o);
    o.iters = 30;
    o.calibrate = false;
    mz_model *m;
    assert_int_equal(mz_train(&pairs, 0, &o, &m, NULL), MZ_OK);
    job ref = {m, &pairs, {{0}}, 0};
    run_job(&ref);
    job jobs[4];
    pthread_t th[4];
    for (int t = 0; t < 4; t++) {
        jobs[t] = (job){m, &pairs, {{0}}, 0};
        pthread_create(&th[t], NULL, run_job, &jobs[t]);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(th[t], NULL);
        assert_int_equal(jobs[t].failed, 0);
        assert_memory_equal(jobs[t].out, ref.out, pairs.n * sizeof ref.out[0]);
    }
    mz_model_free(m);
    mz_pairs_clear(&pairs);
}

static void test_names(void **state)
{
    (void)state;
    for (int k = 0; k < MZ_N_STANCES; k++)
        assert_int_equal(mz_stance_parse(mz_stance_name((mz_stance)k)), k);
    assert_int_equal(mz_stance_parse("Agree"), MZ_AGREE);
    assert_int_equal(mz_stance_parse("UNRELATED"), MZ_UNRELATED);
    assert_int_equal(mz_stance_parse("agreed"), MZ_N_STANCES);
    assert_int_equal(mz_stance_parse(""), MZ_N_STANCES);
    assert_int_equal(mz_stance_parse(NULL), MZ_N_STANCES);
    assert_string_equal(mz_stance_name(MZ_N_STANCES), "unknown");
    uint32_t mask;
    assert_int_equal(mz_fgroup_parse_mask("rel,denial", &mask), 0);
    assert_int_equal(mask, (1u << MZ_FG_REL) | (1u << MZ_FG_DENIAL));
    assert_int_equal(mz_fgroup_parse_mask("rel,nope", &mask), -1);
}

/* The weight of a feature toward class k, by name. */
static double weight(const mz_model *m, const char *name, mz_stance k)
{
    for (size_t f = 0; f < m->n_dense; f++)
        if (!strcmp(mz_dense_features[f].name, name))
            return m->w[f * MZ_N_STANCES + k];
    fail_msg("no feature %s", name);
    return 0;
}

/* Sign rules: labels that tie hedging to disagreement (the hedged article
 * marked disagree, the denial marked discuss) teach a free fit that hedging
 * means disagree; with the rules on, hedging may not favour disagree or
 * agree over discuss, whatever the data says. */
static void test_sign_rules(void **state)
{
    (void)state;
    mz_pairs pairs;
    make_pairs(&pairs);
    for (size_t i = 0; i < pairs.n; i++)
        if (pairs.v[i].gold == MZ_DISCUSS)
            pairs.v[i].gold = MZ_DISAGREE;
        else if (pairs.v[i].gold == MZ_DISAGREE)
            pairs.v[i].gold = MZ_DISCUSS;
    mz_train_opts o;
    mz_train_opts_default(&o);
    o.calibrate = false;
    o.sign_rules = false;
    o.drop[0] = o.drop[1] = 0; /* keep the article-level cue counts the default leaves out */
    /* relatedness and report cues only: denial cues and hashed stems would
     * soak up what the mislabelled hedging teaches */
    o.group_mask = 1u << MZ_FG_BIAS | 1u << MZ_FG_REL | 1u << MZ_FG_REPORT | 1u << MZ_FG_CLAIM;
    mz_model *free_fit, *ruled;
    mz_error err;
    assert_int_equal(mz_train(&pairs, 0, &o, &free_fit, &err), MZ_OK);
    assert_true(weight(free_fit, "hedge_article", MZ_DISAGREE) >
                weight(free_fit, "hedge_article", MZ_DISCUSS) + 1.0);
    o.sign_rules = true;
    assert_int_equal(mz_train(&pairs, 0, &o, &ruled, &err), MZ_OK);
    const char *cues[] = {"hedge_top", "hedge_article", "att_top", "question_article"};
    for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
        double d = weight(ruled, cues[i], MZ_DISCUSS);
        assert_true(d >= weight(ruled, cues[i], MZ_DISAGREE) - 1e-12);
        assert_true(d >= weight(ruled, cues[i], MZ_AGREE) - 1e-12);
    }
    mz_model_free(free_fit);
    mz_model_free(ruled);
    mz_pairs_clear(&pairs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_deterministic_roundtrip),
        cmocka_unit_test(test_damaged_models_refused),
        cmocka_unit_test(test_eval_metrics_by_hand),
        cmocka_unit_test(test_macro_f1_absent_class),
        cmocka_unit_test(test_rationale_hit),
        cmocka_unit_test(test_eval_intervals),
        cmocka_unit_test(test_jsonl_errors),
        cmocka_unit_test(test_jsonl_arastance_fields),
        cmocka_unit_test(test_threads_share_model),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_sign_rules),
    };
    return cmocka_run_group_tests_name("stance model", tests, NULL, NULL);
}
