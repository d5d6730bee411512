/*
 * numbers_nouns.c — what a quantity counts and how it is keyed: the noun
 * after a number (past من, فقط, على الأقل), named by عدد/حصيلة before it,
 * or what a percentage measures; the key values of one noun meet by
 * (mz_noun_key: coarse stems, broken plurals to their singular); which
 * words can be no noun (function words, number words, a clause begun by و,
 * "others"); the nouns that make a number of 1900..2100 a count, the units
 * of time that make it a time window, the units a fraction is written of; a
 * dual as a count of two ("جنديين"); and the event a casualty noun names
 * itself ("2500 جريح"). numbers.c decides which of these a value asks.
 */
#include "check/numbers.h"
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Function words that are never the counted noun. */
static const char *const not_nouns[] = {"الي", "علي", "عن", "في", "من", "مع", "ان", "بان",
                                        "الذي", "التي", "حيث", "بعد", "قبل", "منذ", "نحو",
                                        "حوالي", "قرابه", "اكثر", "اقل", "بين", "مابين", "بلغ",
                                        "بلغت", "الي", "حتي", "او", "و", "ما", "لا", "لم"};

/* Words between a number and its noun that are not the noun. */
static const char *const skip_after[] = {"من", "في", "الميه", "المايه", "بالميه", "بالمايه",
                                         "فقط", "علي", "الاقل", "نحو", "حوالي", "قرابه"};

/* Broken plurals that news counts most, to their singular (keys without
 * prefixes): "40 أسيرا" and "40 من الأسرى" are one quantity. */
static const char *const broken_plurals[][2] = {
    {"اسري", "اسير"},   {"قتلي", "قتيل"},   {"جرحي", "جريح"},   {"عناصر", "عنصر"},
    {"جنود", "جندي"},   {"اطفال", "طفل"},   {"رهاين", "رهينه"}, {"ضحايا", "ضحيه"},
    {"شهداء", "شهيد"},  {"اشخاص", "شخص"},   {"سكان", "ساكن"},   {"مواطنون", "مواطن"},
    {"ركاب", "راكب"},   {"نساء", "امراه"},  {"نسوه", "امراه"},
    {"عوايل", "عايله"}, {"قاده", "قايد"},   {"طلاب", "طالب"},   {"عمال", "عامل"},
    /* places and buildings news counts: "6 مدارس" and "14 مدرسة" */
    {"مدارس", "مدرسه"}, {"منازل", "منزل"},  {"مساجد", "مسجد"},
    {"قري", "قريه"},    {"مدن", "مدينه"},   {"مباني", "مبني"},  {"صواريخ", "صاروخ"},
    {"اهداف", "هدف"}, /* "3 أهداف" and "هدفين", "17 هدفا": goals or targets */
};

/* The forms news writes a unit of time in (keys without prefixes), to the
 * unit's singular: «7 أعوام», «7 سنوات», «سبع سنين», «15 عاما» are one
 * quantity, years, and a claim of «7 أعوام» meets a source's «7 سنوات». The
 * coarse stems alone left each form a key of its own (اعوام, سنو, سنين,
 * عام). A year as a date («عام 2017») is read before any noun is keyed. */
static const char *const time_unit_forms[][2] = {
    {"سنوات", "سنه"},   {"سنين", "سنه"},    {"سنون", "سنه"},     {"عام", "سنه"},
    {"عاما", "سنه"},    {"اعوام", "سنه"},   {"شهرا", "شهر"},     {"اشهر", "شهر"},
    {"شهور", "شهر"},    {"يوما", "يوم"},    {"ايام", "يوم"},     {"اسبوعا", "اسبوع"},
    {"اسابيع", "اسبوع"}, {"ساعات", "ساعه"}, {"دقايق", "دقيقه"}, {"ليال", "ليله"},
    {"ليالي", "ليله"},
};

/* The key of a unit of time written as bare (prefixes off) into out, as
 * its singular's coarse stem; false when bare is none of its forms. */
