/* test_list.c — mz_articles_list (`mizan list`, GET /api/articles): the
 * order (newest first, undated after, ties the latest added first), pages,
 * the site filter as the claim check groups sites, and bad arguments; and
 * mz_search_page, a page of the ranking mz_search gives. Short Arabic
 * articles written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store_helpers.h"
#include "store/store.h"

typedef struct {
    const char *title, *text, *url, *source, *published;
} art;

/* Added in this order: ids 1..7. */
static const art ARTS[] = {
    {"اجتماع وزراء الخارجية في الدوحة", "عقد وزراء الخارجية العرب اجتماعا في الدوحة لبحث الأزمة.",
     "https://mubasher.aljazeera.net/news/1", NULL, "2017-10-10T14:03:00+03:00"}, /* 11:03Z */
    {"خطة جديدة للتعليم", "أعلنت الحكومة عن خطة جديدة للتعليم في المدارس الحكومية.",
     "https://www.aljazeera.net/news/2", NULL, "2017-10-11"},
    {"ارتفاع أسعار الخبز في إدلب", "ارتفعت أسعار الخبز في أسواق إدلب بنسبة كبيرة هذا الأسبوع.",
     "https://www.enabbaladi.net/3", NULL, "2017-10-10T12:00:00Z"},
    {"إغلاق الطرق بسبب الثلوج", "قال مسؤول محلي إن الطرق الجبلية أغلقت بسبب الثلوج الكثيفة.",
     NULL, "وكالة محلية", NULL},
    {"عودة المياه إلى أحياء المدينة", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة بعد انقطاع.",
     NULL, NULL, "منذ ساعتين"}, /* a date as a page wrote it: undated */
    {"افتتاح مستشفى ميداني", "افتتحت منظمة طبية مستشفى ميدانيا في ريف حلب الشمالي.",
     "https://www.enabbaladi.net/6", NULL, "2017-10-11"}, /* ties with 2: by id */
    {"قافلة مساعدات إلى الرقة", "وصلت قافلة مساعدات إنسانية إلى مدينة الرقة صباح اليوم.",
     NULL, "AlJazeera.NET", "2017-10-09"}, /* a source that is a host, in capitals */
};
enum { N_ARTS = sizeof ARTS / sizeof *ARTS };

static mz_db *store(void)
{
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    for (size_t i = 0; i < N_ARTS; i++) {
        mz_article_input in = {.text = ARTS[i].text, .text_len = strlen(ARTS[i].text),
                               .title = ARTS[i].title, .url = ARTS[i].url,
                               .source = ARTS[i].source, .published = ARTS[i].published};
        int64_t id;
        assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
        assert_int_equal(id, (int64_t)i + 1);
    }
    return db;
}

/* The ids of a page, as "6 2 3 1". */
static void ids_of(const mz_article_list *l, char *out, size_t n)
{
    out[0] = '\0';
    for (size_t i = 0; i < l->n; i++)
        snprintf(out + strlen(out), n - strlen(out), "%s%lld", i ? " " : "", (long long)l->v[i].id);
}

static void expect(mz_db *db, size_t offset, size_t limit, const char *source, size_t total,
                   const char *ids)
{
    mz_article_list l;
    mz_error err;
    assert_int_equal(mz_articles_list(db, offset, limit, source, &l, &err), MZ_OK);
    char got[128];
    ids_of(&l, got, sizeof got);
    assert_string_equal(got, ids);
    assert_int_equal(l.total, total);
    mz_article_list_clear(&l);
}

static void test_order(void **state)
{
    (void)state;
    mz_db *db = store();
    /* 2017-10-11 (6 then 2: the latest added first), then 3 (12:00Z) before
     * 1 (14:03+03:00 is 11:03Z), 7 (10-09), then the undated 5 and 4 */
    expect(db, 0, 20, NULL, 7, "6 2 3 1 7 5 4");
    mz_article_list l;
    mz_error err;
    assert_int_equal(mz_articles_list(db, 0, 1, NULL, &l, &err), MZ_OK);
    assert_null(l.v[0].body); /* a list, not the texts */
    assert_string_equal(l.v[0].title, "افتتاح مستشفى ميداني");
    assert_string_equal(l.v[0].url, "https://www.enabbaladi.net/6");
    assert_string_equal(l.v[0].published, "2017-10-11");
    mz_article_list_clear(&l);
    mz_db_close(db);
}

/* The day is the one the article's date names, as the list shows it: a
 * story of 01:30 in Damascus on the 11th (22:30 UTC on the 10th) is listed
 * with the 11th's, above one of 23:00 UTC on the 10th, not below it (by the
 * instant alone the list read «2017-10-10» above «2017-10-11»). Within a
 * day, the instant orders. */
