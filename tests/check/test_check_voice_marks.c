/* test_check_voice_marks.c — through the CLI, the marks a voice the check
 * weighed otherwise than the model read it carries. First, a voice the stance model
 * reads as disagreeing whose only case against the claim is a denial of
 * another matter (the health ministry's denial of a vaccine rumour, for a
 * claim that a million doses arrived: denial_topic.c, verdict.c
 * weigh_other_matter): the JSON marks it other_matter, and the terminal and
 * the Markdown mark the voice and name its denial one of another matter —
 * "denial:" alone read as a denial of the claim. The same store, for the
 * claim the rumour is about, marks the reports of the topic (topic_only).
 * Articles written for this test. */
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

#define ROW(TITLE, TEXT, SITE, N)                                                             \
    "{\"title\": \"" TITLE "\", \"text\": \"" TEXT "\", \"source\": \"" SITE "\", \"url\": " \
    "\"https://" SITE "/h/" N "\"}\n"
#define POOL                                                                                  \
    ROW("وصول مليون جرعة من لقاح الكوليرا إلى الزيتونة",                                     \
        "أعلنت وزارة الصحة يوم الأربعاء وصول مليون جرعة من لقاح الكوليرا الفموي إلى محافظة " \
        "الزيتونة، وقالت إن حملة التطعيم تبدأ الأسبوع المقبل.",                              \
        "al-marsad.example", "1")                                                             \
    ROW("120 إصابة جديدة بالكوليرا في الزيتونة",                                              \
        "سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا في محافظة الزيتونة، وقالت إن المستشفيات " \
        "تستقبل المرضى على مدار الساعة.",                                                    \
        "al-wadi.example", "2")                                                               \
    ROW("ارتفاع الوفيات بالكوليرا في الزيتونة",                                               \
        "ارتفع عدد الوفيات بالكوليرا في محافظة الزيتونة إلى 35 حالة، بحسب مصادر طبية في "    \
        "المحافظة.",                                                                         \
        "sahel-news.example", "3")                                                            \
    ROW("الصحة تنفي وفاة أطفال بعد التطعيم", RUMOUR, "raqib.example", "4")
#define RUMOUR                                                                                \
    "نفت وزارة الصحة ما تداولته مواقع التواصل عن وفاة أطفال بعد التطعيم ضد الكوليرا في "   \
    "محافظة الزيتونة، مؤكدة أن اللقاح آمن."
#define CLAIM "وصلت مليون جرعة من لقاح الكوليرا إلى محافظة الزيتونة"

static char dir[] = "/tmp/mizan-voice-marks-XXXXXX";

/* Runs "mizan ARGS" on the test's store; the exit code, output in *out. */
static int mizan(char **out, const char *args)
{
    return cli_in_dir(dir, out, args);
}

static void test_denial_of_another_matter_marked(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/h.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(POOL, f);
    assert_int_equal(fclose(f), 0);
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db h.jsonl"), 0);
    free(out);

    assert_int_equal(mizan(&out, "check --db s.db --json '" CLAIM "'"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "verdict")), "supported");
    const cJSON *v, *marked = NULL;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(j, "voices"))
    {
        if (cJSON_IsTrue(cJSON_GetObjectItem(v, "other_matter"))) {
            assert_null(marked); /* the rumour's voice alone */
            marked = v;
        }
    }
    assert_non_null(marked);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(marked, "stance")), "unrelated");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetArrayItem(cJSON_GetObjectItem(marked, "sources"), 0)),
                        "raqib.example");
    cJSON_Delete(j);
    free(out);

    assert_int_equal(mizan(&out, "check --db s.db '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "raqib.example  (read disagree, but it denies another matter: "
                                "weighed as unrelated)\n"));
    /* its sentence is not said to deny the claim */
    assert_non_null(strstr(out, "    denial of another matter: «" RUMOUR "»\n"));
    assert_null(strstr(out, "    denial: «"));
    free(out);

    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" CLAIM "'"), 0);
    assert_non_null(strstr(out, "المواقع: raqib.example\n\nقرأه نموذج الموقف نافيًا، لكنه ينفي أمرًا "
                                "آخر: وُزن غير ذي صلة بالادعاء (read disagree, but it denies another "
                                "matter: weighed as unrelated)\n"));
    assert_non_null(strstr(out, "نفي لأمر آخر (denial of another matter):\n\n> " RUMOUR "\n"));
    assert_null(strstr(out, "نفي (denial)"));
    free(out);
    snprintf(path, sizeof path, "rm -rf %s", dir);
    assert_int_equal(system(path), 0);
}

