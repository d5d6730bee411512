/* test_list.c — `mizan list` and `mizan search --offset` as a user runs
 * them ($MIZAN_BIN): the lines, the "more" line, --source, --json, strict
 * numbers, and a missing store left missing. Short Arabic articles written
 * for this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/mizan-list-XXXXXX";
static const char *bin;
#include "../cli_run.h" /* cli_dir_open/remove, run(), sh(), write_file(), read_back() */

static const char JSONL[] =
    "{\"title\":\"اجتماع وزراء الخارجية في الدوحة\",\"url\":\"https://mubasher.aljazeera.net/n/1\","
    "\"published\":\"2017-10-10T14:03:00+03:00\",\"text\":\"عقد وزراء الخارجية العرب اجتماعا في "
    "الدوحة لبحث الأزمة.\"}\n"
    "{\"title\":\"خطة جديدة للتعليم\",\"author\":\"سامر الحلبي\",\"url\":\"https://www.aljazeera.net/n/2\",\"published\":"
    "\"2017-10-11\",\"text\":\"أعلنت الحكومة عن خطة جديدة للتعليم في المدارس الحكومية.\"}\n"
    "{\"title\":\"ارتفاع أسعار الخبز في إدلب\",\"url\":\"https://www.enabbaladi.net/3\","
    "\"published\":\"2017-10-10T12:00:00Z\",\"text\":\"ارتفعت أسعار الخبز في أسواق إدلب بنسبة "
    "كبيرة هذا الأسبوع.\"}\n";
static const char TEXT[] = "عودة المياه إلى أحياء المدينة\n"
                           "أفادت مصادر بأن المياه عادت إلى أحياء المدينة بعد انقطاع طويل.\n";

static int setup(void **state)
{
    (void)state;
    if (!cli_dir_open())
        return -1;
    char path[256];
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    FILE *f = fopen(path, "w");
    fputs(JSONL, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/water.txt", dir);
    f = fopen(path, "w");
    fputs(TEXT, f);
    fclose(f);
    char *out;
    int rc = run(&out, "ingest --db l.db a.jsonl water.txt");
    free(out);
    return rc == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return cli_dir_remove();
}

static void test_list_lines(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "list --db l.db"), 0);
    /* newest first (3 is 12:00Z, 1 is 11:03Z), the undated text file last,
     * shown by the file it came from (as given to ingest); no "more" line;
     * the author, when known, after the site as check's member lines put it */
    assert_string_equal(out, "#2  2017-10-11  aljazeera.net — سامر الحلبي  خطة جديدة للتعليم\n"
                             "#3  2017-10-10  enabbaladi.net  ارتفاع أسعار الخبز في إدلب\n"
                             "#1  2017-10-10  mubasher.aljazeera.net  اجتماع وزراء الخارجية في "
                             "الدوحة\n"
                             "#4  -           file: water.txt  عودة المياه إلى أحياء المدينة\n");
    free(out);
    assert_int_equal(run(&out, "list --db l.db -n 2"), 0);
    assert_non_null(strstr(out, "#3  "));
    assert_null(strstr(out, "#1  "));
    assert_non_null(strstr(out, "2 of 4 shown; --offset 2 for more\n"));
    free(out);
    assert_int_equal(run(&out, "list --db l.db -n 1 --offset 2"), 0);
    assert_string_equal(out, "#1  2017-10-10  mubasher.aljazeera.net  اجتماع وزراء الخارجية في "
                             "الدوحة\n1 of 4 shown; --offset 3 for more\n");
    free(out);
    assert_int_equal(run(&out, "list --db l.db --offset 9"), 0);
    assert_non_null(strstr(out, "0 of 4 shown"));
    free(out);
    /* the site as the claim check groups it: mubasher. is aljazeera.net */
    assert_int_equal(run(&out, "list --db l.db --source aljazeera.net"), 0);
    assert_non_null(strstr(out, "#2  "));
    assert_non_null(strstr(out, "#1  "));
    assert_null(strstr(out, "#3  "));
    free(out);
    assert_int_equal(run(&out, "list --db l.db --source الجزيرة"), 0);
    assert_string_equal(out, "no articles of الجزيرة\n");
    free(out);
}

static void test_list_json(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "list --db l.db --json -n 2 --offset 1"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "total")), 4);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "offset")), 1);
    cJSON *arr = cJSON_GetObjectItem(j, "articles");
    assert_int_equal(cJSON_GetArraySize(arr), 2);
    cJSON *a = cJSON_GetArrayItem(arr, 0);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(a, "id")), 3);
    assert_string_equal(cJSON_GetObjectItem(a, "published")->valuestring, "2017-10-10T12:00:00Z");
    assert_non_null(strstr(cJSON_GetObjectItem(a, "origin")->valuestring, "a.jsonl:3"));
    assert_null(cJSON_GetObjectItem(a, "body"));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(a, "author"))); /* none given */
    /* show --json's fields, no body; its versions (none: null and []) and
     * its other places (none: []) */
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(a, "superseded_by")));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(a, "corrects")), 0);
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(a, "places")));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(a, "places")), 0);
    assert_int_equal(cJSON_GetArraySize(a), 10);
    cJSON_Delete(j);
    free(out);
}

