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

#include <stdio.h>
#include <string.h>

#define OTHER_COVER 0.3 /* the clause covers less of the claim's words than this */
#define MARKER_WORDS 3  /* the longest marker */

static const char *const markers[] = {
    "من جهة أخرى", "من جهة ثانية", "من ناحية أخرى", "في سياق آخر", "في سياق منفصل",
    "في خبر آخر",  "على صعيد آخر", "في شأن آخر",    "اقرأ أيضا",
};
#define N_MARKERS (sizeof markers / sizeof *markers)

/* A marker's words as keys (normalized as the sentence's are). */
typedef struct marker_keys {
    char k[MARKER_WORDS][32];
    size_t n;
} marker_keys;

static void key_markers(marker_keys out[N_MARKERS])
{
    for (size_t i = 0; i < N_MARKERS; i++) {
        mz_word_iter it;
        mz_word m;
        out[i].n = 0;
        mz_words_init(&it, markers[i], strlen(markers[i]));
        while (out[i].n < MARKER_WORDS && mz_words_next(&it, &m))
            snprintf(out[i].k[out[i].n++], sizeof out[i].k[0], "%.*s", (int)m.key_len, m.key);
    }
}

/* Whether words w[0..n) key as the marker's words; the first may carry و
 * («ومن جهة أخرى», «وفي سياق آخر»). */
static bool marker_here(const mz_word *w, size_t n, const marker_keys *m)
{
    if (m->n > n)
        return false;
    for (size_t k = 0; k < m->n; k++) {
        const char *key = w[k].key;
        if (!k && strcmp(key, m->k[k]) && !strncmp(key, "و", strlen("و")))
            key += strlen("و");
        if (strcmp(key, m->k[k]))
            return false;
    }
    return m->n > 0;
}

/* Adds stem to out[0..*n) unless it is there or out is full. */
static void add_stem(const char *stem, char (*out)[64], size_t cap, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(out[i], stem))
            return;
    if (*n < cap)
        memcpy(out[(*n)++], stem, 64);
}

/* Distinct coarse stems of the content words of s (no stopword, no number).
 * With waw, a source's word that carries و («وبرأت») also gives the stem of
 * the word without it: the stemmer takes the و off and stops, so «وبرأت»
 * stems to برات while the claim's «برأت» loses its ب as a preposition
 * (رات), and a clause that tells the claim's act read as one of another
 * thing (collect_numbers.c: of_other). */
static size_t stems_of(const char *s, size_t len, char (*out)[64], size_t cap, bool waw)
{
    static const char w_[] = "و";
    mz_word_iter it;
    mz_word w;
    size_t n = 0;
    mz_words_init(&it, s, len);
    while (n < cap && mz_words_next(&it, &w)) {
        if (w.is_number || mz_is_stopword(w.key, w.key_len))
            continue;
        char stem[64];
        if (mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem))
            add_stem(stem, out, cap, &n);
        /* three letters at least after the و (6 bytes: Arabic letters are 2) */
        if (waw && w.key_len >= sizeof w_ - 1 + 6 && !memcmp(w.key, w_, sizeof w_ - 1) &&
            mz_word_stem(w.key + sizeof w_ - 1, w.key_len - (sizeof w_ - 1), 1, stem, sizeof stem))
            add_stem(stem, out, cap, &n);
    }
    return n;
}

void mz_claim_stems_of(const char *claim, mz_claim_stems *out)
{
    out->n = claim ? stems_of(claim, strlen(claim), out->v, MZ_CLAIM_STEMS, false) : 0;
}

/* Whether s[0..len), from a marker to the sentence's end, covers less than
 * OTHER_COVER of the claim's stems. */
static bool misses_claim(const mz_claim_stems *c, const char *s, size_t len)
{
    char ss[4 * MZ_CLAIM_STEMS][64];
    size_t ns = stems_of(s, len, ss, 4 * MZ_CLAIM_STEMS, true), met = 0;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < ns; j++)
            if (!strcmp(c->v[i], ss[j])) {
                met++;
                break;
            }
    return (double)met < OTHER_COVER * (double)c->n;
}

