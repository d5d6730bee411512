/* test_versions.c — a corrected article stored beside the version it
 * corrects (a re-scrape: the same URL, a near-copy text) supersedes it at
 * check time (src/check/versions.c): the later version is weighed, the
 * earlier is listed as superseded and weighed in nothing, not its stance,
 * its denial nor its numbers. Different texts under one URL (a listing
 * page) and one text under two URLs (a wire copy) are as before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "json/json.h"
#include "store/db.h"
#include "../shell_output.h"

#define URL "https://alghad.example/local/bread-2018"

/* The rest of the bread story, the same in both versions. */
#define BREAD_REST                                                                                 \
    "\nوقال متحدث باسم الوزارة إن أسعار الخبز العربي والكماج في جميع المخابز ما زالت كما هي.\n"  \
     "وكان نواب في البرلمان قد طالبوا الحكومة بمراجعة سياسة دعم الطحين حماية للأسر ذات الدخل "     \
     "المحدود.\nوشهدت بعض المخابز ازدحاما مساء السبت بعد انتشار الأنباء على مواقع التواصل "        \
     "الاجتماعي."

/* The first version reported the rise; the site corrected its lead: the
 * ministry denied it. */
static const char *bread_old =
    "رفعت وزارة الصناعة والتجارة الأردنية أسعار الخبز في عمان بنسبة 20 بالمئة اعتبارا من يوم "
    "الأحد بعد قرار الحكومة رفع الدعم عن الطحين." BREAD_REST;
static const char *bread_new =
    "نفت وزارة الصناعة والتجارة الأردنية أنباء عن رفع أسعار الخبز في عمان بنسبة 20 بالمئة "
    "اعتبارا من يوم الأحد بعد قرار الحكومة رفع الدعم عن الطحين." BREAD_REST;
static const char *bread_claim = "رفعت الحكومة الأردنية أسعار الخبز في عمان بنسبة عشرين بالمئة";

#define RAID_REST                                                                                  \
    "\nوقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت أنقاض منزلين في الحي الشرقي للبلدة.\n"  \
     "وأضاف أن الطائرات استهدفت السوق الشعبي في ساعة الذروة حين كان مزدحما بالمتسوقين.\n"        \
     "وتتعرض البلدة لقصف متكرر منذ بداية الشهر، ونزح منها مئات العائلات نحو المخيمات القريبة من " \
     "الحدود."

/* A toll corrected from 20 to 30. */
static const char *raid_old = "قتل 20 مدنيا وأصيب 12 آخرون في قصف جوي على بلدة سراقب بريف إدلب "
                              "صباح الثلاثاء، بحسب الدفاع المدني." RAID_REST;
static const char *raid_new = "قتل 30 مدنيا وأصيب 12 آخرون في قصف جوي على بلدة سراقب بريف إدلب "
                              "صباح الثلاثاء، بحسب الدفاع المدني." RAID_REST;
static const char *raid_claim = "قتل 20 مدنيا في قصف على بلدة سراقب";

/* Another story of the same section page, days later. */
static const char *bread_plea =
    "طالبت جمعية حماية المستهلك في عمان الحكومة الأردنية بالتراجع عن رفع أسعار الخبز، وقالت إن "
    "الأسر الفقيرة لا تحتمل أعباء جديدة.\nودعت الجمعية إلى مقاطعة المخابز التي ترفع أسعار "
    "الحلويات والمعجنات دون إذن.\nوقال رئيس الجمعية في مؤتمر صحفي إن دعم الطحين يجب أن يصل إلى "
    "مستحقيه.";