static bool time_unit_key(const char *bare, char *out, size_t cap)
{
    for (size_t i = 0; i < sizeof time_unit_forms / sizeof *time_unit_forms; i++)
        if (!strcmp(bare, time_unit_forms[i][0])) {
            const char *one = time_unit_forms[i][1];
            mz_word_stem(one, strlen(one), 1, out, cap);
            return true;
        }
    return false;
}

void mz_noun_key(const char *key, size_t key_len, char *out, size_t cap)
{
    char bare[128];
    mz_word_stem(key, key_len, 0, bare, sizeof bare); /* prefixes off */
    if (time_unit_key(bare, out, cap))
        return;
    for (size_t i = 0; i < sizeof broken_plurals / sizeof *broken_plurals; i++)
        if (!strcmp(bare, broken_plurals[i][0])) {
            const char *sg = broken_plurals[i][1];
            mz_word_stem(sg, strlen(sg), 1, out, cap);
            return;
        }
    mz_word_stem(key, key_len, 1, out, cap);
}

bool mz_noun_is_definite_adjective(const mz_word *prev, const mz_word *w)
{
    if (!prev || !mz_num_is_definite(prev) || !mz_num_is_definite(w))
        return false;
    char bare[128];
    size_t n = mz_word_stem(w->key, w->key_len, 0, bare, sizeof bare); /* the article off */
    for (size_t i = 0; i < sizeof broken_plurals / sizeof *broken_plurals; i++)
        if (!strcmp(bare, broken_plurals[i][0]))
            return false; /* الأسرى, القتلى: a plural written with ى, no nisba */
    /* a singular nisba: a plural one («الجنود الأمريكيين») is left
     * counting, as it may be what a source counts («مقتل 3 أمريكيين») */
    return mz_nisba_ending(bare, n, false) > 0;
}

size_t mz_nisba_ending(const char *bare, size_t n, bool plural)
{
    static const char *const endings[] = {"يين", "يون", "يه", "ي"};
    for (size_t i = plural ? 0 : 2; i < sizeof endings / sizeof *endings; i++) {
        size_t e = strlen(endings[i]);
        if (n <= e || strcmp(bare + n - e, endings[i]))
            continue;
        size_t letters = 0; /* three letters or more before it: «عالم», not «في» */
        for (size_t b = 0; b < n - e; b++)
            letters += ((unsigned char)bare[b] & 0xC0) != 0x80;
        return letters >= 3 ? e : 0;
    }
    return 0;
}

void mz_num_copy_noun(const char *s, const mz_word *w, mz_number *n)
{
    size_t len = w->end - w->start;
    if (len >= sizeof n->noun)
        len = sizeof n->noun - 1;
    while (len > 0 && len < (size_t)(w->end - w->start) && ((unsigned char)s[w->start + len] & 0xC0) == 0x80)
        len--;
    memcpy(n->noun, s + w->start, len);
    n->noun[len] = '\0';
    mz_noun_key(w->key, w->key_len, n->noun_key, sizeof n->noun_key);
}

/* Nouns whose first letter is a root و, not the conjunction (by prefix). */
static const char *const waw_root_nouns[] = {"وزير", "وزرا", "وزار", "وحد", "وثيق", "وثاي",
                                             "وفا",  "وفي",  "وفد",  "وفود", "وظيف", "وظاي",
                                             "وجب",  "ورق",  "وسيل", "وساي", "ولاي", "وكال"};

/* A word that starts with the conjunction و: the counted noun follows its
 * number directly and never takes it, so "مقتل 40 وإصابة 60" and "قتل 5
 * وجرح 20" start the next clause there. */
static bool conjunction_first(const mz_word *w)
{
    if (strncmp(w->key, "و", 2) != 0 || w->key_len < 8) /* و and 3+ letters */
        return false;
    for (size_t i = 0; i < sizeof waw_root_nouns / sizeof *waw_root_nouns; i++)
        if (!strncmp(w->key, waw_root_nouns[i], strlen(waw_root_nouns[i])))
            return false;
    return true;
}

/* آخر, آخرون, آخرين, أخرى: "others" names no noun of its own ("وأصيب 20
 * آخرون"), and "others" of every story would meet as one quantity. */