/* Denied, then confirmed (overtaken.c): a ministry's denial of 1 March, and
 * two reports of 6 March that confirm the resignation, one telling the
 * denial as past. The denial's voice is shown, marked as not weighed, in
 * the terminal and the Markdown; the JSON has its overtaken_by. */
#define DATED(TITLE, TEXT, SITE, N, DAY)                                                      \
    "{\"title\": \"" TITLE "\", \"text\": \"" TEXT "\", \"source\": \"" SITE "\", \"url\": " \
    "\"https://" SITE "/n/" N "\", \"published\": \"" DAY "\"}\n"
#define RESIGNATION                                                                           \
    DATED("الصحة تنفي استقالة الوزير",                                                        \
          "نفت وزارة الصحة في بيان رسمي صحة الأنباء عن استقالة وزير الصحة سمير حداد من "      \
          "منصبه، ودعت وسائل الإعلام إلى تحري الدقة.",                                        \
          "nabd.example", "1", "2026-03-01")                                                  \
    DATED("الحكومة تقبل استقالة وزير الصحة",                                                  \
          "أعلنت الحكومة قبول استقالة وزير الصحة سمير حداد من منصبه. وكانت الوزارة قد نفت "  \
          "يوم الأحد الماضي استقالة الوزير من منصبه.",                                        \
          "sahel.example", "2", "2026-03-06")                                                 \
    DATED("رئيس الحكومة يقبل استقالة حداد",                                                   \
          "قبل رئيس الحكومة استقالة وزير الصحة سمير حداد من منصبه وكلف وزير التعليم بتسيير " \
          "الوزارة.",                                                                         \
          "wire.example", "3", "2026-03-06")
#define RESIGNED "استقال وزير الصحة سمير حداد من منصبه"

