/* test_ingest.c — files, directories, JSONL, duplicates, bad input (abort vs
 * skip), and a kill in the middle of an ingest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/wait.h>

#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

typedef struct fixture {
    char *dir, *dbpath;
    mz_db *db;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = tmpdir_new();
    f->dbpath = path_join(f->dir, "t.db");
    mz_error err;
    if (mz_db_open(f->dbpath, 0, &f->db, &err) != MZ_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mz_db_close(f->db);
    rm_rf(f->dir);
    free(f->dir);
    free(f->dbpath);
    free(f);
    return 0;
}

/* Collects what on_item reported. */
typedef struct seen {
    char origins[16][128];
    mz_status status[16];
    char msgs[16][256];
    int n;
} seen;

static void record(void *ctx, const char *origin, mz_status s, const char *msg)
{
    seen *r = ctx;
    if (r->n < 16) {
        snprintf(r->origins[r->n], 128, "%s", origin);
        snprintf(r->msgs[r->n], 256, "%s", msg);
        r->status[r->n] = s;
    }
    r->n++;
}

static mz_status ingest1(fixture *f, const char *path, mz_on_error mode, size_t max,
                         mz_ingest_report *rep, seen *r, mz_error *err)
{
    mz_ingest_options opt = {.max_bytes = max, .on_error = mode, .on_item = record, .ctx = r};
    const char *paths[] = {path};
    return mz_ingest_paths(f->db, paths, 1, &opt, rep, err);
}

static void test_directory_titles_duplicates(void **state)
{
    fixture *f = *state;
    char *sub = path_join(f->dir, "news");
    mkdir(sub, 0755);
    char *deeper = path_join(sub, "more");
    mkdir(deeper, 0755);
    free(write_file(sub, "b.txt", ART_TALKS));
    /* leading blank lines and spaces before the title */
    char *padded = malloc(strlen(ART_KILLED) + 16);
    sprintf(padded, "\n  \n   %s", ART_KILLED);
    free(write_file(sub, "a.txt", padded));
    free(padded);
    free(write_file(deeper, "c.txt", ART_DIALOGUE));
    free(write_file(sub, ".hidden.txt", ART_WEATHER)); /* hidden: not ingested */
    /* same article with diacritics and other spacing: a duplicate */
    free(write_file(deeper, "d.txt",
                    "جولةٌ جديدة من مُفاوضات السلام\n"
                    "تبدأ   الأسبوع المقبل جولة جديدة من مفاوضات السلام في جنيف بمشاركة وفدي "
                    "الحكومة والمعارضة، بحسب ما أعلن المبعوث الأممي.\n"));
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, sub, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 3);
    assert_int_equal(rep.skipped, 1);
    assert_int_equal(rep.failed, 0);
    assert_int_equal(r.n, 4);
    /* sorted order, recursively */
    assert_non_null(strstr(r.origins[0], "news/a.txt"));
    assert_non_null(strstr(r.origins[1], "news/b.txt"));
    assert_non_null(strstr(r.origins[2], "more/c.txt"));
    assert_int_equal(r.status[3], MZ_ERR_DUPLICATE);

    mz_article a;
    assert_int_equal(mz_article_get(f->db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "مقتل قيادي في تنظيم داعش بريف حلب");
    assert_null(a.source);
    mz_article_clear(&a);

    /* the store's own files are never taken for articles */
    const char *self[] = {f->dir};
    memset(&r, 0, sizeof r);
    assert_int_equal(mz_ingest_paths(f->db, self, 1, NULL, &rep, &err), MZ_OK);
    assert_int_equal(rep.failed, 0);
    assert_int_equal(rep.added, 0);

    /* ingesting again adds nothing */
    assert_int_equal(ingest1(f, sub, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 0);
    assert_int_equal(rep.skipped, 4);
    assert_int_equal(count_articles(f->db), 3);

    /* mz_article_add says which article it duplicates */
    mz_article_input in = {.text = ART_TALKS, .text_len = strlen(ART_TALKS)};
    int64_t id = 0;
    assert_int_equal(mz_article_add(f->db, &in, &id, &err), MZ_ERR_DUPLICATE);
    assert_int_equal(id, 2);
    free(deeper);
    free(sub);
}

/* Symbolic links back up the tree: each directory is walked once, so two
 * loops no longer walk it 2^32 times, and one no longer ends the run with
 * "nested too deep". A NULL path is refused. */
static void test_symlink_loops(void **state)
{
    fixture *f = *state;
    char *top = path_join(f->dir, "loops");
    mkdir(top, 0755);
    char *sub = path_join(top, "sub");
    mkdir(sub, 0755);
    free(write_file(top, "a.txt", ART_TALKS));
    free(write_file(sub, "b.txt", ART_KILLED));
    char *l1 = path_join(top, "loop"), *l2 = path_join(top, "loop2"), *l3 = path_join(sub, "up");
    assert_int_equal(symlink(".", l1), 0);
    assert_int_equal(symlink(".", l2), 0);
    assert_int_equal(symlink("..", l3), 0);
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, top, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(rep.failed, 0);
    const char *paths[] = {top, NULL};
    assert_int_equal(mz_ingest_paths(f->db, paths, 2, NULL, &rep, &err), MZ_ERR_ARG);
    assert_int_equal(count_articles(f->db), 2);
    free(l1);
    free(l2);
    free(l3);
    free(sub);
    free(top);
}

/* A dangling link, or links round in a ring, in a walked folder: `ls`
 * lists them, so the message says what they are and where they point
 * rather than "no such file or directory". */
static void test_broken_links(void **state)
{
    fixture *f = *state;
    char *top = path_join(f->dir, "links");
    mkdir(top, 0755);
    free(write_file(top, "a.txt", ART_TALKS));
    char *dead = path_join(top, "b.txt"), *r1 = path_join(top, "r1"), *r2 = path_join(top, "r2");
    assert_int_equal(symlink("/nonexistent/موجز.txt", dead), 0);
    assert_int_equal(symlink("r2", r1), 0);
    assert_int_equal(symlink("r1", r2), 0);
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, top, MZ_ON_ERROR_SKIP, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    assert_int_equal(rep.failed, 3);
    assert_int_equal(r.n, 4);
    int found = 0;
    for (int i = 0; i < r.n; i++) {
        if (strstr(r.msgs[i], "b.txt: a broken symbolic link (to /nonexistent/موجز.txt)"))
            found++, assert_int_equal(r.status[i], MZ_ERR_NOT_FOUND);
        if (strstr(r.msgs[i], "r1: a loop of symbolic links (to r2)") ||
            strstr(r.msgs[i], "r2: a loop of symbolic links (to r1)"))
            found++, assert_int_equal(r.status[i], MZ_ERR_IO);
    }
    assert_int_equal(found, 3);
    free(dead);
    free(r1);
    free(r2);
    free(top);
}

/* Many directories, each linking back to the top: every one is walked once
 * (the set of walked directories grows past its first sizes). */
static void test_many_directories_walked_once(void **state)
{
    fixture *f = *state;
    char *top = path_join(f->dir, "many");
    mkdir(top, 0755);
    enum { N = 150 };
    for (int i = 0; i < N; i++) {
        char name[32], text[512];
        snprintf(name, sizeof name, "d%03d", i);
        char *d = path_join(top, name);
        mkdir(d, 0755);
        snprintf(text, sizeof text, "%s\nالتقرير رقم %d من المرصد.\n", ART_WEATHER, i);
        free(write_file(d, "a.txt", text));
        char *link = path_join(d, "top");
        assert_int_equal(symlink("..", link), 0);
        free(link);
        free(d);
    }
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, top, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, N);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(rep.failed, 0);
    free(top);
}

