/*
 * denials.c — finds, in each related article, a sentence that denies the
 * claim: a denial cue (نفى، نفت، ينفي، كذّب، فنّد، دحض، "لا أساس له من الصحة"،
 * "عار عن الصحة"، "غير صحيح"…) in a sentence that carries the claim's own
 * words (at least 40% of them; names written another way count, e.g. قسد for
 * قوات سوريا الديمقراطية). The stance model weighs denials; this makes sure
 * the report *shows* them — the seed 001, the SDF denying the deal,
 * is such a sentence — even when the model calls the article "discuss" and
 * picks other evidence, or calls the article unrelated. It does not change
 * any probability.
 */
#include "check/check.h"
#include "text/text.h"

#include <string.h>

#define MAX_CLAIM_WORDS 64



/* Denial verbs and nouns (keys: normalized, a leading و/ف removed). */
static const char *const denial_words[] = {
    "نفي", "نفت", "ينفي", "تنفي", "نافيا", "نافيه", "نفيا", "تكذيب", "كذب", "كذبت", "يكذب",
    "تكذب", "فند", "فندت", "يفند", "تفند", "دحض", "دحضت", "يدحض", "تدحض", "مفبرك", "مفبركه",
    "ملفق", "ملفقه", "شائعات", "شايعات"};

#define N_ALIASES 12

typedef struct claim_words {
    char v[MAX_CLAIM_WORDS][128];
    size_t n;
    char alias_alt[N_ALIASES][64], alias_main[N_ALIASES][64]; /* stems */
} claim_words;

/* Other spellings: a sentence word like alt counts as the claim's word main. */
static const char *const aliases[][2] = {
    {"قسد", "قوات"},       {"قسد", "الديمقراطية"}, {"داعش", "الدولة"},  {"داعش", "تنظيم"},
    {"الدولة", "داعش"},    {"سورية", "سوريا"},     {"سوريا", "سورية"},  {"الديموقراطية", "الديمقراطية"},
    {"واشنطن", "الولايات"}, {"موسكو", "روسيا"},     {"أنقرة", "تركيا"},  {"طهران", "إيران"},
};

_Static_assert(sizeof aliases / sizeof *aliases == N_ALIASES, "N_ALIASES");

/* The coarse stem of one written word (as words.c keys and stems it). */
static void stem_of(const char *word, char *out, size_t cap)
{
    mz_word_iter it;
    mz_word w;
    out[0] = '\0';
    mz_words_init(&it, word, strlen(word));
    if (mz_words_next(&it, &w))
        mz_word_stem(w.key, w.key_len, 1, out, cap);
}

static const char *strip_conj(const char *k)
{
    if ((!strncmp(k, "و", 2) || !strncmp(k, "ف", 2)) && strlen(k) > 6)
        return k + 2;
    return k;
}

static bool is_denial_word(const char *key)
{
    const char *k = strip_conj(key);
    for (size_t i = 0; i < sizeof denial_words / sizeof *denial_words; i++)
        if (!strcmp(k, denial_words[i]))
            return true;
    return false;
}

static void claim_words_of(const char *claim, claim_words *cw)
{
    cw->n = 0;
    for (size_t a = 0; a < N_ALIASES; a++) {
        stem_of(aliases[a][0], cw->alias_alt[a], sizeof cw->alias_alt[a]);
        stem_of(aliases[a][1], cw->alias_main[a], sizeof cw->alias_main[a]);
    }
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, claim, strlen(claim));
    while (cw->n < MAX_CLAIM_WORDS && mz_words_next(&it, &w)) {
        if (w.is_number || w.key_len < 6 || mz_is_stopword(w.key, w.key_len))
            continue; /* short words (2 letters) and glue carry no event */
        char stem[128];
        mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem);
        bool dup = false;
        for (size_t i = 0; i < cw->n && !dup; i++)
            dup = !strcmp(cw->v[i], stem);
        if (!dup && stem[0])
            strcpy(cw->v[cw->n++], stem);
    }
}

/* Share of the claim's words in s[0..len), and whether a denial cue is there. */
static double sentence_match(const claim_words *cw, const char *s, size_t len, bool *denial)
{
    bool seen[MAX_CLAIM_WORDS] = {false};
    bool la = false, asas = false, sihha = false, ghayr = false, sahih = false, ar = false;
    *denial = false;
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (mz_words_next(&it, &w)) {
        if (w.is_number)
            continue;
        if (is_denial_word(w.key))
            *denial = true;
        const char *k = w.key;
        la |= !strcmp(k, "لا");
        asas |= !strcmp(k, "اساس");
        sihha |= !strcmp(k, "الصحه");
        ghayr |= !strcmp(k, "غير");
        sahih |= !strcmp(k, "صحيح") || !strcmp(k, "صحيحه");
        ar |= !strcmp(k, "عار") || !strcmp(k, "عاريه");
        char stem[128];
        mz_word_stem(w.key, w.key_len, 1, stem, sizeof stem);
        for (size_t i = 0; i < cw->n; i++) {
            if (!strcmp(cw->v[i], stem))
                seen[i] = true;
            for (size_t a = 0; a < N_ALIASES; a++)
                if (!strcmp(stem, cw->alias_alt[a]) && !strcmp(cw->v[i], cw->alias_main[a]))
                    seen[i] = true;
        }
    }
    if ((la && asas && sihha) || (ar && sihha) || (ghayr && sahih))
        *denial = true; /* "لا أساس له من الصحة", "عار عن الصحة", "غير صحيح" */
    size_t n = 0;
    for (size_t i = 0; i < cw->n; i++)
        n += seen[i];
    return cw->n ? (double)n / (double)cw->n : 0;
}

mz_status mz_check_find_denials(mz_check_result *r)
{
    if (!r->claim)
        return MZ_OK;
    claim_words cw;
    claim_words_of(r->claim, &cw);
    if (cw.n == 0)
        return MZ_OK;
    for (size_t i = 0; i < r->n_members; i++) {
        mz_check_member *m = &r->members[i];
        m->has_denial = m->denial_lead = false;
        if (m->title) {
            bool td;
            if (sentence_match(&cw, m->title, strlen(m->title), &td) >= 0.4 && td)
                m->denial_lead = true; /* a headline that denies the claim */
        }
        if (!m->body)
            continue; /* the model's label does not matter: a sentence that denies
                         and carries the claim's words bears on the claim */
        mz_sentences ss = {0};
        if (mz_split_sentences(m->body, m->body_len, &ss) != MZ_OK)
            return MZ_ERR_NOMEM;
        double best = 0;
        for (size_t s = 0; s < ss.n; s++) {
            bool denial;
            double cov = sentence_match(&cw, m->body + ss.v[s].start, ss.v[s].end - ss.v[s].start,
                                        &denial);
            if (denial && cov >= 0.4 && s < 2)
                m->denial_lead = true; /* the article leads with it */
            if (denial && cov >= 0.4 && cov > best) {
                best = cov;
                m->has_denial = true;
                m->denial.start = ss.v[s].start;
                m->denial.end = ss.v[s].end;
                m->denial.score = cov;
                m->denial.cue = "denial";
            }
        }
        mz_sentences_clear(&ss);
    }
    return MZ_OK;
}
