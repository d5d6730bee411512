/* test_threads.c — the text engine keeps no shared mutable state: four
 * threads running every stage on the same text get the results one thread
 * gets (one mz_stemmer per thread, as documented). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static const char *TEXT =
    "مفاوضات لتسليم الرقة بين «داعش» و«قوات سورية الديمقراطية»\n"
    "قال د. محمد إن 85% من المدنيين غادروا المدينة يوم 11.10.2017، وأضاف: «لن نتفاوض.»\n"
    "وكالةAFP نقلت عن ﻻجئين أنّ المفاوضات مستمرة بين الطرفين منذ ٣ أيام.\n"
    "اترك تعليقاً\nزر الذهاب إلى الأعلى\n";

typedef struct result {
    uint64_t digest; /* of every output */
} result;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static uint64_t run_all(void)
{
    uint64_t h = 1469598103934665603ull;
    size_t len = strlen(TEXT);
    mz_stemmer *st = mz_stemmer_new(true);
    for (int rep = 0; rep < 200; rep++) {
        mz_tokens t = {0};
        if (mz_tokenize(TEXT, len, true, &t) != MZ_OK)
            return 0;
        for (size_t i = 0; i < t.n; i++) {
            size_t sl;
            const char *s = mz_stemmer_stem(st, mz_tok_text(&t, i), t.v[i].norm_len, &sl);
            h = mix(h, s, sl);
            h = mix(h, &t.v[i].start, sizeof t.v[i].start);
            h ^= mz_is_stopword(mz_tok_text(&t, i), t.v[i].norm_len);
        }
        mz_tokens_clear(&t);
        mz_sentences ss = {0};
        if (mz_split_sentences(TEXT, len, &ss) != MZ_OK)
            return 0;
        h = mix(h, ss.v, ss.n * sizeof *ss.v);
        mz_sentences_clear(&ss);
        size_t bl;
        char *body = mz_boilerplate_strip(TEXT, len, &bl);
        h = mix(h, body, bl);
        free(body);
        char *norm;
        size_t nl, *off;
        if (mz_normalize(TEXT, len, &norm, &nl, &off, NULL) != MZ_OK)
            return 0;
        h = mix(h, norm, nl);
        h = mix(h, off, (nl + 1) * sizeof *off);
        free(norm);
        free(off);
    }
    mz_stemmer_free(st);
    return h;
}

static void *worker(void *arg)
{
    ((result *)arg)->digest = run_all();
    return NULL;
}

static void test_threads_agree(void **state)
{
    (void)state;
    uint64_t want = run_all();
    assert_true(want != 0);
    pthread_t th[4];
    result r[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, &r[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_true(r[i].digest == want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_agree),
    };
    return cmocka_run_group_tests_name("text/threads", tests, NULL, NULL);
}
