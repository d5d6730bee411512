/* test_html_pages.c — news pages in the shapes Arabic sites and their CMSs
 * serve (WordPress, Drupal, AMP, div soup, table layouts, Windows-1256,
 * script-rendered pages; written for this test, tests/store/html_pages/),
 * each ingested into a store and its stored article compared with what the
 * page's reader sees as the story.
 *
 * Each NAME.html has a NAME.expect: "key: value" lines (title, source, url,
 * published: the stored field, "-" for none; neutral: a line that may be
 * kept or dropped, such as the headline or the byline), then "---", then
 * the story, one paragraph a line. Scores are over words (white-space
 * tokens, punctuation at their ends dropped), counted with repeats:
 * recall = story words stored / story words; precision = stored words that
 * are story words / stored words outside neutral lines. Every page must
 * keep all its story (recall 1) and leak little (precision >= MIN_PRECISION),
 * and its metadata must be as expected.
 *
 * MIZAN_HTML_EVAL=1 prints the table, and with =2 each lost and leaked line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGES_DIR "tests/store/html_pages"
#define MIN_PRECISION 0.97
#define MAX_NEUTRAL 8

typedef struct expect {
    char *title, *source, *url, *published;
    char *neutral[MAX_NEUTRAL];
    size_t n_neutral;
    char *story; /* one paragraph a line */
} expect;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    mz_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        mz_buf_append(&b, chunk, n);
    fclose(f);
    mz_buf_append(&b, "", 0);
    return b.p ? mz_buf_take(&b) : mz_strdup("");
}

static char *dup_value(const char *v)
{
    return strcmp(v, "-") ? mz_strdup(v) : NULL;
}

static bool read_expect(const char *path, expect *e)
{
    memset(e, 0, sizeof *e);
    char *s = slurp(path);
    if (!s)
        return false;
    char *story = strstr(s, "\n---\n");
    if (!story) {
        free(s);
        return false;
    }
    *story = '\0';
    e->story = mz_strdup(story + 5);
    char *save = NULL;
    for (char *line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *colon = strstr(line, ": ");
        if (!colon)
            continue;
        *colon = '\0';
        const char *v = colon + 2;
        if (!strcmp(line, "title"))
            e->title = dup_value(v);
        else if (!strcmp(line, "source"))
            e->source = dup_value(v);
        else if (!strcmp(line, "url"))
            e->url = dup_value(v);
        else if (!strcmp(line, "published"))
            e->published = dup_value(v);
        else if (!strcmp(line, "neutral") && e->n_neutral < MAX_NEUTRAL)
            e->neutral[e->n_neutral++] = mz_strdup(v);
    }
    free(s);
    return true;
}

static void expect_clear(expect *e)
{
    free(e->title), free(e->source), free(e->url), free(e->published), free(e->story);
    for (size_t i = 0; i < e->n_neutral; i++)
        free(e->neutral[i]);
}

/* ---- words */

typedef struct words {
    char **v;
    size_t n, cap;
} words;

/* Punctuation a word may carry at its ends: ASCII, and the Arabic comma,
 * semicolon, question mark, quotation marks and dashes. */
static size_t punct_at(const char *s, size_t len)
{
    static const char *const marks[] = {"،", "؛", "؟", "«", "»", "\u201c", "\u201d", "\u2013",
                                        "\u2014", "\u2026", NULL};
    if (len && strchr(".,:;!?\"'()[]-/|*", s[0]))
        return 1;
    for (const char *const *m = marks; *m; m++)
        if (len >= strlen(*m) && !memcmp(s, *m, strlen(*m)))
            return strlen(*m);
    return 0;
}

static size_t punct_before(const char *s, size_t len)
{
    for (size_t k = 1; k <= 3 && k <= len; k++)
        if (punct_at(s + len - k, k) == k)
            return k;
    return 0;
}

