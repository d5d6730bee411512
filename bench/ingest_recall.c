/*
 * ingest_recall.c — which analyzer and which title weight retrieve best?
 * For each baly2018 file given, all its distinct articles are pooled into one
 * index (body = boilerplate-stripped text, title = its first line, as the
 * store does), and each claim is the query. A claim's related articles are
 * those labelled agree/disagree/discuss. Reports recall@10 and MRR (first
 * related article's reciprocal rank within the top 100), for FTS5's
 * unicode61 tokenizer and for mizan_ar with the light stemmer and with
 * Snowball after it, at several title weights.
 *
 * usage: ingest-recall FILE.jsonl...
 */
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

typedef struct pair {
    char *claim_id, *claim, *article;
    int related;
} pair;

typedef struct corpus {
    pair *v;
    size_t n;
    char **docs; /* distinct article texts; doc i has rowid i + 1 */
    size_t n_docs;
} corpus;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0, vcap = 0;
    memset(c, 0, sizeof *c);
    while (getline(&line, &cap, f) > 0) {
        cJSON *j = cJSON_Parse(line);
        if (!j)
            continue;
        if (c->n == vcap)
            c->v = realloc(c->v, (vcap = vcap ? vcap * 2 : 1024) * sizeof *c->v);
        pair *p = &c->v[c->n++];
        p->claim_id = strdup(cJSON_GetObjectItem(j, "claim_id")->valuestring);
        p->claim = strdup(cJSON_GetObjectItem(j, "claim")->valuestring);
        p->article = strdup(cJSON_GetObjectItem(j, "article")->valuestring);
        p->related = strcmp(cJSON_GetObjectItem(j, "stance")->valuestring, "unrelated") != 0;
        cJSON_Delete(j);
    }
    free(line);
    fclose(f);
    char **all = malloc(c->n * sizeof *all);
    for (size_t i = 0; i < c->n; i++)
        all[i] = c->v[i].article;
    qsort(all, c->n, sizeof *all, cmp_str);
    c->docs = malloc(c->n * sizeof *c->docs);
    for (size_t i = 0; i < c->n; i++)
        if (i == 0 || strcmp(all[i], all[i - 1]) != 0)
            c->docs[c->n_docs++] = all[i];
    free(all);
}

static int64_t doc_id(const corpus *c, const char *article)
{
    char *const *hit = bsearch(&article, c->docs, c->n_docs, sizeof *c->docs, cmp_str);
    return hit ? (int64_t)(hit - c->docs) + 1 : -1;
}