static bool is_others(const mz_word *w)
{
    return eq(w, "اخر") || eq(w, "اخرون") || eq(w, "اخرين") || eq(w, "اخري") || eq(w, "اخريات");
}

bool mz_num_is_noun_candidate(const mz_word *w)
{
    return !w->is_number && !mz_num_is_number_word(w) &&
           !in_list(w->key, skip_after, sizeof skip_after / sizeof *skip_after) &&
           !in_list(w->key, not_nouns, sizeof not_nouns / sizeof *not_nouns) && w->key_len > 2 &&
           !mz_is_stopword(w->key, w->key_len) && !conjunction_first(w) && !is_others(w);
}

/* What news counts in the thousands (keys; compared by their coarse stems):
 * a number of 1900..2100 before one of these is a count, not a year. */
static const char *const counted_nouns[] = {
    "شخص",   "مدني",  "قتيل",  "جريح",  "جندي",  "عنصر",  "مقاتل", "مسلح",  "لاجي",
    "نازح",  "طفل",   "امراه", "اسير",  "معتقل", "سجين",  "مهاجر", "منزل",  "عايله",
    "اسره",  "دولار", "ليره",  "يورو",  "دينار", "ريال",  "جنيه",  "درهم",  "طن",
    "برميل", "صاروخ", "غاره",  "قذيفه", "كيلومتر", "كلم", "متر",   "هكتار", "موظف",
    "عامل",  "طالب",  "حاله",  "اصابه", "ضحيه",  "شهيد",  "ساكن",  "مواطن", "نسمه",
    "جثه",   "مصاب",  "مريض",  "مسافر", "معتقل", "متظاهر", "مقعد", "صوت",   "ناخب",
    "عسكري", "ضابط",  "شرطي",  "حاج",   "مستوطن"};

/* Words of approximation between a window word and its number. */
static const char *const approx_words[] = {"نحو", "حوالي", "قرابه", "زهاء"};

/* The lists a noun's key is compared with by coarse stem (stem_in). */
enum { COUNTED, TIME_UNITS, TIMES, MEASURE_UNITS };
static bool stem_in(const char *key, int list);

bool mz_num_is_counted_noun(const mz_number *n)
{
    return stem_in(n->noun_key, COUNTED);
}

/* Units of time (keys; compared by their coarse stems). */
static const char *const time_units[] = {"دقيقه", "دقايق", "ساعه", "ساعات", "يوم",    "ايام",
                                         "ليله",  "ليال", "اسبوع", "اسابيع", "شهر",   "اشهر",
                                         "شهور",  "سنه",  "سنوات", "سنين",  "عام",    "اعوام"};

/* Words before a number that make "N hours/days" a time window. */
static const char *const window_words[] = {"خلال", "منذ", "قبل",  "بعد", "غضون",
                                           "طيله", "طوال", "مدي", "مدار", "اخر"};

/* "خلال 24 ساعة", "منذ 3 أيام", "الساعات الـ24 الماضية": a time window, which
 * says when, like a date. Reports of one story written hours apart give
 * other windows; they do not conflict. "هدنة 72 ساعة" is a count. */
bool mz_num_is_time_window(const words *ws, size_t first, bool with_article, const mz_number *n)
{
    if (!n->noun_key[0] || !stem_in(n->noun_key, TIME_UNITS))
        return false;
    if (with_article)
        return true;
    /* past a word of approximation or a bound: «منذ نحو عشرة أعوام», «بعد
     * أقل من 24 ساعة» are windows as «منذ عشرة أعوام» is */
    size_t k = first;
    if (k > 0 && in_list(ws->v[k - 1].key, approx_words, sizeof approx_words / sizeof *approx_words))
        k--;
    else if (k > 1 && eq(&ws->v[k - 1], "من") && (eq(&ws->v[k - 2], "اقل") || eq(&ws->v[k - 2], "اكثر")))
        k -= 2;
    return k > 0 && in_list(ws->v[k - 1].key, window_words, sizeof window_words / sizeof *window_words);
}

/* The word نسبة ("a rate of") is not what a percentage measures. */
bool mz_num_is_rate_word(const mz_word *w)
{
    return eq(w, "نسبه") || eq(w, "بنسبه") || eq(w, "النسبه") || eq(w, "ونسبه") ||
           eq(w, "لنسبه");
}

