/* test_places.c — an exact copy of a stored text ingested from another URL
 * or site (a wire story re-published word for word) is still a duplicate,
 * but the place is kept (places.c, schema step 11): the library, ingest's
 * count, show, export's round trip and delete. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "store/db.h"
#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"
#include "../shell_output.h"

/* Written for this test: an agency's story and a paper's word-for-word
 * copy of it (diacritics and spacing do not make another text). */
static const char WIRE[] = "أعلنت وزارة الصحة تسجيل 42 إصابة جديدة بالكوليرا في محافظة دير الزور،"
                           " وقالت إن فرقها وزعت أقراص تعقيم المياه على القرى الواقعة شرق النهر.";
static const char COPY[] = "أعلنتْ وزارةُ الصحة تسجيل 42 إصابة جديدة بالكوليرا في محافظة دير  الزور،"
                           " وقالت إن فرقها وزعت أقراص تعقيم المياه على القرى الواقعة شرق النهر.";

static mz_db *fresh(char **dir)
{
    *dir = tmpdir_new();
    char *path = path_join(*dir, "p.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    free(path);
    return db;
}

static size_t places_of(mz_db *db, int64_t id, mz_places *p)
{
    mz_error err;
    assert_int_equal(mz_article_places(db, id, p, &err), MZ_OK);
    return p->n;
}

static void test_copy_elsewhere_kept(void **state)
{
    (void)state;
    char *dir;
    mz_db *db = fresh(&dir);
    mz_error err;
    int64_t id;
    mz_article_input first = {.text = WIRE, .text_len = strlen(WIRE), .source = "وكالة سانا",
                              .url = "https://sana.example/health/9031", .published = "2026-03-01"};
    assert_int_equal(mz_article_add(db, &first, &id, &err), MZ_OK);
    assert_int_equal(id, 1);
    mz_places p;
    assert_int_equal(places_of(db, 1, &p), 0);
    /* the same URL as a reader reads it, the same text with no place told,
     * the same site named without a URL: plain duplicates */
    mz_article_input plain[] = {
        {.text = COPY, .text_len = strlen(COPY), .url = "http://www.sana.example/health/9031/?utm_source=fb"},
        {.text = COPY, .text_len = strlen(COPY)},
        {.text = COPY, .text_len = strlen(COPY), .source = "https://sana.example/"},
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        assert_int_equal(mz_article_add(db, &plain[i], &id, &err), MZ_ERR_DUPLICATE);
        assert_int_equal(id, 1);
        assert_null(strstr(err.msg, "recorded"));
    }
    assert_int_equal(places_of(db, 1, &p), 0);
    /* another site's URL: recorded, once */
    mz_article_input paper = {.text = COPY, .text_len = strlen(COPY),
                              .url = "https://www.enabbaladi.example/archives/5512",
                              .published = "Tue, 03 Mar 2026 10:15:00 +0200"};
    assert_int_equal(mz_article_add(db, &paper, &id, &err), MZ_ERR_DUPLICATE);
    assert_int_equal(id, 1);
    assert_non_null(strstr(err.msg, "same text as article 1 (recorded as published at another place too)"));
    assert_int_equal(mz_article_add(db, &paper, &id, &err), MZ_ERR_DUPLICATE);
    assert_null(strstr(err.msg, "recorded"));
    /* a site named without a URL */
    mz_article_input radio = {.text = WIRE, .text_len = strlen(WIRE), .source = "راديو الكل"};
    assert_int_equal(mz_article_add(db, &radio, &id, &err), MZ_ERR_DUPLICATE);
    assert_int_equal(places_of(db, 1, &p), 2);
    assert_string_equal(p.v[0].url, "https://www.enabbaladi.example/archives/5512");
    assert_string_equal(p.v[0].source, "enabbaladi.example");
    assert_string_equal(p.v[0].published, "2026-03-03T10:15:00+02:00");
    assert_null(p.v[1].url);
    assert_string_equal(p.v[1].source, "راديو الكل");
    assert_null(p.v[1].published);
    mz_places_clear(&p);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.articles, 1); /* still one article */
    /* a delete takes its places with it */
    int64_t one = 1;
    assert_int_equal(mz_articles_delete(db, &one, 1, &err), MZ_OK);
    assert_int_equal(places_of(db, 1, &p), 0);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM article_places", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    mz_db_close(db);
    rm_rf(dir);
    free(dir);
}

