/*
 * numbers.h — what numbers.c (quantities), numbers_nouns.c (what they
 * count), numbers_dates.c (the dates among them) and numbers_vague.c
 * («عشرات», «مئات») share: the words of a sentence as the reader sees them,
 * a parsed number, and the readers numbers.c calls. Internal to the four.
 */
#ifndef MZ_NUMBERS_H
#define MZ_NUMBERS_H

#include "check/check.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MAX_WORDS 512

typedef struct words {
    mz_word v[MAX_WORDS];
    size_t n;
    bool comma_split[MAX_WORDS]; /* the first of two numbers split_comma_list made of one */
    int day_code[MAX_WORDS];     /* DAY * 1000 + MONTH where a date starts (days.c) */
    bool whole[MAX_WORDS];       /* the Y of "X من (أصل) Y": the whole a part is of */
    size_t at_first[MAX_WORDS], at_after[MAX_WORDS]; /* the words of each value found */
    bool scores; /* read a match's score (mz_numbers_extract_scores) */
} words;

/* One parsed number: value range and the words it spans [first, last]. */
typedef struct span {
    double lo, hi;
    size_t first, last;
    bool percent;
} span;

/* Whether w's key is k. Nearly every test misses, so the lengths are
 * compared first: words.c keeps key_len = strlen(key), and the compiler
 * folds strlen of the literal k. */
static inline bool eq(const mz_word *w, const char *k)
{
    size_t n = strlen(k);
    return w->key_len == n && memcmp(w->key, k, n) == 0;
}

/* Whether key is one of list[0..n). Arabic letters share their first byte,
 * so the second (which letter) is compared before a call to strcmp. */
static inline bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == key[0] && (!key[0] || (list[i][1] == key[1] && !strcmp(key, list[i]))))
            return true;
    return false;
}

/* The key with a leading conjunction و removed. */
static inline const char *strip_conj(const char *key, bool *had_waw)
{
    *had_waw = false;
    /* و (2 bytes) and 3 bytes more: strlen(key) > 4 */
    if (key[0] == '\xD9' && key[1] == '\x88' && key[2] && key[3] && key[4]) {
        *had_waw = true;
        key += 2;
    }
    /* "ال" is not taken off: الاثنين is Monday, not two */
    return key;
}

/* The key of w without a leading و or ف, when three letters or more are
 * left: «وسيضرب», «فطالبت» (a verb's conjunction, not the word's letter). */
static inline const char *strip_waw_fa(const mz_word *w)
{
    const char *k = w->key;
    if ((!strncmp(k, "و", strlen("و")) || !strncmp(k, "ف", strlen("ف"))) &&
        w->key_len >= strlen("و") + 6)
        k += strlen("و");
    return k;
}

/* A spelled-out number word: its value and order (0 units/teens, 1 tens, 2
 * hundreds, 3 multiplier). */
typedef struct numword {
    const char *key;
    double value;
    int order;
} numword;

/* ------------------------------------------------------------ numbers_keys.c */

#define MZ_KEY_SLOTS 512 /* a power of two, over twice a table's entries */

/* A hash index over a constant table of at most 254 entries whose first
 * member is its key (const char *): the entry's index + 1 in each slot. */
typedef struct mz_key_index {
    uint8_t slot[MZ_KEY_SLOTS]; /* 0: empty */
    uint8_t len[MZ_KEY_SLOTS];  /* the length of its key */
} mz_key_index;

/* Fills ix (zeroed) from the n entries whose keys are at first, stride bytes
 * apart (&table[0].key, sizeof *table); call it once, under pthread_once. */
void mz_key_index_build(mz_key_index *ix, const void *first, size_t n, size_t stride);

/* The slot key k[0, n) hashes to (FNV-1a). */
static inline size_t mz_key_hash(const char *k, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h & (MZ_KEY_SLOTS - 1);
}

/* The key of entry i of a table whose first key is at first, stride bytes
 * apart. */
static inline const char *mz_key_at(const void *first, size_t stride, size_t i)
{
    const char *const *k = (const void *)((const char *)first + i * stride);
    return *k;
}

/* The index of the entry keyed k[0, n), or -1 (inline: asked of nearly
 * every word). */