static void test_order_by_day_named(void **state)
{
    (void)state;
    static const art days[] = {
        {"قصف على ريف إدلب", "قالت مصادر محلية إن قصفا استهدف قرى في ريف إدلب الجنوبي.", NULL,
         "عنب بلدي", "2017-10-10T23:00:00Z"},
        {"اشتباكات في ريف دمشق", "دارت اشتباكات عنيفة في ريف دمشق الشرقي فجر اليوم.", NULL,
         "عنب بلدي", "2017-10-11T01:30:00+03:00"}, /* 2017-10-10T22:30Z */
        {"وصول قافلة إلى دوما", "وصلت قافلة مساعدات إلى مدينة دوما بعد أشهر من الحصار.", NULL,
         "عنب بلدي", "2017-10-10T09:00:00+03:00"}, /* 06:00Z */
        {"إعادة فتح معبر", "أعيد فتح المعبر الحدودي أمام حركة المسافرين والبضائع.", NULL,
         "عنب بلدي", "2017-10-11T10:00:00+0300"}, /* a zone SQLite cannot read: its day */
    };
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        mz_article_input in = {.text = days[i].text, .text_len = strlen(days[i].text),
                               .title = days[i].title, .source = days[i].source,
                               .published = days[i].published};
        int64_t id;
        assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    }
    /* the 11th: 4 (read as its day, 00:00Z), then 2 (22:30Z on the 10th);
     * then the 10th: 1 (23:00Z), 3 (06:00Z) */
    expect(db, 0, 20, NULL, 4, "4 2 1 3");
    mz_db_close(db);
}

/* An article dated "now" (a feed's placeholder, any case) could not be
 * stored once schema 8 indexed the list's order: julianday('now') reads the
 * clock, and SQLite refuses that in an index ("non-deterministic use of
 * julianday() in an index"). It is stored now, and listed with the undated:
 * it names no day, and the moment of the listing is no date of its own. */
static void test_dated_now(void **state)
{
    (void)state;
    static const art arts[] = {
        {"قصف على ريف إدلب", "قالت مصادر محلية إن قصفا استهدف قرى في ريف إدلب الجنوبي.", NULL,
         "عنب بلدي", "now"},
        {"اشتباكات في ريف دمشق", "دارت اشتباكات عنيفة في ريف دمشق الشرقي فجر اليوم.", NULL,
         "عنب بلدي", "2017-10-11"},
        {"وصول قافلة إلى دوما", "وصلت قافلة مساعدات إلى مدينة دوما بعد أشهر من الحصار.", NULL,
         "عنب بلدي", "NOW"},
        {"إعادة فتح معبر", "أعيد فتح المعبر الحدودي أمام حركة المسافرين والبضائع.", NULL,
         "عنب بلدي", NULL},
        {"عودة المياه", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة بعد انقطاع.", NULL,
         "عنب بلدي", "nowhere"},
    };
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    for (size_t i = 0; i < sizeof arts / sizeof *arts; i++) {
        mz_article_input in = {.text = arts[i].text, .text_len = strlen(arts[i].text),
                               .title = arts[i].title, .source = arts[i].source,
                               .published = arts[i].published};
        int64_t id;
        if (mz_article_add(db, &in, &id, &err) != MZ_OK)
            fail_msg("published '%s': %s", arts[i].published ? arts[i].published : "(none)",
                     err.msg);
    }
    /* the dated one, then the undated by id descending */
    expect(db, 0, 20, NULL, 5, "2 5 4 3 1");
    expect(db, 1, 2, "enabbaladi.net", 0, "");
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 4, 1, NULL, &l, &err), MZ_OK);
    assert_string_equal(l.v[0].published, "now"); /* stored as given */
    mz_article_list_clear(&l);
    mz_db_close(db);
}

static void test_pages(void **state)
{
    (void)state;
    mz_db *db = store();
    expect(db, 0, 3, NULL, 7, "6 2 3");
    expect(db, 3, 3, NULL, 7, "1 7 5");
    expect(db, 6, 3, NULL, 7, "4");
    expect(db, 7, 3, NULL, 7, "");
    expect(db, 1000, 3, NULL, 7, "");
    expect(db, 2, 0, NULL, 7, ""); /* the total alone */
    mz_db_close(db);
}

static void test_source_site(void **state)
{
    (void)state;
    mz_db *db = store();
    /* the registrable site of the source or the URL: mubasher. is aljazeera.net,
     * and so is a source written as a host in capitals */
    expect(db, 0, 20, "aljazeera.net", 3, "2 1 7");
    expect(db, 0, 20, "https://www.AlJazeera.net/", 3, "2 1 7");
    expect(db, 1, 1, "aljazeera.net", 3, "1");
    expect(db, 0, 20, "mubasher.aljazeera.net", 3, "2 1 7");
    expect(db, 0, 20, "enabbaladi.net", 2, "6 3");
    /* a name that is not a host matches whole, not a part of it */
    expect(db, 0, 20, "وكالة محلية", 1, "4");
    expect(db, 0, 20, "وكالة", 0, "");
    expect(db, 0, 20, "net", 0, "");
    expect(db, 0, 20, "", 7, "6 2 3 1 7 5 4"); /* "" is no filter */
    mz_db_close(db);
}

