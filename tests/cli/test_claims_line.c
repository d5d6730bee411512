/* test_claims_line.c — one line of `mizan check --claims FILE`
 * (cli_claim_of_line): plain text, JSONL with "claim", and the errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <string.h>

#include "cli/cli.h"

static void test_plain_and_json(void **state)
{
    (void)state;
    char plain[] = "البنك المركزي رفع سعر الفائدة";
    char *claim;
    void *tree;
    mz_error err;
    assert_int_equal(cli_claim_of_line(plain, 1, &claim, &tree, &err), MZ_OK);
    assert_ptr_equal(claim, plain);
    assert_null(tree);
    char json[] = " \t{\"claim\": \"افتتاح جسر جديد\", \"id\": 7}  \t";
    assert_int_equal(cli_claim_of_line(json, 2, &claim, &tree, &err), MZ_OK);
    assert_string_equal(claim, "افتتاح جسر جديد");
    assert_non_null(tree);
    cJSON_Delete(tree);
}

/* Seen writing fuzz_claims_line: text after the object was ignored, so two
 * claims glued on one line checked only the first, silently. */
static void test_text_after_object(void **state)
{
    (void)state;
    char glued[] = "{\"claim\": \"نص أول\"} {\"claim\": \"نص ثان\"}";
    char *claim;
    void *tree = (void *)1;
    mz_error err;
    assert_int_equal(cli_claim_of_line(glued, 4, &claim, &tree, &err), MZ_ERR_JSON);
    assert_null(tree);
    assert_string_equal(err.msg, "line 4: text after the JSON object at byte 25");
}

static void test_errors(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"{\"claim\": \"بلا نهاية", "line 9: malformed JSON"},
        {"{\"text\": \"نص\"}", "line 9: no \"claim\" string"},
        {"{\"claim\": 5}", "line 9: field \"claim\" must be a string"},
        {"{\"claim\": [\"نص\"]}", "line 9: field \"claim\" must be a string"},
        {"{\"claim\": null}", "line 9: no \"claim\" string"},
        /* cJSON would end the claim at the NUL: «نفت» checked instead */
        {"{\"claim\": \"نفت\\u0000 قسد\"}", "line 9: NUL character (\\u0000) at byte 17"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char line[64];
        strcpy(line, cases[i][0]);
        char *claim;
        void *tree;
        mz_error err;
        assert_int_equal(cli_claim_of_line(line, 9, &claim, &tree, &err), MZ_ERR_JSON);
        assert_null(tree);
        assert_string_equal(err.msg, cases[i][1]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_json),
        cmocka_unit_test(test_text_after_object),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("cli/claims_line", tests, NULL, NULL);
}
