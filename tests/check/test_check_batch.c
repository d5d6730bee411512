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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unwritable_reports_stop_the_run),
    };
    return cmocka_run_group_tests_name("check/check_batch", tests, NULL, NULL);
}
