/*
 * numbers_speed.c — the numbers reader (mz_numbers_extract) on real text:
 * every claim, and every sentence and every line of each distinct article
 * of the files given, read once.
 *
 *   numbers_speed dump FILE.jsonl...   every field of every value found, one
 *                                      line each (a stable text dump: two
 *                                      builds of the reader must print the
 *                                      same bytes; change, level and of
 *                                      too, so those marks are compared)
 *   numbers_speed time FILE.jsonl...   calls, words, values, and the best of 3
 *                                      timed passes (ns per call and per word)
 *   numbers_speed once FILE.jsonl...   one untimed pass with no output but the
 *                                      totals: for valgrind --tool=callgrind
 *                                      --toggle-collect=mz_numbers_extract
 */
#include "check/check.h"
#include "text/text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CAP 16 /* as collect_numbers.c reads an evidence sentence */

typedef struct input {
    const char *s;
    size_t len;
    char tag; /* c claim, s sentence, l line */
    size_t doc;
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
    char **owned; /* the texts the inputs point into */
    size_t n_owned;
} inputs;

static char *own(inputs *in, const char *t)
{
    char *c = strdup(t);
    in->owned = realloc(in->owned, (in->n_owned + 1) * sizeof *in->owned);
    if (!c || !in->owned)
        exit(2);
    return in->owned[in->n_owned++] = c;
}

static void inputs_free(inputs *in)
{
    for (size_t i = 0; i < in->n_owned; i++)
        free(in->owned[i]);
    free(in->owned);
    free(in->v);
}

static void add(inputs *in, const char *s, size_t len, char tag, size_t doc)
{
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 4096;
        in->v = realloc(in->v, in->cap * sizeof *in->v);
        if (!in->v)
            exit(2);
    }
    in->v[in->n++] = (input){s, len, tag, doc};
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether text was seen before (articles repeat across claims): a linear
 * list of hashes is enough for a few thousand. */
static bool seen_before(const char *t, unsigned long long **h, size_t *n)
{
    unsigned long long x = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        x = (x ^ *p) * 1099511628211ULL;
    for (size_t i = 0; i < *n; i++)
        if ((*h)[i] == x)
            return true;
    *h = realloc(*h, (*n + 1) * sizeof **h);
    (*h)[(*n)++] = x;
    return false;
}

static unsigned long long *hashes; /* of the texts read, all files */
static size_t n_hashes;

static void load(const char *path, inputs *in, size_t *docs)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    mz_sentences sents = {0};
    while (getline(&line, &cap, f) > 0) {
        cJSON *o = cJSON_Parse(line);
        const char *c = o ? cJSON_GetStringValue(cJSON_GetObjectItem(o, "claim")) : NULL;
        const char *a = o ? cJSON_GetStringValue(cJSON_GetObjectItem(o, "article")) : NULL;
        if (c && !seen_before(c, &hashes, &n_hashes)) {
            char *t = own(in, c);
            add(in, t, strlen(t), 'c', (*docs)++);
        }
        if (a && !seen_before(a, &hashes, &n_hashes)) {
            char *t = own(in, a);
            size_t len = strlen(t), doc = (*docs)++;
            sents.n = 0;
            mz_split_sentences(t, len, &sents);
            for (size_t k = 0; k < sents.n; k++)
                add(in, t + sents.v[k].start, sents.v[k].end - sents.v[k].start, 's', doc);
            for (size_t b = 0, e; b < len; b = e + 1) {
                e = b;
                while (e < len && t[e] != '\n')
                    e++;
                if (e > b)
                    add(in, t + b, e - b, 'l', doc);
            }
        }
        cJSON_Delete(o);
    }
    mz_sentences_clear(&sents);
    free(line);
    fclose(f);
}

static void dump_one(const input *x, size_t k, const mz_number *v, size_t found)
{
    printf("%c %zu %zu found=%zu\n", x->tag, x->doc, k, found);
    for (size_t i = 0; i < found && i < CAP; i++) {
        const mz_number *n = &v[i];
        printf("  [%zu,%zu) %.17g..%.17g bound=%d vague=%d kind=%d event=%d day=%s earlier=%d "
               "change=%d level=%d other=%d part=%d fresh=%d demanded=%d forecast=%d noun=%s key=%s "
               "of=%s of_key=%s\n",
               n->start, n->end, n->number, n->number_max, n->bound, n->vague, (int)n->kind,
               (int)n->event, n->day, n->earlier, n->change, n->level, n->other_story, n->part,
               n->fresh, n->demanded, n->forecast, n->noun, n->noun_key, n->of, n->of_key);
    }
}

static size_t words_of(const char *s, size_t len)
{
    mz_word_iter it;
    mz_word w;
    size_t n = 0;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w))
        n++;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "dump") && strcmp(argv[1], "time") && strcmp(argv[1], "once"))) {
        fprintf(stderr, "usage: numbers_speed dump|time|once FILE.jsonl...\n");
        return 2;
    }
    inputs in = {0};
    size_t docs = 0;
    for (int a = 2; a < argc; a++)
        load(argv[a], &in, &docs);
    mz_number v[CAP];
    size_t values = 0, words = 0;
    if (!strcmp(argv[1], "dump")) {
        for (size_t k = 0; k < in.n; k++) {
            size_t found = mz_numbers_extract(in.v[k].s, in.v[k].len, v, CAP);
            values += found;
            if (found)
                dump_one(&in.v[k], k, v, found);
        }
        printf("calls=%zu values=%zu\n", in.n, values);
        inputs_free(&in);
        free(hashes);
        return 0;
    }
    for (size_t k = 0; k < in.n; k++)
        words += words_of(in.v[k].s, in.v[k].len);
    if (!strcmp(argv[1], "once")) {
        for (size_t k = 0; k < in.n; k++)
            values += mz_numbers_extract(in.v[k].s, in.v[k].len, v, CAP);
        printf("calls=%zu words=%zu values=%zu\n", in.n, words, values);
        inputs_free(&in);
        free(hashes);
        return 0;
    }
    double best = 1e9;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = now();
        values = 0;
        for (size_t k = 0; k < in.n; k++)
            values += mz_numbers_extract(in.v[k].s, in.v[k].len, v, CAP);
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    printf("calls=%zu words=%zu values=%zu best=%.3f s: %.0f ns/call, %.1f ns/word\n", in.n,
           words, values, best, best * 1e9 / (double)in.n, best * 1e9 / (double)words);
    inputs_free(&in);
    free(hashes);
    return 0;
}
