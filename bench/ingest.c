/*
 * ingest.c — ingest benchmark: all distinct baly2018 article texts into
 *   mizan      the whole store pipeline (mz_ingest_paths: JSONL parsing, UTF-8
 *              checks, boilerplate removal, duplicate hashing, mizan_ar FTS5)
 *   mizan_ar   the same texts into a bare SQLite table + FTS5 with the mizan_ar
 *              tokenizer (the tokenizer's cost alone)
 *   unicode61  the same bare table + FTS5 with the built-in
 *              `unicode61 remove_diacritics 2` tokenizer (the reference)
 * Both bare variants index rows the way the store does (an explicit insert
 * into the FTS table, no trigger). Each run is a fresh process (so peak RSS is its own), one transaction, a
 * database file under /tmp. Runs alternate between variants; the median of
 * the repeats is reported with ratios against unicode61 from the same
 * invocation.
 *
 * usage: ingest-bench [-r REPEATS] FILE.jsonl...
 *        ingest-bench --run VARIANT DISTINCT.jsonl DB   (one measurement)
 *        ingest-bench --distinct N OUT.jsonl FILE.jsonl... (the first N distinct texts)
 */
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mizan.h"
#include "store/db.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes the distinct article texts of the input files as {"text": ...} lines. */
static size_t write_distinct(char **files, int n, const char *out, size_t *bytes, size_t limit)
{
    size_t cap = 8192, cnt = 0;
    char **v = malloc(cap * sizeof *v);
    char *line = NULL;
    size_t lcap = 0;
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(files[i], "r");
        if (!f) {
            perror(files[i]);
            exit(2);
        }
        while (getline(&line, &lcap, f) > 0) {
            cJSON *j = cJSON_Parse(line);
            const cJSON *t = j ? cJSON_GetObjectItem(j, "article") : NULL;
            if (!t)
                t = j ? cJSON_GetObjectItem(j, "text") : NULL;
            if (cJSON_IsString(t)) {
                if (cnt == cap)
                    v = realloc(v, (cap *= 2) * sizeof *v);
                v[cnt++] = strdup(t->valuestring);
            }
            cJSON_Delete(j);
        }
        fclose(f);
    }
    free(line);
    qsort(v, cnt, sizeof *v, cmp_str);
    FILE *o = fopen(out, "w");
    size_t kept = 0;
    *bytes = 0;
    for (size_t i = 0; i < cnt; i++) {
        if ((i == 0 || strcmp(v[i], v[i - 1]) != 0) && (!limit || kept < limit)) {
            cJSON *j = cJSON_CreateObject();
            cJSON_AddStringToObject(j, "text", v[i]);
            char *s = cJSON_PrintUnformatted(j);
            fprintf(o, "%s\n", s);
            free(s);
            cJSON_Delete(j);
            *bytes += strlen(v[i]);
            kept++;
        }
    }
    for (size_t i = 0; i < cnt; i++)
        free(v[i]);
    free(v);
    fclose(o);
    return kept;
}

