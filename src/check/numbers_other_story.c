/*
 * numbers_other_story.c — a value the page tells as another story: after
 * «من جهة أخرى», «في سياق آخر», «وفي خبر آخر», «اقرأ أيضا» a page turns to
 * another item of the day («من جهة اخرى , قتل خمسة اشخاص … جراء قذيفة
 * استهدفت حي صلاح الدين» on a page about 18 killed elsewhere in the city),
 * and its figures were set against the claim's as a second account. The
 * marker alone does not say it: a page about something else may turn to the
 * claim's own story with it («ومن جهة أخرى , أعلن التحالف … أن ما لا يقل
 * عن 800 مدني قتلوا»), so the words from the marker to the sentence's end
 * must also cover little of the claim (under OTHER_COVER of its distinct
 * content words, by coarse stem). collect_numbers.c keeps such a value out of
 * conflicts and off the claim, as a value of an event the claim does not name.
 */
#include "check/check.h"
#include "text/text.h"

#include <string.h>

#define OTHER_COVER 0.3 /* the clause covers less of the claim's words than this */
#define MAX_STEMS 64

static const char *const markers[] = {
    "من جهة أخرى", "من جهة ثانية", "من ناحية أخرى", "في سياق آخر", "في سياق منفصل",
    "في خبر آخر",  "على صعيد آخر", "في شأن آخر",    "اقرأ أيضا",
};

/* Whether words w[0..n) key as the marker's words; the first may carry و
 * («ومن جهة أخرى», «وفي سياق آخر»). */
static bool marker_here(const mz_word *w, size_t n, const char *marker)
{
    mz_word_iter it;
    mz_word m;
    size_t k = 0;
    mz_words_init(&it, marker, strlen(marker));
    for (; mz_words_next(&it, &m); k++) {
        if (k >= n)
            return false;
        const char *key = w[k].key;
        if (!k && strcmp(key, m.key) && !strncmp(key, "و", strlen("و")))
            key += strlen("و");
        if (strcmp(key, m.key))
            return false;
    }
    return k > 0;
}

/* Byte offset in s of the last marker that starts before `before`, or
 * SIZE_MAX when none does. */
static size_t last_marker(const char *s, size_t len, size_t before)
{
    mz_word_iter it;
    mz_word w[3];
    size_t got = 0, at = SIZE_MAX;
    mz_words_init(&it, s, len);
    /* a window of the last three words, the longest marker */
    mz_word next;
    bool more = mz_words_next(&it, &next);
    while (more || got) {
        while (more && got < 3) {
            w[got++] = next;
            more = mz_words_next(&it, &next);
        }
        if (w[0].start >= before)
            break;
        for (size_t i = 0; i < sizeof markers / sizeof *markers; i++)
            if (marker_here(w, got, markers[i]))
                at = w[0].start;
        memmove(w, w + 1, --got * sizeof *w);
    }
    return at;
}

/* Distinct coarse stems of the content words of s (no stopword, no number). */
static size_t stems_of(const char *s, size_t len, char (*out)[64], size_t cap)
{
    mz_word_iter it;
    mz_word w;
    size_t n = 0;
    mz_words_init(&it, s, len);
    while (n < cap && mz_words_next(&it, &w)) {
        if (w.is_number || mz_is_stopword(w.key, w.key_len))
            continue;
        char stem[64];
        if (!mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem))
            continue;
        bool seen = false;
        for (size_t i = 0; i < n && !seen; i++)
            seen = !strcmp(out[i], stem);
        if (!seen)
            memcpy(out[n++], stem, sizeof stem);
    }
    return n;
}

bool mz_num_other_story(const char *claim, const char *s, size_t len, size_t value_start)
{
    if (!claim || value_start > len)
        return false;
    size_t at = last_marker(s, len, value_start);
    if (at == SIZE_MAX)
        return false;
    char cs[MAX_STEMS][64], ss[4 * MAX_STEMS][64];
    size_t nc = stems_of(claim, strlen(claim), cs, MAX_STEMS);
    if (!nc)
        return false;
    size_t ns = stems_of(s + at, len - at, ss, 4 * MAX_STEMS), met = 0;
    for (size_t i = 0; i < nc; i++)
        for (size_t j = 0; j < ns; j++)
            if (!strcmp(cs[i], ss[j])) {
                met++;
                break;
            }
    return (double)met < OTHER_COVER * (double)nc;
}