/* Words that may stand between a number and its noun: "40 من الأسرى",
 * "40 فقط", "40 على الأقل". Any other (في، إلى، عن…) starts a phrase of
 * its own: "قتل 40 في الغارة" does not count raids. */
static bool noun_gap(const words *ws, size_t k)
{
    const mz_word *w = &ws->v[k];
    return eq(w, "من") || eq(w, "فقط") || eq(w, "الاقل") ||
           (eq(w, "علي") && k + 1 < ws->n && eq(&ws->v[k + 1], "الاقل"));
}

/* Whether the word at k, «عام» or «سنة» (a prefix on it), names a year, a
 * date: «بالدعوى رقم ( 136 ) لعام 2009», «القانون 10 لسنة 2018» — the
 * number before it counts no years. A year is digits of 1900..2100. */
static bool unit_dates_a_year(const words *ws, size_t k)
{
    char bare[128];
    if (k + 1 >= ws->n || !ws->v[k + 1].is_number)
        return false;
    mz_word_stem(ws->v[k].key, ws->v[k].key_len, 0, bare, sizeof bare);
    if (strcmp(bare, "عام") && strcmp(bare, "سنه"))
        return false;
    const char *d = ws->v[k + 1].key;
    size_t len = strspn(d, "0123456789");
    long y = len == 4 ? strtol(d, NULL, 10) : 0;
    return y >= 1900 && y <= 2100;
}

/* Words of rank between «من» and the plural a count is of: «ثلاثة من كبار
 * موظفي الوزارة», «5 من أبرز قادة التنظيم» count the officials and the
 * leaders; «كبار» was the counted noun, a quantity of its own. */
static const char *const rank_words[] = {"كبار", "صغار", "ابرز", "اهم", "اكبر", "قدامي", "خيره"};

/* The word a count is of after «من» at word k: past a word of rank
 * («من كبار الموظفين») to the plural it qualifies. */
static size_t past_rank(const words *ws, size_t k)
{
    bool waw;
    if (k > 0 && eq(&ws->v[k - 1], "من") && k + 1 < ws->n &&
        in_list(strip_conj(ws->v[k].key, &waw), rank_words, sizeof rank_words / sizeof *rank_words) &&
        mz_num_is_noun_candidate(&ws->v[k + 1]))
        return k + 1;
    return k;
}

/* «معظمهم», «بعضهم», «كلها»: a quantifier with a pronoun on it names no
 * noun («قتل 133 , معظمهم من المدنيين»). */
static bool quantifier_pronoun(const mz_word *w)
{
    static const char *const q[] = {"معظم", "بعض", "كل", "اغلب", "جميع", "غالبيت", "اكثر"};
    static const char *const pron[] = {"هم", "ها", "هن", "هما"};
    bool waw;
    const char *k = strip_conj(w->key, &waw);
    size_t len = strlen(k);
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        size_t ql = strlen(q[i]);
        if (len <= ql || strncmp(k, q[i], ql))
            continue;
        for (size_t p = 0; p < sizeof pron / sizeof *pron; p++)
            if (!strcmp(k + ql, pron[p]))
                return true;
    }
    return false;
}

/* The counted noun after a number, from word `after` on. Not past a clause
 * mark: «133 , معظمهم من المدنيين» read «معظمهم» as what 133 counted. */
void mz_num_noun_after(const words *ws, const char *s, size_t after, mz_number *n)
{
    size_t k = after;
    while (k < ws->n && k < after + 3 && noun_gap(ws, k))
        k++;
    if (k < ws->n)
        k = past_rank(ws, k);
    if (k >= ws->n || mz_num_clause_between(s, after > 0 ? ws->v[after - 1].end : 0, ws->v[k].start))
        return;
    /* «80 كم/ساعة» is no distance; before the noun test, which «م/ث»'s
     * one letter would not pass */
    if (mz_num_speed_unit(ws, s, k, n))
        return;
    if (!mz_num_is_noun_candidate(&ws->v[k]) || quantifier_pronoun(&ws->v[k]))
        return;
    mz_num_copy_noun(s, &ws->v[k], n);
    if (unit_dates_a_year(ws, k))
        n->noun[0] = n->noun_key[0] = '\0';
}

