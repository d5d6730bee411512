/*
 * numbers_correction.c — a sentence that rejects a figure: «6 مدارس فقط،
 * وليس 14 كما ورد», «قتل ٦ أشخاص لا ١٤», «وتبين أن العدد 18 وليس 30». A
 * fact-check quotes the figure it corrects («تداولت مواقع خبرا يفيد بأن
 * المديرية أغلقت 14 مدرسة»), so its voice gives the claim's number too,
 * and collect_numbers.c took its own figure for one of something else
 * beside the claim's (beside_claim_value): the correction was set against
 * nothing. The signal is narrow: a negator (ليس, ليست, لا, with و or not)
 * right before a number, and no «فقط» right after it («وليس 14 فقط» is
 * "not only 14"). The figure given instead is the number just before the
 * negator, at most two words before it («18 وليس», «6 مدارس فقط، وليس»).
 * The other way round, «X، والصحيح Y» («والصواب»): X is rejected, Y given
 * (Y right after it, or a clause away when it counts what X counts).
 * A figure a denial governs is rejected too (mz_num_denied): «نفت الوزارة
 * ضخ مليار ونصف دولار» does not give the 1.5 billion, it denies it.
 */
#include "check/check.h"
#include "check/numbers.h" /* mz_num_is_number_word */
#include "text/text.h"
#include "util/util.h" /* mz_array_grow */

#include <stdlib.h>
#include <string.h>

#define MAX_NUMS 16
#define INSTEAD_WORDS 2 /* words between the figure given and the negator */
#define ONLY_WORDS 2    /* words after a rejected number where «فقط» makes it "not only" */
#define ANSWER_WORDS 12 /* words after «والصحيح» an answer counting the same thing may lie */

static bool is_negator(const mz_word *w)
{
    static const char *const neg[] = {"ليس", "وليس", "ليست", "وليست", "لا", "ولا"};
    return in_list(w->key, neg, sizeof neg / sizeof *neg);
}

/* «والصحيح», «والصواب»: the figure before it is corrected, the one after
 * it is the answer («43.1%، والصحيح 41.3%»): «وليس» the other way round. */
static bool is_right_word(const mz_word *w)
{
    static const char *const right[] = {"والصحيح", "والصواب", "فالصحيح", "فالصواب", "والاصح"};
    return in_list(w->key, right, sizeof right / sizeof *right);
}

/* How many words of s start in [from, to). */
static size_t words_between(const char *s, size_t len, size_t from, size_t to)
{
    mz_word_iter it;
    mz_word w;
    size_t n = 0;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w) && w.start < to)
        n += w.start >= from;
    return n;
}

/* The number nums[0..n) that starts at byte `at`, not a date; NULL if none. */
static const mz_number *number_at(const mz_number *nums, size_t n, size_t at)
{
    for (size_t i = 0; i < n; i++)
        if (nums[i].start == at && nums[i].kind != MZ_QTY_DATE)
            return &nums[i];
    return NULL;
}

/* The last number (not a date) ending at or before byte `before`, with at
 * most INSTEAD_WORDS words of s between its end and `before`. */
static const mz_number *figure_before(const char *s, size_t len, const mz_number *nums, size_t n,
                                      size_t before)
{
    const mz_number *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (nums[i].kind != MZ_QTY_DATE && nums[i].end <= before &&
            (!best || nums[i].end > best->end))
            best = &nums[i];
    return best && words_between(s, len, best->end, before) <= INSTEAD_WORDS ? best : NULL;
}

/* The first number (not a date) starting at or after byte `after`, with at
 * most INSTEAD_WORDS words of s between `after` and its start. */
static const mz_number *figure_after(const char *s, size_t len, const mz_number *nums, size_t n,
                                     size_t after)
{
    const mz_number *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (nums[i].kind != MZ_QTY_DATE && nums[i].start >= after &&
            (!best || nums[i].start < best->start))
            best = &nums[i];
    return best && words_between(s, len, after, best->start) <= INSTEAD_WORDS ? best : NULL;
}

/* The answer to a rejected figure after «والصحيح»: the figure right after
 * it, or, a clause away («والصحيح أن الجانبين وقعا 5 اتفاقيات بقيمة 2
 * مليار دولار»), the first within ANSWER_WORDS that counts what the
 * rejected one counts (its noun key): a figure counting something else
 * there is another fact of the answer, not the answer. */
