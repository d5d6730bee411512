/* test_feed.c — RSS and Atom feeds (feed.c) and their ingest: a feed was
 * stored as one article whose text was its XML ("<?xml version=...>" the
 * title); each item is an article now. Feeds written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

/* RSS 2.0 as WordPress writes it: content:encoded in CDATA, description
 * escaped, a CDATA title. */
static const char RSS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
    "<channel><title>أخبار الساحل</title><link>https://sahil.example/</link>\n"
    "<item><title><![CDATA[انفجار في ميناء المدينة]]></title>\n"
    "<link>https://sahil.example/2024/blast</link><pubDate>Tue, 04 Aug 2020 18:08:00 +0300"
    "</pubDate>\n"
    "<description>&lt;p&gt;ملخص قصير&lt;/p&gt;</description>\n"
    "<content:encoded><![CDATA[<p>وقع انفجار ضخم في ميناء المدينة مساء الثلاثاء.</p>"
    "<p>وقالت مصادر طبية إن عشرات الجرحى نقلوا إلى المستشفيات.</p>"
    "<div class=\"sharedaddy\">شارك الخبر</div>]]></content:encoded></item>\n"
    "<item><title>عودة المزارعين إلى سهل الغاب</title><guid isPermaLink=\"false\">42</guid>\n"
    "<description>عاد المزارعون إلى حقولهم في سهل الغاب بعد موسم الأمطار.</description></item>\n"
    "</channel></rss>\n";

/* Atom: the alternate link (not self), an HTML title, a headline-only entry. */
static const char ATOM[] =
    "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>شبكة الأخبار</title>"
    "<entry><title type=\"html\">&lt;b&gt;افتتاح&lt;/b&gt; مستشفى في حمص</title>"
    "<link rel=\"self\" href=\"https://news.example/api/1\"/>"
    "<link rel=\"alternate\" href=\"https://news.example/a/1\"/>"
    "<published>2024-03-01T10:00:00Z</published>"
    "<content type=\"html\">&lt;p&gt;افتتحت وزارة الصحة مستشفى جديدا في مدينة حمص يضم مئتي "
    "سرير.&lt;/p&gt;</content></entry>"
    "<entry><title>عنوان بلا نص</title><link href=\"https://news.example/a/2\"/></entry>"
    "</feed>\n";

static void test_sniff(void **state)
{
    (void)state;
    assert_true(mz_feed_sniff(RSS, strlen(RSS)));
    assert_true(mz_feed_sniff(ATOM, strlen(ATOM)));
    static const char rdf[] = "\xEF\xBB\xBF<!DOCTYPE rdf [ <!-- x > y --> ]>\n<rdf:RDF>";
    assert_true(mz_feed_sniff(rdf, strlen(rdf)));
    static const char *const not_feeds[] = {
        "<!DOCTYPE html><html><body><p>خبر</p></body></html>", "<?xml version=\"1.0\"?><urlset/>",
        "عنوان الخبر\n<rss> في النص", "<feedback>", ""};
    for (size_t i = 0; i < sizeof not_feeds / sizeof *not_feeds; i++)
        assert_false(mz_feed_sniff(not_feeds[i], strlen(not_feeds[i])));
}