/* عدد, حصيلة ("the number of", "the toll of"), with a conjunction or
 * preposition written on. */
static bool is_tally_word(const mz_word *w)
{
    static const char *const tally[] = {"عدد", "وعدد", "بعدد", "لعدد", "اعداد", "حصيله",
                                        "وحصيله", "بحصيله", "لحصيله"};
    return in_list(w->key, tally, sizeof tally / sizeof *tally);
}

/* "ارتفع عدد القتلى إلى 40", "بلغت حصيلة الضحايا 40": a number with no noun
 * after it counts what عدد or حصيلة names a few words before it. */
void mz_num_noun_of_tally(const words *ws, const char *s, size_t first, mz_number *n)
{
    for (size_t back = 2; back <= 5 && back <= first; back++)
        if (is_tally_word(&ws->v[first - back]) &&
            mz_num_is_noun_candidate(&ws->v[first - back + 1])) {
            mz_num_copy_noun(s, &ws->v[first - back + 1], n);
            return;
        }
}

/* أن, إن, بأن: what comes before is the speaker and the verb of saying
 * ("أكد أن 30% تضررت"), not what a percentage measures. */
static bool is_complementizer(const mz_word *w)
{
    return eq(w, "ان") || eq(w, "بان") || eq(w, "وان") || eq(w, "لان") || eq(w, "انه");
}

/* A word with the article (الأسرى, والمحافظات, بالساعات, للنقاط). */
bool mz_num_is_definite(const mz_word *w)
{
    static const char *const al[] = {"ال", "وال", "بال", "فال", "كال", "لل"};
    for (size_t i = 0; i < sizeof al / sizeof *al; i++)
        if (!strncmp(w->key, al[i], strlen(al[i])) && w->key_len > strlen(al[i]) + 2)
            return true;
    return false;
}

/* "كامل", "إجمالي", "مجموع" after من: "10% من كامل المدينة", "85% من
 * إجمالي الأصوات" measure what follows them. */
static bool is_whole_word(const mz_word *w)
{
    static const char *const whole[] = {"كامل", "اجمالي", "مجمل", "مجموع", "جميع", "كل"};
    return in_list(w->key, whole, sizeof whole / sizeof *whole);
}

/* «العام» right after a definite noun is its adjective, «general»: «القطاع
 * العام», «الرأي العام», «المدعي العام» — not the year, which news writes
 * after a preposition or a demonstrative («في العام الماضي», «هذا العام»)
 * or with its own adjective of time («العام الماضي»). The percentage of
 * «أجور العمال في القطاع العام بنسبة 15%» was filed under years. */
static bool general_adjective(const words *ws, size_t at)
{
    static const char *const of_time[] = {"الماضي", "المقبل", "القادم", "الحالي", "الجاري",
                                          "السابق"};
    if (!eq(&ws->v[at], "العام") || !mz_num_is_definite(&ws->v[at - 1]))
        return false;
    return !(at + 1 < ws->n && in_list(ws->v[at + 1].key, of_time, sizeof of_time / sizeof *of_time));
}

/* The noun an adjective with the article at word at describes («سعر
 * الفائدة الرئيسي», «الدينار النوراني»), else the word itself: the rate is
 * of the interest, the fall of the dinar, not of «الرئيسي». An adjective
 * takes no preposition: «بالمسؤولية» is a noun. */
static const mz_word *noun_of_adjective(const words *ws, size_t at)
{
    if (at > 0 && !strncmp(ws->v[at].key, "ال", strlen("ال")) &&
        mz_num_is_noun_candidate(&ws->v[at - 1]) &&
        (mz_noun_is_definite_adjective(&ws->v[at - 1], &ws->v[at]) ||
         general_adjective(ws, at)))
        return &ws->v[at - 1];
    return &ws->v[at];
}