static inline long mz_key_index_find(const mz_key_index *ix, const void *first, size_t stride,
                                     const char *k, size_t n)
{
    for (size_t h = mz_key_hash(k, n); ix->slot[h]; h = (h + 1) & (MZ_KEY_SLOTS - 1))
        if (ix->len[h] == n && !memcmp(mz_key_at(first, stride, ix->slot[h] - 1u), k, n))
            return ix->slot[h] - 1L;
    return -1;
}

/* ----------------------------------------------------------- numbers_words.c */

/* The number word keyed key (no و/ال on it: ثلاثه, الاف, مليون), or NULL. */
const numword *mz_num_word_key(const char *key);

/* ----------------------------------------------------------------- numbers.c */

/* Is w a spelled-out number word (a و may be written on it: وخمسة)? */
bool mz_num_is_number_word(const mz_word *w);

/* ----------------------------------------------------------- numbers_nouns.c */

/* Copies word w into n as its noun, as written (cut to fit) and keyed
 * (mz_noun_key). */
void mz_num_copy_noun(const char *s, const mz_word *w, mz_number *n);
/* Can w be a counted noun (no number, function word, stopword, clause begun
 * by و, or "others")? */
bool mz_num_is_noun_candidate(const mz_word *w);
/* Is w written with the article (الأسرى, والمحافظات, بالساعات, للنقاط)? */
bool mz_num_is_definite(const mz_word *w);
/* The bytes of a nisba ending on bare[0..n) (a stem with the article off):
 * ي or يه (the feminine), with plural also يين and يون, after three letters
 * or more («عالمية», «إماراتيين»); 0 when it is none (numbers_nouns.c). */
size_t mz_nisba_ending(const char *bare, size_t n, bool plural);
/* Is w نسبة ("a rate of"), which makes the number after it a percentage? */
bool mz_num_is_rate_word(const mz_word *w);
/* Is w a unit a fraction is written of (كلم, طن, دولار…)? */
bool mz_num_is_measure_unit(const mz_word *w);
/* Is n's noun one news counts in the thousands (a number of 1900..2100
 * before it is a count, not a year)? */
bool mz_num_is_counted_noun(const mz_number *n);
/* Is n's noun a unit of time (ساعة, يوم, سنة…)? */
bool mz_num_is_time_unit(const mz_number *n);
/* Does n count times («عشرات المرات»: "often", no count of the news)? */
bool mz_num_counts_times(const mz_number *n);
/* Is n, whose number starts at word first, a time window ("خلال 24 ساعة",
 * "الساعات الـ24": with_article)? */
bool mz_num_is_time_window(const words *ws, size_t first, bool with_article, const mz_number *n);
/* Fills n's noun with the counted noun after a number, from word after on
 * ("40 من الأسرى", "40 فقط"), when there is one. */
void mz_num_noun_after(const words *ws, const char *s, size_t after, mz_number *n);
/* Fills n's noun with what عدد or حصيلة names a few words before word
 * first ("ارتفع عدد القتلى إلى 40"), when one does. */
void mz_num_noun_of_tally(const words *ws, const char *s, size_t first, mz_number *n);
/* Fills n's noun with what a percentage at words [first, after) measures,
 * when a noun says it. */
void mz_num_noun_of_percent(const words *ws, const char *s, size_t first, size_t after,
                            mz_number *n);
/* Fills n's noun, when the nouns reader found none for the percentage at
 * word first, with the measure's name a few words before it in its clause
 * («ارتفع سعر خام برنت 4%»: سعر). numbers_measure_head.c */
void mz_num_noun_of_measure_head(const words *ws, const char *s, size_t first, mz_number *n);
/* Whether w's key is a time unit in the dual as written whole, no prefix
 * («عامين», «شهرين», «سنتين»): two of it, when it begins a range
 * (numbers.c). numbers_dual_time.c */
bool mz_num_is_dual_time_unit(const mz_word *w);
/* A dual noun at word i («جنديين») as n, a count of two of its singular. */
bool mz_num_dual_count(const words *ws, const char *s, size_t i, mz_number *n);
/* A unit of time in the dual at word i («يومين», «لعامين») as n, two of the
 * unit; a date when it is a window («قبل يومين», «خلال اليومين الماضيين»). */
bool mz_num_dual_time(const words *ws, const char *s, size_t i, mz_number *n);
/* The event a casualty noun right after the number names (killed, died,
 * injured), else MZ_EVENT_NONE. */
mz_event mz_num_casualty_noun(const words *ws, const char *s, size_t after, const mz_number *n);

/* ---------------------------------------------------------- numbers_vague.c */

