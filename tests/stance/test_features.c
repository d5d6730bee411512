/* test_features.c — stance features on short Arabic pairs written for these
 * tests: denial detected and scoped to the sentences about the claim,
 * attribution and hedging, numbers matching or conflicting, the claim's own
 * negation, evidence offsets into the original text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stance/stance.h"
#include "util/util.h"
#include "text/text.h"

static mz_model *model; /* empty weights, no IDF: every term weighs 1 */

static int setup(void **state)
{
    (void)state;
    return mz_model_new(0, 16, &model, NULL) == MZ_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    mz_model_free(model);
    return 0;
}

static double feat(const mz_pair_feats *f, const char *name)
{
    for (size_t i = 0; i < mz_n_dense; i++)
        if (!strcmp(mz_dense_features[i].name, name))
            return f->dense[i];
    fail_msg("no feature %s", name);
    return 0;
}

static void extract(const char *claim, const char *article, mz_pair_feats *f)
{
    mz_extractor x = {model->lexicon, &model->idf, 0, false};
    mz_error err;
    mz_status st = mz_extract(&x, claim, NULL, article, strlen(article), f, &err);
    if (st != MZ_OK)
        fail_msg("extract: %s", err.msg);
}

static const char *CLAIM = "الجيش يسيطر على مطار مدينة حلب";

static void test_denial_scoped(void **state)
{
    (void)state;
    /* the denial sits in the sentence about the claim */
    const char *denied = "اخبار المدينة\n"
                         "نفى الجيش السيطرة على مطار حلب، مؤكدا أن المعارك مستمرة.\n"
                         "وتحدث سكان عن قصف عنيف في الأحياء الشرقية.\n";
    /* the same cue, but in a sentence about something else */
    const char *elsewhere = "الجيش يسيطر على مطار مدينة حلب بعد معارك عنيفة.\n"
                            "ونفت وزارة الصحة وجود نقص في الأدوية في المستشفيات.\n";
    mz_pair_feats a, b;
    extract(CLAIM, denied, &a);
    extract(CLAIM, elsewhere, &b);
    assert_true(feat(&a, "den_top") > 0.3);
    assert_true(feat(&a, "den_entity") > 0);
    assert_true(feat(&b, "den_top") == 0);  /* not in a claim sentence */
    assert_true(feat(&b, "den_article") > 0); /* but present in the article */
    assert_true(feat(&b, "rel_cov_sent") > 0.99); /* every claim word in one sentence */

    /* evidence for a "disagree" decision: the denial sentence, exact offsets */
    mz_stance_result r = {0};
    mz_pick_evidence(&a, MZ_DISAGREE, CLAIM, denied, &r);
    assert_true(r.n_evidence >= 1);
    assert_string_equal(r.evidence[0].cue, "denial");
    const char *want = "نفى الجيش السيطرة على مطار حلب، مؤكدا أن المعارك مستمرة.";
    assert_int_equal(r.evidence[0].start, strstr(denied, want) - denied);
    assert_int_equal(r.evidence[0].end - r.evidence[0].start, strlen(want));
    assert_int_equal(mz_line_of(denied, r.evidence[0].start), 1);
    mz_pair_feats_clear(&a);
    mz_pair_feats_clear(&b);
}

static void test_denial_phrase_and_rumour(void **state)
{
    (void)state;
    const char *art = "قال مصدر عسكري إن الأنباء عن سيطرة الجيش على مطار حلب لا أساس لها من "
                      "الصحة وإنها مجرد شائعات.\n";
    mz_pair_feats f;
    extract(CLAIM, art, &f);
    assert_true(feat(&f, "den_top") > 0);
    assert_true(feat(&f, "fake_top") > 0);
    assert_true(feat(&f, "att_top") > 0);
    mz_pair_feats_clear(&f);
}

static void test_attribution_hedging(void **state)
{
    (void)state;
    const char *art = "ذكرت مصادر محلية أن الجيش ربما يسيطر على مطار حلب خلال ساعات، "
                      "ولم يتسن التحقق من ذلك.\n";
    mz_pair_feats f;
    extract(CLAIM, art, &f);
    assert_true(feat(&f, "att_top") > 0);
    assert_true(feat(&f, "hedge_top") > 0);
    assert_true(feat(&f, "den_top") == 0);
    mz_pair_feats_clear(&f);
}

