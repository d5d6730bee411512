/*
 * text_speed.c — throughput of the text engine on real article text, with a
 * reference in the same run: a plain byte loop that splits on ASCII spaces
 * (the least any tokenizer must do). Prints MB/s and the ratio to it.
 *
 *   text_speed FILE.jsonl...   (reads the `article` fields)
 */
#include "text/text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct corpus {
    char **text;
    size_t *len;
    size_t n, cap, bytes;
} corpus;

static size_t space_split(const char *s, size_t len)
{
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        words += !sp && !in;
        in = !sp;
    }
    return words;
}

int main(int argc, char **argv)
{
    corpus c = {0};
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "r");
        if (!f) {
            perror(argv[a]);
            return 1;
        }
        char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) > 0) {
            cJSON *o = cJSON_Parse(line);
            const char *t = o ? cJSON_GetStringValue(cJSON_GetObjectItem(o, "article")) : NULL;
            if (t) {
                if (c.n == c.cap) {
                    c.cap = c.cap ? c.cap * 2 : 1024;
                    c.text = realloc(c.text, c.cap * sizeof *c.text);
                    c.len = realloc(c.len, c.cap * sizeof *c.len);
                }
                c.len[c.n] = strlen(t);
                c.text[c.n] = strdup(t);
                c.bytes += c.len[c.n++];
            }
            cJSON_Delete(o);
        }
        free(line);
        fclose(f);
    }
    if (c.n == 0)
        return 1;
    double mb = (double)c.bytes / 1e6;
    printf("corpus: %zu articles, %.1f MB (mean %.1f KB)\n", c.n, mb, (double)c.bytes / (double)c.n / 1e3);

    /* Each measurement: best of 3 passes over the corpus. */
    double best[8];
    const char *name[8];
    size_t sink = 0, tokens = 0;
    mz_tokens toks = {0};
    mz_sentences sents = {0};
    mz_stemmer *light = mz_stemmer_new(false), *snow = mz_stemmer_new(true);
    int m = 0;
    for (int which = 0; which < 7; which++) {
        best[which] = 1e9;
        for (int rep = 0; rep < 3; rep++) {
            double t0 = now();
            for (size_t i = 0; i < c.n; i++) {
                const char *s = c.text[i];
                size_t len = c.len[i];
                switch (which) {
                case 0:
                    sink += space_split(s, len);
                    break;
                case 1:
                    sink += mz_utf8_check(s, len, NULL) == MZ_OK;
                    break;
                case 2: {
                    char *o;
                    size_t ol, *off;
                    if (mz_normalize(s, len, &o, &ol, &off, NULL) == MZ_OK) {
                        sink += ol;
                        free(o);
                        free(off);
                    }
                    break;
                }
                case 3:
                    mz_tokens_reset(&toks);
                    mz_tokenize(s, len, true, &toks);
                    sink += toks.n;
                    if (rep == 0)
                        tokens += toks.n;
                    break;
                case 4:
                    sents.n = 0;
                    mz_split_sentences(s, len, &sents);
                    sink += sents.n;
                    break;
                case 5:
                case 6: {
                    mz_tokens_reset(&toks);
                    mz_tokenize(s, len, false, &toks);
                    mz_stemmer *st = which == 5 ? light : snow;
                    for (size_t k = 0; k < toks.n; k++) {
                        size_t l;
                        mz_stemmer_stem(st, mz_tok_text(&toks, k), toks.v[k].norm_len, &l);
                        sink += l;
                    }
                    break;
                }
                }
            }
            double dt = now() - t0;
            if (dt < best[which])
                best[which] = dt;
        }
        m++;
    }
    name[0] = "reference: split on ASCII spaces";
    name[1] = "mz_utf8_check";
    name[2] = "mz_normalize (with offset map)";
    name[3] = "mz_tokenize (with punctuation)";
    name[4] = "mz_split_sentences";
    name[5] = "tokenize + light stem";
    name[6] = "tokenize + light stem + Snowball";
    printf("%-36s %10s %14s %12s\n", "stage", "MB/s", "articles/s", "x reference");
    for (int i = 0; i < m; i++)
        printf("%-36s %10.1f %14.0f %12.2f\n", name[i], mb / best[i], (double)c.n / best[i],
               best[i] / best[0]);
    printf("tokens: %zu (%.0f per article); sink %zu\n", tokens, (double)tokens / (double)c.n, sink % 10);
    mz_tokens_clear(&toks);
    mz_sentences_clear(&sents);
    mz_stemmer_free(light);
    mz_stemmer_free(snow);
    for (size_t i = 0; i < c.n; i++)
        free(c.text[i]);
    free(c.text);
    free(c.len);
    return 0;
}