/* A run that rolls back keeps no place either (one transaction). */
static void test_rolled_back_with_the_run(void **state)
{
    (void)state;
    char *dir;
    mz_db *db = fresh(&dir);
    mz_error err;
    int64_t id;
    mz_article_input first = {.text = WIRE, .text_len = strlen(WIRE), .url = "https://sana.example/h/1"};
    assert_int_equal(mz_article_add(db, &first, &id, &err), MZ_OK);
    mz_buf jl = {0};
    mz_buf_printf(&jl, "{\"text\": \"%s\", \"url\": \"https://alquds.example/n/7\"}\n", COPY);
    mz_buf_puts(&jl, "{\"title\": \"بلا نص\"}\n");
    char *f = write_file(dir, "two.jsonl", jl.p);
    const char *paths[] = {f};
    mz_ingest_report rep;
    size_t places = 9;
    assert_int_equal(mz_ingest_paths_places(db, paths, 1, NULL, &rep, &places, &err), MZ_ERR_JSON);
    assert_int_equal(places, 0);
    mz_places p;
    assert_int_equal(places_of(db, 1, &p), 0);
    mz_ingest_options skip = {.on_error = MZ_ON_ERROR_SKIP};
    assert_int_equal(mz_ingest_paths_places(db, paths, 1, &skip, &rep, &places, &err), MZ_OK);
    assert_int_equal(rep.skipped, 1);
    assert_int_equal(places, 1);
    assert_int_equal(places_of(db, 1, &p), 1);
    assert_string_equal(p.v[0].source, "alquds.example");
    mz_places_clear(&p);
    mz_buf_free(&jl);
    free(f);
    mz_db_close(db);
    rm_rf(dir);
    free(dir);
}

/* A page's places in one query (mz_articles_places): each row its own, in
 * the page's order whatever the ids', none for a row with none; two places
 * on one site are two places (the list names the site once). */
static void test_page_places(void **state)
{
    (void)state;
    char *dir;
    mz_db *db = fresh(&dir);
    mz_error err;
    int64_t id;
    static const char OTHER[] = "افتتحت بلدية حلب جسرا جديدا فوق نهر قويق بعد عامين من العمل.";
    mz_article_input in[] = {
        {.text = WIRE, .text_len = strlen(WIRE), .url = "https://sana.example/health/9031"},
        {.text = OTHER, .text_len = strlen(OTHER), .url = "https://halab.example/n/77"},
        {.text = COPY, .text_len = strlen(COPY), .url = "https://enabbaladi.example/archives/5512"},
        {.text = COPY, .text_len = strlen(COPY), .url = "https://enabbaladi.example/archives/5513"},
        {.text = OTHER, .text_len = strlen(OTHER), .source = "الوطن"},
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        mz_status s = mz_article_add(db, &in[i], &id, &err);
        assert_true(s == MZ_OK || s == MZ_ERR_DUPLICATE);
    }
    mz_article page[3] = {{.id = 2}, {.id = 7}, {.id = 1}};
    mz_places pl[3];
    assert_int_equal(mz_articles_places(db, page, 3, pl, &err), MZ_OK);
    assert_int_equal(pl[0].n, 1);
    assert_string_equal(pl[0].v[0].source, "الوطن");
    assert_null(pl[0].v[0].url);
    assert_int_equal(pl[1].n, 0);
    assert_int_equal(pl[2].n, 2);
    assert_string_equal(pl[2].v[0].url, "https://enabbaladi.example/archives/5512");
    assert_string_equal(pl[2].v[1].url, "https://enabbaladi.example/archives/5513");
    for (int i = 0; i < 3; i++)
        mz_places_clear(&pl[i]);
    assert_int_equal(mz_articles_places(db, page, 0, pl, &err), MZ_OK);
    /* three places of two articles; their sites: enabbaladi.example (twice)
     * and «الوطن», neither a stored article's own */
    mz_place_counts pc;
    assert_int_equal(mz_places_stats(db, &pc, &err), MZ_OK);
    assert_int_equal(pc.places, 3);
    assert_int_equal(pc.articles, 2);
    assert_int_equal(pc.only_sites, 2);
    /* a stored article of enabbaladi.example: its site is no longer known
     * only as a place */
    static const char THIRD[] = "قالت مديرية التربية في إدلب إن الامتحانات ستبدأ في العاشر من حزيران.";
    mz_article_input own = {.text = THIRD, .text_len = strlen(THIRD),
                            .url = "https://www.enabbaladi.example/archives/6000"};
    assert_int_equal(mz_article_add(db, &own, &id, &err), MZ_OK);
    assert_int_equal(mz_places_stats(db, &pc, &err), MZ_OK);
    assert_int_equal(pc.only_sites, 1);
    int64_t n;
    assert_int_equal(mz_places_count(db, &n, &err), MZ_OK);
    assert_int_equal(n, 3);
    /* list --source: a site's own article and the one it carried only as
     * an exact copy (#1, of sana.example), in the list's order */
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 0, 10, "enabbaladi.example", &l, &err), MZ_OK);
    assert_int_equal(l.total, 2);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].id, id);
    assert_int_equal(l.v[1].id, 1);
    mz_places lp[2];
    assert_int_equal(mz_articles_places(db, l.v, 2, lp, &err), MZ_OK);
    assert_null(mz_place_at(&l.v[0], &lp[0], "enabbaladi.example")); /* its own */
    const mz_place *at = mz_place_at(&l.v[1], &lp[1], "enabbaladi.example");
    assert_non_null(at);
    assert_string_equal(at->url, "https://enabbaladi.example/archives/5512");
    assert_null(mz_place_at(&l.v[1], &lp[1], NULL));
    for (int i = 0; i < 2; i++)
        mz_places_clear(&lp[i]);
    mz_article_list_clear(&l);
    assert_int_equal(mz_articles_list(db, 1, 10, "الوطن", &l, &err), MZ_OK);
    assert_int_equal(l.total, 1); /* #2, a place named by its source alone */
    assert_int_equal(l.n, 0);
    mz_article_list_clear(&l);
    assert_int_equal(mz_articles_list(db, 0, 10, "halab.example", &l, &err), MZ_OK);
    assert_int_equal(l.total, 1);
    assert_int_equal(l.v[0].id, 2);
    mz_article_list_clear(&l);
    mz_db_close(db);
    rm_rf(dir);
    free(dir);
}

