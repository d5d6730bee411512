/* test_eval_claims.c — mz_eval_claims: retrieval recall@k / MRR and verdict
 * accuracy counted by hand on the bundled sample, the verdicts the shipped
 * rule gives the written news's contested events, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check/eval.h"
#include "util/util.h"

static const char *sample_claim =
    "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل في تل السنابل";

/* A temporary file holding text; the caller unlinks and frees the path. */
static char *temp_file(const char *text)
{
    char *path = strdup("/tmp/mizan-eval-claims-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* mz_eval_claims over text written to a temporary file; must succeed. */
static void eval_text(const char *text, const mz_model *m, const mz_eval_claims_options *o,
                      mz_eval_claims_report *rep)
{
    char *path = temp_file(text);
    mz_error err;
    mz_status rc = mz_eval_claims(path, m, o, rep, &err);
    unlink(path);
    free(path);
    if (rc != MZ_OK)
        fail_msg("eval-claims: %s", err.msg);
}

static mz_model *load_model(void)
{
    mz_model *m = NULL;
    mz_error err;
    if (mz_model_load(NULL, &m, &err) != MZ_OK)
        print_message("no stance model (%s)\n", err.msg);
    return m;
}

/* One baly2018-format line. */
static void add_pair(cJSON *lines, const char *id, const char *claim, const char *fact,
                     const char *article, const char *stance)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "claim_id", id);
    cJSON_AddStringToObject(o, "claim", claim);
    cJSON_AddStringToObject(o, "fact", fact);
    cJSON_AddStringToObject(o, "article", article);
    cJSON_AddStringToObject(o, "stance", stance);
    cJSON_AddItemToArray(lines, o);
}

/* The sample's seven articles (title, then text) in file order. */
#define N_SAMPLE 8

static size_t read_sample(char *articles[N_SAMPLE + 1])
{
    FILE *f = fopen("sample/articles.jsonl", "r");
    assert_non_null(f);
    char line[16384];
    size_t n = 0;
    while (n < N_SAMPLE + 1 && fgets(line, sizeof line, f)) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        const char *title = cJSON_GetObjectItem(o, "title")->valuestring;
        const char *text = cJSON_GetObjectItem(o, "text")->valuestring;
        articles[n] = malloc(strlen(title) + strlen(text) + 2);
        sprintf(articles[n], "%s\n%s", title, text);
        n++;
        cJSON_Delete(o);
    }
    fclose(f);
    return n;
}

/* The sample as labeled data: its claim (true; the wire, its copy, the
 * follow-ups agree, the activists and the two-accounts story discuss, the
 * brigade denies, the harvest story is unrelated) and a claim about gold prices (false; no article is
 * about it). Every number below is counted by hand from those labels. */
static void test_sample_by_hand(void **state)
{
    (void)state;
    mz_model *m = load_model();
    if (!m)
        skip();
    char *art[N_SAMPLE + 1];
    assert_int_equal(read_sample(art), N_SAMPLE);
    static const char *const stance[N_SAMPLE] = {"agree", "agree", "disagree", "discuss",
                                                 "agree", "agree", "discuss", "unrelated"};
    cJSON *lines = cJSON_CreateArray();
    for (size_t i = 0; i < N_SAMPLE; i++)
        add_pair(lines, "sample", sample_claim, "true", art[i], stance[i]);
    for (size_t i = 0; i < N_SAMPLE; i++)
        add_pair(lines, "gold", "ارتفعت أسعار الذهب في الأسواق العالمية خلال الأسبوع", "false",
                 art[i], "unrelated");
    mz_buf text = {0};
    for (int i = 0; i < cJSON_GetArraySize(lines); i++) {
        char *s = cJSON_PrintUnformatted(cJSON_GetArrayItem(lines, i));
        assert_int_equal(mz_buf_printf(&text, "%s\n", s), 0);
        free(s);
    }
    cJSON_Delete(lines);
    char *body = mz_buf_take(&text);
    mz_eval_claims_report rep;
    eval_text(body, m, NULL, &rep);
    assert_int_equal(rep.n_claims, 2);
    assert_int_equal(rep.n_claims_with_related, 1); /* the gold claim has none */
    assert_int_equal(rep.n_pairs, 2 * N_SAMPLE);
    assert_int_equal(rep.n_articles, N_SAMPLE);
    /* 8 articles, k = 10: all seven related ones are in; the first hit is related */
    assert_float_equal(rep.recall_at_k, 1.0, 1e-9);
    assert_float_equal(rep.mrr, 1.0, 1e-9);
    /* reports and a denial: disputed, which is "not supported" for a true
     * claim; the gold claim: not enough evidence, right for a false one */
    assert_int_equal(rep.confusion[1][MZ_DISPUTED], 1);
    assert_int_equal(rep.confusion[0][MZ_NOT_ENOUGH_EVIDENCE], 1);
    assert_float_equal(rep.verdict_accuracy, 0.5, 1e-9);
    assert_float_equal(rep.accuracy_disputed_as_true, 1.0, 1e-9);
    /* one claim with related articles: no retrieval interval; two claims,
     * one verdict right: the interval spans all three resample outcomes */
    assert_false(rep.has_retrieval_ci);
    assert_true(rep.has_verdict_ci);
    assert_float_equal(rep.accuracy_ci[0], 0.0, 1e-9);
    assert_float_equal(rep.accuracy_ci[1], 1.0, 1e-9);

    /* recall@1: one of the seven related articles */
    mz_eval_claims_options o = {.k = 1};
    eval_text(body, m, &o, &rep);
    assert_int_equal(rep.k, 1);
    assert_float_equal(rep.recall_at_k, 1.0 / 7.0, 1e-9);
    free(body);
    for (size_t i = 0; i < N_SAMPLE; i++)
        free(art[i]);
    mz_model_free(m);
}

