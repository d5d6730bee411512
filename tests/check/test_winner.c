/* test_winner.c — who won, read from a sentence (winner.c), and a claim
 * that names the other side the winner of the match or title weighed as
 * refuted (other_winner.c, verdict.c weigh_other_winner): «فاز نادي الجبل
 * بكأس الساحل» came out supported 0.56 from a report that نادي الميناء
 * beat نادي الجبل in the final. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/winner.h"

static void check_read(const char *s, bool found, const char *win, const char *lose)
{
    mz_word ws[64];
    mz_word_iter it;
    mz_words_init(&it, s, strlen(s));
    size_t n = 0;
    while (n < 64 && mz_words_next(&it, &ws[n]))
        n++;
    mz_winner_read r;
    bool f = mz_read_winner(ws, n, &r);
    char a[256] = "-", b[256] = "-";
    if (f && r.win_a < r.win_b)
        snprintf(a, sizeof a, "%.*s", (int)(ws[r.win_b - 1].end - ws[r.win_a].start), s + ws[r.win_a].start);
    if (f && r.lose_a < r.lose_b)
        snprintf(b, sizeof b, "%.*s", (int)(ws[r.lose_b - 1].end - ws[r.lose_a].start),
                 s + ws[r.lose_a].start);
    if (f != found || (found && (strcmp(a, win) || strcmp(b, lose))))
        fail_msg("«%s»: found %d «%s» over «%s»; want %d «%s» over «%s»", s, f, a, b, found, win, lose);
}

static void test_reader(void **state)
{
    (void)state;
    check_read("أحرز نادي الميناء كأس الساحل لكرة القدم بعد فوزه على نادي الجبل بهدفين مقابل هدف.",
               true, "نادي الميناء", "نادي الجبل");
    check_read("فاز نادي الجبل بكأس الساحل لكرة القدم", true, "نادي الجبل", "-");
    check_read("تغلب منتخب الأردن على منتخب العراق في المباراة", true, "منتخب الأردن", "منتخب العراق");
    check_read("خسر نادي الشعلة أمام نادي الميناء في الدوري", true, "نادي الميناء", "نادي الشعلة");
    check_read("نادي الشعلة يهزم نادي الميناء في الدوري", true, "نادي الشعلة", "نادي الميناء");
    check_read("توج نادي الميناء باللقب بعد المباراة النهائية", true, "نادي الميناء", "-");
    /* war news is no match: no win */
    check_read("تغلب الجيش على المسلحين وسيطرت القوات على المدينة", false, "", "");
    check_read("أحرز المهاجم هدفين في المباراة", false, "", "");
}

/* One agreeing voice per body, the winners read and the verdict decided. */
static mz_check_result *decided(const char *claim, const char *const *body, size_t n)
{
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(n, sizeof *r->members);
    r->voices = calloc(n, sizeof *r->voices);
    r->n_members = r->n_voices = n;
    for (size_t i = 0; i < n; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = (int64_t)i + 1;
        m->voice = (int)i + 1;
        m->stance = MZ_AGREE;
        m->body = strdup(body[i]);
        m->body_len = strlen(body[i]);
        m->source = strdup(i ? "sada-alkora.example" : "riyada-today.example");
        m->n_evidence = 1;
        m->evidence[0] = (mz_evidence){0, m->body_len, 0.8, "assertion"};
        mz_check_voice *v = &r->voices[i];
        v->stance = MZ_AGREE;
        v->probs[MZ_AGREE] = 0.9;
        v->probs[MZ_DISAGREE] = v->probs[MZ_DISCUSS] = v->probs[MZ_UNRELATED] = 0.1 / 3;
        v->weight = 1 - v->probs[MZ_UNRELATED];
        v->members = calloc(1, sizeof *v->members);
        v->members[0] = i;
        v->n_members = 1;
    }
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_check_read_winners(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *const final[] = {
    "أحرز نادي الميناء كأس الساحل لكرة القدم بعد فوزه على نادي الجبل بهدفين مقابل هدف في "
    "المباراة النهائية التي أقيمت مساء الخميس."};

static void test_loser_as_winner_not_supported(void **state)
{
    (void)state;
    mz_check_result *r = decided("فاز نادي الجبل بكأس الساحل لكرة القدم", final, 1);
    assert_true(r->voices[0].other_winner);
    assert_int_equal(r->verdict, MZ_REFUTED);
    assert_non_null(strstr(r->reason, "The sources give another winner: نادي الميناء"));
    assert_non_null(strstr(r->reason_ar, "تذكر المصادر فائزًا آخر: نادي الميناء"));
    mz_check_result_free(r);
    r = decided("فاز نادي الجبل على نادي الميناء", final, 1);
    assert_true(r->voices[0].other_winner);
    assert_int_not_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
}

static void test_true_winner_supported(void **state)
{
    (void)state;
    mz_check_result *r = decided("فاز نادي الميناء بكأس الساحل لكرة القدم", final, 1);
    assert_false(r->voices[0].gives_other_winner);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
    /* one source names the claim's winner: the other's is left as read */
    const char *two[] = {final[0], "فاز نادي الجبل بكأس الساحل بعد المباراة النهائية"};
    r = decided("فاز نادي الجبل بكأس الساحل لكرة القدم", two, 2);
    assert_false(r->voices[0].gives_other_winner || r->voices[1].gives_other_winner);
    mz_check_result_free(r);
}

static void test_other_match_moves_nothing(void **state)
{
    (void)state;
    const char *other[] = {"فاز نادي الشعلة على نادي الوادي بثلاثة أهداف في مباراة الدوري."};
    mz_check_result *r = decided("فاز نادي الجبل على نادي الميناء", other, 1);
    assert_false(r->voices[0].gives_other_winner);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
    /* a claim that names no winner */
    r = decided("أقيمت المباراة النهائية لكأس الساحل مساء الخميس", final, 1);
    assert_false(r->voices[0].gives_other_winner);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader),
        cmocka_unit_test(test_loser_as_winner_not_supported),
        cmocka_unit_test(test_true_winner_supported),
        cmocka_unit_test(test_other_match_moves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