/* "Neither confirmed nor denied" names a denial that did not happen: a
 * hedge, not a denial, even in the lead; and a lead of conflicting
 * accounts is not the denial's voice. */
static void test_neither_confirmed_nor_denied(void **state)
{
    (void)state;
    static const char *const leads[] = {
        "مصادر: الجيش يسيطر على مطار مدينة حلب\nولم يصدر أي تأكيد أو نفي من قيادة الجيش.",
        "الجيش يسيطر على مطار مدينة حلب بحسب ناشطين\nوقيادة الجيش لا تؤكد ولا تنفي.",
        "أنباء عن سيطرة الجيش على مطار مدينة حلب\nورفض المتحدث العسكري نفي أو تأكيد النبأ.",
    };
    for (size_t i = 0; i < sizeof leads / sizeof *leads; i++) {
        mz_pair_feats f;
        extract(CLAIM, leads[i], &f);
        if (f.lead_denial || feat(&f, "den_top") != 0 || feat(&f, "hedge_article") <= 0)
            fail_msg("lead %zu: lead_denial %d den_top %g hedge %g", i, f.lead_denial,
                     feat(&f, "den_top"), feat(&f, "hedge_article"));
        mz_pair_feats_clear(&f);
    }
    /* a lead that sets the accounts against each other carries the denial
     * as one side of them: no lead denial, and the conflict reads as hedging */
    static const char *const balanced[] = {
        "تضاربت الروايات حول سيطرة الجيش على مطار مدينة حلب\nونفى مصدر في المعارضة سيطرة الجيش على مطار حلب.",
        "روايتان متضاربتان: الجيش يسيطر على مطار حلب والمعارضة تنفي\nقال الجيش إنه سيطر على المطار.",
    };
    for (size_t i = 0; i < sizeof balanced / sizeof *balanced; i++) {
        mz_pair_feats f;
        extract(CLAIM, balanced[i], &f);
        if (f.lead_denial || feat(&f, "hedge_article") <= 0)
            fail_msg("balanced %zu: lead_denial %d hedge %g", i, f.lead_denial, feat(&f, "hedge_article"));
        mz_pair_feats_clear(&f);
    }
    /* one side's account, then the other's denial, in one title */
    mz_pair_feats g;
    extract(CLAIM, "ناشطون يتهمون الجيش بالسيطرة على مطار مدينة حلب والجيش ينفي\nقال ناشطون إن الجيش دخل المطار.", &g);
    assert_false(g.lead_denial);
    assert_true(feat(&g, "conflict_lead") == 1);
    assert_true(feat(&g, "att_title") == 1); /* an accusation is attribution too */
    mz_pair_feats_clear(&g);
    /* the denial first, the accusation after: a denial */
    extract(CLAIM, "الجيش ينفي اتهامات بالسيطرة على مطار مدينة حلب\nقال مصدر عسكري إن المعارك مستمرة.", &g);
    assert_true(g.lead_denial);
    assert_true(feat(&g, "conflict_lead") == 0);
    mz_pair_feats_clear(&g);
    /* a lead that gives the claim as something that went round introduces
     * the denial that answers it: not a report quoting a denial */
    extract(CLAIM, "الجيش ومطار حلب: بيان\nأصدر الجيش بيانا بشأن ما تداولته مواقع التواصل عن السيطرة على مطار مدينة حلب.\n"
                   "وأضاف البيان أن الوحدات في مواقعها.\nونفى الجيش السيطرة على مطار مدينة حلب.", &g);
    assert_false(g.quoted_denial);
    mz_pair_feats_clear(&g);
    extract(CLAIM, "الجيش يسيطر على مطار مدينة حلب\nقال ناشطون إن الجيش دخل المطار.\n"
                   "وأضافوا أن المعارك توقفت.\nونفى مصدر في المعارضة سيطرة الجيش على مطار مدينة حلب.", &g);
    assert_true(g.quoted_denial); /* the lead states it: a report quoting a denial */
    mz_pair_feats_clear(&g);
    /* after an attributed lead, the other side's denial may be brief */
    extract(CLAIM, "ناشطون: الجيش يسيطر على مطار مدينة حلب\nقال ناشطون إن الجيش سيطر على مطار مدينة حلب فجرا.\n"
                   "وأضافوا أن المعارك توقفت.\nونفى متحدث باسم الجيش ذلك.", &g);
    assert_true(g.quoted_denial);
    mz_pair_feats_clear(&g);
    /* a lead that only names the actor and the place: a brief denial later is
     * the article's own point, not a quote */
    extract(CLAIM, "الجيش في مطار مدينة حلب\nتفقد قائد الجيش مطار مدينة حلب صباح اليوم.\n"
                   "وأضاف أن المعارك توقفت.\nونفى متحدث باسم الجيش ذلك.", &g);
    assert_false(g.quoted_denial);
    mz_pair_feats_clear(&g);
    /* a plain denial still is one */
    mz_pair_feats f;
    extract(CLAIM, "الجيش ينفي السيطرة على مطار مدينة حلب\nوقال إن المعارك مستمرة.", &f);
    assert_true(f.lead_denial);
    mz_pair_feats_clear(&f);
}

