/*
 * check_bench.c — claim-check latency against store size.
 *
 *   check_bench build OUT.db N CORPUS.jsonl...   store of N articles: the distinct baly2018
 *                                                texts replicated, each copy made distinct
 *                                                by a marker line (one ingest transaction)
 *   check_bench run DB.db CLAIMS.jsonl R         each claim R times: p50/p99 of mz_check
 *                                                (k = 20) and, as the reference measured in the
 *                                                same run, of plain BM25 retrieval of the same
 *                                                100 candidates (mz_analyze + mz_store_candidates)
 */
#include "check/check.h"
#include "store/store.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef struct strs {
    char **v;
    size_t n, cap;
} strs;

static int push(strs *s, char *x)
{
    if (s->n == s->cap) {
        size_t c = s->cap ? s->cap * 2 : 256;
        char **nv = realloc(s->v, c * sizeof *nv);
        if (!nv)
            return -1;
        s->v = nv;
        s->cap = c;
    }
    s->v[s->n++] = x;
    return 0;
}

static bool seen(const strs *s, const char *x)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], x))
            return true;
    return false;
}

/* Distinct values of `field` across the JSONL files. */
static void read_field(const char *path, const char *field, strs *out)
{
    char *text;
    size_t len;
    mz_error err;
    if (mz_read_file(path, 0, &text, &len, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    for (char *p = strtok(text, "\n"); p; p = strtok(NULL, "\n")) {
        cJSON *j = cJSON_Parse(p);
        cJSON *f = j ? cJSON_GetObjectItem(j, field) : NULL;
        if (cJSON_IsString(f) && !seen(out, f->valuestring))
            push(out, strdup(f->valuestring));
        cJSON_Delete(j);
    }
    free(text);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

static int build(const char *db_path, size_t n, char **files, int n_files)
{
    strs texts = {0};
    for (int i = 0; i < n_files; i++)
        read_field(files[i], "article", &texts);
    if (texts.n == 0)
        return 1;
    char tmp[] = "/tmp/mizan-bench-XXXXXX.jsonl"; /* ingest reads *.jsonl as JSONL */
    int fd = mkstemps(tmp, 6);
    FILE *f = fdopen(fd, "w");
    for (size_t i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        mz_buf b = {0};
        /* the copy number on every line: the store hashes the boilerplate-
         * stripped body, so a marker on a line of its own could be dropped */
        for (const char *p = texts.v[i % texts.n]; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            mz_buf_append(&b, p, n);
            mz_buf_printf(&b, " (%zu)\n", i);
            p += n + (nl != NULL);
        }
        cJSON_AddStringToObject(o, "text", b.p);
        char url[64];
        snprintf(url, sizeof url, "https://site%zu.example/a/%zu", i % 500, i);
        cJSON_AddStringToObject(o, "url", url);
        char *line = cJSON_PrintUnformatted(o);
        fprintf(f, "%s\n", line);
        free(line);
        mz_buf_free(&b);
        cJSON_Delete(o);
    }
    fclose(f);
    mz_db *db;
    mz_error err;
    remove(db_path);
    if (mz_db_open(db_path, 0, &db, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    const char *paths[1] = {tmp};
    mz_ingest_report rep;
    double t0 = now_ms();
    mz_ingest_options opt = {.on_error = MZ_ON_ERROR_SKIP};
    mz_status rc = mz_ingest_paths(db, paths, 1, &opt, &rep, &err);
    printf("built %s: %zu added, %zu skipped, %zu failed in %.1f s\n", db_path, rep.added,
           rep.skipped, rep.failed, (now_ms() - t0) / 1e3);
    mz_db_close(db);
    remove(tmp);
    for (size_t i = 0; i < texts.n; i++)
        free(texts.v[i]);
    free(texts.v);
    if (rc != MZ_OK || rep.added == 0) {
        fprintf(stderr, "check_bench: ingest failed: %s\n", err.msg);
        remove(db_path);
        return 1;
    }
    return 0;
}

/* The reference: BM25 candidates only, as mz_check's first step fetches them. */
static void bm25(mz_db *db, const char *claim)
{
    mz_terms t;
    mz_error err;
    if (mz_analyze(claim, strlen(claim), &t, &err) != MZ_OK)
        return;
    mz_scored *s = NULL;
    size_t n = 0;
    mz_store_candidates(db, (const char *const *)t.v, t.n, 100, &s, &n, &err);
    free(s);
    mz_terms_clear(&t);
}

static int run(const char *db_path, const char *claims_path, int reps)
{
    strs claims = {0};
    read_field(claims_path, "claim", &claims);
    mz_db *db;
    mz_model *m;
    mz_error err;
    if (mz_db_open(db_path, MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, &db, &err) != MZ_OK ||
        mz_model_load(NULL, &m, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    size_t n = claims.n * (size_t)reps;
    double *chk = malloc(n * sizeof *chk), *bm = malloc(n * sizeof *bm);
    size_t k = 0;
    /* one warm-up pass so the page cache is the same for both */
    for (size_t i = 0; i < claims.n; i++)
        bm25(db, claims.v[i]);
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < claims.n; i++, k++) {
            double t0 = now_ms();
            bm25(db, claims.v[i]);
            double t1 = now_ms();
            mz_check_result *res;
            if (mz_check(db, m, claims.v[i], NULL, &res, &err) != MZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return 1;
            }
            mz_check_result_free(res);
            double t2 = now_ms();
            bm[k] = t1 - t0;
            chk[k] = t2 - t1;
        }
    mz_stats st;
    mz_db_stats(db, &st, &err);
    double c50 = pct(chk, n, 0.5), c99 = pct(chk, n, 0.99);
    double b50 = pct(bm, n, 0.5), b99 = pct(bm, n, 0.99);
    printf("%8lld articles  check p50 %7.1f ms  p99 %7.1f ms   bm25-100 p50 %6.1f ms  p99 %6.1f ms   "
           "check/bm25 %.1fx  (%zu runs)\n",
           (long long)st.articles, c50, c99, b50, b99, b50 > 0 ? c50 / b50 : 0, n);
    free(chk);
    free(bm);
    for (size_t i = 0; i < claims.n; i++)
        free(claims.v[i]);
    free(claims.v);
    mz_model_free(m);
    mz_db_close(db);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 5 && !strcmp(argv[1], "build"))
        return build(argv[2], (size_t)atol(argv[3]), argv + 4, argc - 4);
    if (argc == 5 && !strcmp(argv[1], "run"))
        return run(argv[2], argv[3], atoi(argv[4]));
    fprintf(stderr, "usage: check_bench build OUT.db N CORPUS.jsonl... | run DB CLAIMS.jsonl REPS\n");
    return 2;
}
