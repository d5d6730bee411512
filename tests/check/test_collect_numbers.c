/* test_collect_numbers.c — how src/check/collect_numbers.c files the values
 * of related articles: one quantity per counted noun, one value per
 * article for a figure its evidence quotes twice, and its other figures
 * kept. Each case kills a mutant the other tests let live (tests/mutate.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"

/* One voice per body; each body's sentences (split at '\n') are its
 * evidence; its stance "discuss". Numbers not collected yet. */
static mz_check_result *members(const char *claim, const char *const *bodies, size_t n)
{
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(n, sizeof *r->members);
    r->n_members = n;
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = (int64_t)i + 1;
        m->voice = (int)i + 1;
        m->stance = MZ_DISCUSS;
        m->body = strdup(bodies[i]);
        m->body_len = strlen(bodies[i]);
        size_t start = 0;
        while (start < m->body_len && m->n_evidence < MZ_MAX_EVIDENCE) {
            const char *nl = strchr(m->body + start, '\n');
            size_t end = nl ? (size_t)(nl - m->body) : m->body_len;
            m->evidence[m->n_evidence++] = (mz_evidence){start, end, 0.8, "assertion"};
            start = end + 1;
        }
    }
    return r;
}

static mz_check_result *collect(const char *claim, const char *const *bodies, size_t n)
{
    mz_check_result *r = members(claim, bodies, n);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    return r;
}

/* The quantity key of word s, as mz_noun_key gives it from its normalized
 * form. */
static void noun_key_of(const char *s, char *out, size_t cap)
{
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, strlen(s));
    assert_true(mz_words_next(&it, &w));
    mz_noun_key(w.key, w.key_len, out, cap);
}

static const mz_check_quantity *quantity(const mz_check_result *r, const char *noun)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        if (!strcmp(r->numbers[i].quantity, noun))
            return &r->numbers[i];
    fail_msg("no quantity %s", noun);
    return NULL;
}

/* Prisoners and detainees are two quantities, though both are counts. */
static void test_one_quantity_per_noun(void **state)
{
    (void)state;
    const char *b[] = {"أفرج لواء الوادي عن 40 أسيرا مقابل إطلاق سراح 60 معتقلا.",
                       "قال ناشطون إن اللواء أطلق سراح 25 أسيرا."};
    mz_check_result *r = collect("أفرج لواء الوادي عن 40 أسيرا", b, 2);
    assert_int_equal(r->n_numbers, 2);
    assert_int_equal(quantity(r, "أسيرا")->n_values, 2);
    assert_int_equal(quantity(r, "معتقلا")->n_values, 1);
    assert_true(quantity(r, "معتقلا")->values[0].number == 60);
    /* the claim's 40 is the prisoners' value, not the detainees' */
    assert_true(quantity(r, "أسيرا")->has_claim_value);
    assert_true(quantity(r, "أسيرا")->claim_number == 40);
    assert_false(quantity(r, "معتقلا")->has_claim_value);
    assert_false(quantity(r, "معتقلا")->claim_unmatched);
    assert_false(quantity(r, "معتقلا")->values[0].off_claim);
    mz_check_result_free(r);
}

/* An article whose evidence quotes one figure twice (its lead and a later
 * sentence) gives it once; its other figure of the noun is kept. */
static void test_one_value_per_article(void **state)
{
    (void)state;
    const char *b[] = {"أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.\n"
                       "وكان اللواء قد أعلن أنه سيفرج عن 40 أسيرا.\n"
                       "وقال ناشطون إن العدد الكلي بلغ 55 أسيرا."};
    mz_check_result *r = collect("أفرج لواء الوادي عن 40 أسيرا", b, 1);
    assert_int_equal(r->n_numbers, 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_int_equal(q->n_values, 2);
    assert_true(q->values[0].number == 40);
    assert_true(q->values[1].number == 55);
    mz_check_result_free(r);
}

/* A claim that gives no number sets no value off it: a lone 40 is not
 * "outside the claim's value". */
static void test_claim_without_a_value(void **state)
{
    (void)state;
    const char *b[] = {"أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية."};
    mz_check_result *r = collect("أفرج لواء الوادي عن الأسرى", b, 1);
    assert_int_equal(r->n_numbers, 1);
    assert_true(r->numbers[0].on_claim);
    assert_false(r->numbers[0].has_claim_value);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->numbers[0].values[0].off_claim);
    mz_check_result_free(r);
}

