/* test_predict.c — src/stance/predict.c on a model written by hand: the
 * class probabilities are the softmax of (bias + w . standardized dense
 * features + the lexical weights) / temperature + calib_bias, every feature
 * and every lexical id counted, the label the first best raw score; and the
 * arguments mz_stance_predict refuses. Each case kills a mutant the other
 * tests let live (tests/mutate.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stance/stance.h"

/* A model of the compiled feature set with two dense weights and two
 * lexical ids that count, all else zero. */
static mz_model *hand_model(void)
{
    mz_model *m;
    mz_error err;
    assert_int_equal(mz_model_new(4, 4, &m, &err), MZ_OK);
    assert_true(m->n_dense >= 2);
    double bias[MZ_N_STANCES] = {0.1, -0.2, 0.3, 0.0};
    double calib[MZ_N_STANCES] = {0.0, 0.5, -0.5, 0.25};
    memcpy(m->bias, bias, sizeof bias);
    memcpy(m->calib_bias, calib, sizeof calib);
    m->temperature = 2.0;
    m->mean[0] = 1.0;
    m->scale[0] = 2.0;
    m->mean[1] = -1.0;
    m->scale[1] = 0.5;
    double w0[MZ_N_STANCES] = {1.0, -1.0, 0.5, 0.0}, w1[MZ_N_STANCES] = {-0.5, 2.0, 0.0, 1.0};
    memcpy(&m->w[0], w0, sizeof w0);
    memcpy(&m->w[MZ_N_STANCES], w1, sizeof w1);
    float l1[MZ_N_STANCES] = {0.75f, 0.0f, 0.0f, -0.25f}, l2[MZ_N_STANCES] = {0.0f, 0.5f, 0.0f, 0.0f};
    memcpy(&m->wlex[1 * MZ_N_STANCES], l1, sizeof l1);
    memcpy(&m->wlex[2 * MZ_N_STANCES], l2, sizeof l2);
    return m;
}

static void test_probs_by_hand(void **state)
{
    (void)state;
    mz_model *m = hand_model();
    double *dense = calloc(m->n_dense, sizeof *dense);
    dense[0] = 3.0; /* standardized (3 - 1) / 2 = 1 */
    dense[1] = 0.0; /* (0 + 1) / 0.5 = 2 */
    uint32_t lex[2] = {1, 2};
    mz_pair_feats f = {.dense = dense, .lex = lex, .n_lex = 2};
    /* raw: bias + 1 w0 + 2 w1 + lex 1 + lex 2 */
    double z[MZ_N_STANCES] = {0.1 + 1.0 - 1.0 + 0.75, -0.2 - 1.0 + 4.0 + 0.5, 0.3 + 0.5,
                              0.0 + 2.0 - 0.25};
    double want[MZ_N_STANCES], sum = 0;
    for (int k = 0; k < MZ_N_STANCES; k++)
        sum += want[k] = exp(z[k] / 2.0 + m->calib_bias[k]);
    /* the probabilities and what lies after them in the result */
    struct {
        double p[MZ_N_STANCES];
        double after;
    } out = {.after = 7.0};
    assert_int_equal(mz_model_probs(m, &f, out.p), MZ_DISAGREE); /* z 3.3 is the best */
    for (int k = 0; k < MZ_N_STANCES; k++)
        if (fabs(out.p[k] - want[k] / sum) > 1e-12)
            fail_msg("P(%d) %.15f, expected %.15f", k, out.p[k], want[k] / sum);
    assert_true(out.after == 7.0);
    /* a tie of raw scores goes to the first class */
    memset(m->w, 0, m->n_dense * MZ_N_STANCES * sizeof *m->w);
    memset(m->wlex, 0, 16 * MZ_N_STANCES * sizeof *m->wlex);
    for (int k = 0; k < MZ_N_STANCES; k++)
        m->bias[k] = 0.5;
    assert_int_equal(mz_model_probs(m, &f, out.p), MZ_AGREE);
    free(dense);
    mz_model_free(m);
}

/* A NULL model, result or claim, an empty claim, or a NULL article with a
 * length: MZ_ERR_ARG, never a crash. */
static void test_refused_arguments(void **state)
{
    (void)state;
    mz_model *m = hand_model();
    mz_stance_result r;
    mz_error err;
    const char *claim = "أفرج لواء الوادي عن 40 أسيرا", *art = "أفرج اللواء عن 40 أسيرا.";
    size_t n = strlen(art);
    assert_int_equal(mz_stance_predict(NULL, claim, NULL, art, n, &r, &err), MZ_ERR_ARG);
    assert_int_equal(mz_stance_predict(m, claim, NULL, art, n, NULL, &err), MZ_ERR_ARG);
    assert_int_equal(mz_stance_predict(m, claim, NULL, NULL, 5, &r, &err), MZ_ERR_ARG);
    assert_int_equal(mz_stance_predict(m, NULL, NULL, art, n, &r, &err), MZ_ERR_ARG);
    assert_int_equal(mz_stance_predict(m, "", NULL, art, n, &r, &err), MZ_ERR_ARG);
    assert_string_equal(err.msg, "empty claim");
    assert_int_equal(mz_stance_predict(m, claim, NULL, NULL, 0, &r, &err), MZ_OK);
    mz_model_free(m);
}

/* The claim limit counts code points, spaces and letters alike: 1000 of
 * «ب » (2000 code points, 3000 bytes) are read, one letter more is not. */