/* The noun with the article a percentage measures when the word at at, the
 * nearest noun before the value, is a place after في or a verb after الذي /
 * التي: «ارتفع التضخم في نوران إلى 25%», «نسبة المشاركة في الانتخابات
 * 40%», «التضخم الذي ارتفع إلى 18.5%». NULL when it is not. */
static const mz_word *measured_before(const words *ws, size_t at)
{
    if (at < 2)
        return NULL;
    const mz_word *link = &ws->v[at - 1], *noun = &ws->v[at - 2];
    bool place = eq(link, "في");
    bool relative = (eq(link, "الذي") || eq(link, "التي")) && !mz_num_is_definite(&ws->v[at]);
    if (!(place || relative) || !mz_num_is_noun_candidate(noun) || !mz_num_is_definite(noun))
        return NULL;
    return noun_of_adjective(ws, at - 2);
}

/* Whether the bytes between two words hold a mark that ends a clause
 * (mz_num_clause_mark). */
static bool clause_mark_between(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (mz_num_clause_mark(s, i, b))
            return true;
    return false;
}

/* A word that opens a clause of its own: a conjunction of contrast or of
 * time, or و on a word without the article («وارتفع»; «والبناء» may be a
 * name's or a noun phrase's). */
static bool opens_clause(const mz_word *w)
{
    static const char *const openers[] = {"فيما", "بينما", "حين", "حيث", "لكن", "بل", "ثم"};
    if (in_list(w->key, openers, sizeof openers / sizeof *openers))
        return true;
    return !strncmp(w->key, "و", strlen("و")) && strncmp(w->key, "وال", strlen("وال")) &&
           w->key_len > strlen("و");
}

/* The X of «نسبة X» in the value's clause before word first: «نسبة المشاركة
 * في الانتخابات البرلمانية التي جرت الأحد الماضي بلغت 41.3%» measures the
 * turnout, whatever the clause names between (it measured «الأحد»). Not
 * past another number, a clause mark or a word that opens a clause: the
 * rate named there may not be this value's. NULL when there is none. */
static const mz_word *rate_phrase_before(const words *ws, const char *s, size_t first)
{
    for (size_t k = first; k > 0 && k + 14 > first; k--) {
        const mz_word *w = &ws->v[k - 1];
        if (clause_mark_between(s, w->end, ws->v[k].start) || w->is_number ||
            mz_num_is_number_word(w) || is_complementizer(w))
            return NULL;
        if (mz_num_is_rate_word(w) && k < first) {
            const mz_word *x = &ws->v[k];
            return mz_num_is_noun_candidate(x) && mz_num_is_definite(x) ? x : NULL;
        }
        if (opens_clause(w))
            return NULL;
    }
    return NULL;
}

/* «معدل», «متوسط» (an average, a score) right before a percentage with no
 * noun after it: «حصلت الطالبة … على معدل 99.6%» measures her average; with
 * no article it was taken for a verb or a subject («ارتفع 5%», «حصل مرسي على
 * 52%») and the value had no noun, so the top score was no value at all. */
static bool is_average_word(const mz_word *w)
{
    static const char *const average[] = {"معدل", "ومعدل", "متوسط", "ومتوسط"};
    return in_list(w->key, average, sizeof average / sizeof *average);
}

/* «بمعدل», «بواقع» right before a rate: like «بنسبة», the word of the rate,
 * not what it measures («نما الاقتصاد بمعدل 3%» measures the economy; the
 * 3% had no noun, and met every bare percentage of the story). With no ب
 * «معدل» is an average and names the value (is_average_word). */
static bool rate_by_word(const mz_word *w)
{
    return eq(w, "بمعدل") || eq(w, "بواقع");
}

/* What a percentage measures: the word after من ("85% من الأصوات"), else
 * a word with the article a few words before ("ارتفعت البطالة بنسبة 20%",
 * "نسبة المشاركة 40%"). A word before without the article is not it: it is
 * the verb ("ارتفع 5%", "حصل 85%") or the subject ("حصل مرسي على 52%"), and
 * every "ارتفع X%" of every story met as one quantity. */