/* An article the stance model calls unrelated gives no value: its 7 dead
 * of a road accident are not listed. */
static void test_unrelated_member_gives_none(void **state)
{
    (void)state;
    const char *b[] = {"أفرج لواء الوادي عن 40 أسيرا.", "قتل 7 أشخاص في حادث سير على طريق الساحل."};
    mz_check_result *r = members("أفرج لواء الوادي عن 40 أسيرا", b, 2);
    r->members[1].stance = MZ_UNRELATED;
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(r->n_numbers, 1);
    assert_string_equal(r->numbers[0].quantity, "أسيرا");
    mz_check_result_free(r);
}

/* What the claim counts first (a conflict before a count told more
 * often), then the rest by how often they are told, ties in the order
 * met. Met in the order fighters, civilians, detainees, prisoners,
 * soldiers, they are listed prisoners (on the claim, 40 against 25),
 * detainees (on the claim, 60 three times), civilians (twice), fighters,
 * soldiers (once each). */
static void test_quantities_order(void **state)
{
    (void)state;
    const char *first = "عاد 12 مقاتلا إلى اللواء وقتل 3 مدنيين.\nوأفرجت الحكومة عن 60 معتقلا.\n"
                        "وأفرج اللواء عن 40 أسيرا.\nوأصيب 4 جنود في الاشتباكات.";
    const char *b[] = {first,
                       "أفرج اللواء عن 25 أسيرا.\nوأفرجت الحكومة عن 60 معتقلا.",
                       "قال وجهاء إن الحكومة أفرجت عن 60 معتقلا.\nوقتل 3 مدنيين في القصف."};
    mz_check_result *r = collect("أفرج لواء الوادي عن 40 أسيرا مقابل 60 معتقلا", b, 3);
    const char *want[] = {"أسيرا", "معتقلا", "مدنيين", "مقاتلا", "جنود"};
    assert_int_equal(r->n_numbers, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(r->numbers[i].quantity, want[i]);
    assert_true(r->numbers[0].conflict);
    assert_false(r->numbers[1].conflict);
    assert_int_equal(r->numbers[1].n_values, 3);
    assert_false(r->numbers[2].on_claim);
    assert_int_equal(r->numbers[2].n_values, 2);
    mz_check_result_free(r);
}

/* Many values and many quantities: a quantity keeps its first 24 values
 * (MAX_VALUES), and a tenth counted noun is filed like the first (the
 * table grows past its first 8). */
static void test_many_values_and_quantities(void **state)
{
    (void)state;
    char text[30][96];
    const char *b[30];
    for (int i = 0; i < 30; i++) {
        snprintf(text[i], sizeof text[i], "أفرج لواء الوادي عن %d أسيرا.", 10 + 3 * i);
        b[i] = text[i];
    }
    mz_check_result *r = collect("أفرج لواء الوادي عن 40 أسيرا", b, 30);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 24);
    assert_true(r->numbers[0].values[23].number == 10 + 3 * 23);
    mz_check_result_free(r);
    const char *nouns[] = {"أسيرا", "معتقلا", "مقاتلا", "جنديا", "مدنيا", "طفلا",
                           "صاروخا", "طائرة", "دبابة", "عائلة"};
    for (int i = 0; i < 10; i++) {
        snprintf(text[i], sizeof text[i], "أحصى التقرير %d %s في المدينة.", 12 + i, nouns[i]);
        b[i] = text[i];
    }
    r = collect("أفرج لواء الوادي عن 40 أسيرا", b, 10);
    assert_int_equal(r->n_numbers, 10);
    for (int i = 0; i < 10; i++)
        assert_true(quantity(r, nouns[i])->values[0].number == 12 + i);
    mz_check_result_free(r);
}

