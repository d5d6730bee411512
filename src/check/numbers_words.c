/*
 * numbers_words.c — the spelled-out number words (واحد … تسعمئة, ألف, مليون,
 * مليار, in the forms news writes) and their lookup by key.
 *
 * numbers.c asks of nearly every word of every sentence whether it is one
 * (a number, the word after a number, a noun candidate…), and most words
 * are none: they are looked up in a hash index (numbers_keys.c) built once.
 */
#include "check/numbers.h"

#include <pthread.h>
#include <string.h>

/* By key (after the و/ال prefixes are taken off). order: 0 units/teens, 1
 * tens, 2 hundreds, 3 multiplier. */
static const numword numwords[] = {
    {"واحد", 1, 0},      {"واحده", 1, 0},     {"اثنان", 2, 0},     {"اثنين", 2, 0},
    {"اثنتان", 2, 0},    {"اثنتين", 2, 0},    {"ثلاث", 3, 0},      {"ثلاثه", 3, 0},
    {"اربع", 4, 0},      {"اربعه", 4, 0},     {"خمس", 5, 0},       {"خمسه", 5, 0},
    {"ست", 6, 0},        {"سته", 6, 0},       {"سبع", 7, 0},       {"سبعه", 7, 0},
    {"ثمان", 8, 0},      {"ثماني", 8, 0},     {"ثمانيه", 8, 0},    {"تسع", 9, 0},
    {"تسعه", 9, 0},      {"عشر", 10, 0},      {"عشره", 10, 0},     {"عشرون", 20, 1},
    {"عشرين", 20, 1},    {"ثلاثون", 30, 1},   {"ثلاثين", 30, 1},   {"اربعون", 40, 1},
    {"اربعين", 40, 1},   {"خمسون", 50, 1},    {"خمسين", 50, 1},    {"ستون", 60, 1},
    {"ستين", 60, 1},     {"سبعون", 70, 1},    {"سبعين", 70, 1},    {"ثمانون", 80, 1},
    {"ثمانين", 80, 1},   {"تسعون", 90, 1},    {"تسعين", 90, 1},    {"ميه", 100, 2},
    {"مايه", 100, 2},    {"ميتان", 200, 2},   {"ميتين", 200, 2},   {"مايتان", 200, 2},
    {"مايتين", 200, 2},  {"ثلاثميه", 300, 2}, {"ثلاثمايه", 300, 2}, {"اربعميه", 400, 2},
    {"اربعمايه", 400, 2}, {"خمسميه", 500, 2}, {"خمسمايه", 500, 2}, {"ستميه", 600, 2},
    {"ستمايه", 600, 2},  {"سبعميه", 700, 2},  {"سبعمايه", 700, 2}, {"ثمانميه", 800, 2},
    {"ثمانمايه", 800, 2}, {"ثمانيميه", 800, 2}, {"ثمانيمايه", 800, 2}, {"تسعميه", 900, 2},
    {"تسعمايه", 900, 2}, {"الف", 1e3, 3},     {"الاف", 1e3, 3},    {"الفا", 1e3, 3},
    {"الفان", 2e3, 3},   {"الفين", 2e3, 3},   {"مليون", 1e6, 3},   {"ملايين", 1e6, 3},
    {"مليونا", 1e6, 3},  {"مليونان", 2e6, 3}, {"مليونين", 2e6, 3}, {"مليار", 1e9, 3},
    {"مليارات", 1e9, 3}, {"ملياران", 2e9, 3}, {"مليارين", 2e9, 3}, {"ميتا", 200, 2},
    {"مايتا", 200, 2},   {"الفي", 2e3, 3},    {"مليوني", 2e6, 3},  {"ميتي", 200, 2},
    {"مايتي", 200, 2},
};

#define N_WORDS (sizeof numwords / sizeof *numwords)

static mz_key_index index_of_words;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_build(void)
{
    _Static_assert(N_WORDS < 255 && 2 * N_WORDS < MZ_KEY_SLOTS, "numwords outgrew its index");
    mz_key_index_build(&index_of_words, &numwords[0].key, N_WORDS, sizeof *numwords);
}

const numword *mz_num_word_key(const char *key)
{
    pthread_once(&index_once, index_build);
    long i = mz_key_index_find(&index_of_words, &numwords[0].key, sizeof *numwords, key,
                               strlen(key));
    return i < 0 ? NULL : &numwords[i];
}