/* A plural of a unit at word i («عشرات», «مئات الآلاف», «الملايين»): its
 * floor (twice the unit) as lo and hi, and the words it spans; *definite:
 * the article is written on its first word («العشرات»). */
bool mz_num_vague(const words *ws, size_t i, span *out, bool *definite);
/* The vague value at words [a->first, a->last] (mz_num_vague) as out: its
 * floor, with its noun and its event as for digits; a span of time («منذ
 * عشرات السنين») is a time window, a date. False when it counts times
 * («عشرات المرات»): no value. */
bool mz_num_vague_value(const words *ws, const char *s, const span *a, bool definite,
                        mz_number *out);

/* -------------------------------------------------------- numbers_earlier.c */

/* Marks out[0..found) told as an earlier figure («في وقت سابق», «بعد أن
 * كانت 30», «سابقا», «آنذاك»): each marker the nearest value within a few
 * words of it, once ws->at_first/at_after hold every value's words. */
void mz_num_mark_earlier(const char *s, const words *ws, mz_number *out, size_t found);
/* Whether n counts points («15 نقطة», «5 نقاط»): its noun keyed as نقطة or
 * نقاط by mz_noun_key. numbers_change.c */
bool mz_num_counts_points(const mz_number *n);
/* Marks as earlier, and last_period, the value nearest «العام الماضي»,
 * «السنة الماضية», «الموسم السابق» (not a change, read by then; not after
 * خلال، منذ، مقارنة، عن …): last year's figure beside this year's. */
void mz_num_mark_last_period(const char *s, const words *ws, mz_number *out, size_t found);
/* Whether bytes [from, to) of s hold a sentence's stop (. ; ! ? | ( ) ؛ ؟;
 * not a comma). numbers_earlier.c */
bool mz_num_stop_between(const char *s, size_t from, size_t to);
/* The bound a verb before the number at word first gives it: «لا يتجاوز
 * 40», «لا يزيد على 40» -1 (at most), «تجاوز 200», «لا يقل عن 300» 1 (at
 * least), else 0 (numbers_ceiling.c). */
int mz_num_verb_bound(const words *ws, const char *s, size_t first);
/* Whether the noun at word k is kilometres an hour («كم/ساعة», «كم في
 * الساعة»); if so n's noun is the unit as written, its key "km/h"
 * (numbers_speed.c). */
bool mz_num_speed_unit(const words *ws, const char *s, size_t k, mz_number *n);
/* Marks out[0..found) told as a change («ارتفع التضخم بنسبة 2.5%»:
 * mz_number.change, +1 or -1) or as a level («ارتفع إلى 18.5%», «سجل
 * 18.5%», «عند 1200 نقطة»: mz_number.level), once ws->at_first holds every
 * value's first word. numbers_change.c */
void mz_num_mark_change(const char *s, const words *ws, mz_number *out, size_t found);
/* Whether a word of rising or falling stands within reach before word at,
 * not past a stop (the من of «ارتفع التضخم من 16% إلى 18.5%»: a from–to,
 * not a range). numbers_change.c */
bool mz_num_moves_before(const char *s, const words *ws, size_t at);
/* The direction of that word, +1 rising or -1 falling; 0 when there is none
 * (a level verb, «بلغ», is none). numbers_change.c */
signed char mz_num_change_before(const char *s, const words *ws, size_t at);

/* The direction of word w as a word of change: +1 rising, -1 falling, 2 a
 * word of reaching, 0 none or a level verb. numbers_change.c */
signed char mz_num_change_dir(const mz_word *w);
/* For an amount after «بنسبة», «بمقدار», «بـ» (word first - 1) that no
 * word of change within reach tells: a verbal noun of change further back
 * in its clause («زيادة أجور عمال النقل في وادي الريح بنسبة 25%») makes
 * it a change of the noun after that verbal noun (a percentage's noun).
 * numbers_change_subject.c */
bool mz_num_change_of_masdar(const char *s, const words *ws, size_t first, mz_number *n);

/* Whether w is a word of rising, falling or reaching (numbers_change.c's
 * list, «ارتفع», «تتراجع», «تصل», «سينخفض»), not «بلغ» or «سجل». */
bool mz_num_change_word(const mz_word *w);
/* Marks a change counted in points after a level of a percentage («بلغت
 * نسبة النجاح 68.4% … بارتفاع 7.2 نقطة») as a change of that percentage,
 * and a percentage right after a word of rising or falling and its subject
 * («ارتفعت نسبة النجاح 7.2%») as a change. numbers_points.c */