static sqlite3 *build(const corpus *c, const char *tok)
{
    sqlite3 *db;
    sqlite3_open(":memory:", &db);
    mz_fts_register(db);
    char sql[512];
    snprintf(sql, sizeof sql,
             "CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
             "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs',"
             " content_rowid='id', tokenize='%s'); BEGIN;",
             tok);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        exit(1);
    }
    sqlite3_stmt *a, *b;
    sqlite3_prepare_v2(db, "INSERT INTO docs(id, title, body) VALUES (?1, ?2, ?3)", -1, &a, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO docs_fts(rowid, title, body) VALUES (?1, ?2, ?3)", -1, &b, NULL);
    for (size_t i = 0; i < c->n_docs; i++) {
        size_t blen;
        char *body = getenv("RECALL_RAW") ? mz_strdup(c->docs[i])
                                          : mz_boilerplate_strip(c->docs[i], strlen(c->docs[i]), &blen);
        if (getenv("RECALL_RAW"))
            blen = strlen(body);
        const char *s = body;
        while (*s == '\n' || *s == ' ' || *s == '\r' || *s == '\t')
            s++;
        size_t tl = strcspn(s, "\n");
        for (sqlite3_stmt *st = a; st; st = st == a ? b : NULL) {
            sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
            sqlite3_bind_text(st, 2, s, (int)tl, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, body, (int)blen, SQLITE_STATIC);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        free(body);
    }
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return db;
}

struct terms {
    mz_buf *q;
    int n;
};

static int add_term(void *ctx, const char *t, size_t len, size_t s, size_t e)
{
    (void)s;
    (void)e;
    struct terms *tt = ctx;
    if (tt->n++)
        mz_buf_puts(tt->q, " OR ");
    mz_buf_puts(tt->q, "\"" MZ_FTS_RAW);
    mz_buf_append(tt->q, t, len);
    mz_buf_puts(tt->q, "\"");
    return 0;
}

/* MATCH expression for the claim: analyzed terms for mizan_ar, the words as
 * written (quoted, for unicode61 to tokenize) otherwise. */
static char *query(const char *claim, mz_analyzer *st)
{
    mz_buf q = {0};
    mz_tokens toks = {0};
    if (st) {
        struct terms tt = {&q, 0};
        mz_analyze_each(st, claim, strlen(claim), add_term, &tt);
    } else {
        mz_tokenize(claim, strlen(claim), false, &toks);
        for (size_t i = 0; i < toks.n; i++) {
            if (i)
                mz_buf_puts(&q, " OR ");
            mz_buf_puts(&q, "\"");
            for (uint32_t k = toks.v[i].start; k < toks.v[i].end; k++)
                mz_buf_append(&q, claim[k] == '"' ? "\"\"" : claim + k, claim[k] == '"' ? 2 : 1);
            mz_buf_puts(&q, "\"");
        }
    }
    mz_tokens_clear(&toks);
    return mz_buf_take(&q);
}

static void evaluate(const corpus *c, sqlite3 *db, mz_analyzer *st, double w_title, double *recall,
                     double *mrr)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1"
             " ORDER BY bm25(docs_fts, %g, 1.0) LIMIT 100",
             w_title);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    double rsum = 0, msum = 0;
    int claims = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (i > 0 && !strcmp(c->v[i].claim_id, c->v[i - 1].claim_id))
            continue; /* pairs of one claim are consecutive */
        int64_t rel[256];
        int nrel = 0;
        for (size_t j = i; j < c->n && !strcmp(c->v[j].claim_id, c->v[i].claim_id); j++)
            if (c->v[j].related && nrel < 256) {
                int64_t id = doc_id(c, c->v[j].article);
                bool dup = false;
                for (int k = 0; k < nrel; k++)
                    dup |= rel[k] == id;
                if (!dup)
                    rel[nrel++] = id;
            }
        if (!nrel)
            continue;
        char *q = query(c->v[i].claim, st);
        sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
        int rank = 0, found10 = 0, first = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            rank++;
            int64_t id = sqlite3_column_int64(s, 0);
            for (int k = 0; k < nrel; k++)
                if (rel[k] == id) {
                    if (rank <= 10)
                        found10++;
                    if (!first)
                        first = rank;
                }
        }
        sqlite3_reset(s);
        free(q);
        rsum += (double)found10 / nrel;
        msum += first ? 1.0 / first : 0;
        claims++;
    }
    sqlite3_finalize(s);
    *recall = rsum / claims;
    *mrr = msum / claims;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE.jsonl...\n", argv[0]);
        return 2;
    }
    printf("%-12s %-34s %8s %10s %7s\n", "file", "analyzer", "w_title", "recall@10", "MRR");
    for (int f = 1; f < argc; f++) {
        corpus c;
        load(argv[f], &c);
        const char *name = strrchr(argv[f], '/') ? strrchr(argv[f], '/') + 1 : argv[f];
        const struct { const char *tok; int stem; } cfg[] = {
            {"unicode61 remove_diacritics 2", -1}, {"mizan_ar light", 0}, {"mizan_ar snowball", 1}};
        const double weights[] = {1.0, 2.0, 4.0};
        for (int k = 0; k < 3; k++) {
            sqlite3 *db = build(&c, cfg[k].tok);
            mz_analyzer *st = cfg[k].stem >= 0 ? mz_analyzer_new(cfg[k].stem == 1) : NULL;
            for (int w = 0; w < 3; w++) {
                double r, m;
                evaluate(&c, db, st, weights[w], &r, &m);
                printf("%-12s %-34s %8.1f %10.3f %7.3f\n", name, cfg[k].tok, weights[w], r, m);
            }
            mz_analyzer_free(st);
            sqlite3_close(db);
        }
        printf("(%s: %zu pairs, %zu distinct articles)\n", name, c.n, c.n_docs);
        for (size_t i = 0; i < c.n; i++) {
            free(c.v[i].claim_id);
            free(c.v[i].claim);
            free(c.v[i].article);
        }
        free(c.v);
        free(c.docs);
    }
    return 0;
}