static void test_negation_near_match(void **state)
{
    (void)state;
    mz_pair_feats f, g;
    extract(CLAIM, "الجيش لم يسيطر على مطار حلب حتى الآن.", &f);
    extract(CLAIM, "الجيش يسيطر على مطار حلب. ولم تعلق الحكومة على ذلك.", &g);
    assert_true(feat(&f, "neg_near_top") > 0);
    assert_true(feat(&g, "neg_near_top") == 0);
    mz_pair_feats_clear(&f);
    mz_pair_feats_clear(&g);
    /* a claim that is itself negated */
    mz_pair_feats h;
    extract("الجيش لم يسيطر على مطار حلب", "الجيش لم يسيطر على مطار حلب.", &h);
    assert_true(feat(&h, "claim_neg") == 1);
    assert_true(feat(&h, "claim_neg_x_negnear") > 0);
    mz_pair_feats_clear(&h);
}

static void test_numbers(void **state)
{
    (void)state;
    const char *claim = "مقتل ١١ مدنيا في قصف على مدينة ادلب";
    mz_pair_feats same, other;
    const char *more = "قتل 25 مدنيا في قصف جوي على مدينة إدلب أمس.";
    extract(claim, "قتل 11 مدنيا في قصف جوي على مدينة إدلب أمس.", &same);
    extract(claim, more, &other);
    assert_true(feat(&same, "num_claim") == 1);
    assert_true(feat(&same, "num_best_match") > 0);
    assert_true(feat(&same, "num_best_mismatch") == 0);
    assert_true(feat(&other, "num_best_match") == 0);
    assert_true(feat(&other, "num_best_mismatch") > 0);
    mz_stance_result r = {0};
    mz_pick_evidence(&other, MZ_DISAGREE, claim, more, &r);
    assert_string_equal(r.evidence[0].cue, "number_mismatch");
    mz_pair_feats_clear(&same);
    mz_pair_feats_clear(&other);
}

/* The contrary of a claimed event told without a denial word: the port
 * worked as usual on the day of the strike. The cue counts near the claim's
 * words and in the whole story, and names the evidence for "disagree". */
static void test_as_usual(void **state)
{
    (void)state;
    const char *claim = "أضرب عمال ميناء رأس الحدباء عن العمل يوم الأحد";
    mz_pair_feats f, g;
    const char *usual = "عمل عمال ميناء رأس الحدباء يوم الأحد كالمعتاد، وغادرت الميناء خمس سفن.\n"
                        "وبقيت رسوم التحميل على حالها.";
    extract(claim, usual, &f);
    assert_true(feat(&f, "normal_top") > 0.5);
    assert_true(fabs(feat(&f, "normal_article") - log(3.0)) < 1e-9); /* two cues: log(1 + 2) */
    mz_stance_result r = {0};
    mz_pick_evidence(&f, MZ_DISAGREE, claim, usual, &r);
    assert_string_equal(r.evidence[0].cue, "as_usual");
    /* a plain report of the strike carries none */
    extract(claim, "أضرب عمال ميناء رأس الحدباء عن العمل يوم الأحد احتجاجا على الأجور.", &g);
    assert_true(feat(&g, "normal_top") == 0);
    assert_true(feat(&g, "normal_article") == 0);
    mz_pair_feats_clear(&f);
    mz_pair_feats_clear(&g);
}