void mz_num_mark_points(const char *s, const words *ws, mz_number *out, size_t found);
/* Basis points read in points: «150 نقطة أساس» is 1.5 (numbers_basis.c). */
void mz_num_mark_basis(const char *s, const words *ws, mz_number *out, size_t found);
/* Marks each amount of money in out[0..found) with what it is of
 * (mz_number.of: «احتياطي المصرف يبلغ 9 مليارات دولار», «ضخ مليار ونصف
 * دولار»), once ws->at_first holds every value's first word.
 * numbers_of.c */
void mz_num_mark_of(const char *s, const words *ws, mz_number *out, size_t found);
/* Marks values that count a part of one noun split by a nisba in the
 * sentence («ثلاث شركات إماراتية وخمس شركات عالمية»): mz_number.part.
 * numbers_parts.c */
void mz_num_mark_parts(const words *ws, mz_number *out, size_t found);

/* Marks the dates of out[0..found) a postponement moves (mz_number.moved):
 * in a sentence with a word of postponing («تأجيل», «أجلت», «أرجأ», «نقل
 * موعد»…), a date right after «إلى»/«حتى» (a weekday, «يوم», «المقبل» may
 * stand between) is the event's new date (+1); a date a few words after
 * «كانت مقررة», «كان من المقرر», «بدلا من» the one it was set for (-1, and
 * earlier). Once ws->at_first holds every value's first word (a named
 * month's date carries its day by then: "d:5/7"). numbers_moved.c */
void mz_num_mark_moved(const char *s, const words *ws, mz_number *out, size_t found);
/* Marks the dates of out[0..found) told as the day something happens
 * (mz_number.on_day): «في»، «يوم»، «اعتبارا من» before a day of a named
 * month, not a window's start. numbers_on_day.c */
void mz_num_mark_on_day(const words *ws, mz_number *out, size_t found);

/* Marks the values of out[0..found) a verb of demanding or proposing
 * governs in their clause («طالبت النيابة بسجنه 15 عاما»: mz_number.
 * demanded), or a verb of the future or a forecast («يتوقع أن تصل إلى 50
 * درجة»: mz_number.forecast), once ws->at_first holds every value's first
 * word. numbers_demanded.c */
void mz_num_mark_demanded(const char *s, const words *ws, mz_number *out, size_t found);

/* Marks the values of out[0..found) told on a newspaper's word, «بحسب
 * صحيفة …», «نقلت صحيفة …», in their sentence (mz_number.attributed).
 * numbers_attributed.c */
void mz_num_mark_attributed(const char *s, const words *ws, mz_number *out, size_t found);
/* Whether value n of sentence s is told on the word of the teller at word k
 * («بحسب صحيفة …», «وقالت مصادر …»): a figure after it, or before it too
 * when the teller is a preposition (before), not past a sentence's stop,
 * not a date. numbers_attributed.c, also numbers_hearsay.c */
bool mz_num_told_by(const char *s, const words *ws, size_t k, bool before, const mz_number *n);

/* Marks each count of out[0..found) a period adverb follows in its clause
 * («10.2 مليون برميل يوميا», «45 مليون برميل من السوق شهريا»): mz_number.
 * per, 'd', 'w', 'm' or 'y', once ws->at_first/at_after hold every value's
 * words. numbers_rate.c */
void mz_num_mark_per(const char *s, const words *ws, mz_number *out, size_t found);

/* Marks each percentage of out[0..found) with the period it is measured
 * over («على أساس شهري», «التضخم السنوي»): mz_number.per 'y', 'm' or 'q',
 * once ws->at_first/at_after hold every value's words. numbers_period.c */
void mz_num_mark_period(const char *s, const words *ws, mz_number *out, size_t found);
/* Marks the market an exchange rate of out[0..found) is of, named in its
 * clause («في السوق الموازية», «السعر الرسمي»): mz_number.market 'o' or
 * 'p' (numbers_market.c). */
void mz_num_mark_market(const char *s, const words *ws, mz_number *out, size_t found);
/* The first word of «على أساس شهري» ending right before word first, or one
 * word before it («على أساس شهري إلى 26.4%»); 0 when none. numbers_period.c */
size_t mz_num_period_phrase_before(const words *ws, size_t first);

