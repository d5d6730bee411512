/*
 * test_check_batch.c — `mizan check --claims FILE` as a batch user runs it:
 * what happens when the reports cannot be written. (The line-by-line edge
 * cases are tests/check/test_check.c:test_cli_batch_edges.)
 * Needs MIZAN_BIN (make test sets it) and models/stance.model; skips
 * without them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../shell_output.h"

/* Reports to a full disk (/dev/full): the run said nothing of the lost
 * output, went on checking every claim, and exited 3 for the bad line 1,
 * as if all had been written but that one. Now the first report that
 * cannot be written stops it: exit 1 and why, and line 4 is never reached. */
static void test_unwritable_reports_stop_the_run(void **state)
{
    (void)state;
    const char *bin = cli_bin();
    if (!bin)
        skip();
    char dir[] = "/tmp/mizan-batch-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[4096], *out;
    snprintf(cmd, sizeof cmd,
             "%s ingest --db %s/s.db sample/articles.jsonl >/dev/null 2>&1 && "
             "printf '%%s\\n' '{\"claim\": 5}' 'أفرج لواء الوادي عن 40 أسيرا' "
             "'نفى لواء الوادي صفقة التبادل' '{\"claim\": 6}' > %s/claims.txt",
             bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0);
    for (int json = 0; json < 2; json++) {
        snprintf(cmd, sizeof cmd,
                 "%s check --db %s/s.db %s --claims %s/claims.txt 2>&1 >/dev/full; echo rc=$?", bin,
                 dir, json ? "--json" : "", dir);
        shell_output(cmd, &out);
        assert_non_null(strstr(out, "line 1: field \"claim\" must be a string"));
        assert_non_null(strstr(out, "cannot write the reports: No space left on device"));
        assert_null(strstr(out, "line 4"));
        assert_non_null(strstr(out, "rc=1\n"));
        free(out);
    }
    /* written to a file, all of it, as before: the bad lines exit 3 */
    snprintf(cmd, sizeof cmd,
             "%s check --db %s/s.db --json --claims %s/claims.txt 2>/dev/null >%s/o.jsonl; "
             "echo rc=$?; wc -l < %s/o.jsonl",
             bin, dir, dir, dir, dir);
    shell_output(cmd, &out);
    assert_string_equal(out, "rc=3\n2\n");
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A JSONL line's "id" or "claim_id" given as an object or an array (a
 * batch keyed {"src": "x", "n": 3}) was dropped from the line's JSON report
 * without a word, and the CSV's id cell fell to the other key or stayed
 * empty. Now it is copied as given into the report, and written into the
 * CSV cell as compact JSON text, as a number is. */
