/*
 * numbers_of.c — what an amount of money is of. A business story gives
 * several amounts in one currency: the central bank's reserves («احتياطي
 * المصرف يبلغ 9 مليارات دولار»), what it injected («ضخ مليار ونصف دولار»),
 * exports, a deficit. They were one quantity, «دولار», and the reserves of
 * one source were set against the injection of another as a conflict.
 *
 * The noun or verbal noun that governs the amount is read a few words
 * before it, as a rate's subject is («ارتفعت البطالة إلى 9%»): the nearest
 * of a closed list of money nouns (احتياطي، ضخ، قرض، عجز، دين، صادرات…),
 * not past a sentence's stop nor past a relative clause's noun; a noun in
 * a construct with another one, «عجز الموازنة», is its first. collect_numbers.c groups amounts by currency and
 * by what they are of; an amount with nothing read stays with its currency.
 */
#include "check/numbers.h"
#include "text/text.h"

#include <pthread.h>

#define OF_REACH 7 /* words between the money noun and the amount */
#define TALLY_KEY "رصيد"
#define TALLY_REACH 3 /* words between «رصيده» and the total: «رصيده إلى 17» */

typedef struct of_word {
    const char *key; /* words.c keys: ة ه, ى ي, أ ا */
    const char *of;  /* the key amounts of it are grouped by */
} of_word;

/* With any و/ف, ب/ل or ال taken off (of_word_at). */
static const of_word of_words[] = {
    {"احتياطي", "احتياطي"},   {"احتياطيات", "احتياطي"}, {"احتياطيه", "احتياطي"},
    {"احتياطيها", "احتياطي"}, {"احتياطاته", "احتياطي"}, {"احتياطاتها", "احتياطي"},
    {"ضخ", "ضخ"},             {"ضخه", "ضخ"},            {"ضخها", "ضخ"},
    {"ضخت", "ضخ"},            {"يضخ", "ضخ"},            {"تضخ", "ضخ"},
    {"قرض", "قرض"},           {"قرضا", "قرض"},          {"قروض", "قرض"},
    {"اقرض", "قرض"},          {"عجز", "عجز"},           {"دين", "دين"},
    {"ديون", "دين"},          {"مديونيه", "دين"},       {"صادرات", "صادرات"},
    {"واردات", "واردات"},     {"استثمار", "استثمار"},   {"استثمارات", "استثمار"},
    {"موازنه", "موازنه"},     {"ميزانيه", "موازنه"},    {"ايرادات", "ايرادات"},
    {"عائدات", "ايرادات"},    {"مساعدات", "مساعدات"},   {"ودائع", "ودائع"},
    {"فائض", "فائض"},         {"خسائر", "خسائر"},       {"ارباح", "ارباح"},
    {"ناتج", "ناتج"},         {"تمويل", "تمويل"},       {"منحه", "منحه"},
    /* a transfer's fee and a player's pay: «مقابل 35 مليون يورو» and
     * «براتب سنوي يبلغ 6 ملايين يورو» are not one amount (price_word) */
    {"راتب", "راتب"},         {"راتبا", "راتب"},        {"رواتب", "راتب"},
    {"راتبه", "راتب"},        {"اجر", "راتب"},          {"اجور", "راتب"},
    {"صفقه", "ثمن"},          {"ثمن", "ثمن"},           {"مقابل", "ثمن"},
    /* a running total, of money or of anything counted (TALLY_KEY) */
    {"رصيد", "رصيد"},         {"رصيده", "رصيد"},        {"رصيدها", "رصيد"},
    {"رصيدهم", "رصيد"},       {"رصيدي", "رصيد"},
};

#define N_OF_WORDS (sizeof of_words / sizeof *of_words)
static mz_key_index of_index;
static pthread_once_t of_once = PTHREAD_ONCE_INIT;

static void of_index_build(void)
{
    _Static_assert(N_OF_WORDS < 255 && 2 * N_OF_WORDS < MZ_KEY_SLOTS, "of_words outgrew its index");
    mz_key_index_build(&of_index, &of_words[0].key, N_OF_WORDS, sizeof *of_words);
}

static const of_word *of_lookup(const char *k, size_t n)
{
    long i = mz_key_index_find(&of_index, &of_words[0].key, sizeof *of_words, k, n);
    return i >= 0 ? &of_words[i] : NULL;
}

/* The money noun w is (as it is, or with و/ف, then ب/ل, then ال taken
 * off: «والاحتياطي», «بضخ»), or NULL. */
static const of_word *of_word_at(const mz_word *w)
{
    const char *k = w->key;
    size_t n = w->key_len;
    const of_word *o = of_lookup(k, n);
    if (o)
        return o;
    if (n > 4 && k[0] == '\xD9' && (k[1] == '\x88' || k[1] == '\x81')) { /* و ف */
        k += 2, n -= 2;
        if ((o = of_lookup(k, n)))
            return o;
    }
    if (n > 4 && ((k[0] == '\xD8' && k[1] == '\xA8') || (k[0] == '\xD9' && k[1] == '\x84'))) {
        k += 2, n -= 2; /* ب ل */
        if ((o = of_lookup(k, n)))
            return o;
    }
    if (n > 6 && !memcmp(k, "\xD8\xA7\xD9\x84", 4)) /* ال */
        return of_lookup(k + 4, n - 4);
    return NULL;
}

/* The currencies an amount counts in (keys, compared by mz_noun_key). */
static const char *const currencies[] = {"دولار", "يورو", "جنيه", "دينار", "ريال",
                                         "درهم",  "ليره", "روبل", "فرنك", "يوان"};
#define N_CURRENCIES (sizeof currencies / sizeof *currencies)
static char currency_keys[N_CURRENCIES][32];