/* A value "below N" allows everything from 0 up to N: a source's «أقل من
 * 1%» fits the claim's 0.4% (not a value off the claim's), and does not
 * conflict with another source's 0.4%. Its floor was not pinned: 1 for 0
 * let every test pass (tests/mutate.py). */
static void test_below_reaches_zero(void **state)
{
    (void)state;
    const char *below = "وارتفعت البطالة أقل من 1% خلال آذار، بحسب المكتب المركزي للإحصاء.";
    mz_check_result *r = collect("ارتفعت البطالة بنسبة 0.4%", &below, 1);
    assert_int_equal(r->n_numbers, 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_true(q->claim_number == 0.4);
    assert_int_equal(q->n_values, 1);
    assert_true(q->values[0].number == 1 && q->values[0].bound < 0);
    assert_false(q->values[0].off_claim);
    assert_false(q->claim_unmatched);
    mz_check_result_free(r);
    const char *two[] = {below, "ارتفعت البطالة 0.4% في آذار."};
    r = collect("ارتفعت البطالة في آذار", two, 2);
    assert_int_equal(r->n_numbers, 1);
    q = &r->numbers[0];
    assert_int_equal(q->n_values, 2);
    assert_false(q->conflict);
    mz_check_result_free(r);
}

/* A school count written with the broken plural («6 مدارس») is the claim's
 * count of schools («14 مدرسة»): the plural was a quantity of its own, so a
 * fact-check's figure sat on another line of the report, set against
 * nothing. So are the other places news counts (منازل, قرى, مساجد). */
static void test_broken_plurals_of_places(void **state)
{
    (void)state;
    const char *b[] = {"أغلقت مديرية التربية في بلدة تل الورد 14 مدرسة يوم الاثنين.",
                       "وأكد المجلس المحلي أن عدد المدارس التي أغلقت 6 مدارس فقط."};
    mz_check_result *r = collect("أغلقت مديرية التربية 14 مدرسة في تل الورد", b, 2);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_true(r->numbers[0].on_claim && r->numbers[0].conflict);
    mz_check_result_free(r);
    const char *pairs[][2] = {{"منازل", "منزلا"}, {"القرى", "قرية"}, {"مساجد", "مسجدا"},
                              {"المدن", "مدينة"}, {"المباني", "مبنى"}, {"صواريخ", "صاروخا"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char k1[64], k2[64];
        noun_key_of(pairs[i][0], k1, sizeof k1);
        noun_key_of(pairs[i][1], k2, sizeof k2);
        assert_string_equal(k1, k2);
    }
}

/* A fact-check quotes the figure it corrects: «تداولت مواقع خبرا يفيد بأن
 * المديرية أغلقت 14 مدرسة» and then «6 مدارس فقط، وليس 14». Its voice gave
 * the claim's 14, so its 6 was taken for a figure of something else beside
 * it and set against nothing: the report showed no conflict between the
 * wire's 14 and the fact-check's 6. A figure whose own sentence rejects the
 * claim's («وليس 14», «لا 14») is the voice's answer to it. */
static void test_correction_of_the_claims_number(void **state)
{
    (void)state;
    const char *claim = "أغلقت مديرية التربية 14 مدرسة في تل الورد";
    const char *wire = "أغلقت مديرية التربية في بلدة تل الورد 14 مدرسة يوم الاثنين.";
    const char *fact = "تداولت وسائل إعلام محلية خبرا يفيد بأن مديرية التربية أغلقت 14 مدرسة في تل الورد.\n"
                       "وتبين أن عدد المدارس التي أغلقت هو 6 مدارس فقط، وليس 14 كما ورد في الخبر.";
    const char *b[] = {wire, fact};
    mz_check_result *r = collect(claim, b, 2);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->on_claim && q->conflict);
    /* the wire's 14 and the fact-check's 6; not the 14 it quotes to correct */
    assert_int_equal(q->n_values, 3);
    for (size_t i = 0; i < q->n_values; i++)
        assert_int_equal(q->values[i].conflicting, q->values[i].number == 6 || q->values[i].voice == 1);
    mz_check_result_free(r);
    /* the fact-check alone: no source gives the claim's 14, it quotes it */
    r = collect(claim, b + 1, 1);
    assert_true(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    /* the same voice's 6 with no word against the 14 stays beside it */
    const char *beside = "تداولت وسائل إعلام محلية خبرا يفيد بأن مديرية التربية أغلقت 14 مدرسة في تل الورد.\n"
                         "وأعادت المديرية فتح 6 مدارس بعد فحص المياه.";
    const char *c[] = {wire, beside};
    r = collect(claim, c, 2);
    assert_false(r->numbers[0].conflict);
    mz_check_result_free(r);
    /* «ليس 14 فقط» is "not only 14": no correction */
    const char *more = "تداولت وسائل إعلام محلية خبرا يفيد بأن مديرية التربية أغلقت 14 مدرسة في تل الورد.\n"
                       "وأغلقت المديرية 20 مدرسة، وليس 14 فقط.";
    const char *d[] = {wire, more};
    r = collect(claim, d, 2);
    assert_false(r->numbers[0].conflict);
    mz_check_result_free(r);
    /* and with the noun between: «وليس 14 مدرسة فقط» */
    const char *more_noun = "تداولت وسائل إعلام محلية خبرا يفيد بأن مديرية التربية أغلقت 14 مدرسة في تل الورد.\n"
                            "وأغلقت المديرية 20 مدرسة، وليس 14 مدرسة فقط.";
    const char *d2[] = {wire, more_noun};
    r = collect(claim, d2, 2);
    assert_false(r->numbers[0].conflict);
    for (size_t i = 0; i < r->numbers[0].n_values; i++)
        assert_false(r->numbers[0].values[i].rejected);
    mz_check_result_free(r);
    /* «لا 14» and Arabic-Indic digits: a correction too */
    const char *la = "أغلقت المديرية ٦ مدارس لا ١٤ كما أشيع.";
    const char *e[] = {wire, la};
    r = collect(claim, e, 2);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

/* Schools closed and schools reopened, houses destroyed and houses damaged,
 * are one noun but not one count: the reopened 5 and the damaged 100 were
 * set against the claim's 14 and 30 as sources in conflict (events.c knew
 * only what happens to people). */
static void test_events_of_places(void **state)
{
    (void)state;
    const char *schools[] = {"أغلقت مديرية التربية في بلدة تل الورد 14 مدرسة بعد تلوث المياه.",
                             "وأعادت المديرية فتح 5 مدارس في البلدة بعد فحص المياه."};
    mz_check_result *r = collect("أغلقت مديرية التربية 14 مدرسة في تل الورد", schools, 2);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_false(r->numbers[0].conflict);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    /* resumed is reopened too: the 5 were a figure off the claim's 14 closed,
     * and alone «no source gives the claim's number» */
    schools[1] = "واستأنفت الدراسة في 5 مدارس في البلدة بعد فحص المياه.";
    r = collect("أغلقت مديرية التربية 14 مدرسة في تل الورد", schools, 2);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_int_equal(r->numbers[0].values[1].event, MZ_EVENT_OPENED);
    assert_false(r->numbers[0].values[1].off_claim);
    assert_false(r->numbers[0].conflict);
    mz_check_result_free(r);
    r = collect("أغلقت مديرية التربية 14 مدرسة في تل الورد", schools + 1, 1);
    assert_int_equal(r->n_numbers, 1);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    const char *houses[] = {"دمر القصف 30 منزلا في حي الميدان ليلة الأحد.",
                            "وقال الدفاع المدني إن 100 منزل تضررت في حي الميدان جراء القصف."};
    r = collect("دمر القصف 30 منزلا في حي الميدان", houses, 2);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_false(r->numbers[0].conflict);
    mz_check_result_free(r);
    /* a count of the claim's own event still conflicts */
    const char *other[] = {houses[0], "وأكد الدفاع المدني أن القصف دمر 12 منزلا فقط في الحي."};
    r = collect("دمر القصف 30 منزلا في حي الميدان", other, 2);
    assert_int_equal(r->n_numbers, 1);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

/* A fact-check's answer in a sentence its evidence does not quote, with no
 * noun of its own: «وتبين أن العدد 18 وليس 30». The 18 is the claim's
 * count, of the claim's event, from the fact-check's voice, and the 30 it
 * quotes in its lead is a figure it rejects (values[].rejected): the wire's
 * 30 and the fact-check's 18 conflict. It was a report with the 30 twice and
 * no 18 at all. */
static void test_correction_outside_the_evidence(void **state)
{
    (void)state;
    const char *claim = "اعتقلت الشرطة 30 صحفيا في تل الريحان";
    const char *b[] = {"اعتقلت الشرطة 30 صحفيا صباح الثلاثاء خلال احتجاج أمام بلدية تل الريحان.",
                       "تحققنا من خبر اعتقال الشرطة 30 صحفيا في تل الريحان.\n"
                       "وتبين أن العدد 18 وليس 30، بحسب قائمة الأسماء، والخبر المتداول مضلل."};
    mz_check_result *r = members(claim, b, 2);
    r->members[1].n_evidence = 1; /* the lead only: the answer covers none of the claim */
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(r->n_numbers, 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_int_equal(q->n_values, 3);
    assert_true(q->conflict);
    size_t given = 0;
    for (size_t i = 0; i < q->n_values; i++) {
        const mz_check_value *v = &q->values[i];
        if (v->number == 18) {
            given++;
            assert_int_equal(v->voice, 2);
            assert_int_equal(v->event, MZ_EVENT_DETAINED);
            assert_true(v->conflicting && !v->rejected);
            assert_string_equal(v->value, "18");
            assert_memory_equal(r->members[1].body + v->value_start, "18", 2);
        } else {
            assert_int_equal(v->rejected, v->voice == 2); /* the quoted 30 */
            assert_int_equal(v->conflicting, v->voice == 1);
        }
    }
    assert_int_equal(given, 1);
    mz_check_result_free(r);
    /* a figure of another noun given instead is not the claim's count */
    const char *c[] = {b[0], "تحققنا من خبر اعتقال الشرطة 30 صحفيا في تل الريحان.\n"
                             "وتبين أن الشرطة أوقفت 3 سيارات وليس 30 صحفيا."};
    r = members(claim, c, 2);
    r->members[1].n_evidence = 1;
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    for (size_t i = 0; i < r->numbers[0].n_values; i++)
        assert_true(r->numbers[0].values[i].number != 3);
    mz_check_result_free(r);
    /* a figure of another noun rejected («وليس 30 منزلا») leaves the voice's
     * 30 of the claim's noun its own */
    const char *d[] = {"قتل القصف 30 شخصا في حي الميدان.",
                       "قتل القصف 30 شخصا في حي الميدان.\nودمر 5 منازل وليس 30 منزلا كما أشيع."};
    r = collect("قتل القصف 30 شخصا في حي الميدان", d, 2);
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++) {
            const mz_check_value *v = &r->numbers[i].values[j];
            if (r->numbers[i].on_claim)
                assert_false(v->rejected);
        }
    mz_check_result_free(r);
}

/* A correction written the other way round, the figure first and the
 * answer after «والصحيح» / «والصواب»: «ورد في نسخة سابقة أن نسبة المشاركة
 * 52%، والصحيح 41.3%». The 52 is the figure the site corrects, not one it
 * gives: a claim of 52% found its number there, so the report said a
 * source gave it and never that none does. */
static void test_correction_answer_after(void **state)
{
    (void)state;
    const char *claim = "بلغت نسبة المشاركة في الانتخابات البرلمانية 52%";
    const char *b[] = {"قالت مصادر إن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.\n"
                       "تصحيح: ورد في نسخة سابقة أن نسبة المشاركة 52%، والصحيح 41.3%."};
    mz_check_result *r = collect(claim, b, 1);
    assert_int_equal(r->n_numbers, 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->on_claim && q->claim_unmatched);
    size_t rejected = 0;
    for (size_t i = 0; i < q->n_values; i++) {
        const mz_check_value *v = &q->values[i];
        assert_int_equal(v->rejected, v->number == 52);
        rejected += v->rejected;
    }
    assert_int_equal(rejected, 1);
    mz_check_result_free(r);
    /* «والصواب أن العدد 18» after «30»: the 30 is rejected, the 18 given */
    mz_num_correction c[4];
    const char *s = "ذكرنا أن الشرطة اعتقلت 30 صحفيا، والصواب أن العدد 18.";
    assert_int_equal(mz_num_corrections(s, strlen(s), c, 4), 1);
    assert_true(c[0].lo == 30 && c[0].has_instead && c[0].instead.number == 18);
    /* «الصحيح» with no figure before it rejects nothing */
    const char *none = "والصحيح أن الشرطة اعتقلت 18 صحفيا.";
    assert_int_equal(mz_num_corrections(none, strlen(none), c, 4), 0);
}

/* The answer after «والصحيح» a clause away, its verb and subject first:
 * «بلغت 20 مليار دولار، والصحيح أن الجانبين وقعا 5 اتفاقيات بقيمة 2 مليار
 * دولار». Only a figure within two words was the answer, so the 20 billion
 * of a site's own correction stood as a figure it gives. The answer is the
 * first figure after the word that counts what the rejected one counts. */
static void test_correction_answer_a_clause_away(void **state)
{
    (void)state;
    mz_num_correction c[4];
    const char *s = "تصحيح: ورد في خبر سابق أن قيمة الاتفاقيات بلغت 20 مليار دولار، والصحيح أن "
                    "الجانبين وقعا 5 اتفاقيات ومذكرات تفاهم بقيمة 2 مليار دولار.";
    assert_int_equal(mz_num_corrections(s, strlen(s), c, 4), 1);
    assert_true(c[0].lo == 20e9 && c[0].has_instead && c[0].instead.number == 2e9);
    const char *claim = "وقعت نوران وتارسيا اتفاقيات بقيمة 20 مليار دولار";
    const char *b[] = {s};
    mz_check_result *r = collect(claim, b, 1);
    size_t rejected = 0, given = 0;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++) {
            const mz_check_value *v = &r->numbers[i].values[j];
            rejected += v->number == 20e9 && v->rejected;
            given += v->number == 20e9 && !v->rejected;
        }
    assert_int_equal(rejected, 1);
    assert_int_equal(given, 0);
    mz_check_result_free(r);
    /* a figure far off that counts something else is no answer */
    const char *other = "ذكرنا أن الشرطة اعتقلت 30 صحفيا، والصحيح أن الشرطة التي داهمت المقر "
                        "أمس في وسط العاصمة اعتقلت 18 ناشطا.";
    assert_int_equal(mz_num_corrections(other, strlen(other), c, 4), 0);
}

/* The rejected figure bare, its noun only in the answer: «أن عدد الوفيات
 * بالكوليرا في محافظة الزيتونة 53، والصحيح 44 حالة وفاة». The 53 named no
 * noun, so it was no value at all: a claim of 53 deaths found nothing its
 * source rejects. It counts what the answer counts, rejected. */
static void test_bare_figure_corrected(void **state)
{
    (void)state;
    const char *claim = "بلغ عدد الوفيات بالكوليرا في محافظة الزيتونة 53 حالة";
    const char *b[] = {"ورد في نسخة سابقة من هذا الخبر أن عدد الوفيات بالكوليرا في محافظة الزيتونة "
                       "53، والصحيح 44 حالة وفاة بحسب وزارة الصحة."};
    mz_check_result *r = collect(claim, b, 1);
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].on_claim)
            q = &r->numbers[i];
    assert_non_null(q);
    size_t rejected = 0, given = 0;
    for (size_t i = 0; i < q->n_values; i++) {
        rejected += q->values[i].number == 53 && q->values[i].rejected;
        given += q->values[i].number == 44 && !q->values[i].rejected;
    }
    assert_int_equal(rejected, 1);
    assert_int_equal(given, 1);
    mz_check_result_free(r);
}

/* A percentage is a share already, and written with a decimal it is a
 * precise figure: a turnout of 41.3% does not give a claim's 43.1%, nor do
 * two sources' 41.3% and 43.1% agree. The 10% allowance on each side that
 * counts get (400 and 420 agree) let 41.3 meet anything from 34 to 50. Two
 * percentages agree within the rounding of the coarser (41% and 41.3%). */
static void test_percent_points(void **state)
{
    (void)state;
    const char *claim = "بلغت نسبة المشاركة في الانتخابات البرلمانية 43.1%";
    const char *one[] = {"أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%."};
    mz_check_result *r = collect(claim, one, 1);
    assert_true(r->numbers[0].on_claim && r->numbers[0].claim_unmatched);
    assert_true(r->numbers[0].values[0].off_claim);
    mz_check_result_free(r);
    const char *two[] = {"أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.",
                         "قالت مصادر إن نسبة المشاركة في الانتخابات البرلمانية بلغت 43.1%."};
    r = collect("بلغت نسبة المشاركة في الانتخابات البرلمانية", two, 2);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
    /* rounded by one source: no conflict, and the claim's number given */
    const char *rounded[] = {"أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.",
                             "قالت مصادر إن نسبة المشاركة في الانتخابات البرلمانية بلغت 41%."};
    r = collect("بلغت نسبة المشاركة في الانتخابات البرلمانية 41%", rounded, 2);
    assert_false(r->numbers[0].conflict);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    /* a bound keeps its reach: «أكثر من 40%» allows 41.3% */
    const char *bound[] = {"أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%.",
                           "قالت مصادر إن نسبة المشاركة في الانتخابات البرلمانية بلغت أكثر من 40%."};
    r = collect("بلغت نسبة المشاركة في الانتخابات البرلمانية", bound, 2);
    assert_false(r->numbers[0].conflict);
    mz_check_result_free(r);
}

/* The figure a voice gives in «X وليس Y» is its answer even when it lies
 * within 10% of the figure it rejects: «16.2% وليس 18.5%». The rejection
 * is met exactly; the allowance two sources' figures get (400 and 420 agree)
 * marked the answer itself rejected. */
static void test_answer_near_the_rejected_figure(void **state)
{
    (void)state;
    const char *claim = "ارتفع معدل التضخم في نوران إلى 18.5% في أيلول";
    const char *b[] = {"ارتفع معدل التضخم في نوران إلى 18.5% في أيلول، بحسب وكالة الأنباء.",
                       "تحققنا من خبر ارتفاع معدل التضخم في نوران إلى 18.5% في أيلول.\n"
                       "وتبين أن معدل التضخم بلغ 16.2% وليس 18.5%، بحسب مكتب الإحصاء."};
    mz_check_result *r = members(claim, b, 2);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    size_t answers = 0, quoted = 0;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++) {
            const mz_check_value *v = &r->numbers[i].values[j];
            if (v->number > 16.1 && v->number < 16.3) {
                answers++;
                assert_false(v->rejected);
            } else if (v->voice == 2 && v->number > 18.4 && v->number < 18.6) {
                quoted++;
                assert_true(v->rejected);
            }
        }
    assert_int_equal(answers, 1);
    assert_true(quoted >= 1);
    mz_check_result_free(r);
}

