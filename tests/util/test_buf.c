/* test_buf.c — growable buffers, file reading limits, error filling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

static void test_buf_append_arabic(void **state)
{
    (void)state;
    mz_buf b = {0};
    for (int i = 0; i < 1000; i++)
        assert_int_equal(mz_buf_puts(&b, "ميزان "), 0);
    assert_int_equal(b.len, 1000 * strlen("ميزان "));
    assert_int_equal(mz_buf_printf(&b, "%d%%", 85), 0);
    assert_string_equal(b.p + b.len - 3, "85%");
    char *s = mz_buf_take(&b);
    assert_null(b.p);
    assert_memory_equal(s, "ميزان ", strlen("ميزان "));
    free(s);
}

static void test_read_file_limits(void **state)
{
    (void)state;
    char path[] = "/tmp/mizan-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("نفت قوات سوريا الديمقراطية", f);
    fclose(f);
    char *text;
    size_t len;
    mz_error err;
    assert_int_equal(mz_read_file(path, 0, &text, &len, &err), MZ_OK);
    assert_string_equal(text, "نفت قوات سوريا الديمقراطية");
    free(text);
    assert_int_equal(mz_read_file(path, 10, &text, &len, &err), MZ_ERR_TOO_LARGE);
    assert_null(text);
    assert_non_null(strstr(err.msg, "limit"));
    unlink(path);
    assert_int_equal(mz_read_file(path, 0, &text, &len, &err), MZ_ERR_NOT_FOUND);
    /* a folder is no file there: not found (exit 5), not an I/O failure (exit 1) */
    assert_int_equal(mz_read_file("/tmp", 0, &text, &len, &err), MZ_ERR_NOT_FOUND);
    assert_string_equal(err.msg, "/tmp: is a directory, not a file");
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(mz_status_name(MZ_ERR_UTF8), "invalid_utf8");
    mz_error err;
    assert_int_equal(mz_fail(&err, MZ_ERR_DB_LOCKED, "db %s", "x"), MZ_ERR_DB_LOCKED);
    assert_string_equal(err.msg, "db x");
    assert_int_equal(mz_fail(NULL, MZ_ERR_IO, "ignored"), MZ_ERR_IO);
}

/* A message cut at the buffer's end (a long Arabic file name) stays valid
 * UTF-8: the cut never falls inside a character. */
static void test_long_message_cut_whole(void **state)
{
    (void)state;
    mz_error err;
    for (int pad = 0; pad < 4; pad++) {
        char name[1200];
        memset(name, 'x', (size_t)pad);
        name[pad] = '\0';
        for (int i = 0; i < 300; i++)
            strcat(name, i % 2 ? "ك" : "€"); /* 2- and 3-byte characters */
        mz_fail(&err, MZ_ERR_IO, "%s: read error", name);
        size_t n = strlen(err.msg);
        assert_true(n < sizeof err.msg && n + 4 >= sizeof err.msg - 1);
        assert_memory_equal(err.msg, name, n);
        assert_int_equal(mz_utf8_check(err.msg, n, NULL), MZ_OK);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_append_arabic),
        cmocka_unit_test(test_read_file_limits),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_long_message_cut_whole),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