static void test_claim_limit_counts_spaces(void **state)
{
    (void)state;
    mz_model *m = hand_model();
    char *claim = malloc(3 * 1000 + 3);
    for (int i = 0; i < 1000; i++)
        memcpy(claim + 3 * i, "\xd8\xa8 ", 3);
    claim[3000] = '\0';
    const char *art = "أفرج اللواء عن 40 أسيرا.";
    mz_stance_result r;
    mz_error err;
    assert_int_equal(mz_stance_predict(m, claim, NULL, art, strlen(art), &r, &err), MZ_OK);
    memcpy(claim + 3000, "\xd8\xa8", 3);
    assert_int_equal(mz_stance_predict(m, claim, NULL, art, strlen(art), &r, &err), MZ_ERR_ARG);
    assert_string_equal(err.msg, "the claim is 2001 characters long; the limit is 2000 "
                                 "(give one claim, not an article)");
    free(claim);
    mz_model_free(m);
}

/* With no title, or a title that is the whole body, mz_stance_predict_titled
 * is mz_stance_predict of the body. */
static void test_titled_without_title(void **state)
{
    (void)state;
    mz_model *m = hand_model();
    const char *claim = "أفرج لواء الوادي عن 40 أسيرا";
    const char *body = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.\nوقال مصدر إن الصفقة تمت.";
    mz_stance_result a, b;
    mz_error err;
    assert_int_equal(mz_stance_predict_titled(m, claim, NULL, body, strlen(body), &a, &err), MZ_OK);
    assert_int_equal(mz_stance_predict(m, claim, NULL, body, strlen(body), &b, &err), MZ_OK);
    assert_int_equal(a.label, b.label);
    assert_memory_equal(a.probs, b.probs, sizeof a.probs);
    assert_int_equal(a.n_evidence, b.n_evidence);
    for (size_t i = 0; i < a.n_evidence; i++) {
        assert_int_equal(a.evidence[i].start, b.evidence[i].start);
        assert_int_equal(a.evidence[i].end, b.evidence[i].end);
    }
    /* a body that is its title alone is not given it twice */
    const char *t = "أفرج لواء الوادي عن 40 أسيرا";
    assert_int_equal(mz_stance_predict_titled(m, claim, t, t, strlen(t), &a, &err), MZ_OK);
    assert_int_equal(mz_stance_predict(m, claim, t, t, strlen(t), &b, &err), MZ_OK);
    assert_memory_equal(a.probs, b.probs, sizeof a.probs);
    assert_int_equal(a.n_evidence, b.n_evidence);
    mz_model_free(m);
}

/* A report that states the claim in its lead and quotes a denial further
 * down (quoted_denial) is not labelled disagree: P(disagree) moves to
 * P(discuss), and the label is agree only when P(agree) is the larger. An
 * exact tie is discuss, the reading that asserts less. The model is made to
 * tie: the raw label disagree (bias), then after calibration P(agree) =
 * P(disagree) = 1/2 and P(discuss) = P(unrelated) = 0 (exp(-inf)), so the
 * move leaves P(agree) = P(discuss) = 1/2 exactly. */
static void test_quoted_denial_tie_is_discuss(void **state)
{
    (void)state;
    mz_model *m = hand_model();
    memset(m->w, 0, m->n_dense * MZ_N_STANCES * sizeof *m->w);
    memset(m->wlex, 0, 16 * MZ_N_STANCES * sizeof *m->wlex);
    m->temperature = 1.0;
    double bias[MZ_N_STANCES] = {0.0, 1.0, 0.0, 0.0};
    double calib[MZ_N_STANCES] = {1.0, 0.0, -INFINITY, -INFINITY};
    memcpy(m->bias, bias, sizeof bias);
    memcpy(m->calib_bias, calib, sizeof calib);
    const char *claim = "الجيش يسيطر على مطار مدينة حلب";
    const char *body = "الجيش يسيطر على مطار مدينة حلب\nقال ناشطون إن الجيش دخل المطار.\n"
                       "وأضافوا أن المعارك توقفت.\nونفى مصدر في المعارضة سيطرة الجيش على مطار مدينة حلب.";
    mz_stance_result r;
    mz_error err;
    assert_int_equal(mz_stance_predict(m, claim, NULL, body, strlen(body), &r, &err), MZ_OK);
    assert_true(r.quoted_denial);
    assert_false(r.lead_denial);
    assert_true(r.probs[MZ_DISAGREE] == 0.0);
    assert_true(r.probs[MZ_AGREE] == 0.5 && r.probs[MZ_DISCUSS] == 0.5);
    assert_int_equal(r.label, MZ_DISCUSS);
    /* P(agree) above it by the least: agree */
    m->calib_bias[MZ_AGREE] = nextafter(1.0, 2.0);
    assert_int_equal(mz_stance_predict(m, claim, NULL, body, strlen(body), &r, &err), MZ_OK);
    assert_true(r.quoted_denial);
    assert_true(r.probs[MZ_AGREE] > r.probs[MZ_DISCUSS]);
    assert_int_equal(r.label, MZ_AGREE);
    mz_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probs_by_hand),
        cmocka_unit_test(test_refused_arguments),
        cmocka_unit_test(test_claim_limit_counts_spaces),
        cmocka_unit_test(test_titled_without_title),
        cmocka_unit_test(test_quoted_denial_tie_is_discuss),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