void mz_num_mark_other_story(const mz_claim_stems *c, const char *s, size_t len, mz_number *nums,
                             size_t n)
{
    for (size_t v = 0; v < n; v++)
        nums[v].other_story = false;
    if (!c->n || !n)
        return;
    marker_keys keyed[N_MARKERS];
    key_markers(keyed);
    /* one pass over the sentence, a window of its last MARKER_WORDS words;
     * each marker found decides for the values after it, so a value is
     * judged by the last marker before it */
    mz_word_iter it;
    mz_word w[MARKER_WORDS], next;
    size_t got = 0;
    mz_words_init(&it, s, len);
    bool more = mz_words_next(&it, &next);
    while (more || got) {
        while (more && got < MARKER_WORDS) {
            w[got++] = next;
            more = mz_words_next(&it, &next);
        }
        size_t at = w[0].start;
        for (size_t i = 0; i < N_MARKERS; i++) {
            if (!marker_here(w, got, &keyed[i]))
                continue;
            bool other = misses_claim(c, s + at, len - at);
            for (size_t v = 0; v < n; v++)
                if (nums[v].start > at)
                    nums[v].other_story = other;
            break;
        }
        memmove(w, w + 1, --got * sizeof *w);
    }
}

bool mz_num_clause_mark(const char *s, size_t p, size_t len)
{
    unsigned char b = (unsigned char)s[p];
    if (strchr(",;:.!?\n", b) && b)
        return true;
    /* ، ؛ ؟ are D8 8C, D8 9B, D8 9F */
    unsigned char n = p + 1 < len ? (unsigned char)s[p + 1] : 0;
    return b == 0xD8 && (n == 0x8C || n == 0x9B || n == 0x9F);
}

bool mz_num_clause_between(const char *s, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++)
        if (mz_num_clause_mark(s, p, to))
            return true;
    return false;
}

/* Back from byte from of s[0..len) to the start of its clause (past a
 * stop; a two-byte one, ، ؛ ؟, is seen from its second byte). */
static size_t clause_start(const char *s, size_t len, size_t from)
{
    while (from > 0 && !mz_num_clause_mark(s, from - 1, len) &&
           !(from > 1 && (unsigned char)s[from - 2] == 0xD8 && mz_num_clause_mark(s, from - 2, len)))
        from--;
    return from;
}

/* Whether the clause at s[from..len) restates the clause before it in
 * another measure: it opens with «بنسبة», «أي» or «(ب)ما يعادل» —
 * «حصل الحداد على 1.2 مليون صوت، بنسبة 52.4% من الأصوات» gives the votes
 * as a share, of the clause before's candidate and seat, not of another
 * thing. The comma or semicolon before it is at from - 1 or from - 2 (a
 * stop ends the sentence: nothing is restated across it). */
static bool restates_clause_before(const char *s, size_t len, size_t from)
{
    if (from == 0 || strchr(".!?\n:", s[from - 1]) ||
        (from > 1 && (unsigned char)s[from - 2] == 0xD8 && (unsigned char)s[from - 1] == 0x9F))
        return false; /* . ! ? ؟ : or a line break */
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s + from, len - from);
    if (!mz_words_next(&it, &w))
        return false;
    if (!strcmp(w.key, "بنسبه") || !strcmp(w.key, "اي"))
        return true;
    if (strcmp(w.key, "ما") && strcmp(w.key, "بما"))
        return false;
    return mz_words_next(&it, &w) && !strcmp(w.key, "يعادل");
}

bool mz_num_clause_names_claim(const mz_claim_stems *c, const char *s, size_t len, size_t vstart,
                               size_t vend, const char *noun)
{
    size_t from = clause_start(s, len, vstart), to = vend;
    /* a share restating the clause before is of what that clause tells */
    if (from > 0 && restates_clause_before(s, len, from)) {
        size_t mark = from - 1;
        if (mark > 0 && (unsigned char)s[mark - 1] == 0xD8 && (unsigned char)s[mark] != ',' &&
            (unsigned char)s[mark] != ';')
            mark--; /* ، ؛ are two bytes */
        from = clause_start(s, len, mark);
    }
    while (to < len && !mz_num_clause_mark(s, to, len))
        to++;
    char ns[8][64], cs[4 * MZ_CLAIM_STEMS][64];
    size_t n_noun = noun ? stems_of(noun, strlen(noun), ns, 8, false) : 0;
    size_t n = stems_of(s + from, to - from, cs, 4 * MZ_CLAIM_STEMS, true);
    for (size_t i = 0; i < c->n; i++) {
        bool is_noun = false;
        for (size_t k = 0; k < n_noun && !is_noun; k++)
            is_noun = !strcmp(c->v[i], ns[k]);
        for (size_t j = 0; j < n && !is_noun; j++)
            if (!strcmp(c->v[i], cs[j]))
                return true;
    }
    return false;
}
