/*
 * overtaken.c — a denial the later reports overtake: "denied, then
 * confirmed". A club denies a transfer on 5 February («نفى النادي في بيان
 * رسمي…»); on 11 February the deal is announced, and the reports that
 * confirm it tell the denial as past: «وكان الشعلة قد نفى الأسبوع الماضي
 * تلقيه أي عرض رسمي لبيع اللاعب». A journalist reads the denial as part of
 * the story's history, not as a live counter-claim; weighed on a par with
 * the confirmations it made the claim disputed.
 *
 * A disagreeing voice is overtaken when
 *   - its representative article (the one whose stance is the voice's)
 *     carries a denial sentence (mz_check_member.denial);
 *   - each of its articles that carries a denial has a publication date
 *     (its other articles, of the same site on other matters, do not date
 *     the denial), and
 *   - a taking-part agreeing voice has an article published on a later day
 *     than the latest of those, with a sentence that tells a denial as
 *     past — «كان/كانت … قد نفى»,
 *     «بعد أن نفى», «بعدما نفت», «رغم نفيه السابق», «سبق أن نفى», «نفى … في
 *     وقت سابق», «نفت … سابقا» — and shares at least two content words with
 *     that denial sentence (the same matter: «وكان النادي قد نفى إصابة
 *     اللاعب» is a denial of another thing).
 * Without dates nothing changes: a denial cannot be placed before the
 * confirmations (a club may deny again after a report), so the dispute
 * stays; so does a denial published on or after the confirming article's
 * day, and one told as past in no later report. verdict.c leaves an
 * overtaken voice out of the sums; the reason shows it with its date and
 * the later sentence (reason_en.c, reason_ar.c).
 */
#include "check/check.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define PAST_REACH 8   /* words between a denial and «في وقت سابق» / «سابقا» */
#define KANA_REACH 5   /* words between «كان» and «قد» («وكان الشعلة قد نفى») */
#define SHARED_MIN 2   /* content words the two sentences share */
#define MAX_WORDS 96   /* words of a sentence looked at */

typedef struct sent_words {
    mz_word v[MAX_WORDS];
    size_t n;
    /* each word's coarse stem (stem_words), once a sentence is compared */
    char stem[MAX_WORDS][128];
    size_t stem_len[MAX_WORDS];
} sent_words;

static void read_words(const char *s, size_t start, size_t end, sent_words *out)
{
    mz_word_iter it;
    mz_words_init(&it, s + start, end - start);
    out->n = 0;
    while (out->n < MAX_WORDS && mz_words_next(&it, &out->v[out->n]))
        out->n++;
}

static bool is(const mz_word *w, const char *key)
{
    return w->key_len == strlen(key) && !memcmp(w->key, key, w->key_len);
}

static bool any(const mz_word *w, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is(w, keys[i]))
            return true;
    return false;
}

/* The denial verb, past: نفى، نفت، نفوا (keys with ى as ي). */
static bool denial_verb(const mz_word *w)
{
    static const char *const v[] = {"نفي", "نفت", "نفوا", "ونفي", "ونفت"};
    return any(w, v, sizeof v / sizeof *v);
}

/* The denial noun with its pronoun: «رغم نفيه السابق», «نفي النادي». */
static bool denial_noun(const mz_word *w)
{
    static const char *const v[] = {"نفي", "نفيه", "نفيها", "نفيهم", "نفيهما", "النفي",
                                    "بنفيه", "بنفيها", "لنفيه", "لنفيها"};
    return any(w, v, sizeof v / sizeof *v);
}

static bool kana(const mz_word *w)
{
    static const char *const v[] = {"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"};
    return any(w, v, sizeof v / sizeof *v);
}

static bool earlier_at(const sent_words *ws, size_t k)
{
    return is(&ws->v[k], "سابقا") ||
           (k + 2 < ws->n && is(&ws->v[k], "في") && is(&ws->v[k + 1], "وقت") &&
            is(&ws->v[k + 2], "سابق"));
}

/* Whether the sentence tells a denial as past. */
static bool tells_past_denial(const sent_words *ws)
{
    for (size_t k = 0; k < ws->n; k++) {
        const mz_word *w = &ws->v[k];
        if (denial_verb(w)) {
            /* «كان … قد نفى» */
            if (k >= 2 && is(&ws->v[k - 1], "قد"))
                for (size_t j = k - 1; j-- > 0 && k - 1 - j <= KANA_REACH;)
                    if (kana(&ws->v[j]))
                        return true;
            /* «بعد أن نفى», «بعدما نفت», «سبق أن نفى» */
            if (k >= 1 && is(&ws->v[k - 1], "بعدما"))
                return true;
            if (k >= 2 && is(&ws->v[k - 1], "ان") &&
                (is(&ws->v[k - 2], "بعد") || is(&ws->v[k - 2], "سبق") ||
                 is(&ws->v[k - 2], "وسبق")))
                return true;
            /* «نفى النادي في وقت سابق», «نفت سابقا» */
            for (size_t j = k + 1; j < ws->n && j - k <= PAST_REACH; j++)
                if (earlier_at(ws, j))
                    return true;
        }
        /* «رغم نفيه السابق», «بعد نفي النادي السابق» */
        if (denial_noun(w))
            for (size_t j = k + 1; j < ws->n && j - k <= 3; j++)
                if (is(&ws->v[j], "السابق"))
                    return true;
    }
    return false;
}

/* Words that say nothing of the matter: particles, the denial's own words,
 * the past markers. Words of two letters or fewer are left out too. */