static void test_list_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {"-n 0", "-n 1001", "-n ' 5'", "-n +5", "-n ''", "-n 5x",
                                      "--offset -1", "--offset ''", "--offset 1e3",
                                      "--source ''", "extra", "--nope"};
    char *out;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int rc = run(&out, "list --db l.db %s", bad[i]);
        if (rc != 2)
            fail_msg("list %s: exit %d, not 2: %s", bad[i], rc, out);
        free(out);
    }
    /* read-only: a missing store is exit 4, and is not made */
    assert_int_equal(run(&out, "list --db missing.db"), 4);
    assert_non_null(strstr(out, "no such database"));
    free(out);
    char path[256];
    struct stat st;
    snprintf(path, sizeof path, "%s/missing.db", dir);
    assert_int_not_equal(stat(path, &st), 0);
    assert_int_equal(run(&out, "list --db l.db --source $(printf '\\377')"), 3);
    free(out);
    assert_int_equal(run(&out, "list --help"), 0);
    assert_non_null(strstr(out, "Exit codes:"));
    free(out);
    assert_int_equal(run(&out, "--help"), 0);
    assert_non_null(strstr(out, "mizan list "));
    free(out);
}

static void test_search_offset(void **state)
{
    (void)state;
    char *all, *page;
    const char *q = "الخارجية التعليم الخبز المياه";
    assert_int_equal(run(&all, "search --db l.db --json -k 4 '%s'", q), 0);
    assert_int_equal(run(&page, "search --db l.db --json -k 2 --offset 1 '%s'", q), 0);
    cJSON *ja = cJSON_Parse(all), *jp = cJSON_Parse(page);
    cJSON *ha = cJSON_GetObjectItem(ja, "hits"), *hp = cJSON_GetObjectItem(jp, "hits");
    assert_true(cJSON_GetArraySize(ha) >= 3);
    assert_int_equal(cJSON_GetArraySize(hp), 2);
    for (int i = 0; i < 2; i++)
        assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(hp, i), "id")) ==
                    cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(ha, i + 1), "id")));
    cJSON_Delete(ja);
    cJSON_Delete(jp);
    free(all);
    free(page);
    /* numbered from offset + 1 */
    assert_int_equal(run(&page, "search --db l.db -k 1 --offset 1 '%s'", q), 0);
    assert_true(strncmp(page, "2. ", 3) == 0);
    free(page);
    assert_int_equal(run(&page, "search --db l.db --offset 50 '%s'", q), 0);
    assert_string_equal(page, "no matching articles past the first 50\n");
    free(page);
    static const char *const bad[] = {"--offset 10001", "--offset ' 1'", "--offset k"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(run(&page, "search --db l.db %s '%s'", bad[i], q), 2);
        free(page);
    }
}

/* A `published` in the forms newsrooms write is stored as ISO and listed
 * by its day (it came after every dated article, as written); one of no
 * calendar day is stored as written, with a warning on stderr and in
 * --json's "warnings", the exit code 0. */
static void test_list_dates_given(void **state)
{
    (void)state;
    write_file("d.jsonl",
               "{\"title\":\"افتتاح سوق شعبي في حماة\",\"published\":\"الاثنين 6 أبريل 2026\","
               "\"text\":\"افتتحت محافظة حماة سوقا شعبيا جديدا لبيع الخضار.\"}\n"
               "{\"title\":\"ترميم قلعة حلب\",\"published\":\"٣١/٠٢/٢٠٢٦\","
               "\"text\":\"بدأت أعمال ترميم الجزء الشمالي من قلعة حلب.\"}\n"
               "{\"title\":\"عودة الكهرباء إلى دير الزور\",\"published\":\"٠٧/٠٤/٢٠٢٦\","
               "\"text\":\"عادت الكهرباء إلى أحياء دير الزور بعد إصلاح الخط.\"}\n"
               "{\"title\":\"أمطار في طرطوس\",\"published\":\"6 نيسان 2025\","
               "\"text\":\"هطلت أمطار غزيرة على مدينة طرطوس وريفها.\"}\n");
    char *out;
    assert_int_equal(run(&out, "ingest --db d.db d.jsonl"), 0);
    assert_non_null(strstr(out, "mizan ingest: warning: d.jsonl:2: published \"٣١/٠٢/٢٠٢٦\" is no "
                                "calendar day: stored as written, and «أمس» is not resolved from it\n"));
    assert_non_null(strstr(out, "added 4, skipped 0 (duplicates), failed 0\n"));
    free(out);
    assert_int_equal(run(&out, "list --db d.db"), 0);
    assert_string_equal(out, "#3  2026-04-07  file: d.jsonl:3  عودة الكهرباء إلى دير الزور\n"
                             "#1  2026-04-06  file: d.jsonl:1  افتتاح سوق شعبي في حماة\n"
                             "#4  2025-04-06  file: d.jsonl:4  أمطار في طرطوس\n"
                             "#2  -           file: d.jsonl:2  ترميم قلعة حلب\n");
    free(out);
    assert_int_equal(run(&out, "ingest --json --db d2.db d.jsonl"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *w = cJSON_GetObjectItem(j, "warnings");
    assert_int_equal(cJSON_GetArraySize(w), 1);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(w, 0), "origin")->valuestring,
                        "d.jsonl:2");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "errors")), 0);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(j, "ok")));
    cJSON_Delete(j);
    free(out);
    /* --quiet: no warning */
    assert_int_equal(run(&out, "ingest -q --db d3.db d.jsonl"), 0);
    assert_string_equal(out, "added 4, skipped 0 (duplicates), failed 0\n");
    free(out);
}