/* A figure a denial governs is not one its voice gives: «نفت الوزارة ضخ
 * مليار ونصف دولار» made the ministry a source of the 1.5 billion it
 * denies. The figure it gives instead («وقالت إن المبلغ لم يتجاوز 600
 * مليون») is its own; «لم تنف» denies nothing; a report that says the
 * figure and quotes the denial still gives it. */
static void test_denied_figure(void **state)
{
    (void)state;
    const char *claim = "قتل القصف 40 مدنيا في حي الميدان";
    const char *deny[] = {"قتل القصف 40 مدنيا في حي الميدان صباح الثلاثاء.",
                          "نفى الجيش مقتل 40 مدنيا في حي الميدان، وقال إن 5 مسلحين فقط قتلوا."};
    mz_check_result *r = collect(claim, deny, 2);
    size_t denied = 0, given = 0;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++) {
            const mz_check_value *v = &r->numbers[i].values[j];
            if (v->voice == 2 && v->number == 40) {
                denied++;
                assert_true(v->rejected);
            } else {
                given++;
                assert_false(v->rejected); /* the wire's 40, the army's 5 */
            }
        }
    assert_int_equal(denied, 1);
    assert_int_equal(given, 2);
    mz_check_result_free(r);
    /* «لم ينف»: no denial; «نفي أو تأكيد»: none either */
    const char *not_denied[] = {deny[0], "ولم ينف الجيش مقتل 40 مدنيا في حي الميدان.",
                                "ولم يصدر أي نفي أو تأكيد لمقتل 40 مدنيا في حي الميدان."};
    r = collect(claim, not_denied, 3);
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++)
            assert_false(r->numbers[i].values[j].rejected);
    mz_check_result_free(r);
    /* a report that quotes the denial and then gives the figure, and one
     * that gives it first */
    const char *report[] = {"نفى الجيش مقتل 40 مدنيا في حي الميدان.\n"
                            "لكن مصادر طبية أكدت مقتل 40 مدنيا في القصف صباح الثلاثاء.",
                            "قتل القصف 40 مدنيا في حي الميدان صباح الثلاثاء.\n"
                            "ونفى الجيش مقتل 40 مدنيا في حي الميدان."};
    r = collect(claim, report, 2);
    size_t n40 = 0;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++)
            if (r->numbers[i].values[j].number == 40) {
                n40++;
                assert_false(r->numbers[i].values[j].rejected);
            }
    assert_int_equal(n40, 2);
    mz_check_result_free(r);
}

