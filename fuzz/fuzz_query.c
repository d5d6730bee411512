/* fuzz_query.c — a claim of arbitrary bytes (cut at the first NUL) through
 * the retrieval query path over a three-article store in a temporary folder:
 * mz_analyze, mz_retrieve (analyzed terms -> FTS5 MATCH -> BM25 candidates ->
 * re-rank, no model) and mz_search.
 * Invariants: no crash or leak; user text never becomes an FTS5 syntax
 * error: every call succeeds, except MZ_ERR_UTF8 for invalid UTF-8 and
 * MZ_ERR_ARG for a blank search; analyzed terms are non-empty, valid UTF-8,
 * at most MZ_TERM_MAX bytes, without quotes; results are at most k stored
 * articles, each once, with finite scores, best first, re-rank features in
 * [0, 1] and the article's text loaded. */
#include "check/check.h"
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define K 5
#define N_ARTICLES 3

static const char *const articles[N_ARTICLES] = {
    "البنك المركزي يرفع سعر الفائدة\n"
    "رفع البنك المركزي سعر الفائدة الرئيسي بنسبة 2% يوم الخميس، في محاولة للحد من التضخم "
    "الذي بلغ 15% الشهر الماضي. وقال المحافظ إن القرار جاء بعد اجتماع طارئ للجنة.",
    "افتتاح جسر جديد في العاصمة\n"
    "افتتحت وزارة النقل جسراً جديداً يربط شرق المدينة بغربها ويبلغ طوله 1200 متر. "
    "وقال الوزير إن الجسر سيخفف الازدحام المروري في ساعات الذروة.",
    "مصدر ينفي رفع الفائدة\n"
    "نفى مصدر في البنك المركزي الأنباء المتداولة عن رفع سعر الفائدة، مؤكداً أن اللجنة "
    "لم تجتمع هذا الأسبوع وأن أي قرار سيعلن في بيان رسمي.",
};

static mz_db *db;
static char dir[] = "/tmp/mizan-fuzz-query-XXXXXX";
static char path[sizeof dir + 16];

static void remove_store(void)
{
    mz_db_close(db);
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
    char p[sizeof path + 16];
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
}

static void open_store(void)
{
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/store.db", dir);
    if (mz_db_open(path, 0, &db, NULL) != MZ_OK)
        abort();
    atexit(remove_store);
    for (int i = 0; i < N_ARTICLES; i++) {
        mz_article_input in = {.text = articles[i], .text_len = strlen(articles[i])};
        int64_t id;
        if (mz_article_add(db, &in, &id, NULL) != MZ_OK || id != i + 1)
            abort();
    }
}

static void check_terms(const char *claim, size_t len, int valid)
{
    mz_terms t = {0};
    mz_error err;
    if (mz_analyze(claim, len, &t, &err) != MZ_OK) {
        if (valid || err.code != MZ_ERR_UTF8 || t.v)
            abort();
        return;
    }
    if (!valid)
        abort();
    for (size_t i = 0; i < t.n; i++) {
        size_t n = t.v[i] ? strlen(t.v[i]) : 0;
        if (n == 0 || n > MZ_TERM_MAX || strchr(t.v[i], '"') ||
            mz_utf8_check(t.v[i], n, NULL) != MZ_OK)
            abort();
    }
    mz_terms_clear(&t);
}

static int in_unit(double x)
{
    return x >= 0 && x <= 1;
}

static void check_retrieve(const char *claim, int valid)
{
    mz_candidate *c = NULL;
    size_t n = 0, pool = 0;
    mz_error err;
    if (mz_retrieve(db, NULL, claim, K, NULL, &c, &n, &pool, &err) != MZ_OK) {
        if (valid || err.code != MZ_ERR_UTF8 || c || n)
            abort();
        return;
    }
    if (!valid || n > K || n > pool || pool > N_ARTICLES || (n == 0) != (c == NULL))
        abort();
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].id < 1 || c[i].id > N_ARTICLES || (seen & 1u << c[i].id) ||
            !isfinite(c[i].bm25) || !isfinite(c[i].score) || !in_unit(c[i].window) ||
            !in_unit(c[i].proximity) || !in_unit(c[i].title_cov) || c[i].has_stance ||
            c[i].article.id != c[i].id || !c[i].article.body || !*c[i].article.body ||
            (i && c[i].score > c[i - 1].score))
            abort();
        seen |= 1u << c[i].id;
    }
    mz_candidates_free(c, n);
}

/* Each mark is a "[word]" of the snippet, in order: "[" before it, "]"
 * after, in code points. */
static void check_marks(const mz_hit *x)
{
    const char *s = x->snippet;
    size_t len = strlen(s), i = 0, cp = 0, prev_end = 0;
    for (size_t m = 0; m < x->n_marks; m++) {
        const mz_mark *k = &x->marks[m];
        if (k->start < prev_end + 1 || k->end < k->start)
            abort();
        while (cp + 1 < k->start && i < len) { /* to the code point before the word */
            uint32_t c;
            int n = mz_utf8_decode(s, len, i, &c);
            i += n ? (size_t)n : 1;
            cp++;
        }
        if (i >= len || s[i] != '[')
            abort();
        while (cp < k->end && i < len) {
            uint32_t c;
            int n = mz_utf8_decode(s, len, i, &c);
            i += n ? (size_t)n : 1;
            cp++;
        }
        if (cp != k->end || i >= len || s[i] != ']')
            abort();
        prev_end = k->end + 1;
    }
}

static void check_search(const char *claim, int valid)
{
    mz_hits h;
    mz_error err;
    if (mz_search(db, claim, K, "[", "]", &h, &err) != MZ_OK) {
        if (h.v || h.n || (err.code != MZ_ERR_ARG && (valid || err.code != MZ_ERR_UTF8)))
            abort();
        return;
    }
    if (!valid || h.n > K)
        abort();
    unsigned seen = 0;
    for (size_t i = 0; i < h.n; i++) {
        if (h.v[i].id < 1 || h.v[i].id > N_ARTICLES || (seen & 1u << h.v[i].id) ||
            !isfinite(h.v[i].score) || !h.v[i].title || !h.v[i].snippet ||
            (i && h.v[i].score > h.v[i - 1].score))
            abort();
        seen |= 1u << h.v[i].id;
        check_marks(&h.v[i]);
    }
    mz_hits_clear(&h);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!db)
        open_store();
    size_t len = strnlen((const char *)data, size);
    char *claim = malloc(len + 1);
    if (!claim)
        return 0;
    memcpy(claim, data, len);
    claim[len] = '\0';
    int valid = mz_utf8_check(claim, len, NULL) == MZ_OK;
    check_terms(claim, len, valid);
    check_retrieve(claim, valid);
    check_search(claim, valid);
    free(claim);
    return 0;
}