static void test_errors(void **state)
{
    (void)state;
    mz_db *db = store();
    mz_article_list l;
    mz_error err;
    assert_int_equal(mz_articles_list(db, 0, MZ_LIST_MAX + 1, NULL, &l, &err), MZ_ERR_ARG);
    assert_null(l.v);
    assert_int_equal(mz_articles_list(NULL, 0, 5, NULL, &l, &err), MZ_ERR_ARG);
    assert_int_equal(mz_articles_list(db, 0, 5, NULL, NULL, &err), MZ_ERR_ARG);
    assert_int_equal(mz_articles_list(db, 0, 5, "\xff\xfe", &l, &err), MZ_ERR_UTF8);
    mz_article_list_clear(NULL);
    mz_db_close(db);
}

/* The statements a list runs, as SQLite's trace hands them over. */
typedef struct {
    char *sql[16];
    size_t n;
} traced;

static int trace(unsigned type, void *ctx, void *stmt, void *x)
{
    (void)type;
    (void)x;
    traced *t = ctx;
    const char *sql = sqlite3_sql(stmt);
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->sql[i], sql))
            return 0;
    assert_true(t->n < sizeof t->sql / sizeof *t->sql);
    t->sql[t->n++] = strdup(sql);
    return 0;
}

/* Asserts that no statement of the list sorts rows itself or walks the
 * table, whose rows hold the bodies before url, source and published (a
 * page cost a pass over the whole file: 0.4 s warm, seconds cold, on the
 * 100,000-article bench store): every walk is of an index that holds what
 * the statement reads, and a row is read by its id. */
static void expect_index_walks(mz_db *db, size_t offset, size_t limit, const char *source)
{
    traced t = {.n = 0};
    assert_int_equal(sqlite3_trace_v2(db->sql, SQLITE_TRACE_STMT, trace, &t), SQLITE_OK);
    mz_article_list l;
    mz_error err;
    assert_int_equal(mz_articles_list(db, offset, limit, source, &l, &err), MZ_OK);
    assert_true(l.n > 0);
    mz_article_list_clear(&l);
    sqlite3_trace_v2(db->sql, 0, NULL, NULL);
    size_t walks = 0;
    for (size_t i = 0; i < t.n; i++) {
        char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", t.sql[i]);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db->sql, eqp, -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *step = (const char *)sqlite3_column_text(st, 3);
            if (strstr(step, "TEMP B-TREE") ||
                (!strncmp(step, "SCAN articles", 13) && !strstr(step, "COVERING INDEX")))
                fail_msg("%s\n  reads the table or sorts: %s", t.sql[i], step);
            walks += !strncmp(step, "SCAN articles", 13);
        }
        sqlite3_finalize(st);
        sqlite3_free(eqp);
        free(t.sql[i]);
    }
    assert_true(walks > 0);
}

static void test_reads_an_index(void **state)
{
    (void)state;
    mz_db *db = store();
    expect_index_walks(db, 0, 20, NULL);
    expect_index_walks(db, 2, 3, NULL);
    expect_index_walks(db, 0, 20, "aljazeera.net");
    expect_index_walks(db, 1, 1, "enabbaladi.net");
    mz_db_close(db);
}

/* A page of search hits is the slice of the ranking for offset + k: the
 * same ids and scores, numbered on. */
static void test_search_page(void **state)
{
    (void)state;
    mz_db *db = store();
    mz_hits all, page;
    mz_error err;
    const char *q = "الرقة المدينة أسعار الخارجية المدارس حلب الطرق";
    assert_int_equal(mz_search(db, q, 7, NULL, NULL, &all, &err), MZ_OK);
    assert_true(all.n >= 6);
    for (size_t off = 0; off <= all.n; off++) {
        assert_int_equal(mz_search_page(db, q, off, 2, NULL, NULL, &page, &err), MZ_OK);
        size_t want = all.n - off < 2 ? all.n - off : 2;
        assert_int_equal(page.n, want);
        for (size_t i = 0; i < page.n; i++) {
            assert_int_equal(page.v[i].id, all.v[off + i].id);
            assert_true(page.v[i].score == all.v[off + i].score);
            assert_string_equal(page.v[i].snippet, all.v[off + i].snippet);
        }
        mz_hits_clear(&page);
    }
    assert_int_equal(mz_search_page(db, q, MZ_SEARCH_MAX_OFFSET + 1, 2, NULL, NULL, &page, &err),
                     MZ_ERR_ARG);
    mz_hits_clear(&all);
    mz_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),       cmocka_unit_test(test_order_by_day_named),
        cmocka_unit_test(test_dated_now),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_source_site), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_search_page), cmocka_unit_test(test_reads_an_index),
    };
    return cmocka_run_group_tests_name("article list", tests, NULL, NULL);
}
