/*
 * days_future.c — whether a bare weekday is the coming one: «قد تصل إلى 52
 * درجة الخميس» in an article of Monday 13 July is Thursday 16 July, not the
 * last Thursday (9 July) a bare weekday is taken for in news of what
 * happened. A future or forecast verb in the weekday's clause makes it the
 * coming one: سـ on an imperfect verb («ستصل», «وسيضرب»), سوف, يتوقع / من
 * المتوقع / يرتقب, قد before an imperfect verb («قد تصل»), غدا. The cue
 * nearest the weekday before it decides, and a past one (كان, قد before a
 * perfect verb: «قد وصلت») keeps the past; with none before it, a cue after
 * the weekday in its clause («الخميس ستصل الحرارة») is looked for. The
 * clause ends at punctuation (mz_clause_break); after the weekday, at a
 * word with و too («الخميس وستستمر» is another clause's verb).
 */
#include "check/numbers.h"
#include "text/text.h"

#include <string.h>

#define FUTURE_BEFORE 12 /* words looked at before the weekday */
#define FUTURE_AFTER 6   /* and after it */

/* Forecast words and future particles (keys; و may be written on them);
 * غدا and الغد are cues of the day too (cue_at). */
static const char *const forecast_words[] = {
    "سوف",   "يتوقع", "تتوقع", "يتوقعون", "المتوقع", "متوقع", "توقعات", "يرتقب",
    "ترتقب", "المرتقب", "مرتقب",
};

/* Words that are past: كان and its forms. */
static const char *const past_words[] = {"كان", "كانت", "كانوا"};

/* Nouns that begin with سي/ست/سن as a future سـ on an imperfect verb does. */
static const char *const sin_nouns[] = {
    "سياره", "سيارات", "سيطره", "سياسه", "سياسات", "سياسي", "سياسيه", "سياسيين",
    "سياسيون", "سنوات", "سنويا", "سنويه", "سنوي", "سنتيمتر", "سيناء", "سيناريو",
    "سينما", "سيده", "سيدات", "ستمايه", "سيرته", "سيادته", "سيادي", "سيوله",
    "سيول",  "سنه",  "سته",   "ستار",   "سيوف",  "سيدي",   "سنين",  "ستين",
    "سنتين", "سنتان", "ستون", "سيناتور", "سنغافوره", "ستوكهولم", "سيدني", "سيراليون",
    "سيريلانكا", "سيشل", "ستراسبورغ", "سيبيريا", "سينمائي", "سيمفونيه", "ستوديو",
};

/* Stems that begin with سي/ست as a future سـ does: سيطر (control: «سيطرت
 * على ثلاث قرى», «بعد سيطرتها»), سيار (cars), سياس (politics). */
static const char *const sin_stems[] = {"سيطر", "سيار", "سياس"};


/* Whether k begins with an imperfect prefix (ي ت ن) and two letters or
 * more follow it («تصل»). */
static bool imperfect(const char *k)
{
    static const char *const prefixes[] = {"ي", "ت", "ن"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (!strncmp(k, prefixes[i], strlen(prefixes[i]))) {
            const char *rest = k + strlen(prefixes[i]);
            return mz_utf8_cp_offset(rest, strlen(rest)) >= 2;
        }
    return false;
}

/* Whether k ends as a perfect verb of the form تفعّل does: «تسببت»,
 * «تمكنوا». */
static bool perfect_ending(const char *k)
{
    size_t n = strlen(k), t = strlen("ت"), wa = strlen("وا");
    return (n > t && !strcmp(k + n - t, "ت")) || (n > wa && !strcmp(k + n - wa, "وا"));
}

bool mz_forecast_verb(const mz_word *ws, size_t n, size_t k)
{
    const char *w = strip_waw_fa(&ws[k]);
    if (in_list(w, forecast_words, sizeof forecast_words / sizeof *forecast_words))
        return true;
    return !strcmp(w, "قد") && /* «قد تصل»; «قد تسببت», «قد تمكنوا» are past */
           k + 1 < n && imperfect(ws[k + 1].key) && !perfect_ending(ws[k + 1].key);
}

/* Whether word k is a future سـ on an imperfect verb: «ستصل», «وسيضرب». */
static bool future_sin(const mz_word *ws, size_t k)
{
    const char *w = strip_waw_fa(&ws[k]);
    for (size_t i = 0; i < sizeof sin_stems / sizeof *sin_stems; i++)
        if (!strncmp(w, sin_stems[i], strlen(sin_stems[i])))
            return false;
    /* a word ending in «يا» is a name, not a verb: a country «سيرانيا»,
     * «سيبيريا» (an imperfect verb with سـ ends so almost never) */
    size_t n = strlen(w), ya = strlen("يا");
    if (n > ya && !strcmp(w + n - ya, "يا"))
        return false;
    return !strncmp(w, "س", strlen("س")) && imperfect(w + strlen("س")) &&
           !in_list(w, sin_nouns, sizeof sin_nouns / sizeof *sin_nouns);
}

/* 1 when word k is a future or forecast cue, -1 a past one, else 0. */
static int cue_at(const mz_word *ws, size_t n, size_t k)
{
    const char *w = strip_waw_fa(&ws[k]);
    if (mz_forecast_verb(ws, n, k) || future_sin(ws, k) || !strcmp(w, "غدا") ||
        !strcmp(w, "الغد"))
        return 1;
    if (in_list(w, past_words, sizeof past_words / sizeof *past_words) || !strcmp(w, "قد") ||
        !strcmp(w, "لقد"))
        return -1;
    return 0;
}

bool mz_day_coming(const char *s, const mz_word *ws, size_t n, size_t k)
{
    for (size_t d = 1; d <= FUTURE_BEFORE && d <= k; d++) {
        if (mz_clause_break(s, ws[k - d].end, ws[k - d + 1].start))
            break;
        int c = cue_at(ws, n, k - d);
        if (c)
            return c > 0;
    }
    for (size_t i = k + 1; i < n && i <= k + FUTURE_AFTER; i++) {
        if (mz_clause_break(s, ws[i - 1].end, ws[i].start) ||
            (!strncmp(ws[i].key, "و", strlen("و")) && strcmp(ws[i].key, "و")))
            break;
        int c = cue_at(ws, n, i);
        if (c)
            return c > 0;
    }
    return false;
}