static void test_structured_ids_copied(void **state)
{
    (void)state;
    const char *bin = cli_bin();
    if (!bin)
        skip();
    char dir[] = "/tmp/mizan-batch-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const ids[] = {"{\"src\":\"x\",\"n\":3}", "[\"a\",7]", "{\"k\":[1,{\"z\":null}]}"};
    char cmd[4096], *out;
    snprintf(cmd, sizeof cmd,
             "%s ingest --db %s/s.db sample/articles.jsonl >/dev/null 2>&1 && printf '%%s\\n' "
             "'{\"id\": %s, \"claim_id\": 12, \"claim\": \"أفرج لواء الوادي عن 40 أسيرا\"}' "
             "'{\"id\": %s, \"claim\": \"نفى لواء الوادي صفقة التبادل\"}' "
             "'{\"claim_id\": %s, \"claim\": \"نفى لواء الوادي صفقة التبادل\"}' > %s/claims.txt",
             bin, dir, ids[0], ids[1], ids[2], dir);
    assert_int_equal(shell_output(cmd, NULL), 0);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --json --claims %s/claims.txt", bin, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    char *save = NULL, *line = strtok_r(out, "\n", &save);
    for (int i = 0; i < 3; i++, line = strtok_r(NULL, "\n", &save)) {
        assert_non_null(line);
        cJSON *r = cJSON_Parse(line), *want = cJSON_Parse(ids[i]);
        assert_non_null(r);
        const cJSON *got = cJSON_GetObjectItemCaseSensitive(r, i == 2 ? "claim_id" : "id");
        if (!got || !cJSON_Compare(got, want, true))
            fail_msg("line %d: %s not copied: %s", i + 1, ids[i], line);
        assert_int_equal(cJSON_GetObjectItemCaseSensitive(r, "line")->valueint, i + 1);
        if (i == 0) /* the other key beside it, as before */
            assert_int_equal(cJSON_GetObjectItemCaseSensitive(r, "claim_id")->valueint, 12);
        cJSON_Delete(want);
        cJSON_Delete(r);
    }
    free(out);
    /* CSV: the id cell holds the compact JSON, quoted as RFC 4180 asks */
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format csv --claims %s/claims.txt", bin, dir,
             dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    static const char *const cells[] = {"\r\n1,\"{\"\"src\"\":\"\"x\"\",\"\"n\"\":3}\",",
                                        "\r\n2,\"[\"\"a\"\",7]\",",
                                        "\r\n3,\"{\"\"k\"\":[1,{\"\"z\"\":null}]}\","};
    for (int i = 0; i < 3; i++)
        if (!strstr(out, cells[i]))
            fail_msg("CSV row %d lacks the id cell %s: %s", i + 1, cells[i], out);
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* Two JSONL files saved with a byte order mark and joined with cat: the
 * second file's mark opens line 2, which did not start with "{", so the
 * line was checked as plain text: its JSON text weighed as the claim, its
 * id lost, exit 0. Now a mark is skipped at the start of any line. */
static void test_bom_inside_joined_files(void **state)
{
    (void)state;
    const char *bin = cli_bin();
    if (!bin)
        skip();
    char dir[] = "/tmp/mizan-batch-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[4096], *out;
    snprintf(cmd, sizeof cmd,
             "%s ingest --db %s/s.db sample/articles.jsonl >/dev/null 2>&1 && cd %s && "
             "printf '\\357\\273\\277{\"id\": \"A1\", \"claim\": \"أفرج لواء الوادي عن 40 أسيرا\"}\\r\\n' > a.jsonl && "
             "printf '\\357\\273\\277{\"id\": \"B1\", \"claim\": \"نفى لواء الوادي صفقة التبادل\"}\\r\\n' > b.jsonl && "
             "cat a.jsonl b.jsonl > claims.jsonl",
             bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --json --claims %s/claims.jsonl", bin, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    static const char *const want[][2] = {{"A1", "أفرج لواء الوادي عن 40 أسيرا"},
                                          {"B1", "نفى لواء الوادي صفقة التبادل"}};
    char *save = NULL, *line = strtok_r(out, "\n", &save);
    for (int i = 0; i < 2; i++, line = strtok_r(NULL, "\n", &save)) {
        assert_non_null(line);
        cJSON *r = cJSON_Parse(line);
        assert_non_null(r);
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
        if (!cJSON_IsString(id) || strcmp(id->valuestring, want[i][0]))
            fail_msg("line %d: id %s not copied: %s", i + 1, want[i][0], line);
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(r, "claim")->valuestring, want[i][1]);
        cJSON_Delete(r);
    }
    assert_null(line);
    free(out);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format csv --claims %s/claims.jsonl", bin,
             dir, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    if (!strstr(out, "\r\n2,B1,نفى لواء الوادي صفقة التبادل,"))
        fail_msg("CSV row 2 lacks its id and claim: %s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unwritable_reports_stop_the_run),
        cmocka_unit_test(test_structured_ids_copied),
        cmocka_unit_test(test_bom_inside_joined_files),
    };
    return cmocka_run_group_tests_name("check/check_batch", tests, NULL, NULL);
}