/* A space, a tab or a no-break space (U+00A0) at p: its length, else 0. */
static size_t space_at(const char *p)
{
    if (*p == ' ' || *p == '\t')
        return 1;
    return (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0 ? 2 : 0;
}

static void add_words(words *w, const char *line)
{
    const char *p = line;
    while (*p) {
        size_t sp;
        while ((sp = space_at(p)) > 0)
            p += sp;
        const char *s = p;
        while (*p && !space_at(p))
            p++;
        const char *e = p;
        size_t k;
        while (s < e && (k = punct_at(s, (size_t)(e - s))) > 0)
            s += k;
        while (e > s && (k = punct_before(s, (size_t)(e - s))) > 0)
            e -= k;
        if (s == e)
            continue;
        if (w->n == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 256;
            w->v = realloc(w->v, w->cap * sizeof *w->v);
        }
        w->v[w->n++] = mz_strndup(s, (size_t)(e - s));
    }
}

static void words_clear(words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Words of a and b in common, counted with repeats. */
static size_t common(words *a, words *b)
{
    qsort(a->v, a->n, sizeof *a->v, by_str);
    qsort(b->v, b->n, sizeof *b->v, by_str);
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        int c = strcmp(a->v[i], b->v[j]);
        if (c == 0)
            n++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    return n;
}

/* line is one of the lines of text (whole lines, exactly). */
static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
            return true;
    return false;
}

static bool neutral(const expect *e, const char *line)
{
    for (size_t i = 0; i < e->n_neutral; i++)
        if (!strcmp(e->neutral[i], line))
            return true;
    return false;
}

typedef struct score {
    size_t story, stored, hit;
    bool meta_ok;
} score;

static bool same(const char *got, const char *want)
{
    return got && want ? !strcmp(got, want) : got == want;
}

static void show_meta(const char *name, const char *field, const char *got, const char *want)
{
    if (!same(got, want))
        printf("  %s: %s is \"%s\", expected \"%s\"\n", name, field, got ? got : "-",
               want ? want : "-");
}

/* The page ingested into the store db as its article id, scored. */
static score score_page(mz_db *db, int64_t id, const char *name, const expect *e, int verbose)
{
    score sc = {0};
    mz_article a = {0};
    mz_error err = {0};
    if (mz_article_get(db, id, &a, &err) != MZ_OK)
        fail_msg("%s: %s", name, err.msg);
    words story = {0}, stored = {0};
    char *copy = mz_strdup(e->story), *save = NULL;
    for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        add_words(&story, l);
        if (verbose > 1 && !has_line(a.body, l))
            printf("  %s: lost: %s\n", name, l);
    }
    free(copy);
    copy = mz_strdup(a.body);
    for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (neutral(e, l))
            continue;
        add_words(&stored, l);
        if (verbose > 1 && !has_line(e->story, l))
            printf("  %s: leaked: %s\n", name, l);
    }
    free(copy);
    sc.story = story.n;
    sc.stored = stored.n;
    sc.hit = common(&story, &stored);
    words_clear(&story);
    words_clear(&stored);
    sc.meta_ok = same(a.title, e->title) && same(a.source, e->source) && same(a.url, e->url) &&
                 same(a.published, e->published);
    if (verbose > 1) {
        show_meta(name, "title", a.title, e->title);
        show_meta(name, "source", a.source, e->source);
        show_meta(name, "url", a.url, e->url);
        show_meta(name, "published", a.published, e->published);
    }
    mz_article_clear(&a);
    return sc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_pages(void **state)
{
    (void)state;
    const char *env = getenv("MIZAN_HTML_EVAL");
    int verbose = env ? atoi(env) : 0;
    DIR *d = opendir(PAGES_DIR);
    assert_non_null(d);
    char *names[256];
    size_t n = 0;
    for (struct dirent *de; (de = readdir(d)) && n < 256;) {
        size_t l = strlen(de->d_name);
        if (l > 5 && !strcmp(de->d_name + l - 5, ".html"))
            names[n++] = mz_strndup(de->d_name, l - 5);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    assert_true(n >= 20);

    char *dir = tmpdir_new();
    char *db_path = path_join(dir, "pages.db");
    mz_db *db;
    mz_error err = {0};
    assert_int_equal(mz_db_open(db_path, 0, &db, &err), MZ_OK);
    size_t all_story = 0, all_stored = 0, all_hit = 0, meta_ok = 0, bad = 0;
    if (verbose)
        printf("%-24s %7s %7s %6s %6s %s\n", "page", "story", "stored", "recall", "prec", "meta");
    for (size_t i = 0; i < n; i++) {
        char page[512], exp[512];
        snprintf(page, sizeof page, PAGES_DIR "/%s.html", names[i]);
        snprintf(exp, sizeof exp, PAGES_DIR "/%s.expect", names[i]);
        expect e;
        if (!read_expect(exp, &e))
            fail_msg("%s: no readable .expect", names[i]);
        const char *paths[] = {page};
        mz_ingest_report rep = {0};
        if (mz_ingest_paths(db, paths, 1, NULL, &rep, &err) != MZ_OK || rep.added != 1)
            fail_msg("%s: not ingested: %s", names[i], err.msg);
        score sc = score_page(db, (int64_t)(i + 1), names[i], &e, verbose);
        double recall = sc.story ? (double)sc.hit / (double)sc.story : 1;
        double prec = sc.stored ? (double)sc.hit / (double)sc.stored : 0;
        if (verbose)
            printf("%-24s %7zu %7zu %6.3f %6.3f %s\n", names[i], sc.story, sc.stored, recall,
                   prec, sc.meta_ok ? "ok" : "WRONG");
        all_story += sc.story, all_stored += sc.stored, all_hit += sc.hit;
        meta_ok += sc.meta_ok;
        if (sc.hit < sc.story || prec < MIN_PRECISION || !sc.meta_ok) {
            printf("%s: recall %.3f, precision %.3f, metadata %s\n", names[i], recall, prec,
                   sc.meta_ok ? "as expected" : "wrong");
            bad++;
        }
        expect_clear(&e);
    }
    if (verbose)
        printf("%-24s %7zu %7zu %6.3f %6.3f %zu/%zu\n", "all", all_story, all_stored,
               (double)all_hit / (double)all_story, (double)all_hit / (double)all_stored,
               meta_ok, n);
    mz_db_close(db);
    rm_rf(dir);
    free(dir);
    free(db_path);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
