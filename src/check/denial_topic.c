/*
 * denial_topic.c — a denial that shares only the pool's topic with the
 * claim is of another matter.
 *
 * The stance model takes a denying sentence for the claim's denial when it
 * holds 40% of the claim's weighted words, and rare words (names) weigh
 * most: «نفى نادي الشعلة … بيع مهاجمه» holds «فاز نادي الشعلة على نادي
 * الميناء 3-1» through the club's name alone. A single pair cannot tell the
 * club (the story's topic) from the match (the claim's event); the pool of
 * retrieved articles can: a claim word found in most of them is the topic.
 * A denial whose shared claim words are all such topic words, while the
 * claim has content words beyond the topic and the denial holds none of
 * them (nor the claim's numbers), denies another matter: the reason does
 * not report it as the claim's denial (reason.c).
 * The same topic tells an agreeing article that reports only the story
 * (the outbreak, for a claim of deaths after the vaccine) from one that
 * reports the claim's matter (mark_matter, verdict.c weigh_topic_only).
 */
#include "check/check.h"
#include "text/text.h"

#include <string.h>

/* A claim word is the pool's topic when at least this share of the pool's
 * articles hold it ... */
#define TOPIC_SHARE 0.5
/* ... and at least this share holds it apart from the claim: in articles
 * that hold at most half of the claim's words (the club in the transfer
 * stories, for a claim of its match). A pool that is all of the claim's
 * event (the seeds: every one names قسد، تنظيم، الرقة with the deal) has no
 * topic apart from it, and its denials stay the claim's. */
#define TOPIC_APART 0.2
/* ... and the pool has at least this many articles to tell it by. */
#define TOPIC_MIN_POOL 3

typedef uint64_t stem_set; /* bit i: the claim's stem i (MZ_CLAIM_STEMS == 64) */

/* The claim stems among the words of s[0..len), as a set. */
static stem_set stems_in(const mz_claim_stems *c, const char *s, size_t len)
{
    stem_set set = 0;
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        if (w.is_number || mz_is_stopword(w.key, w.key_len))
            continue;
        char stem[64];
        if (!mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem))
            continue;
        for (size_t i = 0; i < c->n; i++)
            if (!strcmp(c->v[i], stem))
                set |= (stem_set)1 << i;
    }
    return set;
}

/* Whether s[0..len) holds one of the claim's numbers as written. */
static bool holds_claim_number(const char *claim, const char *s, size_t len)
{
    mz_word_iter ci, si;
    mz_word cw, sw;
    mz_words_init(&ci, claim, strlen(claim));
    while (mz_words_next(&ci, &cw)) {
        if (!cw.is_number)
            continue;
        mz_words_init(&si, s, len);
        while (mz_words_next(&si, &sw))
            if (sw.is_number && sw.key_len == cw.key_len && !memcmp(sw.key, cw.key, cw.key_len))
                return true;
    }
    return false;
}

/* Whether s[0..len) is of another matter than the claim: 1 when the claim
 * words it shares are all topic words (some of them), the claim has words
 * beyond its topic and it holds none of the claim's numbers; 0 when it
 * holds a claim word beyond the topic or a claim number; -1 when it shares
 * no claim word at all. */
static int other_matter(const mz_claim_stems *c, stem_set topic, stem_set all, const char *claim,
                        const char *s, size_t len)
{
    stem_set shared = stems_in(c, s, len);
    if (holds_claim_number(claim, s, len))
        return 0;
    if (shared & ~topic) /* no topic to tell by: the claim's event words (denial_event.c) */
        return mz_denial_off_event(claim, s, len) ? 1 : 0;
    if (!shared)
        return -1;
    return (all & ~topic) ? 1 : 0;
}

static bool cue_is(const mz_evidence *e, const char *name)
{
    return e->cue && !strcmp(e->cue, name);
}

/* Whether everything m's sentences hold against the claim is a denial of
 * another matter: its denial is (denial_other) or, when the model gave it
 * none, its top evidence sentence is a denial of another matter (the
 * weather desk's «نفت هيئة الأرصاد … عن إعصار سيضرب ساحل القمرية» for a
 * claim of rainfall: cue "denial", not set as the article's denial); and
 * no evidence sentence holds another cue against the claim: a figure other
 * than the claim's (number_mismatch), things as usual (as_usual), two
 * accounts side by side (conflict), or a denial that holds a claim word
 * beyond the topic or a claim number (a second denial, of the claim). A
 * denying sentence that shares no claim word denies nothing of it. The
 * verdict weighs such a member's disagreement as unrelatedness (verdict.c
 * weigh_other_matter). */
static bool against_other_only(const mz_check_member *m, const mz_claim_stems *c, stem_set topic,
                               stem_set all, const char *claim)
{
    bool denies_other = m->has_denial ? m->denial_other : false;
    if (!m->has_denial && m->n_evidence && cue_is(&m->evidence[0], "denial") &&
        m->evidence[0].end <= m->body_len)
        denies_other = other_matter(c, topic, all, claim, m->body + m->evidence[0].start,
                                    m->evidence[0].end - m->evidence[0].start) == 1;
    if (!denies_other)
        return false;
    for (size_t e = 0; e < m->n_evidence; e++) {
        const mz_evidence *ev = &m->evidence[e];
        if (cue_is(ev, "number_mismatch") || cue_is(ev, "as_usual") || cue_is(ev, "conflict"))
            return false;
        if (cue_is(ev, "denial") &&
            (ev->end > m->body_len ||
             other_matter(c, topic, all, claim, m->body + ev->start, ev->end - ev->start) == 0))
            return false;
    }
    return true;
}

