/* test_numbers_threads.c — the numbers reader from many threads at once.
 * Its word tables (number words, event words, the stems of the noun lists,
 * the words' normalization) are built on the first call (pthread_once):
 * threads that all make their first call together must each read every
 * value as one thread alone does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <string.h>

#include "check/check.h"

#define THREADS 8
#define ROUNDS 50
#define CAP 8

/* Sentences with a value of each kind the tables serve: spelled-out and
 * vague numbers, a dual, an ordinal date, an event, a time window. */
static const char *const sentences[] = {
    "قتل ثلاثة آلاف وخمسمئة شخص في الهجوم .",
    "أصيب عشرات المدنيين بجروح في القصف على المدينة .",
    "أفرج عن رهينتين بعد مفاوضات طويلة .",
    "وقع الانفجار في الخامس عشر من أيار الماضي .",
    "ارتفعت نسبة البطالة إلى 12.5 في المئة خلال 24 ساعة .",
    "نزح أكثر من 400 ألف شخص منذ ثلاثة أعوام .",
};
#define N_SENTENCES (sizeof sentences / sizeof *sentences)

typedef struct reading {
    size_t n;
    mz_number v[CAP];
} reading;

static pthread_barrier_t start;
static reading alone[N_SENTENCES];

static void read_all(reading *out)
{
    for (size_t k = 0; k < N_SENTENCES; k++) {
        memset(out[k].v, 0, sizeof out[k].v);
        out[k].n = mz_numbers_extract(sentences[k], strlen(sentences[k]), out[k].v, CAP);
    }
}

static bool same(const reading *a, const reading *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n && i < CAP; i++) {
        const mz_number *x = &a->v[i], *y = &b->v[i];
        if (x->start != y->start || x->end != y->end || x->number != y->number ||
            x->number_max != y->number_max || x->kind != y->kind || x->event != y->event ||
            x->vague != y->vague || x->bound != y->bound || strcmp(x->noun_key, y->noun_key) ||
            strcmp(x->day, y->day))
            return false;
    }
    return true;
}

static void *worker(void *arg)
{
    reading *mine = arg;
    pthread_barrier_wait(&start); /* every thread's first call at once */
    for (int r = 0; r < ROUNDS; r++)
        read_all(mine + (size_t)r % 2 * N_SENTENCES);
    return NULL;
}

static void test_threads_read_as_one(void **state)
{
    (void)state;
    static reading got[THREADS][2 * N_SENTENCES];
    pthread_t t[THREADS];
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, got[i]), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&start);
    read_all(alone);
    /* the sentences do hold values, so an empty reading cannot pass */
    for (size_t k = 0; k < N_SENTENCES; k++)
        assert_true(alone[k].n >= 1);
    assert_true(alone[0].v[0].number == 3500);
    assert_true(alone[2].v[0].number == 2);
    for (int i = 0; i < THREADS; i++)
        for (size_t k = 0; k < 2 * N_SENTENCES; k++)
            assert_true(same(&got[i][k], &alone[k % N_SENTENCES]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_read_as_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
