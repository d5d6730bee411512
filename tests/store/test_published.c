/* test_published.c — a `published` given by hand or by a page, in the forms
 * Arabic newsrooms write, stored as ISO 8601 (src/store/published.c); one
 * of no calendar day kept as written with a warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "store_helpers.h"

/* What one `published` reads as: the reading and the value stored. */
static void expect(const char *given, mz_published_reading want, const char *stored)
{
    char iso[MZ_ISO_DATE_MAX] = "";
    mz_published_reading r = mz_published_read(given, iso);
    if (r != want)
        fail_msg("\"%s\": reading %d, want %d", given, r, want);
    assert_string_equal(r == MZ_PUBLISHED_READ ? iso : given, stored);
}

static void test_forms_read(void **state)
{
    (void)state;
    /* Arabic-Indic digits, year first */
    expect("٢٠٢٦/٠٤/٠٦", MZ_PUBLISHED_READ, "2026-04-06");
    expect("2026/04/06", MZ_PUBLISHED_READ, "2026-04-06");
    /* day first unless the year leads, as date_line.c reads a date line */
    expect("06/04/2026", MZ_PUBLISHED_READ, "2026-04-06");
    expect("٠٦/٠٤/٢٠٢٦", MZ_PUBLISHED_READ, "2026-04-06");
    expect("11.10.2017", MZ_PUBLISHED_READ, "2017-10-11");
    /* Egyptian/Gulf and Levantine month names, a day name */
    expect("الاثنين 6 أبريل 2026", MZ_PUBLISHED_READ, "2026-04-06");
    expect("6 نيسان 2026", MZ_PUBLISHED_READ, "2026-04-06");
    expect("٧ كانون الأول ٢٠١٧", MZ_PUBLISHED_READ, "2017-12-07");
    expect("الأربعاء 11 تشرين الأول / أكتوبر 2017", MZ_PUBLISHED_READ, "2017-10-11");
    /* a time of no zone names no instant: the day alone */
    expect("نشر في 2017/10/11 - 08:30 ص", MZ_PUBLISHED_READ, "2017-10-11");
    expect("11.10.2017 | 22:01", MZ_PUBLISHED_READ, "2017-10-11");
    expect("Wed, 11 Oct 2017 22:01:00", MZ_PUBLISHED_READ, "2017-10-11"); /* an RSS date's too */
    /* an RSS date, as feeds give it: its local time and offset */
    expect("Mon, 06 Apr 2026 10:00:00 +0300", MZ_PUBLISHED_READ, "2026-04-06T10:00:00+03:00");
    /* ISO 8601 already, as export writes it back: kept as it is */
    expect("2026-04-06", MZ_PUBLISHED_AS_GIVEN, "2026-04-06");
    expect("2026-04-06T10:00:00.250+03:00", MZ_PUBLISHED_AS_GIVEN,
           "2026-04-06T10:00:00.250+03:00");
    expect("1985-05-01", MZ_PUBLISHED_AS_GIVEN, "1985-05-01");
    /* no date: as written, no warning */
    expect("منذ ساعتين", MZ_PUBLISHED_AS_GIVEN, "منذ ساعتين");
    expect("أمس", MZ_PUBLISHED_AS_GIVEN, "أمس");
    expect("now", MZ_PUBLISHED_AS_GIVEN, "now");
    expect("14 رمضان 1447", MZ_PUBLISHED_AS_GIVEN, "14 رمضان 1447"); /* Hijri: not read */
    expect("قتل 6 نيسان 2026 عشرة", MZ_PUBLISHED_AS_GIVEN, "قتل 6 نيسان 2026 عشرة");
}