/* Each event of data/written/test.jsonl has two reports and a follow-up,
 * a denial and a refutation, and an unconfirmed report: contested. Over
 * the 72 articles pooled, each of its 24 claims should come out disputed;
 * the settings fit before the out-of-fold refit said so for 3. */
static void test_written_events_disputed(void **state)
{
    (void)state;
    FILE *in = fopen("data/written/test.jsonl", "r");
    mz_model *m = in ? load_model() : NULL;
    if (!m) {
        if (in)
            fclose(in);
        skip();
    }
    /* the set has no `fact`: every claim gets "true" */
    mz_buf text = {0};
    char line[65536];
    while (fgets(line, sizeof line, in)) {
        assert_int_equal(line[0], '{');
        assert_int_equal(mz_buf_printf(&text, "{\"fact\":\"true\",%s", line + 1), 0);
    }
    fclose(in);
    char *body = mz_buf_take(&text);
    mz_eval_claims_report rep;
    eval_text(body, m, NULL, &rep);
    free(body);
    assert_int_equal(rep.n_claims, 24);
    assert_int_equal(rep.n_articles, 72);
    print_message("written events: recall@10 %.3f; supported %zu refuted %zu disputed %zu nee %zu\n",
                  rep.recall_at_k, rep.confusion[1][MZ_SUPPORTED], rep.confusion[1][MZ_REFUTED],
                  rep.confusion[1][MZ_DISPUTED], rep.confusion[1][MZ_NOT_ENOUGH_EVIDENCE]);
    assert_true(rep.recall_at_k >= 0.95);
    assert_true(rep.confusion[1][MZ_DISPUTED] >= 18); /* 20 at the refit */
    assert_true(rep.has_retrieval_ci && rep.has_verdict_ci);
    assert_true(rep.recall_ci[0] <= rep.recall_at_k && rep.recall_at_k <= rep.recall_ci[1]);
    assert_true(rep.mrr_ci[0] <= rep.mrr && rep.mrr <= rep.mrr_ci[1]);
    mz_model_free(m);
}

/* Numeric claim ids (AraStance-style data) name their claims: two claims
 * with the same text and different ids and facts stay two claims. */