static char *cli_dir;

static int run(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = shell_outputv(out, cli_bin(), fmt, ap);
    va_end(ap);
    return rc;
}

/* What a user sees: ingest's count, show (text, --json), export's round
 * trip into another store (the place kept, no article added). */
static void test_cli(void **state)
{
    (void)state;
    cli_dir = tmpdir_new();
    char *a = path_join(cli_dir, "a.db"), *b = path_join(cli_dir, "b.db");
    mz_buf jl = {0};
    mz_buf_printf(&jl, "{\"text\": \"%s\", \"url\": \"https://sana.example/health/9031\"}\n", WIRE);
    char *f1 = write_file(cli_dir, "agency.jsonl", jl.p);
    jl.len = 0;
    mz_buf_printf(&jl, "{\"text\": \"%s\", \"url\": \"https://enabbaladi.example/archives/5512\","
                       " \"published\": \"2026-03-03\"}\n", COPY);
    char *f2 = write_file(cli_dir, "paper.jsonl", jl.p);
    char *out;
    cJSON *j, *pl;
    assert_int_equal(run(&out, "ingest --db %s %s", a, f1), 0);
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s", a, f2), 0);
    assert_string_equal(out, "added 0, skipped 1 (duplicates, 1 at a new place), failed 0\n");
    free(out);
    assert_int_equal(run(&out, "ingest --db %s --json %s %s", a, f1, f2), 0);
    j = cJSON_Parse(out);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "skipped")), 2);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "new_places")), 0);
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "show --db %s 1", a), 0);
    assert_non_null(strstr(out, "\nalso at:   https://enabbaladi.example/archives/5512"
                                " (enabbaladi.example, 2026-03-03): an exact copy\n"));
    free(out);
    /* stats: the place is counted, and its site, known only as a place, is
     * said apart from the articles' sites */
    assert_int_equal(run(&out, "stats --db %s", a), 0);
    assert_non_null(strstr(out, "\nsites:          1\nother places:   1 (exact copies of 1 article;"
                                " 1 site known only from them)\n"));
    free(out);
    assert_int_equal(run(&out, "stats --db %s --json", a), 0);
    j = cJSON_Parse(out);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "sources")), 1);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "places")), 1);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "articles_with_places")), 1);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "place_only_sites")), 1);
    cJSON_Delete(j);
    free(out);
    /* list names the other site on the article's line, --json gives the places */
    assert_int_equal(run(&out, "list --db %s", a), 0);
    assert_non_null(strstr(out, "  (also at enabbaladi.example)\n"));
    free(out);
    assert_int_equal(run(&out, "list --db %s --json", a), 0);
    j = cJSON_Parse(out);
    pl = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "articles"), 0), "places");
    assert_int_equal(cJSON_GetArraySize(pl), 1);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(pl, 0), "url")),
                        "https://enabbaladi.example/archives/5512");
    cJSON_Delete(j);
    free(out);
    /* list --source of the site that carried the copy lists the article,
     * marked as its copy; the agency's own list does not */
    assert_int_equal(run(&out, "list --db %s --source enabbaladi.example", a), 0);
    assert_non_null(strstr(out, "#1  -           sana.example  "));
    assert_non_null(strstr(out, "  (an exact copy at https://enabbaladi.example/archives/5512,"
                                " 2026-03-03)\n"));
    assert_null(strstr(out, "also at"));
    free(out);
    assert_int_equal(run(&out, "list --db %s --source sana.example", a), 0);
    assert_null(strstr(out, "an exact copy"));
    assert_non_null(strstr(out, "  (also at enabbaladi.example)\n"));
    free(out);
    assert_int_equal(run(&out, "list --db %s --source enabbaladi.example --json", a), 0);
    j = cJSON_Parse(out);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(j, "total")), 1);
    pl = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "articles"), 0), "copy_at");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(pl, "url")),
                        "https://enabbaladi.example/archives/5512");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(pl, "exact_copy")));
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "list --db %s --source sana.example --json", a), 0);
    assert_null(strstr(out, "copy_at"));
    free(out);
    /* search names the other site on the hit's line, --json gives the places */
    assert_int_equal(run(&out, "search --db %s الكوليرا", a), 0);
    assert_non_null(strstr(out, ", score "));
    assert_non_null(strstr(out, ")  (also at enabbaladi.example)\n"));
    free(out);
    assert_int_equal(run(&out, "search --db %s --json الكوليرا", a), 0);
    j = cJSON_Parse(out);
    pl = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "hits"), 0), "places");
    assert_int_equal(cJSON_GetArraySize(pl), 1);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(pl, 0), "url")),
                        "https://enabbaladi.example/archives/5512");
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "show --db %s --json 1", a), 0);
    j = cJSON_Parse(out);
    pl = cJSON_GetObjectItem(j, "places");
    assert_int_equal(cJSON_GetArraySize(pl), 1);
    cJSON *p0 = cJSON_GetArrayItem(pl, 0);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(p0, "url")),
                        "https://enabbaladi.example/archives/5512");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(p0, "exact_copy")));
    cJSON_Delete(j);
    free(out);
    /* export | ingest elsewhere: one article, its place kept */
    assert_int_equal(run(&out, "export --db %s | %s ingest --db %s -", a, cli_bin(), b), 0);
    assert_string_equal(out, "added 1, skipped 1 (duplicates, 1 at a new place), failed 0\n");
    free(out);
    assert_int_equal(run(&out, "export --db %s | %s ingest --db %s -", b, cli_bin(), a), 0);
    assert_string_equal(out, "added 0, skipped 2 (duplicates), failed 0\n");
    free(out);
    assert_int_equal(run(&out, "show --db %s 1", b), 0);
    assert_non_null(strstr(out, "\nalso at:   https://enabbaladi.example/archives/5512"));
    free(out);
    assert_int_equal(run(&out, "delete --db %s 1", b), 0);
    free(out);
    assert_int_equal(run(&out, "export --db %s", b), 0);
    assert_string_equal(out, "");
    free(out);
    mz_buf_free(&jl);
    free(f1), free(f2), free(a), free(b);
    rm_rf(cli_dir);
    free(cli_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_elsewhere_kept),
        cmocka_unit_test(test_rolled_back_with_the_run),
        cmocka_unit_test(test_page_places),
        cmocka_unit_test(test_cli),
    };
    return cmocka_run_group_tests_name("store_places", tests, NULL, NULL);
}