static void test_rss_items(void **state)
{
    (void)state;
    mz_feed f;
    mz_error err;
    assert_int_equal(mz_feed_parse(RSS, strlen(RSS), "feed.xml", &f, &err), MZ_OK);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.site, "أخبار الساحل");
    mz_feed_entry e;
    assert_int_equal(mz_feed_item(&f, 0, "feed.xml: item 1", 0, &e, &err), MZ_OK);
    assert_string_equal(e.in.title, "انفجار في ميناء المدينة");
    assert_string_equal(e.in.url, "https://sahil.example/2024/blast");
    /* RFC 822 as the store keeps dates: ISO 8601, the local time and its offset */
    assert_string_equal(e.in.published, "2020-08-04T18:08:00+03:00");
    assert_string_equal(e.in.source, "أخبار الساحل");
    /* the whole story (content:encoded), not the summary; its share box dropped */
    assert_string_equal(e.in.text, "وقع انفجار ضخم في ميناء المدينة مساء الثلاثاء.\n"
                                   "وقالت مصادر طبية إن عشرات الجرحى نقلوا إلى المستشفيات.");
    mz_feed_entry_clear(&e);
    assert_int_equal(mz_feed_item(&f, 1, "feed.xml: item 2", 0, &e, &err), MZ_OK);
    assert_null(e.in.url); /* a guid that is no permalink is no address */
    assert_string_equal(e.in.text, "عاد المزارعون إلى حقولهم في سهل الغاب بعد موسم الأمطار.");
    mz_feed_entry_clear(&e);
    mz_feed_clear(&f);
}

static void test_atom_items(void **state)
{
    (void)state;
    mz_feed f;
    mz_error err;
    assert_int_equal(mz_feed_parse(ATOM, strlen(ATOM), "a.xml", &f, &err), MZ_OK);
    assert_int_equal(f.n, 2);
    mz_feed_entry e;
    assert_int_equal(mz_feed_item(&f, 0, "a.xml: item 1", 0, &e, &err), MZ_OK);
    assert_string_equal(e.in.title, "افتتاح مستشفى في حمص");
    assert_string_equal(e.in.url, "https://news.example/a/1");
    assert_string_equal(e.in.published, "2024-03-01T10:00:00Z");
    assert_string_equal(e.in.source, "شبكة الأخبار");
    mz_feed_entry_clear(&e);
    assert_int_equal(mz_feed_item(&f, 1, "a.xml: item 2", 0, &e, &err), MZ_ERR_EMPTY);
    assert_non_null(strstr(err.msg, "a.xml: item 2: no text"));
    mz_feed_clear(&f);
}

/* Bylines: RSS dc:creator (several joined), RSS <author> (an address: the
 * name in brackets, or none), Atom <author><name>, else the feed's. */
static void test_authors(void **state)
{
    (void)state;
    static const char rss[] =
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>الساحل اليوم</title>"
        "<item><title>أ</title><dc:creator><![CDATA[سامر الحلبي]]></dc:creator><dc:creator>ليلى حداد"
        "</dc:creator><description>عادت المياه إلى أحياء المدينة.</description></item>"
        "<item><title>ب</title><author>desk@sahil.example (ليلى حداد)</author>"
        "<description>افتتحت الوزارة مدرسة جديدة.</description></item>"
        "<item><title>ج</title><author>desk@sahil.example</author>"
        "<description>افتتحت البلدية جسرا.</description></item>"
        "</channel></rss>";
    static const char *const rss_want[] = {"سامر الحلبي، ليلى حداد", "ليلى حداد", NULL};
    static const char atom[] =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>شبكة</title>"
        "<author><name>مكتب الأخبار</name></author>"
        "<entry><title>أ</title><author><name>سامر الحلبي</name><uri>https://n.example/u/1</uri>"
        "</author><content>عادت المياه إلى أحياء المدينة.</content></entry>"
        "<entry><title>ب</title><content>افتتحت الوزارة مدرسة جديدة.</content></entry></feed>";
    static const char *const atom_want[] = {"سامر الحلبي", "مكتب الأخبار"};
    const char *feeds[] = {rss, atom};
    const char *const *want[] = {rss_want, atom_want};
    size_t n[] = {3, 2};
    for (size_t k = 0; k < 2; k++) {
        mz_feed f;
        mz_error err;
        assert_int_equal(mz_feed_parse(feeds[k], strlen(feeds[k]), "f.xml", &f, &err), MZ_OK);
        assert_int_equal(f.n, n[k]);
        for (size_t i = 0; i < f.n; i++) {
            mz_feed_entry e;
            assert_int_equal(mz_feed_item(&f, i, "f.xml", 0, &e, &err), MZ_OK);
            if (want[k][i])
                assert_string_equal(e.in.author, want[k][i]);
            else
                assert_null(e.in.author);
            mz_feed_entry_clear(&e);
        }
        mz_feed_clear(&f);
    }
}