static void test_numeric_claim_ids(void **state)
{
    (void)state;
    mz_model *m = load_model();
    if (!m)
        skip();
    const char *text =
        "{\"claim_id\":7,\"claim\":\"أفرج لواء الوادي عن الأسرى\",\"fact\":\"true\","
        "\"article\":\"أفرج لواء الوادي عن الأسرى يوم الجمعة في تل السنابل.\",\"stance\":\"agree\"}\n"
        "{\"claim_id\":8,\"claim\":\"أفرج لواء الوادي عن الأسرى\",\"fact\":\"false\","
        "\"article\":\"نفى لواء الوادي الإفراج عن أي أسير في تل السنابل.\",\"stance\":\"disagree\"}\n";
    mz_eval_claims_report rep;
    eval_text(text, m, NULL, &rep);
    assert_int_equal(rep.n_claims, 2);
    /* a claim with no index terms retrieves nothing (qsort of an empty,
     * NULL pool was undefined behaviour, caught by UBSan) */
    eval_text("{\"claim_id\":\"A\",\"claim\":\"؟؟؟\",\"fact\":\"true\","
              "\"article\":\"قالت وكالة الأنباء إن المفاوضات انتهت\",\"stance\":\"agree\"}\n",
              m, NULL, &rep);
    assert_int_equal(rep.n_claims, 1);
    mz_model_free(m);
}

/* A pair whose article cannot be stored (white space only, invalid UTF-8)
 * is left out, counted, and the first reason kept with its line. */
static void test_unstorable_articles_counted(void **state)
{
    (void)state;
    mz_model *m = load_model();
    if (!m)
        skip();
    const char *text =
        "{\"claim_id\":1,\"claim\":\"أفرج لواء الوادي عن الأسرى\",\"fact\":\"true\","
        "\"article\":\"أفرج لواء الوادي عن الأسرى يوم الجمعة في تل السنابل.\",\"stance\":\"agree\"}\n"
        "{\"claim_id\":1,\"claim\":\"أفرج لواء الوادي عن الأسرى\",\"fact\":\"true\","
        "\"article\":\"   \",\"stance\":\"discuss\"}\n"
        "{\"claim_id\":1,\"claim\":\"أفرج لواء الوادي عن الأسرى\",\"fact\":\"true\","
        "\"article\":\"خبر \xff تالف\",\"stance\":\"agree\"}\n";
    mz_eval_claims_report rep;
    eval_text(text, m, NULL, &rep);
    assert_int_equal(rep.n_pairs, 3);
    assert_int_equal(rep.n_articles, 1);
    assert_int_equal(rep.n_pairs_skipped, 2);
    assert_non_null(strstr(rep.first_skip, "line 2:"));
    assert_non_null(strstr(rep.first_skip, "white space"));
    /* the left-out related articles are not in recall's denominator */
    assert_true(rep.recall_at_k == 1.0);
    mz_model_free(m);
}

static void test_bad_input(void **state)
{
    (void)state;
    mz_model *m = load_model();
    if (!m)
        skip();
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"{\"claim\":\"ادعاء\",\"article\":\"نص\",\"stance\":\"agree\"}\n", "line 1"},
        {"{\"claim\":\"ادعاء\",\"article\":\"نص\",\"stance\":\"agree\",\"fact\":\"true\"}\n{oops\n",
         "line 2"},
        {"{\"claim\":\"ادعاء\",\"article\":\"نص\",\"stance\":\"maybe\",\"fact\":\"true\"}\n", "line 1"},
        /* a claim check would refuse: said with its line, before any work */
        {"{\"claim\":\"ادعاء\",\"article\":\"نص\",\"stance\":\"agree\",\"fact\":\"true\"}\n"
         "{\"claim\":\"  \",\"article\":\"نص\",\"stance\":\"agree\",\"fact\":\"true\"}\n",
         "line 2: the claim is empty"},
        {"{\"claim\":\"\xff\",\"article\":\"نص\",\"stance\":\"agree\",\"fact\":\"true\"}\n",
         "line 1: the claim is not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = temp_file(cases[i].text);
        mz_eval_claims_report rep;
        mz_error err;
        assert_int_not_equal(mz_eval_claims(path, m, NULL, &rep, &err), MZ_OK);
        if (!strstr(err.msg, cases[i].msg))
            fail_msg("case %zu: want \"%s\" in: %s", i, cases[i].msg, err.msg);
        unlink(path);
        free(path);
    }
    mz_eval_claims_report rep;
    mz_error err;
    assert_int_not_equal(mz_eval_claims("/nonexistent/x.jsonl", m, NULL, &rep, &err), MZ_OK);
    assert_non_null(strstr(err.msg, "x.jsonl"));
    mz_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_by_hand),
        cmocka_unit_test(test_written_events_disputed),
        cmocka_unit_test(test_numeric_claim_ids),
        cmocka_unit_test(test_unstorable_articles_counted),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