static const mz_number *answer_after(const char *s, size_t len, const mz_number *nums, size_t n,
                                     const mz_number *wrong, size_t after)
{
    const mz_number *near = figure_after(s, len, nums, n, after);
    if (near || !wrong->noun_key[0])
        return near;
    const mz_number *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (nums[i].kind != MZ_QTY_DATE && nums[i].start >= after &&
            !strcmp(nums[i].noun_key, wrong->noun_key) && (!best || nums[i].start < best->start))
            best = &nums[i];
    return best && words_between(s, len, after, best->start) <= ANSWER_WORDS ? best : NULL;
}

static void add(mz_num_correction *out, size_t cap, size_t *found, const mz_number *rejected,
                const mz_number *instead, bool answered)
{
    if (*found >= cap)
        return;
    mz_num_correction *c = &out[(*found)++];
    memset(c, 0, sizeof *c);
    c->lo = rejected->number;
    c->hi = rejected->number_max;
    memcpy(c->key, rejected->noun_key, sizeof c->key);
    c->rejected = *rejected;
    if (instead) {
        c->has_instead = true;
        c->instead = *instead;
        c->answered = answered;
    }
}

/* Whether a negator in s stands right before a number (digits or a number
 * word): the words are read before the numbers are extracted, which costs
 * far more, and most sentences with a «لا» have no figure after it. */
static bool negated_number(const char *s, size_t len)
{
    mz_word_iter it;
    mz_word prev, w;
    bool have_prev = false;
    mz_words_init(&it, s, len);
    for (; mz_words_next(&it, &w); prev = w, have_prev = true)
        if ((have_prev && is_negator(&prev) && (w.is_number || mz_num_is_number_word(&w))) ||
            is_right_word(&w))
            return true;
    return false;
}

size_t mz_num_corrections(const char *s, size_t len, mz_num_correction *out, size_t cap)
{
    if (!negated_number(s, len))
        return 0;
    mz_number nums[MAX_NUMS];
    size_t n = mz_numbers_extract_scores(s, len, nums, MAX_NUMS), found = 0;
    if (n > MAX_NUMS)
        n = MAX_NUMS;
    mz_word_iter it;
    mz_word prev, w;
    bool have_prev = false;
    const mz_number *pending = NULL, *instead = NULL; /* a number right after a negator */
    size_t after = 0; /* words read past the pending number */
    mz_words_init(&it, s, len);
    for (; mz_words_next(&it, &w); prev = w, have_prev = true) {
        /* «وليس 14 فقط», «ليس 14 مدرسة فقط بل 20»: not only 14, within the
         * number's noun and one word more */
        if (pending && w.start >= pending->end && !strcmp(w.key, "فقط"))
            pending = NULL;
        else if (pending && w.start >= pending->end && ++after == ONLY_WORDS) {
            add(out, cap, &found, pending, instead, false);
            pending = NULL;
        }
        if (is_right_word(&w)) {
            const mz_number *wrong = figure_before(s, len, nums, n, w.start);
            const mz_number *right = wrong ? answer_after(s, len, nums, n, wrong, w.end) : NULL;
            if (wrong && right && !pending)
                add(out, cap, &found, wrong, right, true);
        }
        if (!have_prev || !is_negator(&prev) || pending)
            continue;
        if ((pending = number_at(nums, n, w.start))) {
            instead = figure_before(s, len, nums, n, prev.start);
            after = 0;
        }
    }
    if (pending) /* the number ends the sentence */
        add(out, cap, &found, pending, instead, false);
    return found;
}

/* Whether s[0..len) holds a negator word at all: ليس anywhere, or لا
 * standing alone (after a space or و, before a space); most sentences do
 * not, and are not read further. */
static bool may_reject(const char *s, size_t len)
{
    static const char lays[] = "ليس", la[] = "لا ", sahih[] = "الصحيح", sawab[] = "الصواب",
                      asahh[] = "الأصح";
    for (size_t i = 0; i + sizeof la - 1 <= len; i++) {
        if ((i + sizeof sahih - 1 <= len && !memcmp(s + i, sahih, sizeof sahih - 1)) ||
            (i + sizeof sawab - 1 <= len && !memcmp(s + i, sawab, sizeof sawab - 1)) ||
            (i + sizeof asahh - 1 <= len && !memcmp(s + i, asahh, sizeof asahh - 1)))
            return true;
        if (i + sizeof lays - 1 <= len && !memcmp(s + i, lays, sizeof lays - 1))
            return true;
        if (!memcmp(s + i, la, sizeof la - 1) &&
            (i == 0 || s[i - 1] == ' ' || (i >= 2 && !memcmp(s + i - 2, "و", 2))))
            return true;
    }
    return false;
}