static void test_bad_feeds(void **state)
{
    (void)state;
    mz_feed f;
    mz_error err;
    static const char cut[] = "<rss><channel><item><title>خبر</title><description>نص";
    assert_int_equal(mz_feed_parse(cut, strlen(cut), "cut.rss", &f, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "cut.rss: not a well-formed RSS or Atom feed"));
    /* entities that expand into more entities: refused, never expanded */
    static const char bomb[] =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        "<rss><channel><item><title>&b;</title><description>&b;</description></item></channel>"
        "</rss>";
    assert_int_equal(mz_feed_parse(bomb, strlen(bomb), "bomb.xml", &f, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "declares XML entities"));
    static const char none[] = "<rss><channel><title>فارغ</title></channel></rss>";
    assert_int_equal(mz_feed_parse(none, strlen(none), "none.rss", &f, &err), MZ_OK);
    assert_int_equal(f.n, 0);
    mz_feed_clear(&f);
}

/* Ingested: one article an item, origin FILE#N, the headline-only entry a
 * failed item (kept going with skip); the feed itself is not an article. */
static void test_ingest_feed(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *rss = write_file(dir, "feed.txt", RSS); /* its name says nothing */
    char *atom = write_file(dir, "atom.xml", ATOM);
    char *path = path_join(dir, "feeds.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_ingest_options opt = {.on_error = MZ_ON_ERROR_SKIP};
    mz_ingest_report rep;
    const char *paths[] = {rss, atom};
    assert_int_equal(mz_ingest_paths(db, paths, 2, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 3);
    assert_int_equal(rep.failed, 1);
    mz_article a;
    assert_int_equal(mz_article_get(db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "انفجار في ميناء المدينة");
    assert_non_null(strstr(a.origin, "feed.txt#1"));
    assert_null(strstr(a.body, "<"));
    mz_article_clear(&a);
    assert_int_equal(mz_article_get(db, 3, &a, &err), MZ_OK);
    assert_non_null(strstr(a.origin, "atom.xml#1"));
    mz_article_clear(&a);
    /* other XML is no article: refused, not stored as "<?xml version=...?>" */
    char *sitemap = write_file(dir, "sitemap.xml",
                               "<?xml version=\"1.0\"?>\n<urlset><url><loc>https://sahil.example/1"
                               "</loc></url></urlset>\n");
    assert_int_equal(mz_ingest_paths(db, (const char *[]){sitemap}, 1, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 0);
    assert_int_equal(rep.failed, 1);
    assert_int_equal(count_articles(db), 3);
    free(sitemap);
    mz_db_close(db);
    free(path);
    free(atom);
    free(rss);
    rm_rf(dir);
    free(dir);
}

/* A feed of three items, the second's content 3,000 bytes: the feed is
 * larger than --max-bytes 2K, its other items are not. */
static char *big_item_feed(void)
{
    static const char para[] = "<p>وقالت مصادر محلية إن القصف استهدف الأحياء الشرقية من المدينة.</p>";
    size_t n = 3000 / (sizeof para - 1) + 1;
    mz_buf b = {0};
    mz_buf_puts(&b, "<?xml version=\"1.0\"?>\n<rss><channel><title>أخبار الساحل</title>"
                    "<item><title>افتتاح جسر</title><description>افتتحت البلدية جسرا جديدا "
                    "فوق النهر.</description></item>\n<item><title>قصف</title><description>"
                    "<![CDATA[");
    for (size_t i = 0; i < n; i++)
        mz_buf_puts(&b, para);
    mz_buf_puts(&b, "]]></description></item>\n<item><title>مدرسة</title><description>أعيد "
                    "فتح المدرسة الثانوية في الرقة.</description></item>\n</channel></rss>\n");
    return mz_buf_take(&b);
}

/* A FIFO in dir that a child process fills with text, then closes. */
static char *fifo_of(const char *dir, const char *text)
{
    char *path = path_join(dir, "feed.pipe");
    assert_int_equal(mkfifo(path, 0600), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs(text, f);
            fclose(f);
        }
        _exit(0);
    }
    return path;
}

/* --max-bytes limits each item (an article), not the feed: a feed larger
 * than it was refused whole ("over the limit"), its small items with it;
 * now the item over it is a failed item, too_large, and the rest are
 * stored, from a file and from a pipe alike. */
static void test_max_bytes_per_item(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *text = big_item_feed();
    assert_true(strlen(text) > 3000);
    char *file = write_file(dir, "feed.xml", text);
    char *path = path_join(dir, "feeds.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_ingest_options opt = {.on_error = MZ_ON_ERROR_SKIP, .max_bytes = 2048};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(db, (const char *[]){file}, 1, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_int_equal(rep.failed, 1);
    assert_int_equal(count_articles(db), 2);
    /* with abort, the big item rolls the run back and is named */
    opt.on_error = MZ_ON_ERROR_ABORT;
    assert_int_equal(mz_ingest_paths(db, (const char *[]){file}, 1, &opt, &rep, &err),
                     MZ_ERR_TOO_LARGE);
    assert_non_null(strstr(err.msg, "item 2: content of"));
    mz_db_close(db);
    unlink(path);
    /* the same feed through a pipe */
    char *fifo = fifo_of(dir, text);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    opt.on_error = MZ_ON_ERROR_SKIP;
    assert_int_equal(mz_ingest_paths(db, (const char *[]){fifo}, 1, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_int_equal(rep.failed, 1);
    int status;
    wait(&status);
    /* a page, or a plain text, is still one article: over the limit as a whole */
    char *page = write_file(dir, "page.html", "<html><body><p>خبر</p></body></html>");
    opt.max_bytes = 16;
    assert_int_equal(mz_ingest_paths(db, (const char *[]){page}, 1, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.failed, 1);
    assert_int_equal(count_articles(db), 2);
    mz_db_close(db);
    free(page);
    free(fifo);
    free(path);
    free(file);
    free(text);
    rm_rf(dir);
    free(dir);
}

/* RSS dates (RFC 822) into ISO 8601, the local time with its offset (the
 * day a report names «أمس» from is its newsroom's: 01:30 in Damascus on the
 * 10th is the 10th, not UTC's 9th); what is no such date is false (the item
 * keeps it as written). */
static void test_rfc822_dates(void **state)
{
    (void)state;
    static const char *const good[][2] = {
        {"Tue, 10 Oct 2017 14:03:00 GMT", "2017-10-10T14:03:00Z"},
        {"Tue, 10 Oct 2017 14:03:00 +0300", "2017-10-10T14:03:00+03:00"},
        {"Tue, 10 Oct 2017 01:30:00 +0300", "2017-10-10T01:30:00+03:00"}, /* the 10th there */
        {"Sun, 31 Dec 2017 22:00:00 -0500", "2017-12-31T22:00:00-05:00"},
        {"10 Oct 2017 14:03 +03:00", "2017-10-10T14:03:00+03:00"},      /* no day, no seconds */
        {"  Wednesday, 11 October 2017 08:30:00 UTC ", "2017-10-11T08:30:00Z"},
        {"Thu, 29 Feb 2024 00:00:00 +0300", "2024-02-29"},              /* midnight: the date */
        {"Mon, 6 Nov 17 9:05:00 EST", "2017-11-06T09:05:00-05:00"},     /* RFC 822's two-digit year */
        {"Fri, 13 Oct 2017 10:00:00 +0530 (IST)", "2017-10-13T10:00:00+05:30"},
        /* no zone, or one not known: a local time of no known place is no
         * instant, its day is the newsroom's: the date alone, as a date
         * line's time of no zone gives (it was kept as written) */
        {"Tue, 10 Oct 2017 14:03:00", "2017-10-10"},
        {"Tue, 10 Oct 2017 23:30 (EEST)", "2017-10-10"},
        {"Tue, 10 Oct 2017 14:03:00 AST", "2017-10-10"},
        {"10 Oct 2017", "2017-10-10"},
        {"Wed, 11 Oct 2017", "2017-10-11"},
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char iso[MZ_ISO_DATE_MAX];
        if (!mz_rfc822_date(good[i][0], iso))
            fail_msg("not read: %s", good[i][0]);
        assert_string_equal(iso, good[i][1]);
    }
    static const char *const bad[] = {
        "2024-03-01T10:00:00Z",           /* ISO already: Atom's, kept as written */
        "Tue, 10 Oct 2017 14:03:00 Damascus", /* a place, not a zone */
        "Tue, 10 Oct 2017 14:03:00 AST more", "10 Oct 2017 GMT", /* a zone with no time */
        "Tue, 30 Feb 2017 14:03:00",      /* no such day, with no zone */
        "Tue, 30 Feb 2017 14:03:00 GMT",  /* no such day */
        "Fri, 29 Feb 2019 10:00:00 GMT",  /* not a leap year */
        "Tue, 10 Oct 2017 25:03:00 GMT",  /* no such hour */
        "الثلاثاء 10 أكتوبر 2017",        /* an Arabic date line: not this format */
        "Tue, 10 Oct 2017 14:03:00 GMT and more", "", "Tue,"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char iso[MZ_ISO_DATE_MAX] = "untouched";
        if (mz_rfc822_date(bad[i], iso))
            fail_msg("read: %s as %s", bad[i], iso);
        assert_string_equal(iso, "untouched");
        /* of these, the three of the form with no such day are told apart */
        int want = strstr(bad[i], " Feb ") && !strstr(bad[i], "more") ? -1 : 0;
        if (mz_rfc822_read(bad[i], iso) != want)
            fail_msg("%s: not %d", bad[i], want);
    }
    /* an item whose date is not RFC 822 keeps it as written */
    static const char odd[] = "<rss><channel><item><pubDate>منذ ساعتين</pubDate><description>"
                              "وصلت قافلة المساعدات إلى المدينة.</description></item></channel></rss>";
    mz_feed f;
    mz_error err;
    assert_int_equal(mz_feed_parse(odd, strlen(odd), "odd.rss", &f, &err), MZ_OK);
    mz_feed_entry e;
    assert_int_equal(mz_feed_item(&f, 0, "odd.rss: item 1", 0, &e, &err), MZ_OK);
    assert_string_equal(e.in.published, "منذ ساعتين");
    mz_feed_entry_clear(&e);
    mz_feed_clear(&f);
    /* and one of no zone keeps its day */
    static const char local[] = "<rss><channel><item><pubDate>Tue, 10 Oct 2017 14:03:00</pubDate>"
                                "<description>وصلت قافلة المساعدات إلى المدينة.</description>"
                                "</item></channel></rss>";
    assert_int_equal(mz_feed_parse(local, strlen(local), "local.rss", &f, &err), MZ_OK);
    assert_int_equal(mz_feed_item(&f, 0, "local.rss: item 1", 0, &e, &err), MZ_OK);
    assert_string_equal(e.in.published, "2017-10-10");
    mz_feed_entry_clear(&e);
    mz_feed_clear(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff),       cmocka_unit_test(test_rss_items),
        cmocka_unit_test(test_atom_items),  cmocka_unit_test(test_authors),
        cmocka_unit_test(test_bad_feeds),
        cmocka_unit_test(test_ingest_feed), cmocka_unit_test(test_max_bytes_per_item),
        cmocka_unit_test(test_rfc822_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