static bool function_word(const mz_word *w)
{
    static const char *const v[] = {
        "في",    "من",   "علي",  "الي",  "عن",   "ان",   "التي", "الذي", "الذين", "كان",
        "كانت",  "وكان", "وكانت", "قد",  "بعد",  "رغم",  "اي",   "هذا",  "هذه",   "ذلك",
        "تلك",   "مع",   "او",   "ثم",   "لم",   "لن",   "ما",   "كما",  "حتي",   "بين",
        "عند",   "منذ",  "خلال", "وقت",  "سابق", "سابقا", "السابق", "بعدما", "سبق", "انه",
        "انها",  "وان",  "بان",  "قال",  "وقال", "اليوم", "امس"};
    if (denial_verb(w) || denial_noun(w) || w->is_number)
        return true;
    return any(w, v, sizeof v / sizeof *v);
}

/* Stems every word of ws once: shared_words compares them pairwise. */
static void stem_words(sent_words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        ws->stem_len[i] = mz_word_stem(ws->v[i].key, ws->v[i].key_len, 1, ws->stem[i],
                                       sizeof ws->stem[i]);
}

static bool same_stem(const sent_words *a, size_t i, const sent_words *b, size_t j)
{
    return a->stem_len[i] == b->stem_len[j] && !memcmp(a->stem[i], b->stem[j], a->stem_len[i]);
}

/* Content words of a shared by b (each of a's counted once); both stemmed
 * (stem_words). */
static size_t shared_words(const sent_words *a, const sent_words *b)
{
    size_t shared = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (function_word(&a->v[i]) || mz_utf8_cp_offset(a->v[i].key, a->v[i].key_len) <= 2)
            continue;
        bool seen = false;
        for (size_t p = 0; p < i && !seen; p++)
            seen = same_stem(a, p, a, i);
        for (size_t j = 0; j < b->n && !seen; j++)
            if (same_stem(a, i, b, j)) {
                shared++;
                break;
            }
    }
    return shared;
}

/* The voice's denial: its representative (its first weighed article, whose
 * stance is the voice's) must carry it, else the voice disagrees for
 * another reason. Returns the latest day of the voice's articles that
 * carry a denial (articles of the same site on other matters do not date
 * it), 0 when one of them has no date or the representative none;
 * *denier the representative. */
static int denial_day(const mz_check_result *r, const mz_check_voice *v,
                      const mz_check_member **denier)
{
    int last = 0;
    *denier = NULL;
    for (size_t i = 0; i < v->n_members; i++) {
        const mz_check_member *m = &r->members[v->members[i]];
        if (m->superseded_by)
            continue;
        bool denies = m->has_denial && m->body && m->denial.end <= m->body_len &&
                      m->denial.start < m->denial.end;
        if (!*denier) {
            if (!denies)
                return 0;
            *denier = m;
        }
        if (!denies)
            continue;
        int d = mz_published_day(m->published);
        if (!d)
            return 0;
        if (d > last)
            last = d;
    }
    return last;
}

/* Finds, in the agreeing voices' articles published after day, a sentence
 * that tells the denial as past; records it on v. */
static mz_status find_later(mz_check_result *r, mz_check_voice *v, int day,
                            const sent_words *denial, double min_w)
{
    mz_sentences ss = {0};
    sent_words *ws = malloc(sizeof *ws);
    if (!ws)
        return MZ_ERR_NOMEM;
    mz_status rc = MZ_OK;
    for (size_t a = 0; a < r->n_voices && !v->overtaken && rc == MZ_OK; a++) {
        const mz_check_voice *ag = &r->voices[a];
        if (ag->stance != MZ_AGREE || ag->weight < min_w)
            continue;
        for (size_t i = 0; i < ag->n_members && !v->overtaken; i++) {
            size_t mi = ag->members[i];
            const mz_check_member *m = &r->members[mi];
            if (m->superseded_by || !m->body || mz_published_day(m->published) <= day)
                continue;
            ss.n = 0;
            if ((rc = mz_split_sentences(m->body, m->body_len, &ss)) != MZ_OK)
                break;
            for (size_t s = 0; s < ss.n; s++) {
                read_words(m->body, ss.v[s].start, ss.v[s].end, ws);
                if (!tells_past_denial(ws))
                    continue;
                stem_words(ws);
                if (shared_words(ws, denial) >= SHARED_MIN) {
                    v->overtaken = true;
                    v->overtaken_member = mi;
                    v->overtaken_start = ss.v[s].start;
                    v->overtaken_end = ss.v[s].end;
                    break;
                }
            }
        }
    }
    mz_sentences_clear(&ss);
    free(ws);
    return rc;
}

mz_status mz_mark_overtaken(mz_check_result *r, double min_w)
{
    sent_words *denial = malloc(sizeof *denial);
    if (!denial)
        return MZ_ERR_NOMEM;
    mz_status rc = MZ_OK;
    for (size_t i = 0; i < r->n_voices && rc == MZ_OK; i++) {
        mz_check_voice *v = &r->voices[i];
        v->overtaken = false;
        if (v->stance != MZ_DISAGREE || v->weight < min_w || v->corrects_claim)
            continue;
        const mz_check_member *denier;
        int day = denial_day(r, v, &denier);
        if (!day || !denier)
            continue;
        read_words(denier->body, denier->denial.start, denier->denial.end, denial);
        stem_words(denial);
        rc = find_later(r, v, day, denial, min_w);
    }
    free(denial);
    return rc;
}