void mz_num_noun_of_percent(const words *ws, const char *s, size_t first, size_t after,
                            mz_number *n)
{
    size_t k = after;
    if (k < ws->n && eq(&ws->v[k], "من")) {
        k++;
        if (k + 1 < ws->n && is_whole_word(&ws->v[k]))
            k++;
        if (k < ws->n && mz_num_is_noun_candidate(&ws->v[k])) {
            mz_num_copy_noun(s, &ws->v[k], n);
            return;
        }
    }
    const mz_word *rated = rate_phrase_before(ws, s, first);
    if (rated) {
        mz_num_copy_noun(s, rated, n);
        return;
    }
    for (size_t back = first; back > 0 && back + 3 > first; back--) {
        const mz_word *w = &ws->v[back - 1];
        if (is_complementizer(w))
            return;
        if (mz_num_is_noun_candidate(w) && !mz_num_is_rate_word(w) &&
            !(back == first && rate_by_word(w))) {
            const mz_word *m = measured_before(ws, back - 1);
            if (m)
                mz_num_copy_noun(s, m, n);
            else if (mz_num_is_definite(w) || (back == first && is_average_word(w)))
                mz_num_copy_noun(s, noun_of_adjective(ws, back - 1), n);
            return;
        }
    }
}

/* Units a fraction is written of (keys; compared by their coarse stems). */
static const char *const measure_units[] = {"كيلومتر", "كلم", "كم", "متر", "ميل", "هكتار",
                                            "دونم", "طن", "كيلوغرام", "كغ", "غرام", "لتر",
                                            "برميل", "درجه", "نقطه", "دولار", "يورو", "جنيه",
                                            "دينار", "ريال", "درهم", "ليره", "ساعه", "سنه"};

bool mz_num_is_measure_unit(const mz_word *w)
{
    char k[128];
    mz_word_stem(w->key, w->key_len, 1, k, sizeof k);
    return stem_in(k, MEASURE_UNITS);
}

/* Nouns whose dual news writes for a count of two ("مقتل جنديين", "قتل
 * شخصان", "أفرج عن رهينتين"). Their plural is broken (جنود, أشخاص, رهائن),
 * so -ان/-ين on them is a dual; on مدني, مقاتل, مسلح, صحفي it is the sound
 * plural (مدنيين), and those are left out. */
static const char *const dual_nouns[] = {"شخص",  "قتيل", "جريح",  "جندي", "طفل",  "اسير",
                                         "عنصر", "رهينه", "ضحيه", "شهيد", "عايله", "اسره",
                                         "صاروخ", "طايره", "امراه", "رجل", "ضابط",
                                         "هدف"}; /* a match's goals: «سجل هدفين» */

/* The singular of a dual noun at word w (a conjunction و or the article
 * may be written on it), or NULL. */
static const char *dual_of(const mz_word *w)
{
    size_t len = w->key_len; /* a dual ends in ان or ين: most words are none */
    if (len < 4 || (memcmp(w->key + len - 4, "ان", 4) && memcmp(w->key + len - 4, "ين", 4)))
        return NULL;
    bool waw;
    const char *k = strip_conj(w->key, &waw);
    if (!strncmp(k, "ال", strlen("ال")))
        k += strlen("ال");
    for (size_t i = 0; i < sizeof dual_nouns / sizeof *dual_nouns; i++) {
        if (k[0] != dual_nouns[i][0] || k[1] != dual_nouns[i][1])
            continue; /* not its first letter (which the stem below keeps) */
        char stem[64];
        size_t n = strlen(dual_nouns[i]);
        memcpy(stem, dual_nouns[i], n + 1);
        if (n >= 2 && !strcmp(stem + n - 2, "ه"))
            memcpy(stem + n - 2, "ت", 3); /* رهينة → رهينتين */
        size_t sn = strlen(stem);
        if (!strncmp(k, stem, sn) && (!strcmp(k + sn, "ان") || !strcmp(k + sn, "ين")))
            return dual_nouns[i];
    }
    return NULL;
}

/* رجلين is two men or two legs (رِجلين): after a preposition of place or a
 * word of a limb's wound («ببتر في رجلين», «يقف على رجلين», «كسر رجلين») it
 * is legs, and counted two men injured. عن is not among them: «أفرج عن
 * رجلين» counts men. */