/* Marks as earlier, last_period and last_month the value after «مقابل» told
 * «في آب» beside a value told «في أيلول»: the previous month's figure.
 * numbers_last_month.c */
void mz_num_mark_last_month(const char *s, const words *ws, mz_number *out, size_t found);

/* Marks the values of out[0..found) told on unnamed sources' word, «بحسب
 * مصادر مطلعة …», «نقلت … عن مصادر», in their sentence (mz_number.hearsay).
 * numbers_hearsay.c */
void mz_num_mark_hearsay(const char *s, const words *ws, mz_number *out, size_t found);

/* Marks the counts of out[0..found) told out of their whole, «58 مقعدا من
 * أصل 150» (mz_number.out_of), once ws->at_first/at_after hold every
 * value's words. numbers_out_of.c */
void mz_num_mark_out_of(const char *s, const words *ws, mz_number *out, size_t found);

/* Whether the value whose first word is first is the base a figure is
 * compared with: right after «مقارنة بـ», «مقارنة مع», «بالمقارنة مع»,
 * «قياسا بـ» (numbers_change.c). */
bool mz_num_compared_with(const words *ws, size_t first);
/* Gives the bare base of a comparison in out[0..found) («مقارنة بـ 38%»,
 * marked earlier) the noun of the figure before it it is the base of, once
 * ws->at_first holds every value's first word. numbers_compared.c */
void mz_num_noun_of_compared(const char *s, const words *ws, mz_number *out, size_t found);

/* Gives a figure a correction gives («54 شخصا، والصحيح 45 شخصا», «45 وليس
 * 54») the event of the figure it corrects, or that one the answer's, where
 * one of them has none, once ws->at_first/at_after hold every value's words.
 * numbers_answer_event.c */
void mz_num_event_of_answer(const words *ws, mz_number *out, size_t found);

/* Gives a count told among another («31 قتيلا، بينهم 9 أطفال») that one's
 * event, and one «بين الركاب 15 طفلا» those on board, where it has none,
 * once ws->at_first/at_after hold every value's words. numbers_among.c */
void mz_num_event_of_among(const words *ws, mz_number *out, size_t found);

/* ---------------------------------------------------------- numbers_dates.c */

/* Is word i the هـ or هجرية that follows a Hijri year? */
bool mz_num_is_hijri_mark(const words *ws, size_t i);
/* A Hijri year: a whole number of 1300..1500 with هـ after it or a Hijri
 * month before it. */
bool mz_num_is_hijri_year(const words *ws, const span *a, size_t after);
/* The month a day at word *at is of, when one follows it (a name, or a
 * month named by where it stands: MZ_MONTH_RELATIVE + -1, 0, 1); *at moves
 * to the month's word. 0 when none follows. */
int mz_num_month_follows(const words *ws, size_t *at);
/* Fills n as a date whose month is at word month_at (its second word and a
 * year join it); returns the word after the date. */
size_t mz_num_finish_date(const words *ws, size_t month_at, int month, mz_number *n);
/* A day written as an ordinal at word i (الخامس عشر 15), or 0; *after is
 * the word after it. */
int mz_num_ordinal_day(const words *ws, size_t i, size_t *after);
/* A time of day after الساعة at word first ("الساعة 8 صباحا"); *after
 * moves past a day-part word. */
bool mz_num_clock_time(const words *ws, size_t first, size_t *after);

/* The day a numeric date of n parts (values v, digit counts len) names, as
 * a day code (DAY * 1000 + MONTH, or + MZ_MONTH_NUMERIC when its order is
 * not known); 0 when none. */
int mz_num_numeric_day(const int *v, const int *len, int n);

/* --------------------------------------------------------- numbers_score.c */

/* A match's score at word i («فاز على ضيفه 3-1»: two whole numbers joined by
 * a dash, a word of the result a few words before, in its clause) as n, of
 * kind MZ_QTY_SCORE; *after is the word after it. */
bool mz_num_score(const words *ws, const char *s, size_t i, mz_number *n, size_t *after);
/* A score in words at word i: «بثلاثة أهداف مقابل هدف», «بهدفين دون رد»,
 * «بهدف نظيف» (a word of the result before them), «تعادل سلبي» (0-0). */
bool mz_num_score_words(const words *ws, const char *s, size_t i, mz_number *n,
                        size_t *after);

#endif /* MZ_NUMBERS_H */