/* The cue at each word of text, as features.c reads it: the longest phrase
 * wins, a phrase may start with a clitic-stripped form (وكالمعتاد), and a
 * common word that starts phrases (في) is no cue on its own. */
static void cues_of(const char *text, mz_cue *out, size_t *n_out)
{
    mz_tokens tk = {0};
    assert_int_equal(mz_tokenize(text, strlen(text), false, &tk), MZ_OK);
    uint64_t h[32], h2[32];
    assert_true(tk.n <= 32);
    for (size_t i = 0; i < tk.n; i++) {
        h[i] = mz_hash64(mz_tok_text(&tk, i), tk.v[i].norm_len);
        h2[i] = mz_lexicon_strip_hash(mz_tok_text(&tk, i), tk.v[i].norm_len);
    }
    size_t n = 0;
    for (size_t i = 0; i < tk.n;) {
        size_t span;
        out[n++] = mz_lexicon_match(model->lexicon, h, h2, tk.n, i, &span);
        i += span;
    }
    *n_out = n;
    mz_tokens_clear(&tk);
}

static void test_lexicon_phrases(void **state)
{
    (void)state;
    mz_cue c[32];
    size_t n;
    cues_of("قالت إنها لا أساس لها من الصحة", c, &n); /* not لا (negation) nor لا أساس */
    assert_int_equal(n, 3);
    assert_int_equal(c[2], MZ_CUE_DENIAL);
    cues_of("وصلت الحافلة في موعدها", c, &n);
    assert_int_equal(n, 3);
    assert_int_equal(c[2], MZ_CUE_NORMAL);
    cues_of("وصلت في الصباح", c, &n); /* في alone */
    assert_int_equal(n, 3);
    assert_int_equal(c[1], MZ_CUE_NONE);
    cues_of("وعمل الميناء وكالمعتاد", c, &n);
    assert_int_equal(c[n - 1], MZ_CUE_NORMAL);
    cues_of("لم يصدر أي تأكيد أو نفي", c, &n); /* the hedge phrase, not the denial نفي */
    for (size_t i = 0; i < n; i++)
        assert_true(c[i] != MZ_CUE_DENIAL);
}

static void test_unrelated_article(void **state)
{
    (void)state;
    mz_pair_feats f;
    const char *oil = "ارتفعت أسعار النفط في الأسواق العالمية اليوم.\nوتراجع الدولار.";
    extract(CLAIM, oil, &f);
    assert_true(feat(&f, "rel_cov_sent") == 0);
    assert_true(feat(&f, "rel_cov_article") == 0);
    mz_stance_result r = {0};
    mz_pick_evidence(&f, MZ_UNRELATED, CLAIM, oil, &r);
    assert_int_equal(r.n_evidence, 0);
    mz_pair_feats_clear(&f);
}

/* The words of ﷺ share the ligature's span: a token may start before the
 * previous one ended. Sentence cutting once read that gap as a huge length
 * (a crash on any article with ﷺ). */
static void test_ligature_words_share_a_span(void **state)
{
    (void)state;
    mz_pair_feats f;
    extract("الرئيس زار المسجد النبوي", "ﷺ", &f);
    mz_pair_feats_clear(&f);
    extract("الرئيس زار المسجد النبوي",
            "زيارة المسجد النبوي\nزار الرئيس المسجد النبوي حيث قبر النبي محمد ﷺ أمس.\nﷺﷻ\nوعاد.", &f);
    assert_true(feat(&f, "rel_cov_sent") > 0.99);
    mz_pair_feats_clear(&f);
}

/* Paraphrase: the article says التفاوض / مفاوضات / يقاتلون where the claim
 * says تتفاوض / مقاتليه (deep stems), and names the actors by their other
 * forms (قسد for قوات سوريا الديمقراطية, تنظيم الدولة for داعش). Every
 * claim word is then covered in one sentence. */