mz_status mz_body_corrections(const char *body, size_t len, mz_body_correction **out, size_t *n)
{
    enum { PER_SENTENCE = 4 };
    *out = NULL;
    *n = 0;
    mz_sentences ss = {0};
    if (mz_split_sentences(body, len, &ss) != MZ_OK)
        return MZ_ERR_NOMEM;
    size_t cap = 0;
    mz_status rc = MZ_OK;
    for (size_t i = 0; rc == MZ_OK && i < ss.n; i++) {
        const char *s = body + ss.v[i].start;
        size_t sl = ss.v[i].end - ss.v[i].start;
        if (!may_reject(s, sl))
            continue;
        mz_num_correction c[PER_SENTENCE];
        size_t k = mz_num_corrections(s, sl, c, PER_SENTENCE);
        for (size_t j = 0; j < k && rc == MZ_OK; j++) {
            if (mz_array_grow(out, &cap, *n, sizeof **out, 4) != 0) {
                rc = MZ_ERR_NOMEM;
                break;
            }
            (*out)[(*n)++] = (mz_body_correction){c[j], ss.v[i].start, ss.v[i].end};
        }
    }
    mz_sentences_clear(&ss);
    if (rc != MZ_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* Words that deny what follows them: نفى، تنفي، نفي (the verbal noun)، كذّب،
 * فنّد, with و or not, as keys (ى as ي). */
static bool is_denial_word(const mz_word *w)
{
    static const char *const deny[] = {
        "نفي",   "نفت",   "ينفي",   "تنفي",   "نفوا",  "ينفون", "ونفي",   "ونفت",
        "وينفي", "وتنفي", "كذب",    "كذبت",   "يكذب",  "تكذب",  "وكذب",   "وكذبت",
        "فند",   "فندت",  "يفند",   "تفند",   "وفند",  "وفندت"};
    return in_list(w->key, deny, sizeof deny / sizeof *deny);
}

/* Words that end a denial's reach: what the denier says instead («وقالت إن
 * المبلغ 600 مليون», «مؤكدة أن…», «بل…»), or a new clause. */
static bool ends_denial(const mz_word *w)
{
    static const char *const end[] = {
        "وقال",  "وقالت",  "واكد",   "واكدت",  "واوضح", "واوضحت", "واضاف", "واضافت",
        "وذكر",  "وذكرت",  "واعلن",  "واعلنت", "مؤكدا", "مؤكده",  "مشيرا", "مشيره",
        "موضحا", "موضحه",  "مضيفا",  "مضيفه",  "لكن",   "ولكن",   "بل",    "وانما",
        "انما",  "غير",    "الا",    "بينما",  "فيما",  "حين"};
    return in_list(w->key, end, sizeof end / sizeof *end);
}

/* «لم تنف», «لا ينفي», «دون أن ينفي»: no denial; «نفي أو تأكيد», «تأكيد أو
 * نفي»: a denial that did not happen (a hedge, as the stance lexicon reads it);
 * «نفي قسري», «نفوا قسرا»: exile, forced, no denial. «نفي رفعت الأسد إلى
 * فرنسا» is exile too, but no word tells it from «نفي الوزارة» (nor «إلى»:
 * «نفى المبعوث الصيني إلى سوريا», «ونفت دخولها إلى البوكمال» deny). */
static bool not_a_denial(const mz_word *prev, const mz_word *next)
{
    static const char *const neg[] = {"لم", "ولم", "لا", "ولا", "لن", "او"};
    static const char *const forced[] = {"قسري", "قسريا", "قسرا", "قسريه"};
    if (prev && in_list(prev->key, neg, sizeof neg / sizeof *neg))
        return true;
    return next && (!strcmp(next->key, "او") || !strcmp(next->key, "ولا") ||
                    in_list(next->key, forced, sizeof forced / sizeof *forced));
}

#define DENIAL_WORDS 12 /* how far a denial reaches: about a clause */

bool mz_num_denied(const char *s, size_t len, size_t at)
{
    mz_word_iter it;
    mz_word prev, w, next;
    bool have_prev = false, have_w, have_next;
    size_t since = DENIAL_WORDS + 1; /* words since the denial word */
    mz_words_init(&it, s, len);
    have_w = mz_words_next(&it, &w);
    while (have_w && w.start < at) {
        have_next = mz_words_next(&it, &next);
        if (is_denial_word(&w) && !not_a_denial(have_prev ? &prev : NULL, have_next ? &next : NULL))
            since = 0;
        else if (ends_denial(&w))
            since = DENIAL_WORDS + 1;
        else if (since <= DENIAL_WORDS)
            since++;
        prev = w;
        have_prev = true;
        w = next;
        have_w = have_next;
    }
    return since <= DENIAL_WORDS;
}
