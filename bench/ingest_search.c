/*
 * ingest_search.c — query cost over an ingested store: every claim of a
 * baly2018 file as the query, through mz_search (k = 10, with snippets) and
 * through mz_store_candidates (k = 50, ids and scores only, as mz_check
 * uses it). Prints the mean time per query over all claims.
 *
 * usage: ingest-search DB CLAIMS.jsonl [MAX_QUERIES]
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DB CLAIMS.jsonl [MAX_QUERIES]\n", argv[0]);
        return 2;
    }
    long max = argc > 3 ? atol(argv[3]) : 1000000;
    mz_db *db;
    mz_error err;
    if (mz_db_open(argv[1], MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, &db, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    char *line = NULL, *prev = NULL;
    size_t cap = 0;
    long n = 0;
    double t_search = 0, t_cand = 0;
    size_t hits = 0;
    while (n < max && getline(&line, &cap, f) > 0) {
        cJSON *j = cJSON_Parse(line);
        const cJSON *c = j ? cJSON_GetObjectItem(j, "claim") : NULL;
        if (!cJSON_IsString(c) || (prev && !strcmp(prev, c->valuestring))) {
            cJSON_Delete(j);
            continue; /* one query per claim (pairs of a claim are consecutive) */
        }
        free(prev);
        prev = strdup(c->valuestring);
        double t0 = now();
        mz_hits h;
        if (mz_search(db, prev, 10, NULL, NULL, &h, &err) != MZ_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        t_search += now() - t0;
        hits += h.n;
        mz_hits_clear(&h);
        t0 = now();
        mz_terms t;
        mz_scored *s;
        size_t ns;
        if (mz_analyze(prev, strlen(prev), &t, &err) != MZ_OK ||
            mz_store_candidates(db, (const char *const *)t.v, t.n, 50, &s, &ns, &err) != MZ_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        t_cand += now() - t0;
        free(s);
        mz_terms_clear(&t);
        cJSON_Delete(j);
        n++;
    }
    free(prev);
    free(line);
    fclose(f);
    int64_t articles = 0;
    mz_store_count(db, &articles, &err);
    mz_db_close(db);
    printf("%ld claims over %lld articles: mz_search k=10 with snippets %.2f ms/query "
           "(%.1f hits); mz_analyze + mz_store_candidates k=50 %.2f ms/query\n",
           n, (long long)articles, t_search / (double)n * 1e3, (double)hits / (double)n,
           t_cand / (double)n * 1e3);
    return 0;
}