static void test_paraphrase_and_aliases(void **state)
{
    (void)state;
    const char *claim = "قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش على خروج مقاتليه";
    const char *art = "أكدت مصادر محلية أن قسد بدأت مفاوضات مع تنظيم الدولة حول خروج المقاتلين.\n"
                      "وارتفعت أسعار الخبز في المدينة.";
    mz_pair_feats f;
    extract(claim, art, &f);
    assert_true(feat(&f, "rel_cov_sent") > 0.99);
    assert_true(feat(&f, "rel_cov_article") > 0.99);
    mz_pair_feats_clear(&f);

    /* the same sentence without the names' other forms covers less */
    extract(claim, "أكدت مصادر محلية أن مفاوضات بدأت حول خروج المقاتلين.", &f);
    double partial = feat(&f, "rel_cov_sent");
    assert_true(partial > 0.2 && partial < 0.7);
    mz_pair_feats_clear(&f);

    /* a one-word alias counts only when the claim uses that name: "الدولة"
     * alone is not داعش, and قسد means nothing to a claim about the army */
    extract(claim, "قالت الدولة إن الأسعار ارتفعت.", &f);
    assert_true(feat(&f, "rel_cov_sent") < 0.2);
    mz_pair_feats_clear(&f);
    extract(CLAIM, "قسد تعلن الانتصار في الرقة.", &f);
    assert_true(feat(&f, "rel_cov_sent") == 0);
    mz_pair_feats_clear(&f);
}

/* Verb persons and verbal nouns meet; unrelated words of the same letters
 * do not (a deep stem keeps four letters). */
static void test_deep_stems(void **state)
{
    (void)state;
    mz_pair_feats f;
    extract("الحكومة تتفاوض مع المعارضة", "بدأ التفاوض بين الحكومة والمعارضة أمس.", &f);
    assert_true(feat(&f, "rel_cov_sent") > 0.99);
    mz_pair_feats_clear(&f);
    extract("الحكومة تتفاوض مع المعارضة", "يتفاوض وفد الحكومة مع المعارضة.", &f);
    assert_true(feat(&f, "rel_cov_sent") > 0.99);
    mz_pair_feats_clear(&f);
    /* مصر (3 letters) is left whole: it does not become صر */
    extract("مصر تستضيف القمة", "وصل الوفد إلى القصر للقمة.", &f);
    assert_true(feat(&f, "rel_cov_sent") < 0.7);
    mz_pair_feats_clear(&f);
}

/* A denial of the claim in the lead (title or first two sentences) is the
 * article's own stance; one quoted further down, or one about something
 * else, is not. */
static void test_lead_denial(void **state)
{
    (void)state;
    mz_pair_feats f;
    extract(CLAIM, "الجيش ينفي السيطرة على مطار حلب\nقال مصدر عسكري إن المعارك مستمرة.", &f);
    assert_true(f.lead_denial);
    mz_pair_feats_clear(&f);
    extract(CLAIM, "أعلن الجيش السيطرة على مطار مدينة حلب.\nوقال مراسلنا إن المعارك توقفت.\n"
                   "وتابع أن الأهالي خرجوا إلى الشوارع.\nفي المقابل، نفت المعارضة سيطرة الجيش على مطار حلب.",
            &f);
    assert_false(f.lead_denial); /* quoted in the fourth sentence */
    mz_pair_feats_clear(&f);
    extract(CLAIM, "نفت الوزارة ارتفاع أسعار الخبز.\nالجيش يسيطر على مطار مدينة حلب.", &f);
    assert_false(f.lead_denial); /* the lead denies something else */
    mz_pair_feats_clear(&f);

    /* prediction: the lead denial decides the label (empty weights: the
     * model alone would give the uniform distribution) */
    mz_stance_result r;
    mz_error err;
    const char *art = "الجيش ينفي السيطرة على مطار حلب\nقال مصدر عسكري إن المعارك مستمرة.";
    assert_int_equal(mz_stance_predict(model, CLAIM, NULL, art, strlen(art), &r, &err), MZ_OK);
    assert_int_equal(r.label, MZ_DISAGREE);
    assert_true(r.probs[MZ_AGREE] == 0 && r.probs[MZ_DISCUSS] == 0);
    assert_true(fabs(r.probs[MZ_DISAGREE] + r.probs[MZ_UNRELATED] - 1) < 1e-9);
    assert_true(r.lead_denial);
}

/* The sentence that denies the claim is reported with the prediction,
 * whatever the label: the claim check quotes it. It must carry a denial or
 * rumour cue and the claim's words (قسد standing for قوات سوريا
 * الديمقراطية); a denial of something else is not one. */