/* The bare variants: JSONL → table + external-content FTS5 with tokenizer tok. */
static int run_bare(const char *tok, const char *jsonl, const char *dbpath)
{
    sqlite3 *db;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK || mz_fts_register(db) != SQLITE_OK)
        return 1;
    char sql[1024];
    snprintf(sql, sizeof sql,
             "PRAGMA journal_mode=WAL;"
             "CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
             "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs',"
             " content_rowid='id', tokenize='%s');"
             "BEGIN;",
             tok);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_stmt *ins, *ix;
    sqlite3_prepare_v2(db, "INSERT INTO docs(title, body) VALUES (?1, ?2)", -1, &ins, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO docs_fts(rowid, title, body) VALUES (?1, ?2, ?3)", -1, &ix, NULL);
    FILE *f = fopen(jsonl, "r");
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        cJSON *j = cJSON_Parse(line);
        const char *text = cJSON_GetObjectItem(j, "text")->valuestring;
        size_t tl = strcspn(text, "\n");
        sqlite3_bind_text(ins, 1, text, (int)tl, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, text, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            return 1;
        sqlite3_reset(ins);
        sqlite3_bind_int64(ix, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(ix, 2, text, (int)tl, SQLITE_STATIC);
        sqlite3_bind_text(ix, 3, text, -1, SQLITE_STATIC);
        if (sqlite3_step(ix) != SQLITE_DONE)
            return 1;
        sqlite3_reset(ix);
        cJSON_Delete(j);
    }
    free(line);
    fclose(f);
    sqlite3_finalize(ins);
    sqlite3_finalize(ix);
    int rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    return rc != SQLITE_OK;
}

static int run_mizan(const char *jsonl, const char *dbpath)
{
    mz_db *db;
    mz_error err;
    if (mz_db_open(dbpath, 0, &db, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    const char *paths[] = {jsonl};
    mz_ingest_report rep;
    mz_ingest_options opt = {.on_error = MZ_ON_ERROR_SKIP};
    mz_status s = mz_ingest_paths(db, paths, 1, &opt, &rep, &err);
    mz_db_close(db);
    if (s != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    fprintf(stderr, "mizan: added %zu, skipped %zu, failed %zu\n", rep.added, rep.skipped, rep.failed);
    return 0;
}

static const char *const variants[] = {"unicode61", "mizan_ar", "mizan"};
#define N_VARIANTS 3

static int one_run(const char *variant, const char *jsonl, const char *dbpath)
{
    double t0 = now();
    int rc;
    if (!strcmp(variant, "unicode61"))
        rc = run_bare("unicode61 remove_diacritics 2", jsonl, dbpath);
    else if (!strcmp(variant, "mizan_ar"))
        rc = run_bare(MZ_FTS_TOKENIZE, jsonl, dbpath);
    else
        rc = run_mizan(jsonl, dbpath);
    double t = now() - t0;
    /* Peak RSS of this process alone: VmHWM belongs to the memory image,
     * which exec replaced (ru_maxrss would also count the parent's image
     * that fork copied before the exec). */
    long hwm_kb = 0;
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &hwm_kb) == 1)
            break;
    if (f)
        fclose(f);
    printf("%.6f %ld\n", t, hwm_kb);
    return rc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void remove_db(const char *p)
{
    char b[512];
    unlink(p);
    snprintf(b, sizeof b, "%s-wal", p);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", p);
    unlink(b);
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "--run"))
        return one_run(argv[2], argv[3], argv[4]);
    if (argc >= 5 && !strcmp(argv[1], "--distinct")) { /* --distinct N OUT FILE...: for callgrind */
        size_t bytes;
        write_distinct(argv + 4, argc - 4, argv[3], &bytes, (size_t)atol(argv[2]));
        return 0;
    }
    int repeats = 3, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-r")) {
        repeats = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || repeats < 1) {
        fprintf(stderr, "usage: %s [-r REPEATS] FILE.jsonl...\n", argv[0]);
        return 2;
    }
    char dir[] = "/tmp/mizan-bench-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char jsonl[600], dbpath[600];
    snprintf(jsonl, sizeof jsonl, "%s/distinct.jsonl", dir);
    snprintf(dbpath, sizeof dbpath, "%s/bench.db", dir);
    size_t bytes;
    size_t n = write_distinct(argv + first, argc - first, jsonl, &bytes, 0);
    printf("%zu distinct articles, %.1f MB of text; %d runs per variant (median)\n", n,
           (double)bytes / 1e6, repeats);

    double secs[N_VARIANTS][64], rss[N_VARIANTS][64], size[N_VARIANTS] = {0};
    if (repeats > 64)
        repeats = 64;
    for (int r = 0; r < repeats; r++) {
        for (int v = 0; v < N_VARIANTS; v++) {
            remove_db(dbpath);
            int fd[2];
            if (pipe(fd) != 0)
                return 1;
            pid_t pid = fork();
            if (pid == 0) {
                dup2(fd[1], 1);
                close(fd[0]);
                execl("/proc/self/exe", argv[0], "--run", variants[v], jsonl, dbpath, (char *)NULL);
                _exit(127);
            }
            close(fd[1]);
            char buf[64] = {0};
            ssize_t got = read(fd[0], buf, sizeof buf - 1);
            close(fd[0]);
            int st;
            waitpid(pid, &st, 0);
            double t;
            long kb;
            if (got <= 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
                sscanf(buf, "%lf %ld", &t, &kb) != 2) {
                fprintf(stderr, "variant %s failed\n", variants[v]);
                return 1;
            }
            secs[v][r] = t;
            rss[v][r] = (double)kb / 1024.0; /* KiB → MiB */
            struct stat sb;
            if (stat(dbpath, &sb) == 0)
                size[v] = (double)sb.st_size / 1e6;
        }
    }
    remove_db(dbpath);
    unlink(jsonl);
    rmdir(dir);

    double med_t[N_VARIANTS], med_rss[N_VARIANTS];
    for (int v = 0; v < N_VARIANTS; v++) {
        qsort(secs[v], (size_t)repeats, sizeof(double), cmp_double);
        qsort(rss[v], (size_t)repeats, sizeof(double), cmp_double);
        med_t[v] = secs[v][repeats / 2];
        med_rss[v] = rss[v][repeats / 2];
    }
    printf("%-10s %9s %8s %13s %9s %11s %10s\n", "variant", "time (s)", "MB/s", "peak RSS (MiB)",
           "db (MB)", "time ratio", "RSS ratio");
    for (int v = 0; v < N_VARIANTS; v++)
        printf("%-10s %9.3f %8.2f %13.1f %9.1f %10.2fx %9.2fx\n", variants[v], med_t[v],
               (double)bytes / 1e6 / med_t[v], med_rss[v], size[v], med_t[v] / med_t[0],
               med_rss[v] / med_rss[0]);
    printf("(unicode61 = FTS5 'unicode61 remove_diacritics 2' on the same texts; mizan_ar = the same\n"
           " bare table with the Arabic tokenizer; mizan = the whole ingest pipeline)\n");
    return 0;
}