/* How many of the claim's matter words (beyond the topic) one sentence must
 * hold together to tell the claim's matter: two, or the one of a one-word
 * matter. One word alone is the story's, in another sense: «نسبة التطعيم في
 * المحافظة بلغت 35%» and «بعد وفاة 4 أشخاص» for «وفاة أطفال بعد التطعيم».
 * (Measured, not adopted: any one matter word, or half of them over all the
 * evidence sentences; README "Measured on train and not adopted".) */
static int matter_needed(stem_set matter)
{
    return __builtin_popcountll(matter) >= 2 ? 2 : 1;
}

/* Sets m->topic_only and m->tells_matter from its evidence sentences. */
static void mark_matter(mz_check_member *m, const mz_claim_stems *c, stem_set topic, stem_set all,
                        const char *claim)
{
    stem_set matter = all & ~topic;
    if (!topic || !matter || !m->n_evidence)
        return;
    int most = 0;
    bool number = false;
    for (size_t e = 0; e < m->n_evidence; e++) {
        const mz_evidence *ev = &m->evidence[e];
        if (ev->end > m->body_len || ev->start >= ev->end)
            return;
        const char *s = m->body + ev->start;
        int held = __builtin_popcountll(stems_in(c, s, ev->end - ev->start) & matter);
        most = held > most ? held : most;
        number = number || holds_claim_number(claim, s, ev->end - ev->start);
    }
    m->tells_matter = most >= matter_needed(matter);
    m->topic_only = !m->tells_matter && !number;
}

void mz_mark_topic_denials(mz_check_result *r)
{
    /* the pool is read only for a check with a denial to weigh (a member's
     * denial, or its top evidence sentence's cue) or with members read agree
     * and disagree (weigh_topic_only): reading it (every member's words
     * stemmed) cost more than the stance model's predictions of the check
     * (callgrind, 10 dev claims on the 10k store) */
    bool any = false, agree = false, disagree = false;
    for (size_t i = 0; i < r->n_members; i++) {
        mz_check_member *m = &r->members[i];
        m->denial_other = m->against_other = m->topic_only = m->tells_matter = false;
        m->denial_matter = false;
        any = any || m->has_denial || (m->n_evidence && cue_is(&m->evidence[0], "denial"));
        agree = agree || m->stance == MZ_AGREE;
        disagree = disagree || m->stance == MZ_DISAGREE;
    }
    if (!any && !(agree && disagree))
        return;
    mz_claim_stems c;
    mz_claim_stems_of(r->claim, &c);
    size_t pool = 0, held[MZ_CLAIM_STEMS] = {0}, apart[MZ_CLAIM_STEMS] = {0};
    for (size_t i = 0; i < r->n_members; i++) {
        const mz_check_member *m = &r->members[i];
        if (m->superseded_by || !m->body)
            continue;
        pool++;
        stem_set s = stems_in(&c, m->body, m->body_len);
        if (m->title)
            s |= stems_in(&c, m->title, strlen(m->title));
        size_t has = (size_t)__builtin_popcountll(s);
        for (size_t k = 0; k < c.n; k++) {
            held[k] += (s >> k) & 1;
            /* held by an article that holds at most half the claim: the word
             * is found apart from the claim's event */
            apart[k] += ((s >> k) & 1) && 2 * has <= c.n;
        }
    }
    stem_set topic = 0, all = c.n >= 64 ? ~(stem_set)0 : ((stem_set)1 << c.n) - 1;
    for (size_t k = 0; k < c.n; k++)
        if (pool >= TOPIC_MIN_POOL && (double)held[k] >= TOPIC_SHARE * (double)pool &&
            (double)apart[k] >= TOPIC_APART * (double)pool)
            topic |= (stem_set)1 << k;
    for (size_t i = 0; i < r->n_members; i++) {
        mz_check_member *m = &r->members[i];
        m->denial_other = m->against_other = m->topic_only = m->tells_matter = false;
        m->denial_matter = false;
        if (!m->body)
            continue;
        if (m->has_denial && m->denial.end <= m->body_len)
            m->denial_other = other_matter(&c, topic, all, r->claim, m->body + m->denial.start,
                                           m->denial.end - m->denial.start) == 1;
        if (m->has_denial && m->denial.end <= m->body_len && topic && (all & ~topic))
            m->denial_matter = __builtin_popcountll(
                                   stems_in(&c, m->body + m->denial.start,
                                            m->denial.end - m->denial.start) &
                                   all & ~topic) >= matter_needed(all & ~topic);
        m->against_other = against_other_only(m, &c, topic, all, r->claim);
        mark_matter(m, &c, topic, all, r->claim);
    }
}