static void test_denial_sentence(void **state)
{
    (void)state;
    const char *claim = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل";
    const char *art = "استقبلت العائلات أبناءها في المدينة.\nوقال شهود إن الحافلات وصلت ظهرا.\n"
                      "وفي بيان لاحق، نفى لواء الوادي الأنباء عن صفقة التبادل وقال إنها لا أساس لها من الصحة.\n"
                      "ونفت الجمعية الفلاحية ارتفاع أسعار القمح.";
    mz_stance_result r;
    mz_error err;
    assert_int_equal(mz_stance_predict(model, claim, NULL, art, strlen(art), &r, &err), MZ_OK);
    assert_true(r.has_denial);
    assert_false(r.lead_denial); /* third sentence: quoted, not the lead */
    assert_string_equal(r.denial.cue, "denial");
    assert_true(r.denial.score >= 0.4 && r.denial.score <= 1);
    const char *want = "وفي بيان لاحق، نفى لواء الوادي";
    assert_memory_equal(art + r.denial.start, want, strlen(want));
    assert_true(art[r.denial.end - 1] == '.');

    const char *report = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.\nونفت الجمعية الفلاحية ارتفاع أسعار القمح.";
    assert_int_equal(mz_stance_predict(model, claim, NULL, report, strlen(report), &r, &err), MZ_OK);
    assert_false(r.has_denial); /* a report; the only denial is about wheat */

    const char *sdf = "نفت قسد التفاوض مع تنظيم الدولة بشأن خروج المقاتلين من الرقة.";
    assert_int_equal(mz_stance_predict(model, "قوات سوريا الديمقراطية تتفاوض مع داعش لخروج مقاتليه من الرقة",
                                       NULL, sdf, strlen(sdf), &r, &err), MZ_OK);
    assert_true(r.has_denial && r.lead_denial);
    assert_int_equal(r.denial.start, 0);
}

/* A denial of another matter on the claim's topic is not the claim's
 * denial: what the denial shares with the claim («الانتخابات البرلمانية»)
 * sits in a plain statement of more of it, which the article makes. Still a
 * denial: one that carries what the article does not state plainly, one
 * whose fuller account is the rumour's (attributed), and one beside a
 * corrected count. */