static void of_build(void)
{
    of_index_build();
    for (size_t i = 0; i < N_CURRENCIES; i++)
        mz_noun_key(currencies[i], strlen(currencies[i]), currency_keys[i], sizeof currency_keys[i]);
}

bool mz_num_is_currency_key(const char *key)
{
    pthread_once(&of_once, of_build);
    for (size_t i = 0; i < N_CURRENCIES; i++)
        if (!strcmp(currency_keys[i], key))
            return true;
    return false;
}

/* Copies bytes [from, to) of s into out (cap bytes), cut before a UTF-8
 * character that does not fit. */
static void copy_cut(char *out, size_t cap, const char *s, size_t from, size_t to)
{
    size_t n = to - from;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[from + n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s + from, n);
    out[n] = '\0';
}

/* «مقابل» is a price («باعه مقابل 40 مليون يورو») unless an amount of the
 * same currency comes before it in the sentence: then it sets one against
 * the other («بلغت الصادرات 5 مليارات دولار مقابل 3 مليارات»), and the
 * second is of what the first is. */
static bool versus_word(const char *s, const words *ws, const mz_number *out, size_t v, size_t k)
{
    if (!eq(&ws->v[k], "مقابل") && !eq(&ws->v[k], "بمقابل") && !eq(&ws->v[k], "ومقابل"))
        return false;
    for (size_t u = 0; u < v; u++)
        if (ws->at_after[u] <= k && !strcmp(out[u].noun_key, out[v].noun_key) &&
            !mz_num_stop_between(s, out[u].end, ws->v[k].start))
            return true;
    return false;
}

bool mz_num_is_tally_key(const char *of_key)
{
    return !strcmp(of_key, TALLY_KEY);
}

/* A count (not money) right after «رصيده» / «برصيد» — «ليرفع رصيده إلى 17
 * هدفا», «يتصدر الدوري برصيد 52 نقطة» — is a running total, the scorer's
 * season tally or the table's points: of TALLY_KEY, another quantity than
 * the match's «سجل هدفين», which it was set against (the sports desk's
 * story). Only within TALLY_REACH words and the clause: «رصيد» further off
 * tells of something else. */
static void mark_tally(const char *s, const words *ws, mz_number *n, size_t first)
{
    for (size_t d = 1; d <= TALLY_REACH && d <= first; d++) {
        size_t k = first - d;
        if (mz_num_clause_between(s, ws->v[k].end, ws->v[first].start))
            return;
        const of_word *o = of_word_at(&ws->v[k]);
        if (o && mz_num_is_tally_key(o->of)) {
            copy_cut(n->of, sizeof n->of, s, ws->v[k].start, ws->v[k].end);
            copy_cut(n->of_key, sizeof n->of_key, o->of, 0, strlen(o->of));
            return;
        }
    }
}

/* «ليرفع رصيده إلى 56 نقطة … بعد أن كان 53 نقطة»: the figure the total
 * was (numbers_earlier.c marked it) is of the total told before it in its
 * clause, of the same noun, though «رصيده» is not written again. */
static void tally_was(const char *s, mz_number *out, size_t v)
{
    for (size_t u = v; u-- > 0;)
        if (mz_num_is_tally_key(out[u].of_key) && !strcmp(out[u].noun_key, out[v].noun_key) &&
            !mz_num_clause_between(s, out[u].end, out[v].start)) {
            memcpy(out[v].of, out[u].of, sizeof out[v].of);
            memcpy(out[v].of_key, out[u].of_key, sizeof out[v].of_key);
            return;
        }
}

void mz_num_mark_of(const char *s, const words *ws, mz_number *out, size_t found)
{
    pthread_once(&of_once, of_build);
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        size_t first = ws->at_first[v];
        if (n->kind != MZ_QTY_COUNT || !n->noun_key[0])
            continue;
        if (!mz_num_is_currency_key(n->noun_key)) {
            mark_tally(s, ws, n, first);
            if (!n->of_key[0] && n->earlier)
                tally_was(s, out, v);
            continue;
        }
        for (size_t d = 1; d <= OF_REACH && d <= first; d++) {
            size_t k = first - d;
            if (mz_num_stop_between(s, ws->v[k].end, ws->v[first].start))
                break;
            const mz_word *w = &ws->v[k];
            /* «للمشروع الذي تبلغ قيمته 720 مليون»: a relative clause tells of
             * the noun right before it, and what is further is another
             * clause's («سيوفر التمويل الكامل للمشروع») */
            bool relative = eq(w, "الذي") || eq(w, "التي") || eq(w, "الذين");
            if (relative && k > 0)
                w = &ws->v[--k];
            const of_word *o = of_word_at(w);
            if (o && versus_word(s, ws, out, v, k))
                continue;
            if (!o && relative)
                break;
            if (!o)
                continue;
            /* «عجز الموازنة»: the construct's first noun is what it is of */
            const of_word *head = k > 0 && mz_num_is_definite(&ws->v[k]) &&
                                          !mz_num_is_definite(&ws->v[k - 1])
                                      ? of_word_at(&ws->v[k - 1])
                                      : NULL;
            if (head)
                o = head, k--;
            copy_cut(n->of, sizeof n->of, s, ws->v[k].start, ws->v[k].end);
            copy_cut(n->of_key, sizeof n->of_key, o->of, 0, strlen(o->of));
            break;
        }
    }
}

bool mz_num_names_of(const char *s, size_t len, const char *of_key)
{
    pthread_once(&of_once, of_build);
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        const of_word *o = of_word_at(&w);
        if (o && !strcmp(o->of, of_key))
            return true;
    }
    return false;
}