typedef struct fixture {
    mz_db *db;
    mz_model *model;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    mz_error err;
    if (!f || mz_model_load(NULL, &f->model, &err) != MZ_OK) {
        print_message("no stance model\n");
        free(f);
        return -1;
    }
    if (mz_db_open(":memory:", 0, &f->db, &err) != MZ_OK) {
        mz_model_free(f->model);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mz_db_close(f->db);
    mz_model_free(f->model);
    free(f);
    return 0;
}

/* Stores an article (its site taken from its URL); returns its id. */
static int64_t add(fixture *f, const char *url, const char *published, const char *text)
{
    mz_article_input in = {.text = text, .text_len = strlen(text), .url = url,
                           .published = published};
    int64_t id = 0;
    mz_error err;
    assert_int_equal(mz_article_add(f->db, &in, &id, &err), MZ_OK);
    return id;
}

static mz_check_result *check(fixture *f, const char *claim)
{
    mz_check_result *r = NULL;
    mz_error err;
    assert_int_equal(mz_check(f->db, f->model, claim, NULL, &r, &err), MZ_OK);
    return r;
}

static const mz_check_member *member(const mz_check_result *r, int64_t id)
{
    for (size_t i = 0; i < r->n_members; i++)
        if (r->members[i].article_id == id)
            return &r->members[i];
    fail_msg("article #%lld is not in the report", (long long)id);
    return NULL;
}

/* The voice that holds article id. */
static const mz_check_voice *voice_of(const mz_check_result *r, int64_t id)
{
    const mz_check_member *m = member(r, id);
    assert_true(m->voice >= 1 && (size_t)m->voice <= r->n_voices);
    return &r->voices[m->voice - 1];
}

/* The corrected version denies what the first one reported: the claim is
 * refuted by it, where the first version (the voice's most related member
 * by a hair, and retrieved first) made it SUPPORTED, the denial only "also
 * reported". The first version is listed last in the voice, superseded by
 * the second. */
static void test_correction_wins(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, URL, "2018-03-04", bread_old);
    int64_t new_id = add(f, URL, "2018-03-05", bread_new);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    assert_int_equal(member(r, new_id)->superseded_by, 0);
    const mz_check_voice *v = voice_of(r, old_id);
    assert_ptr_equal(v, voice_of(r, new_id)); /* one voice, as before */
    assert_int_equal(v->n_members, 2);
    assert_int_equal(r->members[v->members[0]].article_id, new_id);
    assert_int_equal(r->members[v->members[1]].article_id, old_id);
    assert_int_equal(v->stance, MZ_DISAGREE);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    assert_null(strstr(mz_check_reason(r), "رفعت وزارة")); /* the old lead is quoted nowhere */
    mz_check_result_free(r);
}

/* Ingested in the other order (the old version re-scraped from an archive
 * after the correction): its publication day still makes it the earlier. */
static void test_publication_day_over_ingest_order(void **state)
{
    fixture *f = *state;
    int64_t new_id = add(f, URL, "2018-03-05T09:30:00Z", bread_new);
    int64_t old_id = add(f, URL, "Sun, 04 Mar 2018 08:00:00 +0200", bread_old);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    assert_int_equal(member(r, new_id)->superseded_by, 0);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    mz_check_result_free(r);
}

/* With no publication day on one of them, the one ingested later counts:
 * here the old text re-ingested after the correction (what a store of
 * undated scrapes can tell). */
static void test_undated_by_ingest_order(void **state)
{
    fixture *f = *state;
    int64_t first = add(f, URL, "2018-03-05", bread_new);
    int64_t second = add(f, URL, NULL, bread_old);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, first)->superseded_by, second);
    assert_int_equal(member(r, second)->superseded_by, 0);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* A toll corrected from 20 to 30: the old figure is no value any source
 * gives, so no source gives the claim's 20 (claim_unmatched, said in the
 * reason), where the old version's 20 matched it. */
static void test_corrected_number(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, URL, "2018-03-04", raid_old);
    int64_t new_id = add(f, URL, "2018-03-05", raid_new);
    mz_check_result *r = check(f, raid_claim);
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    bool found = false;
    for (size_t q = 0; q < r->n_numbers; q++) {
        const mz_check_quantity *qt = &r->numbers[q];
        for (size_t i = 0; i < qt->n_values; i++)
            assert_int_not_equal(qt->values[i].article_id, old_id);
        if (qt->has_claim_value) {
            found = true;
            assert_true(qt->claim_unmatched);
            assert_int_equal(qt->n_values, 1);
            assert_float_equal(qt->values[0].number, 30, 0);
        }
    }
    assert_true(found);
    assert_non_null(strstr(mz_check_reason(r), "No source gives the claim's number"));
    assert_non_null(strstr(mz_check_reason(r), "قتل 30 مدنيا"));
    mz_check_result_free(r);
}