/* Two versions of one report at one URL (the site corrected the length of
 * the cut): search marks the earlier as superseded, as `list` does, on its
 * line and in --json ("superseded_by", "corrects": they were missing, so a
 * hit did not say it was an older version). */
#define CUT_REST                                                                                   \
    " وقالت المؤسسة إن فرق الصيانة تعمل على استبدال المضخات القديمة وإصلاح الخطوط المتضررة.\\n" \
    "ودعت السكان إلى تخزين ما يكفيهم من المياه خلال فترة الانقطاع والإبلاغ عن أي تسرب في "       \
    "الشبكة.\\nوأضافت أن الصهاريج ستوزع المياه مجانا على المستشفيات والمدارس في الأحياء المتضررة."
static void test_search_versions(void **state)
{
    (void)state;
    static const char *const days[2] = {"2026-02-01", "2026-02-02"};
    static const char *const leads[2] = {"ثلاثة أيام", "يومين"};
    char jsonl[4096] = "", line[2048];
    for (int i = 0; i < 2; i++) {
        snprintf(line, sizeof line,
                 "{\"url\":\"https://halab-today.example/water/88\",\"published\":\"%s\","
                 "\"title\":\"انقطاع المياه عن أحياء حلب الشرقية\",\"text\":\"أعلنت مؤسسة المياه "
                 "في حلب انقطاع المياه عن الأحياء الشرقية لمدة %s بسبب أعمال صيانة في محطة "
                 "الضخ.%s\"}\n",
                 days[i], leads[i], CUT_REST);
        strcat(jsonl, line);
    }
    write_file("v.jsonl", jsonl);
    char *out;
    assert_int_equal(run(&out, "ingest -q --db v.db v.jsonl"), 0);
    free(out);
    assert_int_equal(run(&out, "search --db v.db -k 5 --json 'انقطاع المياه حلب'"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *hits = cJSON_GetObjectItem(j, "hits");
    assert_int_equal(cJSON_GetArraySize(hits), 2);
    int seen = 0;
    cJSON *h;
    cJSON_ArrayForEach(h, hits) {
        int id = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(h, "id"));
        cJSON *by = cJSON_GetObjectItem(h, "superseded_by"), *corrects = cJSON_GetObjectItem(h, "corrects");
        assert_non_null(by);
        assert_true(cJSON_IsArray(corrects));
        if (id == 1) {
            assert_int_equal((int)cJSON_GetNumberValue(by), 2);
            assert_int_equal(cJSON_GetArraySize(corrects), 0);
        } else {
            assert_true(cJSON_IsNull(by));
            assert_int_equal(cJSON_GetArraySize(corrects), 1);
            assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetArrayItem(corrects, 0)), 1);
        }
        seen |= id;
    }
    assert_int_equal(seen, 3);
    cJSON_Delete(j);
    free(out);
    /* the terminal line: the mark `list` gives, on the earlier version's line alone */
    assert_int_equal(run(&out, "search --db v.db -k 5 'انقطاع المياه حلب'"), 0);
    const char *one = strstr(out, "(#1, halab-today.example, score ");
    assert_non_null(one);
    assert_true(strstr(one, ")  (superseded by #2: a later version at this URL)\n") == strchr(one, ')'));
    const char *two = strstr(out, "(#2, ");
    assert_non_null(two);
    const char *mark = strstr(two, "superseded");
    assert_true(!mark || mark > strchr(two, '\n'));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_lines),  cmocka_unit_test(test_list_json),
        cmocka_unit_test(test_list_errors), cmocka_unit_test(test_search_offset),
        cmocka_unit_test(test_list_dates_given), cmocka_unit_test(test_search_versions),
    };
    return cmocka_run_group_tests_name("mizan list", tests, setup, teardown);
}