/* نفي is also exile: «بعد نفي قسري استمر 8 أشهر» denies nothing, and the
 * 8 months after it were rejected. «نفي الوزارة» still denies. */
static void test_exile_is_no_denial(void **state)
{
    (void)state;
    const char *s = "وعاد 300 من الأهالي بعد نفي قسري استمر 8 أشهر في المخيمات";
    assert_false(mz_num_denied(s, strlen(s), (size_t)(strstr(s, "8") - s)));
    s = "وعاد الأهالي بعد نفيهم قسرا إلى الشمال قبل 8 أشهر";
    assert_false(mz_num_denied(s, strlen(s), (size_t)(strstr(s, "8") - s)));
    s = "وجاء ذلك بعد نفي الوزارة مقتل 8 مدنيين في القصف";
    assert_true(mz_num_denied(s, strlen(s), (size_t)(strstr(s, "8") - s)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_quantity_per_noun),
        cmocka_unit_test(test_exile_is_no_denial),
        cmocka_unit_test(test_one_value_per_article),
        cmocka_unit_test(test_claim_without_a_value),
        cmocka_unit_test(test_unrelated_member_gives_none),
        cmocka_unit_test(test_quantities_order),
        cmocka_unit_test(test_many_values_and_quantities),
        cmocka_unit_test(test_below_reaches_zero),
        cmocka_unit_test(test_broken_plurals_of_places),
        cmocka_unit_test(test_events_of_places),
        cmocka_unit_test(test_correction_of_the_claims_number),
        cmocka_unit_test(test_correction_outside_the_evidence),
        cmocka_unit_test(test_correction_answer_after),
        cmocka_unit_test(test_correction_answer_a_clause_away),
        cmocka_unit_test(test_bare_figure_corrected),
        cmocka_unit_test(test_percent_points),
        cmocka_unit_test(test_answer_near_the_rejected_figure),
        cmocka_unit_test(test_denied_figure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