/* The correction ranked past k: the old version, whose 20 is the claim's,
 * ranks first, and with k = 1 the check took it alone and weighed it, the
 * correction left unseen. The later version of a kept candidate is pulled
 * in from the pool (mz_pull_later_versions): it is weighed, the old one
 * superseded, and no source gives the claim's 20. */
static void test_correction_past_k(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, URL, "2018-03-04", raid_old);
    int64_t new_id = add(f, URL, "2018-03-05", raid_new);
    mz_check_options opt = {.k = 1};
    mz_check_result *r = NULL;
    mz_error err;
    assert_int_equal(mz_check(f->db, f->model, raid_claim, &opt, &r, &err), MZ_OK);
    assert_int_equal(r->n_members, 2);
    assert_int_equal(r->members[0].article_id, old_id); /* the k, as ranked */
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    assert_int_equal(member(r, new_id)->superseded_by, 0);
    assert_non_null(strstr(mz_check_reason(r), "قتل 30 مدنيا"));
    mz_check_result_free(r);
    /* an article of another URL past k is not pulled in */
    int64_t other = add(f, "https://alghad.example/local/raid-other", "2018-03-06",
                        "قتل 20 مدنيا في قصف جوي على بلدة سراقب بريف إدلب، وشيعت البلدة ضحاياها."
                        RAID_REST);
    assert_int_equal(mz_check(f->db, f->model, raid_claim, &opt, &r, &err), MZ_OK);
    assert_int_equal(r->n_members, 1); /* it ranks first; the two versions stay past k */
    assert_int_equal(r->members[0].article_id, other);
    mz_check_result_free(r);
}

/* A re-scrape stores the page's address in another form: http for https,
 * "www.", a trailing slash, the path's Arabic escaped, a tracking parameter
 * and a fragment. Still one URL, as a reader sees it: the correction wins
 * (byte-equal URLs only, the old version was weighed and the claim
 * SUPPORTED). */
static void test_url_forms_are_one_url(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, "http://www.alghad.example/local/%D8%A7%D9%84%D8%AE%D8%A8%D8%B2-2018",
                         "2018-03-04", bread_old);
    int64_t new_id = add(f, "https://alghad.example/local/الخبز-2018/?utm_source=twitter#comments",
                         "2018-03-05", bread_new);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    assert_int_equal(member(r, new_id)->superseded_by, 0);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    mz_check_result_free(r);
}

/* ?id=12 and ?id=13 are two pages of one site, whatever their texts: a
 * story and its near copy published at two ids are a wire copy (one voice),
 * not versions: neither supersedes the other. */
static void test_query_selects_another_page(void **state)
{
    fixture *f = *state;
    int64_t a = add(f, "https://alghad.example/article.php?id=12", "2018-03-04", bread_old);
    int64_t b = add(f, "https://alghad.example/article.php?id=13&utm_medium=rss", "2018-03-05",
                    bread_new);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, a)->superseded_by, 0);
    assert_int_equal(member(r, b)->superseded_by, 0);
    mz_check_result_free(r);
}

/* A listing page under two forms of its URL: its two stories are still
 * two articles, both weighed. */
static void test_listing_page_two_forms(void **state)
{
    fixture *f = *state;
    int64_t report = add(f, "http://alghad.example/local", "2018-03-04", bread_old);
    int64_t plea = add(f, "https://www.alghad.example/local/", "2018-03-06", bread_plea);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, report)->superseded_by, 0);
    assert_int_equal(member(r, plea)->superseded_by, 0);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* Store-wide, as `mizan show` and `mizan list` read them: the versions
 * of each article among every stored row of its URL (in any of its
 * forms), whatever a claim retrieves. A listing page's other story and
 * another page are no version of it. */
