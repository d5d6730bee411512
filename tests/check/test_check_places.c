/* test_check_places.c — a wire story re-published word for word by a second
 * site is one article (an exact duplicate), one voice in the verdict, but
 * the check's report names both sites: the voice's sources, the member's
 * "also at" line (terminal, Markdown) and "places" (JSON). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../shell_output.h"

/* Written for this test. */
#define WIRE                                                                                  \
    "أعلنت وزارة الصحة تسجيل 42 إصابة جديدة بالكوليرا في محافظة دير الزور، وقالت إن فرقها" \
    " وزعت أقراص تعقيم المياه على القرى الواقعة شرق النهر."
#define DENIAL                                                                                \
    "نفت مديرية الصحة في دير الزور وجود أي إصابة بالكوليرا في المحافظة، وقالت إن الحالات" \
    " المسجلة إسهال عادي."
#define CLAIM "سجلت وزارة الصحة 42 إصابة بالكوليرا في دير الزور"

static char dir[] = "/tmp/mizan-places-XXXXXX";

static void put_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Runs "mizan ARGS" on the test's store; the exit code, output in *out. */
static int mizan(char **out, const char *args)
{
    return cli_in_dir(dir, out, args);
}

static void test_copy_named_in_its_voice(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    assert_non_null(mkdtemp(dir));
    put_file("agency.jsonl",
          "{\"text\": \"" WIRE "\", \"url\": \"https://sana.example/health/9031\","
          " \"source\": \"sana.example\", \"published\": \"2026-03-01\"}\n"
          "{\"text\": \"" DENIAL "\", \"url\": \"https://deirezzor24.example/n/12\"}\n");
    put_file("paper.jsonl", "{\"text\": \"" WIRE "\", \"url\": \"https://www.enabbaladi.example/archives/5512\","
                         " \"published\": \"2026-03-03\"}\n");
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db agency.jsonl paper.jsonl"), 0);
    assert_string_equal(out, "added 2, skipped 1 (duplicates, 1 at a new place), failed 0\n");
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db '" CLAIM "'"), 0);
    /* one voice, two sites; the copy's place under the article */
    assert_non_null(strstr(out, "2 articles in 2 independent voices"));
    assert_non_null(strstr(out, "  sana.example, enabbaladi.example\n"));
    assert_non_null(strstr(out, "    https://sana.example/health/9031\n    also at enabbaladi.example: "
                                "https://www.enabbaladi.example/archives/5512 (2026-03-03) (an exact copy)\n"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "المواقع: sana.example، enabbaladi.example\n"));
    assert_non_null(strstr(out, "نُشر النص نفسه أيضًا في enabbaladi.example: "
                                "[https://www.enabbaladi.example/archives/5512]"
                                "(https://www.enabbaladi.example/archives/5512)، 2026-03-03 (an exact copy)\n"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --json '" CLAIM "'"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *voices = cJSON_GetObjectItem(j, "voices");
    assert_int_equal(cJSON_GetArraySize(voices), 2);
    cJSON *v = NULL, *copy = NULL;
    cJSON_ArrayForEach(v, voices)
    {
        cJSON *m0 = cJSON_GetArrayItem(cJSON_GetObjectItem(v, "members"), 0);
        if (cJSON_GetNumberValue(cJSON_GetObjectItem(m0, "article_id")) == 1) {
            cJSON *src = cJSON_GetObjectItem(v, "sources");
            assert_int_equal(cJSON_GetArraySize(src), 2);
            assert_string_equal(cJSON_GetStringValue(cJSON_GetArrayItem(src, 1)), "enabbaladi.example");
            copy = cJSON_GetArrayItem(cJSON_GetObjectItem(m0, "places"), 0);
        } else {
            assert_null(cJSON_GetObjectItem(m0, "places")); /* absent when none */
        }
    }
    assert_non_null(copy);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(copy, "url")),
                        "https://www.enabbaladi.example/archives/5512");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(copy, "exact_copy")));
    cJSON_Delete(j);
    free(out);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A wire story five other sites ran word for word: the report lists three
 * places with their addresses and counts the other two (terminal and
 * Markdown); the JSON keeps all five. It listed every one, forty lines
 * under one article for a story forty sites ran. */
static void test_many_places_counted(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    strcpy(dir, "/tmp/mizan-places-XXXXXX"); /* the first test's mkdtemp filled it */
    assert_non_null(mkdtemp(dir));
    char line[1024], all[8192] = "";
    snprintf(all, sizeof all,
             "{\"text\": \"" WIRE "\", \"url\": \"https://sana.example/health/9031\"}\n");
    for (int i = 1; i <= 5; i++) {
        snprintf(line, sizeof line, "{\"text\": \"" WIRE "\", \"url\": \"https://site%d.example/n/%d\"}\n",
                 i, i);
        strcat(all, line);
    }
    put_file("wire.jsonl", all);
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db wire.jsonl"), 0);
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "    also at site3.example: https://site3.example/n/3 (an exact copy)\n"
                                "    and 2 more places (mizan show 1 lists them)\n"));
    assert_null(strstr(out, "also at site4.example"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "وعدد المواضع الأخرى التي نُشر فيها: 2 (`mizan show 1` يذكرها كلها)\n"));
    assert_null(strstr(out, "site4.example:"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --json '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "https://site5.example/n/5"));
    free(out);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_named_in_its_voice),
        cmocka_unit_test(test_many_places_counted),
    };
    return cmocka_run_group_tests_name("check_places", tests, NULL, NULL);
}