/* A JSONL line over the limit is refused by its length without being held
 * whole (an endless line used to grow until memory ran out); the lines
 * after it are read as usual. */
static void test_overlong_jsonl_line(void **state)
{
    fixture *f = *state;
    size_t big = 200 * 1000;
    char *text = malloc(big + 256);
    strcpy(text, "{\"text\":\"");
    memset(text + 9, 'a', big);
    strcpy(text + 9 + big, "\"}\n{\"text\":\"خبر قصير عن معبر نصيب الحدودي بعد ذلك السطر\"}\n");
    char *path = write_file(f->dir, "long.jsonl", text);
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, path, MZ_ON_ERROR_SKIP, 1000, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    assert_int_equal(rep.failed, 1);
    assert_int_equal(r.status[0], MZ_ERR_TOO_LARGE);
    assert_int_equal(count_articles(f->db), 1);
    free(path);
    free(text);
}

/* A limit as large as size_t holds means no practical limit: the JSONL line
 * limit derived from it (8 * max_bytes + 64 KiB) wrapped around to 64 KiB
 * and refused a 280 KB line that the 5 MB default accepts. */
static void test_huge_max_bytes(void **state)
{
    fixture *f = *state;
    size_t n = 40000;
    char *text = malloc(7 * n + 64);
    char *p = text + sprintf(text, "{\"text\":\"");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "\\u0645x"); /* 7 bytes of JSON per 3 bytes of text */
    strcpy(p, "\"}\n");
    char *path = write_file(f->dir, "wide.jsonl", text);
    size_t limits[] = {SIZE_MAX, SIZE_MAX / 8, SIZE_MAX / 8 + 1};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        mz_ingest_report rep;
        seen r = {0};
        mz_error err;
        assert_int_equal(ingest1(f, path, MZ_ON_ERROR_SKIP, limits[i], &rep, &r, &err), MZ_OK);
        assert_int_equal(rep.failed, 0);
        assert_int_equal(rep.added + rep.skipped, 1);
        assert_int_equal(r.status[0], i == 0 ? MZ_OK : MZ_ERR_DUPLICATE);
    }
    assert_int_equal(count_articles(f->db), 1);
    free(path);
    free(text);
}