static bool legs_before(const words *ws, size_t i)
{
    static const char *const before[] = {"في", "علي", "بتر", "ببتر", "بترت", "وبتر",
                                         "قطع", "قطعت", "كسر", "كسرت", "شلل"};
    return i > 0 && in_list(ws->v[i - 1].key, before, sizeof before / sizeof *before);
}

/* A dual noun at word i as a count of two, its own noun. */
bool mz_num_dual_count(const words *ws, const char *s, size_t i, mz_number *n)
{
    const char *one = dual_of(&ws->v[i]);
    if (!one || (!strcmp(one, "رجل") && legs_before(ws, i)))
        return false;
    memset(n, 0, sizeof *n);
    mz_num_copy_noun(s, &ws->v[i], n);
    mz_noun_key(one, strlen(one), n->noun_key, sizeof n->noun_key); /* رهينتين meets رهائن */
    n->start = ws->v[i].start;
    n->end = ws->v[i].end;
    n->number = n->number_max = 2;
    n->kind = MZ_QTY_COUNT;
    n->event = mz_event_near(s, ws->v, ws->n, i, i + 1);
    return true;
}

/* The event a count of casualties names itself ("328 قتيلا و2500 جريح":
 * the wounded are not the killed before them): killed, died or injured,
 * when the noun n counts is the word right after the number. Detainees and
 * the displaced are not: "أفرج عن 40 معتقلا" is a release. */
mz_event mz_num_casualty_noun(const words *ws, const char *s, size_t after, const mz_number *n)
{
    if (after >= ws->n)
        return MZ_EVENT_NONE;
    const mz_word *w = &ws->v[after];
    size_t len = w->end - w->start;
    if (!n->noun_key[0] || len != strlen(n->noun) || memcmp(n->noun, s + w->start, len))
        return MZ_EVENT_NONE; /* the noun is further on ("3 من الجرحى") */
    mz_event e = mz_event_of_word(ws->v[after].key, ws->v[after].key_len);
    return e == MZ_EVENT_KILLED || e == MZ_EVENT_DIED || e == MZ_EVENT_INJURED ? e : MZ_EVENT_NONE;
}

/* Times: «عشرات المرات» is "often", no count of the news. */
static const char *const times_nouns[] = {"مره", "مرات"};

bool mz_num_counts_times(const mz_number *n)
{
    return stem_in(n->noun_key, TIMES);
}

bool mz_num_is_time_unit(const mz_number *n)
{
    return stem_in(n->noun_key, TIME_UNITS);
}

/* The coarse stems (mz_word_stem, plural) of the lists, made once
 * (pthread_once): stem_in runs for most values, and stemmed every entry of
 * its list each time. Every entry is far shorter than STEM_MAX. */
#define STEM_MAX 64
#define COUNT(a) (sizeof a / sizeof *a)
static const struct {
    const char *const *keys;
    size_t n;
} stem_lists[] = {{counted_nouns, COUNT(counted_nouns)},
                  {time_units, COUNT(time_units)},
                  {times_nouns, COUNT(times_nouns)},
                  {measure_units, COUNT(measure_units)}};
static char stems[COUNT(counted_nouns) + COUNT(time_units) + COUNT(times_nouns) +
                  COUNT(measure_units)][STEM_MAX];
static pthread_once_t stems_once = PTHREAD_ONCE_INIT;

static void stems_build(void)
{
    size_t at = 0;
    for (size_t l = 0; l < COUNT(stem_lists); l++)
        for (size_t i = 0; i < stem_lists[l].n; i++, at++) {
            const char *k = stem_lists[l].keys[i];
            mz_word_stem(k, strlen(k), 1, stems[at], STEM_MAX);
        }
}

/* Whether key is the coarse stem of an entry of list (COUNTED…). */
static bool stem_in(const char *key, int list)
{
    pthread_once(&stems_once, stems_build);
    size_t at = 0;
    for (int l = 0; l < list; l++)
        at += stem_lists[l].n;
    for (size_t i = 0; i < stem_lists[list].n; i++)
        if (!strcmp(stems[at + i], key))
            return true;
    return false;
}