static void test_no_calendar_day(void **state)
{
    (void)state;
    expect("2026-13-45", MZ_PUBLISHED_NO_DAY, "2026-13-45");
    expect("2026-02-29", MZ_PUBLISHED_NO_DAY, "2026-02-29");
    expect("31/02/2026", MZ_PUBLISHED_NO_DAY, "31/02/2026");
    expect("٣١/٠٢/٢٠٢٦", MZ_PUBLISHED_NO_DAY, "٣١/٠٢/٢٠٢٦");
    expect("31 نيسان 2026", MZ_PUBLISHED_NO_DAY, "31 نيسان 2026");
    /* an RSS date's form, of no day: told too (it was kept with no word) */
    expect("Tue, 31 Feb 2026 10:00:00 +0300", MZ_PUBLISHED_NO_DAY, "Tue, 31 Feb 2026 10:00:00 +0300");
    expect("Tue, 30 Feb 2026", MZ_PUBLISHED_NO_DAY, "Tue, 30 Feb 2026");
    expect("31 Feb 2026", MZ_PUBLISHED_NO_DAY, "31 Feb 2026");
    expect("Fri, 29 Feb 2019 10:00:00 GMT", MZ_PUBLISHED_NO_DAY, "Fri, 29 Feb 2019 10:00:00 GMT");
    expect("2024-02-29", MZ_PUBLISHED_AS_GIVEN, "2024-02-29");
    expect("29/02/2024", MZ_PUBLISHED_READ, "2024-02-29");
}

typedef struct seen {
    size_t items, warnings;
    char last[512];
} seen;

static void record(void *ctx, const char *origin, mz_status status, const char *msg)
{
    (void)origin;
    seen *s = ctx;
    s->items++;
    if (status == MZ_OK && *msg) {
        s->warnings++;
        snprintf(s->last, sizeof s->last, "%s", msg);
    }
}

/* Ingested from JSONL, the forms are stored as ISO: listed by their day
 * among the dated (they came after every dated article), and the one of no
 * calendar day is kept as written, with a warning through on_item. */
static void test_ingest_stores_iso(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    assert_non_null(dir);
    char *jsonl = write_file(
        dir, "a.jsonl",
        "{\"text\":\"" "ارتفاع أسعار الخبز في دمشق بنسبة كبيرة" "\",\"published\":\"٢٠٢٦/٠٤/٠٦\"}\n"
        "{\"text\":\"" "افتتاح معرض الكتاب في القاهرة" "\",\"published\":\"الاثنين 6 أبريل 2026\"}\n"
        "{\"text\":\"" "أمطار غزيرة على الساحل السوري" "\",\"published\":\"6 نيسان 2026\"}\n"
        "{\"text\":\"" "انخفاض سعر صرف الليرة اللبنانية" "\",\"published\":\"31/02/2026\"}\n"
        "{\"text\":\"" "وصول قافلة مساعدات إلى إدلب" "\",\"published\":\"2026-04-05\"}\n"
        "{\"text\":\"" "تعيين محافظ جديد للرقة" "\",\"pubDate\":\"Mon, 06 Apr 2026 10:00:00 +0300\"}\n");
    char *dbp = path_join(dir, "m.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(dbp, 0, &db, &err), MZ_OK);
    seen s = {0};
    mz_ingest_options opt = {.on_item = record, .ctx = &s};
    mz_ingest_report rep;
    const char *paths[] = {jsonl};
    assert_int_equal(mz_ingest_paths(db, paths, 1, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 6);
    assert_int_equal(s.warnings, 1);
    assert_non_null(strstr(s.last, "a.jsonl:4"));
    assert_non_null(strstr(s.last, "\"31/02/2026\" is no calendar day"));

    const char *want[] = {"2026-04-06", "2026-04-06", "2026-04-06", "31/02/2026", "2026-04-05",
                          "2026-04-06T10:00:00+03:00"};
    for (int64_t id = 1; id <= 6; id++) {
        mz_article a;
        assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
        assert_string_equal(a.published, want[id - 1]);
        mz_article_clear(&a);
    }
    /* newest first: the day the forms name, the undated last */
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 0, 10, NULL, &l, &err), MZ_OK);
    assert_int_equal(l.n, 6);
    const int64_t order[] = {6, 3, 2, 1, 5, 4};
    for (size_t i = 0; i < l.n; i++)
        assert_int_equal(l.v[i].id, order[i]);
    mz_article_list_clear(&l);
    mz_db_close(db);
    rm_rf(dir);
    free(dbp), free(jsonl), free(dir);
}

/* mz_article_add (POST /api/articles stores through it) reads them too. */
static void test_article_add(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = "انطلاق امتحانات الشهادة الثانوية في حلب",
                           .published = "٠٦/٠٤/٢٠٢٦ ١٠:٣٠"};
    in.text_len = strlen(in.text);
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.published, "2026-04-06");
    mz_article_clear(&a);
    mz_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_read),
        cmocka_unit_test(test_no_calendar_day),
        cmocka_unit_test(test_ingest_stores_iso),
        cmocka_unit_test(test_article_add),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