static void test_invalid_utf8_keeps_store(void **state)
{
    fixture *f = *state;
    char *good = write_file(f->dir, "good.txt", ART_WEATHER);
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, good, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);

    char *in = path_join(f->dir, "in");
    mkdir(in, 0755);
    free(write_file(in, "1.txt", ART_TALKS));
    /* "مقال" then a lone continuation byte at offset 8, after 4 letters */
    char *bad = write_file(in, "2.txt", "مقال\x80 تالف");
    free(write_file(in, "3.txt", ART_DIALOGUE));
    assert_int_equal(ingest1(f, in, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, bad));
    assert_non_null(strstr(err.msg, "byte offset 8"));
    assert_int_equal(rep.added, 0);
    /* 1.txt was rolled back with the rest; what was stored before is intact */
    assert_int_equal(count_articles(f->db), 1);
    mz_hits hits;
    assert_int_equal(mz_search(f->db, "درجات الحرارة", 3, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);

    /* skip: the good ones go in, the bad one is reported */
    memset(&r, 0, sizeof r);
    assert_int_equal(ingest1(f, in, MZ_ON_ERROR_SKIP, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_int_equal(rep.failed, 1);
    assert_int_equal(r.status[1], MZ_ERR_UTF8);
    assert_non_null(strstr(r.msgs[1], "byte offset 8"));
    assert_int_equal(count_articles(f->db), 3);
    free(bad);
    free(in);
    free(good);
}

static void test_empty_binary_too_large(void **state)
{
    fixture *f = *state;
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    char *empty = write_file(f->dir, "empty.txt", "");
    assert_int_equal(ingest1(f, empty, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_EMPTY);
    assert_non_null(strstr(err.msg, "empty.txt"));
    /* spaces, newlines, a no-break space, a right-to-left mark, a BOM */
    char *blank = write_file(f->dir, "blank.txt", "\xEF\xBB\xBF  \n\t\xC2\xA0\xE2\x80\x8F\r\n");
    assert_int_equal(ingest1(f, blank, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_EMPTY);
    /* control characters (C0, DEL, C1) and white space: no NUL, valid UTF-8,
     * but stored it would be an article of spaces */
    char *ctl = write_file(f->dir, "controls.txt", "\x01\x02\x1b \n\x7f\xC2\x85\x0b\r\n");
    assert_int_equal(ingest1(f, ctl, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_BINARY);
    assert_non_null(strstr(err.msg, "control characters"));
    char *bin = path_join(f->dir, "image.png");
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    write_bytes(bin, png, sizeof png - 1);
    assert_int_equal(ingest1(f, bin, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_BINARY);
    assert_non_null(strstr(err.msg, "offset 8"));
    char *u16 = path_join(f->dir, "utf16.txt");
    write_bytes(u16, "\xFF\xFE\x46\x06\x41\x06", 6); /* نف in UTF-16LE */
    assert_int_equal(ingest1(f, u16, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "UTF-16"));
    /* Notepad's "Unicode" without its byte order mark: named, not "binary" */
    write_bytes(u16, "\x46\x06\x41\x06\x20\x00\x45\x06\x46\x06\x2a\x06", 12); /* نف منت */
    assert_int_equal(ingest1(f, u16, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "iconv -f UTF-16LE -t UTF-8"));
    free(u16);
    /* Arabic in ISO-8859-6 gets the command for ISO-8859-6: the Windows-1256
     * one it used to get turns it into mojibake that is valid UTF-8 */
    char *iso = path_join(f->dir, "iso.txt");
    const char iso_text[] = "\xc7\xd1\xca\xe1\xc7\xd9 \xc3\xd3\xd9\xc7\xd1 \xc7\xe4\xce\xc8\xd2 "
                            "\xe1\xea \xc7\xe4\xc3\xd3\xe8\xc7\xe2\n"; /* ارتفاع أسعار الخبز في الأسواق */
    write_bytes(iso, iso_text, sizeof iso_text - 1);
    assert_int_equal(ingest1(f, iso, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "iconv -f ISO-8859-6 -t UTF-8"));
    free(iso);
    char *big = write_file(f->dir, "big.txt", ART_KILLED);
    assert_int_equal(ingest1(f, big, MZ_ON_ERROR_ABORT, 100, &rep, &r, &err), MZ_ERR_TOO_LARGE);
    assert_non_null(strstr(err.msg, "limit"));
    assert_int_equal(ingest1(f, big, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    char *nolines = write_file(f->dir, "none.jsonl", "\n  \n");
    assert_int_equal(ingest1(f, nolines, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_EMPTY);
    assert_non_null(strstr(err.msg, "no JSON lines"));
    free(nolines);
    char *missing = path_join(f->dir, "nope.txt");
    assert_int_equal(ingest1(f, missing, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(count_articles(f->db), 1);
    free(missing);
    free(big);
    free(bin);
    free(blank);
    free(ctl);
    free(empty);
}

static void test_jsonl_abort_and_skip(void **state)
{
    fixture *f = *state;
    mz_buf b = {0};
    mz_buf_printf(&b, "{\"text\": \"%s\", \"title\": \"عنوان من الملف\", \"url\": "
                      "\"https://www.example-news.com/a/1?x=2\", \"published\": \"2017-06-14\"}\n",
                  "نص المقال الأول عن مفاوضات الرقة.");
    mz_buf_puts(&b, "{\"text\": \"مقال مكسور\", \n");                       /* 2: malformed */
    mz_buf_puts(&b, "\n");                                                    /* 3: blank, ignored */
    mz_buf_puts(&b, "{\"title\": \"بلا نص\"}\n");                             /* 4: no text */
    mz_buf_puts(&b, "{\"text\": 42}\n");                                      /* 5: mistyped */
    mz_buf_puts(&b, "{\"article\": \"مقال بصيغة بلي عن المعارك في حلب\", "
                    "\"url\": \"http://WWW.Aljazeera.net:80/news/x\", \"claim\": \"x\"}\n"); /* 6 */
    mz_buf_puts(&b, "{\"text\": \"نص \xff مكسور\"}\n");                       /* 7: bad UTF-8 */
    mz_buf_puts(&b, "{\"text\": \"   \"}\n");                                 /* 8: empty */
    mz_buf_puts(&b, "{\"text\": \"مقال أخير\", \"source\": \"وكالة\", \"title\": null}"); /* 9, no \n */
    char *path = path_join(f->dir, "feed.jsonl");
    write_bytes(path, b.p, b.len);
    mz_buf_free(&b);

    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, path, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "line 2"));
    assert_non_null(strstr(err.msg, "feed.jsonl"));
    assert_int_equal(count_articles(f->db), 0);

    memset(&r, 0, sizeof r);
    assert_int_equal(ingest1(f, path, MZ_ON_ERROR_SKIP, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 3);
    assert_int_equal(rep.failed, 5);
    assert_int_equal(r.n, 8);
    const struct { const char *origin; mz_status s; const char *msg; } want[] = {
        {"feed.jsonl:1", MZ_OK, ""},
        {"feed.jsonl:2", MZ_ERR_JSON, "line 2"},
        {"feed.jsonl:4", MZ_ERR_JSON, "\"text\""},
        {"feed.jsonl:5", MZ_ERR_JSON, "must be a string"},
        {"feed.jsonl:6", MZ_OK, ""},
        {"feed.jsonl:7", MZ_ERR_UTF8, "line 7"},
        {"feed.jsonl:8", MZ_ERR_EMPTY, "white space"},
        {"feed.jsonl:9", MZ_OK, ""},
    };
    for (int i = 0; i < 8; i++) {
        assert_non_null(strstr(r.origins[i], want[i].origin));
        assert_int_equal(r.status[i], want[i].s);
        assert_non_null(strstr(r.msgs[i], want[i].msg));
    }
    mz_article a;
    assert_int_equal(mz_article_get(f->db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "عنوان من الملف");
    assert_string_equal(a.source, "example-news.com");
    assert_string_equal(a.published, "2017-06-14");
    assert_non_null(strstr(a.origin, "feed.jsonl:1"));
    mz_article_clear(&a);
    assert_int_equal(mz_article_get(f->db, 2, &a, &err), MZ_OK);
    assert_string_equal(a.source, "aljazeera.net");
    assert_string_equal(a.title, "مقال بصيغة بلي عن المعارك في حلب");
    mz_article_clear(&a);
    assert_int_equal(mz_article_get(f->db, 3, &a, &err), MZ_OK);
    assert_string_equal(a.source, "وكالة");
    mz_article_clear(&a);
    free(path);
}

static void test_url_source(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_SCHOOL, .text_len = strlen(ART_SCHOOL),
                           .url = "https://user:pw@www.BBC.co.uk/arabic/x"};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.source, "bbc.co.uk");
    assert_string_equal(a.url, "https://user:pw@www.BBC.co.uk/arabic/x");
    mz_article_clear(&a);
    /* a plain file naming its outlet on a line of its own */
    const char *sana = "وصول قافلة مساعدات إلى دير الزور\nوصلت قافلة مساعدات أممية إلى المدينة.\nالمصدر: وكالة سانا\n";
    mz_article_input in2 = {.text = sana, .text_len = strlen(sana)};
    assert_int_equal(mz_article_add(db, &in2, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.source, "وكالة سانا");
    mz_article_clear(&a);
    /* but not a scraped line with a menu glued on */
    const char *junk = "خبر عن حلب\nسقطت قذائف على حي في حلب.\nالمصدر : وكالات آخر الأخبار وأبرزها عنوانك البريدي\n";
    mz_article_input in3 = {.text = junk, .text_len = strlen(junk)};
    assert_int_equal(mz_article_add(db, &in3, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_null(a.source);
    mz_article_clear(&a);
    /* a file name that is not UTF-8 is stored with U+FFFD, not refused,
     * so JSON writers never see invalid bytes */
    mz_article_input in4 = {.text = ART_WEATHER, .text_len = strlen(ART_WEATHER),
                            .origin = "/tmp/\xe2\x80news.txt"};
    assert_int_equal(mz_article_add(db, &in4, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.origin, "/tmp/\xEF\xBF\xBD\xEF\xBF\xBDnews.txt");
    mz_article_clear(&a);
    mz_article_input none = {.text = NULL};
    assert_int_equal(mz_article_add(db, &none, &id, &err), MZ_ERR_ARG);
    mz_db_close(db);
}

static char *title_of(mz_db *db, const char *text)
{
    mz_article_input in = {.text = text, .text_len = strlen(text)};
    int64_t id;
    mz_error err;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    char *t = strdup(a.title);
    mz_article_clear(&a);
    return t;
}

/* A first line that is only a dateline or site label gives way to the lead;
 * any other first line stays the title. (Texts written for this test.) */
/* Control characters (an escape sequence in a scraped title, a stray
 * backspace, C1 codes) become spaces, byte for byte: listing the store must
 * not drive the terminal, and offsets into the text still hold. */
static void test_controls_blanked(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    const char *text = "عنوان \x1b[31mأحمر\x1b[0m\nنص الخبر\x08 عن \xc2\x9bالرقة\tوالمفاوضات.\n";
    mz_article_input in = {.text = text, .text_len = strlen(text)};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.title, "عنوان  [31mأحمر [0m");
    /* byte for byte: a word stands where it stood */
    assert_int_equal(strstr(a.body, "الرقة") - a.body, strstr(text, "الرقة") - text);
    for (const char *p = a.body; *p; p++)
        assert_true((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t');
    assert_non_null(strstr(a.body, "\tوالمفاوضات"));
    mz_article_clear(&a);

    /* every metadata field too (they used to reach the terminal raw through
     * show and check), and a blanked control at an end is trimmed away */
    const char *text2 = "خبر ثان عن معبر نصيب والمفاوضات بين الطرفين.\n";
    mz_article_input in2 = {.text = text2, .text_len = strlen(text2),
                            .title = "عنوان\nثان\x1b", .url = "http://x.example/\x1b]0;PWN\x07",
                            .source = "\x1b[31mمصدر", .published = "2020\x1b[2J",
                            .origin = "esc/y\x1b[31m.txt"};
    assert_int_equal(mz_article_add(db, &in2, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.title, "عنوان ثان");
    assert_string_equal(a.url, "http://x.example/ ]0;PWN");
    assert_string_equal(a.source, "[31mمصدر");
    assert_string_equal(a.published, "2020 [2J");
    assert_string_equal(a.origin, "esc/y [31m.txt");
    mz_article_clear(&a);

    /* bidi overrides and isolates (an unclosed RLO reverses the rest of a
     * report line) are blanked byte for byte; RLM, a mark, stays */
    const char *text3 = "خبر \xe2\x80\xae ثالث \xe2\x81\xa7عن\xe2\x81\xa9 درعا\xe2\x80\x8f والمفاوضات.\n";
    mz_article_input in3 = {.text = text3, .text_len = strlen(text3),
                            .title = "\xe2\x80\xaaعنوان\xe2\x80\xac ثالث"};
    assert_int_equal(mz_article_add(db, &in3, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.title, "عنوان    ثالث");
    assert_string_equal(a.body, "خبر     ثالث    عن    درعا\xe2\x80\x8f والمفاوضات.");
    mz_article_clear(&a);

    /* a given title of nothing but controls is no title: the text's first
     * line is, as for a blank one (it was stored as "") */
    const char *text4 = "عنوان الخبر الرابع\nنص الخبر الرابع عن المفاوضات في جنيف.\n";
    const char *titles[] = {"\x1b\x07", "\xc2\x9b\x1b\x7f\t", "\x01 \xe2\x80\xae"};
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        mz_article_input in4 = {.text = text4, .text_len = strlen(text4), .title = titles[i]};
        assert_int_equal(mz_article_add(db, &in4, &id, &err), MZ_OK);
        assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
        assert_string_equal(a.title, "عنوان الخبر الرابع");
        mz_article_clear(&a);
        assert_int_equal(mz_articles_delete(db, &id, 1, &err), MZ_OK);
    }
    mz_db_close(db);
}

/* Lines ended by CR alone (old Mac tools, some Windows exports): each CR is
 * a line end, as CRLF and LF are. It was read as one line, so the whole story
 * became the title and the body kept its CRs. A date line under the title
 * is found too. (Text written for this test.) */
static void test_lone_cr_lines(void **state)
{
    fixture *f = *state;
    const char *text = "افتتاح جسر جديد فوق النهر\r2019/05/12\r"
                       "افتتحت البلدية اليوم جسرا جديدا فوق النهر يربط شطري المدينة.\r"
                       "وقال رئيس البلدية إن الجسر يختصر الطريق نصف ساعة.\r";
    char *p = write_file(f->dir, "mac.txt", text);
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, p, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    mz_article a;
    assert_int_equal(mz_article_get(f->db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "افتتاح جسر جديد فوق النهر");
    assert_null(strchr(a.body, '\r'));
    assert_non_null(strstr(a.body, "المدينة.\nوقال"));
    assert_string_equal(a.published, "2019-05-12");
    mz_article_clear(&a);
    /* the same story with LF line ends is the same article */
    char *lf = strdup(text);
    for (char *c = lf; *c; c++)
        if (*c == '\r')
            *c = '\n';
    mz_article_input in = {.text = lf, .text_len = strlen(lf)};
    int64_t id;
    assert_int_equal(mz_article_add(f->db, &in, &id, &err), MZ_ERR_DUPLICATE);
    free(lf);
    free(p);
}

/* A web page saved "complete" by a browser: page.html and page_files/ with
 * its styles, scripts, images and an ad frame. The walk used to store the
 * CSS, the script and the frame as articles and fail on the image (exit 3,
 * or the whole run rolled back). Now the folder and asset files (by
 * extension) are passed over; a text file and a folder "_files" with no
 * page beside it are still read, and an asset named on its own is tried. */
static void test_saved_page_folder(void **state)
{
    fixture *f = *state;
    char *site = path_join(f->dir, "site");
    mkdir(site, 0755);
    free(write_file(site, "page.html",
                    "<!DOCTYPE html><html><head><title>افتتاح جسر جديد</title></head><body>"
                    "<article><h1>افتتاح جسر جديد</h1><p>افتتحت البلدية اليوم جسرا جديدا فوق "
                    "النهر يربط شطري المدينة، وقال رئيس البلدية إنه يختصر الطريق.</p>"
                    "</article></body></html>"));
    char *files = path_join(site, "page_files");
    mkdir(files, 0755);
    free(write_file(files, "style.css", "body{font-family:Tahoma}\n"));
    free(write_file(files, "app.js", "window.dataLayer=[];\n"));
    free(write_file(files, "frame.html", "<html><body>إعلان</body></html>"));
    char *jpg = path_join(files, "photo.JPG");
    write_bytes(jpg, "\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
    free(jpg);
    char *logo = path_join(site, "logo.png");
    write_bytes(logo, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    free(write_file(site, "notes.txt", ART_WEATHER));
    free(write_file(site, "README.md", "# Saved pages\nArticles saved from the site.\n"));
    free(write_file(site, "LICENSE", "Copyright the site.\n"));
    char *other = path_join(site, "old_files"); /* no old.html beside it */
    mkdir(other, 0755);
    free(write_file(other, "talks.txt", ART_TALKS));
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, site, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 3);
    assert_int_equal(rep.failed, 0);
    assert_int_equal(r.n, 3);
    assert_non_null(strstr(r.origins[0], "site/notes.txt"));
    assert_non_null(strstr(r.origins[1], "site/old_files/talks.txt"));
    assert_non_null(strstr(r.origins[2], "site/page.html"));
    /* named on its own, an image is tried, and refused */
    assert_int_equal(ingest1(f, logo, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_BINARY);
    assert_int_equal(count_articles(f->db), 3);
    free(logo);
    free(other);
    free(files);
    free(site);
}

/* A .json file: an array of articles (pretty-printed, as scrapers and
 * `jq -s` write it), one object, or JSONL under that name. It was stored as
 * one plain-text article whose text was the JSON itself. */
static void test_json_files(void **state)
{
    fixture *f = *state;
    char *arr = write_file(f->dir, "export.json",
                           "\xEF\xBB\xBF[\n  {\"title\": \"حديقة جديدة\", \"id\": 7,\n"
                           "   \"text\": \"افتتحت البلدية حديقة عامة جديدة في الحي الشرقي.\"},\n"
                           "  {\"text\": \"أعلنت المدرسة بدء التسجيل للعام الدراسي المقبل.\", \"url\": null}\n]\n");
    mz_ingest_report rep;
    seen r = {0};
    mz_error err;
    assert_int_equal(ingest1(f, arr, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_non_null(strstr(r.origins[1], "export.json#2"));
    mz_article a;
    assert_int_equal(mz_article_get(f->db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "حديقة جديدة");
    assert_string_equal(a.body, "افتتحت البلدية حديقة عامة جديدة في الحي الشرقي.");
    mz_article_clear(&a);
    /* JSONL named .json is read line by line */
    char *lines = write_file(f->dir, "lines.json",
                             "{\"text\": \"هطلت أمطار غزيرة على المناطق الساحلية مساء أمس.\"}\n"
                             "{\"text\": \"تراجع سعر صرف العملة المحلية أمام الدولار.\"}\n");
    memset(&r, 0, sizeof r);
    assert_int_equal(ingest1(f, lines, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    assert_non_null(strstr(r.origins[1], "lines.json:2"));
    /* an item that is no article object fails by its number; [] is empty */
    char *bad = write_file(f->dir, "bad.json", "[{\"text\": \"خبر قصير عن حركة المرور.\"}, 5]");
    assert_int_equal(ingest1(f, bad, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "bad.json: item 2: not a JSON object"));
    char *none = write_file(f->dir, "none.json", " [ ] ");
    assert_int_equal(ingest1(f, none, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_EMPTY);
    char *broken = write_file(f->dir, "broken.json", "[\n{\"text\": \"خبر\"},\n]\n");
    assert_int_equal(ingest1(f, broken, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "line 3"));
    assert_int_equal(count_articles(f->db), 4);
    /* a JSON document named .jsonl (an export, `jq .`): an array, or one
     * object over several lines, is read as the document it is; each failed
     * on line 1 */
    char *parr = write_file(f->dir, "array.jsonl",
                            "[{\"text\": \"وصلت قافلة مساعدات إلى البلدة المحاصرة.\"},\n"
                            " {\"text\": \"أغلقت الشرطة الطريق الرئيسي بسبب الحادث.\"}]\n");
    assert_int_equal(ingest1(f, parr, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 2);
    char *pobj = write_file(f->dir, "pretty.jsonl",
                            "{\n  \"title\": \"مهرجان\",\n"
                            "  \"text\": \"انطلق مهرجان الكتاب السنوي في المدينة القديمة.\"\n}\n");
    assert_int_equal(ingest1(f, pobj, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    /* several such objects one after another: not one document, and not
     * JSONL: refused, saying how to make it JSONL */
    char *pobjs = write_file(f->dir, "pretty2.jsonl", "{\n \"text\": \"خبر أول\"\n}\n{\n \"text\": \"خبر ثان\"\n}\n");
    assert_int_equal(ingest1(f, pobjs, MZ_ON_ERROR_ABORT, 0, &rep, &r, &err), MZ_ERR_JSON);
    assert_non_null(strstr(err.msg, "pretty2.jsonl: line 1: malformed JSON"));
    assert_non_null(strstr(err.msg, "jq -c"));
    assert_int_equal(count_articles(f->db), 7);
    free(pobjs);
    free(pobj);
    free(parr);
    free(broken);
    free(none);
    free(bad);
    free(lines);
    free(arr);
}

static void test_dateline_titles(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    static const char *const cases[][2] = {
        /* site - city (tag), as seed 003 opens: the lead's first clause
         * when its first sentence is over 20 words */
        {"شبكة الخابور - دير الزور (خاص)\n"
         "وصلت قافلة مساعدات إنسانية تابعة للأمم المتحدة إلى بلدة الصور في ريف دير الزور "
         "الشرقي، صباح اليوم الأحد، بعد أسابيع من الحصار الذي فرضته الفصائل المسلحة على "
         "البلدة.\n",
         "وصلت قافلة مساعدات إنسانية تابعة للأمم المتحدة إلى بلدة الصور في ريف دير الزور "
         "الشرقي"},
        /* city - agency; a short first sentence is the title whole, without its stop */
        {"دمشق - سانا\nافتتح وزير التربية اليوم مدرسة جديدة في حي الميدان بدمشق بعد ترميمها "
         "بالكامل. وحضر الافتتاح عدد من المسؤولين.\n",
         "افتتح وزير التربية اليوم مدرسة جديدة في حي الميدان بدمشق بعد ترميمها بالكامل"},
        /* no clause mark within 20 words: the first 20 words, marked as cut */
        {"حلب (وكالات)\nقال د. محمد الأحمد مدير المستشفى الوطني في حلب إن الفرق الطبية "
         "استقبلت عشرات الجرحى من المدنيين خلال الساعات الماضية جراء القصف الذي استهدف الأحياء "
         "الشرقية من المدينة وإن المستشفى بحاجة عاجلة إلى الأدوية.\n",
         "قال د. محمد الأحمد مدير المستشفى الوطني في حلب إن الفرق الطبية استقبلت عشرات الجرحى "
         "من المدنيين خلال الساعات الماضية…"},
        /* a headline with a dash but no press tag stays */
        {"مقتل قيادي في داعش - فيديو\nأعلنت مصادر محلية مقتل قيادي في تنظيم داعش بغارة "
         "جوية استهدفت سيارته على طريق الرقة دير الزور، بحسب ناشطين.\n",
         "مقتل قيادي في داعش - فيديو"},
        /* a tag line followed by no prose stays */
        {"الرقة - خاص\nصور من المدينة\n", "الرقة - خاص"},
        /* a punctuated first line is a headline, whatever it ends with */
        {"التحالف: مفاوضات لإخراج المدنيين - خاص\nكشف التحالف الدولي يوم الأربعاء عن مفاوضات "
         "تجري بشأن إمكانية تأمين خروج آمن للرهائن المدنيين المحتجزين لدى التنظيم.\n",
         "التحالف: مفاوضات لإخراج المدنيين - خاص"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = title_of(db, cases[i][0]);
        assert_string_equal(t, cases[i][1]);
        free(t);
    }
    /* an explicit title is kept as given, dateline or not */
    mz_article_input in = {.text = "نص مختلف تماما عن المساعدات.", .text_len = 0,
                           .title = "شبكة الخابور - دير الزور (خاص)"};
    in.text_len = strlen(in.text);
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.title, "شبكة الخابور - دير الزور (خاص)");
    mz_article_clear(&a);
    mz_db_close(db);
}

/* on_item in the child: tell the parent, and stop for good at item 300 so
 * the kill lands in the middle of the transaction. */
static void child_item(void *ctx, const char *origin, mz_status s, const char *msg)
{
    (void)origin;
    (void)s;
    (void)msg;
    int *fd = ctx;
    static int n;
    if (write(*fd, "x", 1) != 1)
        _exit(3);
    if (++n == 300)
        for (;;)
            pause();
}

static void test_kill_mid_ingest(void **state)
{
    fixture *f = *state;
    mz_error err;
    char *before = write_file(f->dir, "before.txt", ART_KILLED);
    const char *p1[] = {before};
    assert_int_equal(mz_ingest_paths(f->db, p1, 1, NULL, NULL, &err), MZ_OK);
    char *big = path_join(f->dir, "big");
    mkdir(big, 0755);
    for (int i = 0; i < 400; i++) {
        char name[32], text[4096];
        snprintf(name, sizeof name, "%04d.txt", i);
        int n = snprintf(text, sizeof text, "خبر رقم %d عن مفاوضات الرقة\n", i);
        for (int k = 0; k < 12; k++)
            n += snprintf(text + n, sizeof text - (size_t)n, "%s (%d.%d) ", ART_TALKS + 40, i, k);
        free(write_file(big, name, text));
    }
    mz_db_close(f->db);
    f->db = NULL;

    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        mz_db *db;
        if (mz_db_open(f->dbpath, 0, &db, &err) != MZ_OK)
            _exit(2);
        mz_ingest_options opt = {.on_item = child_item, .ctx = &fds[1]};
        const char *p2[] = {big};
        mz_ingest_paths(db, p2, 1, &opt, NULL, &err);
        _exit(1); /* never reached: killed at item 300 */
    }
    close(fds[1]);
    char buf[64];
    size_t got = 0;
    ssize_t n;
    while (got < 300 && (n = read(fds[0], buf, sizeof buf)) > 0)
        got += (size_t)n;
    assert_int_equal(got, 300);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    close(fds[0]);
    assert_true(WIFSIGNALED(status));

    assert_int_equal(mz_db_open(f->dbpath, 0, &f->db, &err), MZ_OK);
    assert_int_equal(count_articles(f->db), 1);
    mz_hits hits;
    assert_int_equal(mz_search(f->db, "مفاوضات", 10, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 0);
    mz_hits_clear(&hits);
    /* and the store still takes the same ingest */
    const char *p2[] = {big};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(f->db, p2, 1, NULL, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 400);
    assert_int_equal(count_articles(f->db), 401);
    free(big);
    free(before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_directory_titles_duplicates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_loops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_broken_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_directories_walked_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlong_jsonl_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_max_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_keeps_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_binary_too_large, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_abort_and_skip, setup, teardown),
        cmocka_unit_test(test_url_source),
        cmocka_unit_test(test_dateline_titles),
        cmocka_unit_test_setup_teardown(test_lone_cr_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_saved_page_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_files, setup, teardown),
        cmocka_unit_test(test_controls_blanked),
        cmocka_unit_test_setup_teardown(test_kill_mid_ingest, setup, teardown),
    };
    return cmocka_run_group_tests_name("store_ingest", tests, NULL, NULL);
}