static void test_denial_of_another_matter(void **state)
{
    (void)state;
    const char *art = "المفوضية تنفي التزوير وتعلن نسبة المشاركة\n"
                      "نفت المفوضية العليا للانتخابات وجود أي تزوير في نتائج الانتخابات البرلمانية التي جرت يوم "
                      "الأحد، مؤكدة أن الفرز جرى بحضور المراقبين.\n"
                      "وقال رئيس المفوضية في مؤتمر صحفي إن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3% "
                      "من الناخبين المسجلين.\n"
                      "وأضاف أن المفوضية ستعلن النتائج النهائية في 13 نوفمبر بعد النظر في الطعون.";
    const char *turnout = "بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%";
    mz_pair_feats f;
    extract(turnout, art, &f);
    assert_true(f.sents[1].cov >= MZ_DENIAL_COV); /* the denial names the claim's topic */
    assert_false(f.lead_denial);
    /* nor does the model read it, or the title's («تنفي التزوير»), as a denial */
    assert_true(feat(&f, "den_top") == 0 && feat(&f, "den_near") == 0);
    assert_true(feat(&f, "den_entity") == 0 && feat(&f, "den_title") == 0);
    mz_pair_feats_clear(&f);
    mz_stance_result r;
    mz_error err;
    assert_int_equal(mz_stance_predict(model, turnout, NULL, art, strlen(art), &r, &err), MZ_OK);
    assert_false(r.lead_denial);
    assert_false(r.has_denial);
    /* the results' date: the denial shares «المفوضية» and «نتائج» with it */
    const char *date = "أعلنت المفوضية النتائج في 13 نوفمبر";
    extract(date, art, &f);
    assert_true(f.sents[1].cov >= MZ_DENIAL_COV);
    mz_pair_feats_clear(&f);
    assert_int_equal(mz_stance_predict(model, date, NULL, art, strlen(art), &r, &err), MZ_OK);
    assert_false(r.has_denial); /* not quoted as the denial of the date */

    /* the denial carries the claim's turnout; the plain sentence does not */
    extract(turnout,
            "نفت المفوضية أن تكون نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.\n"
            "وقال رئيس المفوضية إن الانتخابات البرلمانية جرت بهدوء.",
            &f);
    assert_true(f.lead_denial);
    assert_true(feat(&f, "den_top") > 0 && feat(&f, "den_near") == 1);
    mz_pair_feats_clear(&f);
    /* the fuller account is the rumour's */
    extract("زورت نتائج الانتخابات البرلمانية في ثلاث محافظات",
            "نفت المفوضية تزوير نتائج الانتخابات البرلمانية.\n"
            "وكانت تقارير تحدثت عن تزوير نتائج الانتخابات البرلمانية في ثلاث محافظات.",
            &f);
    assert_true(f.lead_denial);
    mz_pair_feats_clear(&f);
    /* the fuller sentence gives another count */
    extract("قتل 30 مدنيا في قصف جوي على سوق المدينة",
            "نفت وزارة الدفاع مقتل 30 مدنيا في قصف على سوق المدينة.\n"
            "وقالت الوزارة إن 3 مدنيين قتلوا في قصف جوي على سوق المدينة.",
            &f);
    assert_true(f.lead_denial);
    mz_pair_feats_clear(&f);

    /* the lead states the turnout and a later sentence denies the fraud: it
     * is no denial of the turnout quoted by a report of it */
    extract(turnout,
            "نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%\n"
            "بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3% من الناخبين المسجلين.\n"
            "وجرى الاقتراع في 4200 مركز.\n"
            "وتابعت البعثات الأجنبية الفرز في العاصمة.\n"
            "ونفت المفوضية العليا للانتخابات وجود أي تزوير في الانتخابات البرلمانية.",
            &f);
    assert_true(f.sents[f.n_sents - 1].cov >= MZ_DENIAL_COV && f.sents[f.n_sents - 1].other_matter);
    assert_false(f.quoted_denial);
    mz_pair_feats_clear(&f);
    /* a later denial of the claim's own turnout is still one */
    extract(turnout,
            "نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%\n"
            "بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3% من الناخبين المسجلين.\n"
            "وجرى الاقتراع في 4200 مركز.\n"
            "وتابعت البعثات الأجنبية الفرز في العاصمة.\n"
            "ونفى مراقبون أن تكون نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.",
            &f);
    assert_true(f.quoted_denial);
    mz_pair_feats_clear(&f);
}

static void test_bad_inputs(void **state)
{
    (void)state;
    mz_extractor x = {model->lexicon, &model->idf, 0, false};
    mz_pair_feats f;
    mz_error err;
    assert_int_equal(mz_extract(&x, "", NULL, "نص", 4, &f, &err), MZ_ERR_ARG);
    assert_int_equal(mz_extract(&x, " ، . ", NULL, "نص", 4, &f, &err), MZ_ERR_ARG);
    assert_int_equal(mz_extract(&x, "خبر", NULL, "a\xff b", 4, &f, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "byte 1"));
    assert_int_equal(mz_extract(&x, "\xc3(", NULL, "نص", 4, &f, &err), MZ_ERR_UTF8);
    /* empty article, tatweel and diacritics only, a huge word: no crash */
    assert_int_equal(mz_extract(&x, CLAIM, NULL, "", 0, &f, &err), MZ_OK);
    assert_int_equal(f.n_sents, 0);
    mz_pair_feats_clear(&f);
    const char *odd = "ـــــــ ً ٌ ٍ َ\n\n\n";
    assert_int_equal(mz_extract(&x, CLAIM, NULL, odd, strlen(odd), &f, &err), MZ_OK);
    mz_pair_feats_clear(&f);
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2)
        memcpy(big + i, "\xd8\xa8", 2); /* ب repeated: one enormous word */
    big[n] = '\0';
    assert_int_equal(mz_extract(&x, CLAIM, NULL, big, n, &f, &err), MZ_OK);
    mz_pair_feats_clear(&f);
    free(big);
}

/* The best sentences' word buckets are sorted and counted once, whether the
 * sentence is short (insertion sort) or a whole article without a full stop
 * (past 64 words: qsort; the insertion sort made a 2 MB one take a second). */
