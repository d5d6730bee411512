/*
 * stem_eval.c — does Snowball after light stemming help or hurt? Over the
 * vocabulary of the given plain-text files: how many distinct words each
 * stemmer merges (conflation), how often Snowball eats a first letter that
 * the light stemmer kept as part of the root (وزير -> زير), and the stems of
 * word families from the seeds.
 *
 *   stem_eval FILE...
 */
#include "text/text.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t distinct(char **v, size_t n)
{
    qsort(v, n, sizeof *v, cmp);
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || strcmp(v[i], v[i - 1]) != 0;
    return d;
}

static void family(mz_stemmer *light, mz_stemmer *snow, const char *const *words, size_t n)
{
    for (int pass = 0; pass < 2; pass++) {
        printf("  %-8s", pass ? "+snowball" : "light");
        for (size_t i = 0; i < n; i++) {
            char *norm;
            size_t nl, l;
            mz_normalize(words[i], strlen(words[i]), &norm, &nl, NULL, NULL);
            const char *s = mz_stemmer_stem(pass ? snow : light, norm, nl, &l);
            printf(" %s→%.*s", words[i], (int)l, s);
            free(norm);
        }
        printf("\n");
    }
}

int main(int argc, char **argv)
{
    mz_stemmer *light = mz_stemmer_new(false), *snow = mz_stemmer_new(true);
    char **words = NULL, **ls = NULL, **ss = NULL;
    size_t n = 0, cap = 0, eaten = 0;
    mz_tokens t = {0};
    for (int a = 1; a < argc; a++) {
        char *text;
        size_t len;
        if (mz_read_file(argv[a], 0, &text, &len, NULL) != MZ_OK)
            continue;
        mz_tokens_reset(&t);
        mz_tokenize(text, len, false, &t);
        for (size_t i = 0; i < t.n; i++) {
            if (t.v[i].kind != MZ_TOK_WORD || mz_is_stopword(mz_tok_text(&t, i), t.v[i].norm_len))
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 4096;
                words = realloc(words, cap * sizeof *words);
            }
            words[n++] = strdup(mz_tok_text(&t, i));
        }
        free(text);
    }
    size_t nw = distinct(words, n);
    /* keep the distinct words only */
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (d && strcmp(words[i], words[d - 1]) == 0) {
            free(words[i]);
            continue;
        }
        words[d++] = words[i];
    }
    ls = malloc(d * sizeof *ls);
    ss = malloc(d * sizeof *ss);
    for (size_t i = 0; i < d; i++) {
        size_t l1, l2;
        const char *a = mz_stemmer_stem(light, words[i], strlen(words[i]), &l1);
        ls[i] = mz_strndup(a, l1);
        const char *b = mz_stemmer_stem(snow, words[i], strlen(words[i]), &l2);
        ss[i] = mz_strndup(b, l2);
        /* Snowball dropped the light stem's first letter (a root letter). */
        if (l2 >= 2 && l1 >= l2 + 2 && memcmp(ls[i] + 2, ss[i], l2) == 0)
            eaten++;
    }
    size_t dl = distinct(ls, d), ds = distinct(ss, d);
    printf("distinct content words: %zu\n", nw);
    printf("distinct stems: light %zu (%.1f words/stem), light+snowball %zu (%.1f words/stem)\n", dl,
           (double)nw / (double)dl, ds, (double)nw / (double)ds);
    printf("words whose first root letter Snowball strips after light stemming: %zu (%.1f%%)\n", eaten,
           100.0 * (double)eaten / (double)(d ? d : 1));
    static const char *const f1[] = {"مفاوضات", "والمفاوضات", "المفاوضات", "مفاوضة", "التفاوض"};
    static const char *const f2[] = {"الرقة", "رقة", "بالرقة"};
    static const char *const f3[] = {"مقاتلين", "مقاتلو", "المقاتلين", "مقاتل"};
    static const char *const f4[] = {"وزير", "فلسطين", "بريطانيا", "وكالة", "بلد", "كتب"};
    printf("families:\n");
    family(light, snow, f1, 5);
    family(light, snow, f2, 3);
    family(light, snow, f3, 4);
    family(light, snow, f4, 6);
    for (size_t i = 0; i < d; i++) {
        free(words[i]);
        free(ls[i]);
        free(ss[i]);
    }
    free(words);
    free(ls);
    free(ss);
    mz_tokens_clear(&t);
    mz_stemmer_free(light);
    mz_stemmer_free(snow);
    return 0;
}
