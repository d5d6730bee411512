/*
 * denial_event.c — a denial that holds none of a counting claim's event
 * words denies another matter, pool or no pool.
 *
 * denial_topic.c tells a denial of another matter by the pool's topic: the
 * claim words most articles hold. A story where every article holds every
 * claim word (a boat sinking: «القارب», «قبالة رأس الغزال», «خفر السواحل»
 * in all of them) has no topic, and the coast guard's denial of a pushback
 * («نفى خفر السواحل … أن تكون دورياته قد اعترضت القارب الذي غرق قبالة
 * السواحل») was reported under a claim that 31 died. What tells a counting
 * claim's event apart from its setting without the pool: its numbers, the
 * noun each counts («31 قتيلا», «45 شخصا») and its lead word (the verb of a
 * verbal sentence: «غرق», «لقي», «أنقذت», «اعترضت»; the subject of a
 * nominal one: «قسد تتفاوض …»). A denial sentence that holds none of them,
 * outside a relative clause (the claim's event named as a thing's setting:
 * «القارب الذي غرق»), shares only the claim's setting (place, actors, the
 * boat) and denies another matter. Narrow, on two counts: only for a claim
 * that holds a number (or a vague count «العشرات»; a claim with no number
 * keeps the pool's rule alone, its event words being too many to tell from
 * its setting by form), and only where the denial takes the claim's matter
 * as given: a claim word inside its relative clause («القارب الذي غرق
 * قبالة السواحل»: the sinking is the setting of the pushback it denies). A
 * denial that names no act of its own («نفى نادي الشعلة ما تداولته مواقع
 * التواصل عن نادي الميناء») stays the claim's.
 */
#include "check/check.h"
#include "text/text.h"

#include <stdbool.h>
#include <string.h>

/* Stems of a claim's event words: its lead, its numbers' nouns. */
#define EVENT_MAX 16

typedef struct {
    char stem[EVENT_MAX][64];
    size_t n_stems;
    char number[EVENT_MAX][64];
    size_t n_numbers;
    bool counts; /* the claim holds a number or a vague count */
} claim_event;

/* A word's key for the event words: its noun key (the coarse stem, broken
 * plurals to their singular: «القتلى» meets «قتيلا»; numbers_nouns.c). */
static bool stem_of(const mz_word *w, char *out, size_t cap)
{
    if (w->is_number || mz_is_stopword(w->key, w->key_len))
        return false;
    mz_noun_key(w->key, w->key_len, out, cap);
    return out[0] != '\0';
}

/* Whether a word's stem is one in `list` (a space-separated list of words). */
static bool stem_in(const char *stem, const char *list)
{
    mz_word_iter it;
    mz_word w;
    char s[64];
    mz_words_init(&it, list, strlen(list));
    while (mz_words_next(&it, &w))
        if ((mz_noun_key(w.key, w.key_len, s, sizeof s), !strcmp(s, stem)))
            return true;
    return false;
}

static void add_stem(claim_event *e, const char *stem)
{
    for (size_t i = 0; i < e->n_stems; i++)
        if (!strcmp(e->stem[i], stem))
            return;
    if (e->n_stems < EVENT_MAX)
        strcpy(e->stem[e->n_stems++], stem);
}

/* Vague counts a claim gives instead of a number («العشرات لقوا حتفهم»). */
static const char vague_counts[] = "العشرات المئات الآلاف عشرات مئات آلاف";

static void event_of(const char *claim, claim_event *e)
{
    memset(e, 0, sizeof *e);
    mz_word_iter it;
    mz_word w;
    bool lead = false, noun_next = false;
    mz_words_init(&it, claim, strlen(claim));
    while (mz_words_next(&it, &w)) {
        char s[64];
        if (w.is_number) {
            e->counts = true;
            noun_next = true;
            if (e->n_numbers < EVENT_MAX && w.key_len < sizeof e->number[0])
                memcpy(e->number[e->n_numbers++], w.key, w.key_len + 1);
            continue;
        }
        if (!stem_of(&w, s, sizeof s))
            continue;
        if (stem_in(s, vague_counts)) {
            e->counts = true;
            noun_next = true;
            continue;
        }
        if (!lead || noun_next)
            add_stem(e, s);
        lead = true;
        noun_next = false;
    }
}

/* Relative pronouns: what follows, to the clause's end, names a thing's
 * setting («القارب الذي غرق قبالة السواحل»), not the denied act. */
static const char relatives[] = "الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي اللائي";

/* Whether w is one of the words of list (written as text: its words are
 * read as keys, so the spelling of a hamza or a yaa does not matter). */
static bool listed(const char *list, const mz_word *w)
{
    mz_word_iter it;
    mz_word r;
    mz_words_init(&it, list, strlen(list));
    while (mz_words_next(&it, &r))
        if (r.key_len == w->key_len && !memcmp(r.key, w->key, w->key_len))
            return true;
    return false;
}

static bool is_relative(const mz_word *w)
{
    return listed(relatives, w);
}

/* Reports a denial rejects: a relative clause after one tells what they
 * said, the denied matter itself («صحة الأنباء التي تحدثت عن بيع مهاجمه
 * … مقابل 40 مليون يورو»), not a setting. */
static const char reports[] = "الأنباء الأخبار التقارير المعلومات الشائعات الإشاعات الادعاءات "
                              "المزاعم الروايات الأقاويل";

static bool is_report(const mz_word *w)
{
    return listed(reports, w);
}

/* Whether s[from..to) holds a clause break (a comma, Arabic or Latin). */
static bool clause_break(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || s[i] == ';' || (i + 1 < to && !memcmp(s + i, "،", 2)))
            return true;
    return false;
}

bool mz_denial_off_event(const char *claim, const char *s, size_t len)
{
    if (!claim || !s || !len)
        return false;
    claim_event e;
    event_of(claim, &e);
    if (!e.counts)
        return false;
    mz_claim_stems all;
    mz_claim_stems_of(claim, &all);
    mz_word_iter it;
    mz_word w;
    bool relative = false, presupposed = false, after_report = false;
    size_t prev = 0;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        if (relative && clause_break(s, prev, w.start))
            relative = false;
        prev = w.end;
        if (w.is_number) { /* a claim number tells the claim's count anywhere */
            for (size_t i = 0; i < e.n_numbers; i++)
                if (!strcmp(e.number[i], w.key))
                    return false;
            continue;
        }
        if (is_relative(&w)) {
            relative = !after_report;
            continue;
        }
        after_report = is_report(&w);
        char st[64];
        if (!stem_of(&w, st, sizeof st))
            continue;
        if (relative) { /* the claim's coarse stems (mz_claim_stems_of) */
            char coarse[64];
            if (mz_word_stem(w.key, w.key_len, 1, coarse, sizeof coarse))
                for (size_t i = 0; i < all.n && !presupposed; i++)
                    presupposed = !strcmp(all.v[i], coarse);
            continue;
        }
        for (size_t i = 0; i < e.n_stems; i++)
            if (!strcmp(e.stem[i], st))
                return false;
    }
    return presupposed;
}