static void test_lex_buckets_sorted(void **state)
{
    (void)state;
    const char *words[] = {"الجيش", "مطار", "حلب", "المدينة", "قصف", "المعارك", "السكان",
                           "الأحياء", "الشرقية", "المعارضة", "القوات", "الطريق", "الدولي"};
    mz_buf b = {0};
    mz_buf_puts(&b, "الجيش يسيطر على مطار مدينة حلب");
    for (int i = 0; i < 3000; i++) { /* one sentence of ~9000 words, 13 of them repeated */
        char w[64];
        snprintf(w, sizeof w, " %s %s%d", words[i % 13], words[(i * 7) % 13], i % 50);
        mz_buf_puts(&b, w);
    }
    mz_extractor x = {model->lexicon, &model->idf, 16, false}; /* 2^16 buckets */
    for (int round = 0; round < 2; round++) {
        mz_pair_feats f;
        mz_error err;
        const char *art = round ? b.p : "الجيش يسيطر على مطار مدينة حلب منذ الصباح.";
        assert_int_equal(mz_extract(&x, CLAIM, NULL, art, strlen(art), &f, &err), MZ_OK);
        if (f.n_lex < (round ? 13u : 1u)) /* the 13 words above, each once */
            fail_msg("round %d: %zu buckets", round, f.n_lex);
        for (size_t i = 1; i < f.n_lex; i++)
            assert_true(f.lex[i - 1] < f.lex[i]);
        mz_pair_feats_clear(&f);
    }
    mz_buf_free(&b);
}

/* The words that gave an evidence sentence its cue, found again in the
 * sentence: a denial late in a long sentence, a two-word attribution. */
static void test_cue_span(void **state)
{
    (void)state;
    const char *text = "عنوان الخبر\n"
                       "وقال التلفزيون نقلا عن ناشطين إن وفدا خرج من المدينة للتفاوض، إلا أن عضو "
                       "مجلس المحافظة نفى للوكالة علمه بوصول الوفد.";
    size_t start = strlen("عنوان الخبر\n"), end = strlen(text), cs, ce;
    assert_true(mz_cue_span(model->lexicon, text, start, end, "denial", &cs, &ce));
    assert_true(cs >= start && ce <= end);
    assert_int_equal(ce - cs, strlen("نفى"));
    assert_memory_equal(text + cs, "نفى", ce - cs);
    assert_true(mz_cue_span(model->lexicon, text, start, end, "attribution", &cs, &ce));
    assert_int_equal(ce - cs, strlen("نقلا عن"));
    assert_memory_equal(text + cs, "نقلا عن", ce - cs);
    /* number and overlap cues name no words; a sentence without the cue */
    assert_false(mz_cue_span(model->lexicon, text, start, end, "overlap", &cs, &ce));
    assert_false(mz_cue_span(model->lexicon, text, start, end, "number_match", &cs, &ce));
    assert_false(mz_cue_span(model->lexicon, text, 0, start, "denial", &cs, &ce));
    assert_false(mz_cue_span(model->lexicon, text, end, end, "denial", &cs, &ce));
    /* a rumour word is a denial cue too */
    const char *rumour = "وأضاف أن ما تتناقله المواقع شائعات يروجها الخصوم.";
    assert_true(mz_cue_span(model->lexicon, rumour, 0, strlen(rumour), "denial", &cs, &ce));
    assert_memory_equal(rumour + cs, "شائعات", ce - cs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_denial_scoped),     cmocka_unit_test(test_denial_phrase_and_rumour),
        cmocka_unit_test(test_attribution_hedging),
        cmocka_unit_test(test_neither_confirmed_nor_denied), cmocka_unit_test(test_negation_near_match),
        cmocka_unit_test(test_numbers),           cmocka_unit_test(test_as_usual),
        cmocka_unit_test(test_lexicon_phrases),
        cmocka_unit_test(test_unrelated_article),
        cmocka_unit_test(test_ligature_words_share_a_span),
        cmocka_unit_test(test_paraphrase_and_aliases), cmocka_unit_test(test_deep_stems),
        cmocka_unit_test(test_lead_denial),
        cmocka_unit_test(test_denial_sentence),
        cmocka_unit_test(test_denial_of_another_matter),
        cmocka_unit_test(test_cue_span),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_lex_buckets_sorted),
    };
    return cmocka_run_group_tests_name("stance features", tests, setup, teardown);
}