static void test_overtaken_denial_marked(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    strcpy(dir, "/tmp/mizan-voice-marks-XXXXXX"); /* the first test's mkdtemp filled it */
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/r.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(RESIGNATION, f);
    assert_int_equal(fclose(f), 0);
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db r.jsonl"), 0);
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --json '" RESIGNED "'"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "verdict")), "supported");
    size_t overtaken = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(j, "voices"))
        overtaken += cJSON_IsObject(cJSON_GetObjectItem(v, "overtaken_by"));
    assert_int_equal(overtaken, 1);
    cJSON_Delete(j);
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db '" RESIGNED "'"), 0);
    assert_non_null(strstr(out, "nabd.example  (a denial later reports tell as past: not weighed)\n"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" RESIGNED "'"), 0);
    assert_non_null(strstr(out, "المواقع: nabd.example\n\nنفيٌ تذكره تقارير لاحقة على أنه سابق: لا "
                                "يُوزن (a denial later reports tell as past: not weighed)\n"));
    free(out);
    snprintf(path, sizeof path, "rm -rf %s", dir);
    assert_int_equal(system(path), 0);
}

/* The mirror (verdict.c weigh_topic_only): for the claim the rumour is
 * about, the children's deaths, the three reports of the outbreak the model
 * reads agree tell only the story's topic against the ministry's denial:
 * marked topic_only, weighed as unrelated, shown and marked in the terminal
 * and the Markdown, and not counted as sources that report the claim (the
 * claim was disputed, "3 independent sources report it"). */
#define DEATHS "وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة"

static void test_report_of_the_topic_marked(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    strcpy(dir, "/tmp/mizan-voice-marks-XXXXXX"); /* an earlier test's mkdtemp filled it */
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/h.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(POOL, f);
    assert_int_equal(fclose(f), 0);
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db h.jsonl"), 0);
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --json '" DEATHS "'"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "verdict")), "refuted");
    assert_null(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(j, "reason")), "report it"));
    size_t marked = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(j, "voices"))
    {
        if (!cJSON_IsTrue(cJSON_GetObjectItem(v, "topic_only")))
            continue;
        marked++;
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(v, "stance")), "unrelated");
        assert_false(cJSON_IsTrue(cJSON_GetObjectItem(v, "counted")));
    }
    assert_int_equal(marked, 3);
    cJSON_Delete(j);
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db '" DEATHS "'"), 0);
    assert_non_null(strstr(out, "al-marsad.example  (read agree, but it tells only the story's "
                                "topic: weighed as unrelated)\n"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" DEATHS "'"), 0);
    assert_non_null(strstr(out, "المواقع: al-marsad.example\n\nقرأه نموذج الموقف مؤيدًا، لكنه لا "
                                "ينقل إلا موضوع القصة: وُزن غير ذي صلة بالادعاء (read agree, but it "
                                "tells only the story's topic: weighed as unrelated)\n"));
    free(out);
    snprintf(path, sizeof path, "rm -rf %s", dir);
    assert_int_equal(system(path), 0);
}

/* A voice the model reads agree that tells the event the claim dates was
 * moved off the claim's day (verdict.c weigh_moved_day) is marked, in the
 * JSON, the terminal and the Markdown, as other_figure's voices are: it
 * read "disagree 0.95" with nothing to say why. */
static void test_moved_day_marked(void **state)
{
    (void)state;
    if (!cli_bin())
        skip();
    strcpy(dir, "/tmp/mizan-voice-marks-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/h.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"title\": \"الوزير: نتائج الثانوية العامة السبت\", \"text\": \"قال وزير التربية "
          "والتعليم إن نتائج امتحانات الثانوية العامة ستعلن يوم السبت 4 تموز في مؤتمر صحفي "
          "بمقر الوزارة.\", \"source\": \"a.example\", \"url\": \"https://a.example/r/1\", "
          "\"published\": \"2026-07-01\"}\n"
          "{\"title\": \"تأجيل إعلان نتائج الثانوية العامة\", \"text\": \"أعلنت وزارة التربية "
          "والتعليم تأجيل إعلان نتائج امتحانات الثانوية العامة إلى الأحد المقبل 5 تموز، بسبب "
          "إعادة تدقيق الدرجات في عدد من المحافظات.\", \"source\": \"b.example\", \"url\": "
          "\"https://b.example/r/2\", \"published\": \"2026-07-03\"}\n",
          f);
    assert_int_equal(fclose(f), 0);
    char *out;
    assert_int_equal(mizan(&out, "ingest --db s.db h.jsonl"), 0);
    free(out);
#define RESULTS "تعلن نتائج الثانوية العامة يوم السبت 4 تموز"
    assert_int_equal(mizan(&out, "check --db s.db --json '" RESULTS "'"), 0);
    assert_non_null(strstr(out, "\"moved_day_weighed\":"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db '" RESULTS "'"), 0);
    assert_non_null(strstr(out, "b.example  (read agree, but tells the event was moved off the "
                                "claim's day: weighed as disagreeing)\n"));
    /* the minister's word of 1 July told the plan the postponement of the
     * 3rd moved (plan_before_move.c): marked, as it is not weighed */
    assert_non_null(strstr(out, "a.example  (gave the claim's day before the event was reported "
                                "moved off it: the plan, not weighed)\n"));
    free(out);
    assert_int_equal(mizan(&out, "check --db s.db --format markdown '" RESULTS "'"), 0);
    assert_non_null(strstr(out, "ينقل تأجيل الحدث عن يوم الادعاء: وُزن نافيًا له (read agree, but "
                                "tells the event was moved off the claim's day: weighed as "
                                "disagreeing)\n"));
    assert_non_null(strstr(out, "الموعد المقرر، لا يُوزن (gave the claim's day before the event "
                                "was reported moved off it: the plan, not weighed)\n"));
    free(out);
#undef RESULTS
    snprintf(path, sizeof path, "rm -rf %s", dir);
    assert_int_equal(system(path), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_denial_of_another_matter_marked),
        cmocka_unit_test(test_overtaken_denial_marked),
        cmocka_unit_test(test_report_of_the_topic_marked),
        cmocka_unit_test(test_moved_day_marked),
    };
    return cmocka_run_group_tests_name("check/check_voice_marks", tests, NULL, NULL);
}