static void test_store_wide_versions(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, "http://www.alghad.example/local/%D8%A7", "2018-03-04", bread_old);
    int64_t plea = add(f, "https://alghad.example/local/ا", "2018-03-06", bread_plea);
    int64_t new_id = add(f, "https://alghad.example/local/ا/#top", "2018-03-05", bread_new);
    int64_t other = add(f, "https://alghad.example/local/ب", "2018-03-05", raid_old);
    mz_article a[4] = {{.id = old_id, .url = "http://www.alghad.example/local/%D8%A7"},
                       {.id = plea, .url = "https://alghad.example/local/ا"},
                       {.id = new_id, .url = "https://alghad.example/local/ا/#top"},
                       {.id = other, .url = "https://alghad.example/local/ب"}};
    mz_article_versions v[4];
    mz_error err;
    assert_int_equal(mz_articles_versions(f->db, a, 4, v, &err), MZ_OK);
    assert_int_equal(v[0].superseded_by, new_id);
    assert_int_equal(v[0].n_corrects, 0);
    assert_int_equal(v[1].superseded_by, 0);
    assert_int_equal(v[1].n_corrects, 0);
    assert_int_equal(v[2].superseded_by, 0);
    assert_int_equal(v[2].n_corrects, 1);
    assert_int_equal(v[2].corrects[0], old_id);
    assert_int_equal(v[3].superseded_by, 0);
    assert_int_equal(v[3].n_corrects, 0);
    for (int i = 0; i < 4; i++)
        mz_article_versions_clear(&v[i]);
}

/* A listing page: two different stories about bread under one URL on two
 * days. Both are weighed (the later does not supersede the earlier): the
 * voice is still its most related member, the earlier report, quoted. */
static void test_listing_page_keeps_both(void **state)
{
    fixture *f = *state;
    int64_t report = add(f, URL, "2018-03-04", bread_old);
    int64_t plea = add(f, URL, "2018-03-06", bread_plea);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, report)->superseded_by, 0);
    assert_int_equal(member(r, plea)->superseded_by, 0);
    assert_int_equal(r->members[voice_of(r, report)->members[0]].article_id, report);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(mz_check_reason(r), "«رفعت وزارة الصناعة"));
    mz_check_result_free(r);
}

/* The other way round: the first version carried the ministry's denial,
 * the corrected one reports the rise. The claim is supported by the
 * correction, and the superseded denial is not "also reported". */
static void test_superseded_denial_not_quoted(void **state)
{
    fixture *f = *state;
    int64_t old_id = add(f, URL, "2018-03-04", bread_new);
    int64_t new_id = add(f, URL, "2018-03-05", bread_old);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, old_id)->superseded_by, new_id);
    assert_true(member(r, old_id)->has_denial);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_null(strstr(mz_check_reason(r), "denial"));
    assert_null(strstr(mz_check_reason(r), "نفت"));
    mz_check_result_free(r);
}

/* One text under two URLs (a copy on another site, a line longer): near
 * copies, one voice, as before; neither supersedes the other. */
