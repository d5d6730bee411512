/*
 * stance_speed.c — throughput of mz_stance_predict on one core for articles
 * of about 4 KB (feature extraction included), against a reference measured
 * in the same run over the same bytes: the tokenizer alone (mz_tokenize).
 * Prints pairs/s, MB/s, the ratio predict/tokenize and the peak RSS.
 *
 * usage: stance_speed MODEL DATA.jsonl [SECONDS]
 */
#include "stance/stance.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define TARGET_BYTES 4096

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Cuts the article to about 4 KB: its first 4096 bytes, extended to the
 * next line break (so no sentence is cut in half). */
static size_t cut(const char *s, size_t len)
{
    if (len <= TARGET_BYTES)
        return len;
    size_t n = TARGET_BYTES;
    while (n < len && s[n] != '\n')
        n++;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s MODEL DATA.jsonl [SECONDS]\n", argv[0]);
        return 2;
    }
    double seconds = argc > 3 ? atof(argv[3]) : 2.0;
    mz_error err;
    mz_model *m;
    if (mz_model_load(argv[1], &m, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    mz_pairs pairs = {0};
    if (mz_pairs_read(argv[2], false, &pairs, &err) != MZ_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    size_t *lens = malloc(pairs.n * sizeof *lens), total = 0;
    for (size_t i = 0; i < pairs.n; i++)
        total += (lens[i] = cut(pairs.v[i].article, pairs.v[i].article_len));

    /* reference: the tokenizer alone over the same bytes */
    mz_tokens tk = {0};
    size_t ref_pairs = 0, ref_bytes = 0;
    double t0 = now_s(), t;
    do {
        for (size_t i = 0; i < pairs.n; i++, ref_pairs++) {
            mz_tokens_reset(&tk);
            mz_tokenize(pairs.v[i].article, lens[i], true, &tk);
            ref_bytes += lens[i];
        }
    } while ((t = now_s() - t0) < seconds);
    double ref_t = t, ref_rate = ref_pairs / t;
    mz_tokens_clear(&tk);

    size_t n_pairs = 0, bytes = 0, labels[MZ_N_STANCES] = {0};
    t0 = now_s();
    do {
        for (size_t i = 0; i < pairs.n; i++, n_pairs++) {
            mz_stance_result r;
            if (mz_stance_predict(m, pairs.v[i].claim, NULL, pairs.v[i].article, lens[i], &r,
                                  &err) != MZ_OK) {
                fprintf(stderr, "predict: %s\n", err.msg);
                return 1;
            }
            labels[r.label]++;
            bytes += lens[i];
        }
    } while ((t = now_s() - t0) < seconds);
    double rate = n_pairs / t;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("articles: %zu pairs, mean %.0f bytes (cut to ~%d B at a line break)\n", pairs.n,
           (double)total / pairs.n, TARGET_BYTES);
    printf("%-28s %10.0f pairs/s %8.1f MB/s\n", "reference: mz_tokenize", ref_rate,
           ref_bytes / ref_t / 1e6);
    printf("%-28s %10.0f pairs/s %8.1f MB/s\n", "mz_stance_predict", rate, bytes / t / 1e6);
    printf("ratio predict/tokenize: %.2f (predict takes %.2fx the tokenizer's time)\n",
           rate / ref_rate, ref_rate / rate);
    printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
    mz_pairs_clear(&pairs);
    free(lens);
    mz_model_free(m);
    return 0;
}