static void test_copy_under_two_urls(void **state)
{
    fixture *f = *state;
    int64_t a = add(f, URL, "2018-03-04", bread_old);
    char copy[2048];
    snprintf(copy, sizeof copy, "%s\nاقرأ أيضا: أسعار المحروقات في الأردن.", bread_old);
    int64_t b = add(f, "https://petra.example/ar/news/51", "2018-03-05", copy);
    mz_check_result *r = check(f, bread_claim);
    assert_int_equal(member(r, a)->superseded_by, 0);
    assert_int_equal(member(r, b)->superseded_by, 0);
    assert_ptr_equal(voice_of(r, a), voice_of(r, b));
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* `mizan check`: the terminal lists the earlier version with its line, the
 * JSON report gives it "superseded_by" (and the later version none), the
 * Markdown report its line and not its sentences. */
static void test_cli_shows_superseded(void **state)
{
    (void)state;
    const char *bin = cli_bin();
    if (!bin)
        skip();
    char dir[] = "/tmp/mizan-versions-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[2048], *out;
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    const char *texts[2] = {bread_old, bread_new}, *days[2] = {"2018-03-04", "2018-03-05"};
    for (int i = 0; i < 2; i++) {
        fprintf(fp, "{\"url\": \"%s\", \"source\": \"alghad.example\", \"published\": \"%s\", "
                    "\"text\": \"", URL, days[i]);
        for (const char *c = texts[i]; *c; c++)
            fputs(*c == '\n' ? "\\n" : (char[2]){*c, 0}, fp);
        fputs("\"}\n", fp);
    }
    assert_int_equal(fclose(fp), 0);
    snprintf(cmd, sizeof cmd, "%s ingest -q --db %s/s.db %s >/dev/null 2>&1 && %s check --db %s/s.db '%s'",
             bin, dir, path, bin, dir, bread_claim);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "REFUTED"));
    assert_non_null(strstr(out, "      #1 alghad.example — "));
    assert_non_null(strstr(out, "        " URL "\n        superseded by #2 (a later version at "
                                "this URL): not weighed\n"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --json '%s'", bin, dir, bread_claim);
    assert_int_equal(shell_output(cmd, &out), 0);
    cJSON *doc = cJSON_Parse(out);
    assert_non_null(doc);
    const cJSON *voices = cJSON_GetObjectItem(doc, "voices");
    assert_int_equal(cJSON_GetArraySize(voices), 1);
    const cJSON *members = cJSON_GetObjectItem(cJSON_GetArrayItem(voices, 0), "members");
    assert_int_equal(cJSON_GetArraySize(members), 2);
    const cJSON *later = cJSON_GetArrayItem(members, 0), *earlier = cJSON_GetArrayItem(members, 1);
    assert_int_equal(cJSON_GetObjectItem(later, "article_id")->valueint, 2);
    assert_null(cJSON_GetObjectItem(later, "superseded_by"));
    assert_int_equal(cJSON_GetObjectItem(earlier, "article_id")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(earlier, "superseded_by")->valueint, 2);
    cJSON_Delete(doc);
    free(out);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format markdown '%s'", bin, dir, bread_claim);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "(#1)\n\nنسخة سابقة من المقال #2 (الرابط نفسه، نص شبه مطابق): "
                                "صُحّحت، فلا تُوزن (superseded by #2, not weighed)\n"));
    assert_null(strstr(out, "> رفعت وزارة")); /* its lead is not quoted */
    free(out);
    /* the store's own commands mark them too, store-wide (not a check) */
    snprintf(cmd, sizeof cmd, "%s list --db %s/s.db", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "الطحين.  (superseded by #2: a later version at this URL)\n"));
    const char *line2 = strstr(out, "#2  ");
    assert_non_null(line2); /* the later version's line carries no mark */
    assert_true(strstr(line2, "superseded") > strchr(line2, '\n'));
    free(out);
    snprintf(cmd, sizeof cmd, "%s show --db %s/s.db 1", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "\nsuperseded by #2 (a later version at this URL)\n"));
    assert_null(strstr(out, "corrects"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s show --db %s/s.db 2", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "\ncorrects #1 (an earlier version at this URL)\n"));
    assert_null(strstr(out, "superseded"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s show --db %s/s.db --json 1", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    assert_int_equal(cJSON_GetObjectItem(doc, "superseded_by")->valueint, 2);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "corrects")), 0);
    cJSON_Delete(doc);
    free(out);
    snprintf(cmd, sizeof cmd, "%s list --db %s/s.db --json", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "articles"), 0);
    assert_int_equal(cJSON_GetObjectItem(first, "id")->valueint, 2);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(first, "superseded_by")));
    const cJSON *corrects = cJSON_GetObjectItem(first, "corrects");
    assert_int_equal(cJSON_GetArraySize(corrects), 1);
    assert_int_equal(cJSON_GetArrayItem(corrects, 0)->valueint, 1);
    cJSON_Delete(doc);
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_correction_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_publication_day_over_ingest_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undated_by_ingest_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrected_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_correction_past_k, setup, teardown),
        cmocka_unit_test_setup_teardown(test_listing_page_keeps_both, setup, teardown),
        cmocka_unit_test_setup_teardown(test_url_forms_are_one_url, setup, teardown),
        cmocka_unit_test_setup_teardown(test_query_selects_another_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_listing_page_two_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_wide_versions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_superseded_denial_not_quoted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_under_two_urls, setup, teardown),
        cmocka_unit_test(test_cli_shows_superseded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
