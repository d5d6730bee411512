/*
 * features.c — the feature vector of a (claim, article) pair.
 *
 * The article is read once: story lines only (boilerplate dropped), split in
 * sentences, every word token stemmed and matched against the claim's stems
 * and the cue lexicon. Per sentence we keep which claim terms it covers (a
 * 64-bit mask), which bigrams, which cues fire and whether a negation sits
 * next to a matched word. Features then look at the best-matching sentences
 * (and their neighbours) for cues, so a denial counts where it concerns the
 * claim, not anywhere on the page.
 */
#include "stance/features_int.h"
#include "text/text.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_REL_COV_SENT, F_REL_COV_SENT2, F_REL_COV_WIN3, F_REL_COV_ART, F_REL_COV_TITLE,
    F_REL_CNT_SENT, F_REL_BIGRAM_SENT, F_REL_BIGRAM_ART, F_REL_RARE_ART, F_REL_RARE_SENT,
    F_REL_N_GOOD, F_REL_N_OK, F_REL_BEST_POS, F_REL_BM25, F_REL_CLAIM_LEN, F_REL_ART_LEN,
    F_REL_COV_SENT_SQ, F_REL_FULL_SENT, F_REL_WIN25, F_REL_WIN10, F_REL_WIN25_CNT, F_REL_DENSITY,
    F_NUM_CLAIM, F_NUM_SHARED, F_NUM_BEST_MATCH, F_NUM_BEST_MISMATCH,
    F_DEN_TOP, F_DEN_NEAR, F_DEN_ART, F_DEN_TITLE, F_DEN_ENTITY, F_FAKE_TOP, F_FAKE_ART,
    F_NEG_NEAR_TOP, F_NEG_TOP,
    F_ATT_TOP, F_ATT_ART, F_HEDGE_TOP, F_HEDGE_ART, F_Q_TOP, F_Q_ART, F_ASSERT_TOP,
    F_ASSERT_ART, F_ATT_TITLE, F_HEDGE_TITLE,
    F_CLAIM_NEG, F_CLAIM_DENIAL, F_CLAIM_HEDGE, F_CLAIM_NEG_X_DEN, F_CLAIM_NEG_X_NEGNEAR,
    F_CLAIM_NEG_MISMATCH, F_CLAIM_SAID, F_CLAIM_TIME, F_CLAIM_WIRE_X_COV, F_CLAIM_OTHER_X_COV,
    F_CLAIM_OTHER_X_DEN, F_CLAIM_OTHER_X_NEG, F_CONTRAST_TOP, F_CONTRAST_NEAR, F_CONTRAST_ART,
    F_CONFLICT_LEAD, F_CONFLICT_ART, F_NORMAL_TOP, F_NORMAL_ART,
    F_COUNT
};

const mz_fdesc mz_dense_features[] = {
    {"rel_cov_sent", MZ_FG_REL}, {"rel_cov_sent2", MZ_FG_REL}, {"rel_cov_win3", MZ_FG_REL},
    {"rel_cov_article", MZ_FG_REL}, {"rel_cov_title", MZ_FG_REL}, {"rel_cnt_sent", MZ_FG_REL},
    {"rel_bigram_sent", MZ_FG_REL}, {"rel_bigram_article", MZ_FG_REL},
    {"rel_rare_article", MZ_FG_REL}, {"rel_rare_sent", MZ_FG_REL}, {"rel_n_good", MZ_FG_REL},
    {"rel_n_ok", MZ_FG_REL}, {"rel_best_pos", MZ_FG_REL}, {"rel_bm25", MZ_FG_REL},
    {"rel_claim_len", MZ_FG_REL}, {"rel_article_len", MZ_FG_REL},
    {"rel_cov_sent_sq", MZ_FG_REL}, {"rel_full_sent", MZ_FG_REL},
    {"rel_win25", MZ_FG_REL}, {"rel_win10", MZ_FG_REL}, {"rel_win25_cnt", MZ_FG_REL},
    {"rel_density", MZ_FG_REL},
    {"num_claim", MZ_FG_NUM}, {"num_shared", MZ_FG_NUM}, {"num_best_match", MZ_FG_NUM},
    {"num_best_mismatch", MZ_FG_NUM},
    {"den_top", MZ_FG_DENIAL}, {"den_near", MZ_FG_DENIAL}, {"den_article", MZ_FG_DENIAL},
    {"den_title", MZ_FG_DENIAL}, {"den_entity", MZ_FG_DENIAL}, {"fake_top", MZ_FG_DENIAL},
    {"fake_article", MZ_FG_DENIAL}, {"neg_near_top", MZ_FG_DENIAL}, {"neg_top", MZ_FG_DENIAL},
    {"att_top", MZ_FG_REPORT}, {"att_article", MZ_FG_REPORT}, {"hedge_top", MZ_FG_REPORT},
    {"hedge_article", MZ_FG_REPORT}, {"question_top", MZ_FG_REPORT},
    {"question_article", MZ_FG_REPORT}, {"assert_top", MZ_FG_REPORT},
    {"assert_article", MZ_FG_REPORT}, {"att_title", MZ_FG_REPORT},
    {"hedge_title", MZ_FG_REPORT},
    {"claim_neg", MZ_FG_CLAIM}, {"claim_denial", MZ_FG_CLAIM}, {"claim_hedge", MZ_FG_CLAIM},
    {"claim_neg_x_den", MZ_FG_CLAIM}, {"claim_neg_x_negnear", MZ_FG_CLAIM},
    {"claim_neg_mismatch", MZ_FG_CLAIM}, {"claim_said", MZ_FG_STYLE},
    {"claim_time", MZ_FG_STYLE}, {"claim_wire_x_cov", MZ_FG_STYLE},
    {"claim_other_x_cov", MZ_FG_STYLE}, {"claim_other_x_den", MZ_FG_STYLE},
    {"claim_other_x_neg", MZ_FG_STYLE}, {"contrast_top", MZ_FG_DENIAL},
    {"contrast_near", MZ_FG_DENIAL}, {"contrast_article", MZ_FG_DENIAL},
    {"conflict_lead", MZ_FG_REPORT}, {"conflict_article", MZ_FG_REPORT},
    {"normal_top", MZ_FG_DENIAL}, {"normal_article", MZ_FG_DENIAL},
};
const size_t mz_n_dense = sizeof mz_dense_features / sizeof mz_dense_features[0];
_Static_assert(sizeof mz_dense_features / sizeof mz_dense_features[0] == F_COUNT,
               "feature table and enum disagree");
_Static_assert(F_COUNT <= 128, "mz_train_opts.drop holds 128 features");

#define CUE(c) (1u << (c))
#define NEG_WINDOW 3   /* tokens between a negation and a matched claim word */
#define BIGRAM_WINDOW 3
#define TOP_K 3

/* Per-sentence state while reading the article. */
typedef struct sent_acc {
    uint64_t mask, bigrams;
    uint32_t tok_begin, tok_end;
    uint16_t cue_count[MZ_CUE_COUNT];
    bool question;
} sent_acc;

/* Per-call cache: normalized-word hash -> claim term, so each distinct word
 * of the article is stemmed once. */
typedef struct wslot {
    uint64_t h;
    int term;
} wslot;

#define CACHE_SLOTS 256

typedef struct scratch {
    wslot *cache;
    size_t cache_mask, cache_used;
    mz_tokens toks;
    bool *keep;
    size_t n_lines;
    uint64_t *h, *h2;
    int8_t *term;
    uint8_t *cue;
    sent_acc *acc;
} scratch;

static void scratch_free(scratch *s)
{
    free(s->cache);
    mz_tokens_clear(&s->toks);
    free(s->keep);
    free(s->h);
    free(s->h2);
    free(s->term);
    free(s->cue);
    free(s->acc);
}

void mz_pair_feats_clear(mz_pair_feats *f)
{
    if (!f)
        return;
    free(f->dense);
    free(f->lex);
    free(f->sents);
    memset(f, 0, sizeof *f);
}

static bool is_question_mark(const char *s, const mz_token *t)
{
    size_t n = t->end - t->start;
    return (n == 1 && s[t->start] == '?') || (n == 2 && !memcmp(s + t->start, "\xd8\x9f", 2));
}

/* The claim term a word stems to, or -1. Words that cannot contain any
 * claim stem (mz_claim_may_match) are not stemmed at all. */
static int word_term(const mz_claim *c, scratch *s, uint64_t h, const char *w, size_t len)
{
    if (!mz_claim_may_match(c, w, len))
        return -1;
    size_t i = (size_t)(h ^ (h >> 29)) & s->cache_mask;
    while (s->cache[i].h) {
        if (s->cache[i].h == h)
            return s->cache[i].term;
        i = (i + 1) & s->cache_mask;
    }
    int term = mz_claim_word_term(c, w, len);
    if (s->cache_used < CACHE_SLOTS / 2) { /* keep probes short; beyond, just stem */
        s->cache[i] = (wslot){h, term};
        s->cache_used++;
    }
    return term;
}

/* The cue classes one matched cue stands for: its own; the class it also
 * counts as (conflict as hedging, so the features see it; an accusation or
 * something circulated as attribution); and conflict when it is a denial
 * after an accusation or assertion in the same sentence or title («X يتهم…
 * وY ينفي»: the two accounts side by side). *claim_side carries that
 * "earlier in the unit" across one sentence or title. */
static uint16_t cue_classes(mz_cue cue, bool *claim_side)
{
    if (!cue)
        return 0;
    uint16_t bits = (uint16_t)CUE(cue);
    if (cue == MZ_CUE_DENIAL && *claim_side)
        bits |= (uint16_t)CUE(MZ_CUE_CONFLICT);
    *claim_side |= cue == MZ_CUE_ACCUSE || cue == MZ_CUE_ASSERT;
    if (cue == MZ_CUE_CONFLICT)
        bits |= (uint16_t)CUE(MZ_CUE_HEDGE);
    if (cue == MZ_CUE_ACCUSE || cue == MZ_CUE_CIRCULATED)
        bits |= (uint16_t)CUE(MZ_CUE_ATTRIB);
    return bits;
}

/* Reads tokens [b, e) of one sentence: word hashes, claim terms, numbers and
 * cues, filling acc and the per-token arrays. */
static void read_sentence(const mz_extractor *x, const mz_claim *c, const char *text,
                          scratch *s, size_t b, size_t e, sent_acc *acc, mz_sent_info *info)
{
    const mz_tokens *tk = &s->toks;
    int32_t last_pos[MZ_MAX_TERMS];
    for (size_t t = 0; t < c->n_terms; t++)
        last_pos[t] = -1000;
    bool any_num = false;
    for (size_t i = b; i < e; i++) {
        const mz_token *t = &tk->v[i];
        const char *w = mz_tok_text(tk, i);
        s->term[i] = -1;
        s->h2[i] = 0;
        if (t->kind == MZ_TOK_PUNCT) {
            s->h[i] = 1; /* matches nothing in the lexicon */
            acc->question |= is_question_mark(text, t);
            continue;
        }
        s->h[i] = mz_hash64(w, t->norm_len);
        if (t->kind == MZ_TOK_NUMBER) {
            if (mz_claim_number(c, s->h[i]) >= 0)
                info->num_match = 1;
            else
                any_num = true;
            continue;
        }
        s->h2[i] = mz_lexicon_strip_hash(w, t->norm_len);
        int term = word_term(c, s, s->h[i], w, t->norm_len);
        uint64_t am = c->n_alias ? mz_claim_alias_mask(c, tk, i, s->h[i], s->h2[i]) : 0;
        if (term < 0 && am)
            term = __builtin_ctzll(am);
        if (term < 0)
            continue;
        s->term[i] = (int8_t)term;
        acc->mask |= 1ULL << term | am;
        int32_t pos = (int32_t)(i - b);
        for (size_t g = 0; g < c->n_bigrams; g++) {
            int other = c->bg_a[g] == term ? c->bg_b[g] : c->bg_b[g] == term ? c->bg_a[g] : -1;
            if (other >= 0 && pos - last_pos[other] <= BIGRAM_WINDOW)
                acc->bigrams |= 1ULL << g;
        }
        last_pos[term] = pos;
    }
    if (c->n_nums && any_num && !info->num_match)
        info->num_mismatch = 1;
    /* cues (phrases may span several tokens) and negation next to a match */
    bool claim_side = false; /* an accusation or assertion seen earlier in the sentence */
    for (size_t i = b; i < e;) {
        size_t span;
        mz_cue cue = mz_lexicon_match(x->lex, s->h + b, s->h2 + b, e - b, i - b, &span);
        for (size_t k = i; k < i + span; k++)
            s->cue[k] = (uint8_t)cue;
        uint16_t bits = cue_classes(cue, &claim_side);
        info->cues |= bits;
        for (unsigned m = bits; m; m &= m - 1) /* the classes set (most tokens: none) */
            acc->cue_count[__builtin_ctz(m)]++;
        if (cue == MZ_CUE_NEGATION || cue == MZ_CUE_DENIAL) {
            size_t lo = i >= b + NEG_WINDOW ? i - NEG_WINDOW : b;
            size_t hi = i + span + NEG_WINDOW < e ? i + span + NEG_WINDOW : e;
            for (size_t k = lo; k < hi; k++)
                if (s->term[k] >= 0)
                    info->neg_near = 1;
        }
        i += span;
    }
}

/* Cues that keep a sentence from stating the claim in the article's own
 * voice: a denial, rumour or negation, or the claim as someone's account,
 * hedged, accused, circulated, or set against another account. */
#define NOT_PLAIN                                                                            \
    (CUE(MZ_CUE_DENIAL) | CUE(MZ_CUE_FAKE) | CUE(MZ_CUE_NEGATION) | CUE(MZ_CUE_ATTRIB) |     \
     CUE(MZ_CUE_HEDGE) | CUE(MZ_CUE_ACCUSE) | CUE(MZ_CUE_CIRCULATED) | CUE(MZ_CUE_CONFLICT))

/* A denying sentence (or title) whose claim words den_mask all sit in a
 * story sentence below the title that states more of the claim plainly —
 * no cue of NOT_PLAIN, not a question, no number at odds with the claim's —
 * denies another matter on the claim's topic: «نفت المفوضية وجود تزوير في
 * الانتخابات البرلمانية» shares only «الانتخابات البرلمانية» with «بلغت
 * نسبة المشاركة في الانتخابات البرلمانية 41.3%», which the article states
 * («وقال رئيس المفوضية إن نسبة المشاركة في الانتخابات البرلمانية بلغت
 * 41.3%»). A denial of the claim carries what the article does not state
 * plainly: its predicate (seed 001's «نفت قسد إبرام اتفاق…», the deal
 * otherwise given as what activists circulated), or its number (beside a
 * corrected count, «قتل 3 مدنيين», at odds with the claim's 30). A title
 * is not such a statement: it abbreviates, teases or asks («ماذا قالت
 * النيابة عن ملف الصحفي…؟» names the claim's actors and states nothing).
 * The statement must add MZ_OTHER_MATTER_ADD of the claim's weighted words
 * to the denial's: «قيادة شرطة المعقر نفت سقوط أي قتيل» shares only the
 * place with «قتلى في نزاع عشائري على أرض بالمعقر» (قتيل is not matched),
 * and a sentence on the land dispute there adds «أرض», 0.09: the denial
 * stays the claim's. */
static bool denies_other_matter(const mz_claim *c, const mz_pair_feats *f, const scratch *s,
                                uint64_t den_mask, long title_line)
{
    for (size_t i = 0; den_mask && i < f->n_sents; i++) {
        uint64_t m = s->acc[i].mask;
        if ((m & den_mask) == den_mask && !(f->sents[i].cues & NOT_PLAIN) && !s->acc[i].question &&
            !f->sents[i].num_mismatch && (long)f->sents[i].line != title_line &&
            mz_claim_cov(c, m & ~den_mask) >= MZ_OTHER_MATTER_ADD)
            return true;
    }
    return false;
}

/* The claim terms covered by a title given apart from the article. */
static mz_status read_title(const mz_extractor *x, const mz_claim *c, const char *title,
                            uint64_t *mask, uint16_t *cues)
{
    *mask = 0;
    *cues = 0;
    mz_tokens tk = {0};
    if (mz_tokenize(title, strlen(title), false, &tk) != MZ_OK)
        return MZ_ERR_NOMEM;
    uint64_t *h = malloc((tk.n + 1) * sizeof *h), *h2 = malloc((tk.n + 1) * sizeof *h2);
    if (!h || !h2) {
        free(h);
        free(h2);
        mz_tokens_clear(&tk);
        return MZ_ERR_NOMEM;
    }
    for (size_t i = 0; i < tk.n; i++) {
        const char *w = mz_tok_text(&tk, i);
        h[i] = mz_hash64(w, tk.v[i].norm_len);
        h2[i] = mz_lexicon_strip_hash(w, tk.v[i].norm_len);
        if (tk.v[i].kind == MZ_TOK_NUMBER)
            continue;
        int t = mz_claim_word_term(c, w, tk.v[i].norm_len);
        if (t >= 0)
            *mask |= 1ULL << t;
        if (c->n_alias)
            *mask |= mz_claim_alias_mask(c, &tk, i, h[i], h2[i]);
    }
    bool claim_side = false;
    for (size_t i = 0; i < tk.n;) {
        size_t span;
        *cues |= cue_classes(mz_lexicon_match(x->lex, h, h2, tk.n, i, &span), &claim_side);
        i += span;
    }
    free(h);
    free(h2);
    mz_tokens_clear(&tk);
    return MZ_OK;
}

static double log1c(double v)
{
    return log1p(v);
}

/* Hashed lexical features: content stems of the best-matching sentences,
 * tagged with the sentence's rank so the model can weigh the best one more. */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static mz_status add_lex(const mz_extractor *x, const scratch *s, const sent_acc *acc,
                         const size_t *top, size_t n_top, mz_pair_feats *f)
{
    size_t cap = 0;
    for (size_t k = 0; k < n_top && k < 2; k++)
        cap += acc[top[k]].tok_end - acc[top[k]].tok_begin;
    f->lex = malloc((cap + 1) * sizeof *f->lex);
    if (!f->lex)
        return MZ_ERR_NOMEM;
    uint32_t mask = (1u << x->lex_bits) - 1;
    for (size_t k = 0; k < n_top && k < 2; k++) {
        for (size_t i = acc[top[k]].tok_begin; i < acc[top[k]].tok_end; i++) {
            const mz_token *t = &s->toks.v[i];
            const char *w = mz_tok_text(&s->toks, i);
            if (t->kind != MZ_TOK_WORD || mz_is_stopword(w, t->norm_len))
                continue;
            uint64_t h = mz_stem_hash(w, t->norm_len);
            f->lex[f->n_lex++] = (uint32_t)(h ^ (h >> 32)) & mask;
        }
    }
    /* sort + dedupe so each bucket counts once (binary features). Insertion
     * sort for the usual sentence; a sentence can be a whole 5 MB article
     * with no full stop, where it took seconds: qsort past a few dozen. */
    if (f->n_lex > 64)
        qsort(f->lex, f->n_lex, sizeof *f->lex, cmp_u32);
    for (size_t i = 1; i < f->n_lex; i++) {
        uint32_t v = f->lex[i];
        size_t j = i;
        while (j > 0 && f->lex[j - 1] > v) {
            f->lex[j] = f->lex[j - 1];
            j--;
        }
        f->lex[j] = v;
    }
    size_t u = 0;
    for (size_t i = 0; i < f->n_lex; i++)
        if (u == 0 || f->lex[u - 1] != f->lex[i])
            f->lex[u++] = f->lex[i];
    f->n_lex = u;
    return MZ_OK;
}

mz_status mz_extract(const mz_extractor *x, const char *claim, const char *title,
                     const char *article, size_t article_len, mz_pair_feats *f, mz_error *err)
{
    memset(f, 0, sizeof *f);
    mz_claim c;
    mz_status st = mz_claim_analyze(x, claim, &c, err);
    if (st != MZ_OK)
        return st;
    size_t bad;
    if (title && mz_utf8_check(title, strlen(title), &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "title: invalid UTF-8 at byte %zu%s", bad,
                       mz_utf8_hint(title, strlen(title)));

    scratch s = {0};
    /* The article is validated while it is tokenized (one pass, not two). */
    st = mz_tokenize_checked(article, article_len, true, &s.toks, &bad);
    if (st == MZ_ERR_UTF8) {
        scratch_free(&s);
        return mz_fail(err, MZ_ERR_UTF8, "article: invalid UTF-8 at byte %zu%s", bad,
                       mz_utf8_hint(article, article_len));
    }
    bool tokenized = st == MZ_OK;
    st = MZ_ERR_NOMEM; /* the only failure from here on */
    f->dense = calloc(mz_n_dense, sizeof *f->dense);
    if (!tokenized || !f->dense ||
        (x->boilerplate && mz_boilerplate_lines(article, article_len, &s.keep, &s.n_lines) != MZ_OK))
        goto fail;
    size_t nt = s.toks.n + 1;
    s.h = malloc(nt * sizeof *s.h);
    s.h2 = malloc(nt * sizeof *s.h2);
    s.term = malloc(nt);
    s.cue = malloc(nt);
    /* at most one sentence per token */
    s.acc = malloc(nt * sizeof *s.acc); /* entries zeroed as used */
    s.cache = calloc(CACHE_SLOTS, sizeof *s.cache);
    s.cache_mask = CACHE_SLOTS - 1;
    f->sents = malloc(nt * sizeof *f->sents);
    if (!s.h || !s.h2 || !s.term || !s.cue || !s.acc || !s.cache || !f->sents)
        goto fail;

    /* Walk the sentences (derived from the tokens) with their lines. */
    size_t n_tok_story = 0;
    uint64_t art_mask = 0, art_bigrams = 0;
    size_t tf[MZ_MAX_TERMS] = {0};
    uint32_t cue_total[MZ_CUE_COUNT] = {0};
    size_t n_question = 0, n_conflict = 0;
    long first_line = -1;
    size_t ti = 0, line = 0, prev_end = 0;
    while (ti < s.toks.n) {
        size_t tb, te, sline;
        mz_next_sentence(article, &s.toks, &ti, &prev_end, &line, &tb, &te, &sline);
        if (sline < s.n_lines && !s.keep[sline])
            continue;
        if (first_line < 0)
            first_line = (long)sline;
        sent_acc *acc = &s.acc[f->n_sents];
        mz_sent_info *info = &f->sents[f->n_sents];
        memset(acc, 0, sizeof *acc);
        memset(info, 0, sizeof *info);
        info->start = s.toks.v[tb].start;
        info->end = s.toks.v[te - 1].end;
        info->line = (uint32_t)sline;
        acc->tok_begin = (uint32_t)tb;
        acc->tok_end = (uint32_t)te;
        read_sentence(x, &c, article, &s, tb, te, acc, info);
        info->cov = (float)mz_claim_cov(&c, acc->mask);
        art_mask |= acc->mask;
        art_bigrams |= acc->bigrams;
        for (size_t i = tb; i < te; i++)
            if (s.term[i] >= 0)
                tf[s.term[i]]++;
        for (int k = 0; k < MZ_CUE_COUNT; k++)
            cue_total[k] += acc->cue_count[k];
        n_question += acc->question;
        n_conflict += (info->cues & CUE(MZ_CUE_CONFLICT)) != 0;
        n_tok_story += te - tb;
        f->n_sents++;
    }

    /* Token windows: scraped lines are often one huge "sentence" (menus,
     * lists), so coverage is also measured in windows of 10 and 25 words. */
    double w25 = 0, w10 = 0, w25c = 0;
    size_t n_matched = 0;
    {
        int64_t lastp[MZ_MAX_TERMS];
        for (size_t t = 0; t < MZ_MAX_TERMS; t++)
            lastp[t] = -1000000;
        int64_t pos = 0;
        for (size_t si = 0; si < f->n_sents; si++)
            for (size_t i = s.acc[si].tok_begin; i < s.acc[si].tok_end; i++, pos++) {
                if (s.term[i] < 0 || s.toks.v[i].kind == MZ_TOK_PUNCT)
                    continue;
                n_matched++;
                lastp[s.term[i]] = pos;
                uint64_t m25 = 0, m10 = 0;
                for (size_t t = 0; t < c.n_terms; t++) {
                    if (lastp[t] > pos - 25)
                        m25 |= 1ULL << t;
                    if (lastp[t] > pos - 10)
                        m10 |= 1ULL << t;
                }
                w25 = fmax(w25, mz_claim_cov(&c, m25));
                w10 = fmax(w10, mz_claim_cov(&c, m10));
                w25c = fmax(w25c, c.n_terms ? (double)__builtin_popcountll(m25) / c.n_terms : 0);
            }
    }

    /* The best sentences by coverage (ties: the earlier one). */
    size_t top[TOP_K], n_top = 0;
    for (size_t i = 0; i < f->n_sents; i++) {
        float cv = f->sents[i].cov;
        size_t pos;
        if (cv <= 0)
            continue;
        if (n_top < TOP_K)
            pos = n_top++;
        else if (cv > f->sents[top[TOP_K - 1]].cov)
            pos = TOP_K - 1;
        else
            continue;
        top[pos] = i;
        while (pos > 0 && f->sents[top[pos - 1]].cov < cv) {
            size_t tmp = top[pos - 1];
            top[pos - 1] = top[pos];
            top[pos] = tmp;
            pos--;
        }
    }

    double *d = f->dense;
    double best = n_top ? f->sents[top[0]].cov : 0;
    d[F_REL_COV_SENT] = best;
    d[F_REL_COV_SENT2] = n_top > 1 ? f->sents[top[1]].cov : 0;
    d[F_REL_COV_SENT_SQ] = best * best;
    d[F_REL_FULL_SENT] = best >= 0.8;
    double win = 0;
    for (size_t i = 0; i < f->n_sents; i++) {
        uint64_t m = s.acc[i].mask;
        for (size_t j = i + 1; j < i + 3 && j < f->n_sents; j++)
            m |= s.acc[j].mask;
        win = fmax(win, mz_claim_cov(&c, m));
    }
    d[F_REL_COV_WIN3] = win;
    d[F_REL_WIN25] = w25;
    d[F_REL_WIN10] = w10;
    d[F_REL_WIN25_CNT] = w25c;
    d[F_REL_DENSITY] = n_tok_story ? 100.0 * n_matched / n_tok_story : 0;
    d[F_REL_COV_ART] = mz_claim_cov(&c, art_mask);
    d[F_REL_RARE_ART] = mz_claim_rare_cov(&c, art_mask);
    d[F_REL_BIGRAM_ART] = c.n_bigrams ? (double)__builtin_popcountll(art_bigrams) / c.n_bigrams : 0;
    if (n_top) {
        const sent_acc *ba = &s.acc[top[0]];
        d[F_REL_CNT_SENT] = c.n_terms ? (double)__builtin_popcountll(ba->mask) / c.n_terms : 0;
        d[F_REL_BIGRAM_SENT] = c.n_bigrams ? (double)__builtin_popcountll(ba->bigrams) / c.n_bigrams : 0;
        d[F_REL_RARE_SENT] = mz_claim_rare_cov(&c, ba->mask);
        d[F_REL_BEST_POS] = f->n_sents > 1 ? (double)top[0] / (f->n_sents - 1) : 0;
    } else {
        d[F_REL_BEST_POS] = 1;
    }
    size_t n_good = 0, n_ok = 0;
    for (size_t i = 0; i < f->n_sents; i++) {
        n_good += f->sents[i].cov >= 0.5;
        n_ok += f->sents[i].cov >= 0.3;
    }
    d[F_REL_N_GOOD] = log1c((double)n_good);
    d[F_REL_N_OK] = log1c((double)n_ok);
    double bm = 0, norm_len = 0.25 + 0.75 * (double)n_tok_story / 600.0;
    for (size_t t = 0; t < c.n_terms; t++)
        bm += c.term_idf[t] * tf[t] * 2.2 / (tf[t] + 1.2 * norm_len);
    d[F_REL_BM25] = c.idf_sum > 0 ? bm / (2.2 * c.idf_sum) : 0;
    d[F_REL_CLAIM_LEN] = log1c((double)c.n_terms);
    d[F_REL_ART_LEN] = log1c((double)n_tok_story) / 8.0;

    /* title: given, or the first story line */
    uint64_t title_mask = 0;
    uint16_t title_cues = 0;
    if (title) {
        if (read_title(x, &c, title, &title_mask, &title_cues) != MZ_OK)
            goto fail;
    } else {
        for (size_t i = 0; i < f->n_sents && f->sents[i].line == (uint32_t)first_line; i++) {
            title_mask |= s.acc[i].mask;
            title_cues |= f->sents[i].cues;
        }
    }
    d[F_REL_COV_TITLE] = mz_claim_cov(&c, title_mask);
    /* Which denying sentences (and whether the title) that hold MZ_DENIAL_COV
     * of the claim deny another matter: they are left out of lead_denial, of
     * the reported denial and of the denial features (den_top, fake_top,
     * den_near, den_entity, den_title), and not named denials among the
     * evidence (evidence.c). A weaker denial is read as before: it shares
     * too little to tell («ونفت الشركة ذلك قطعيا» names only the actor, whom
     * the story's plain sentences name with more of the claim), and leaving
     * it out of the features lowered CV (0.4790 -> 0.4764). */
    const uint16_t denies = CUE(MZ_CUE_DENIAL) | CUE(MZ_CUE_FAKE);
    for (size_t i = 0; i < f->n_sents; i++)
        f->sents[i].other_matter = (f->sents[i].cues & denies) && f->sents[i].cov >= MZ_DENIAL_COV &&
                                   denies_other_matter(&c, f, &s, s.acc[i].mask, first_line);
    bool title_other = (title_cues & denies) && d[F_REL_COV_TITLE] >= MZ_DENIAL_COV &&
                       denies_other_matter(&c, f, &s, title_mask, first_line);
    /* The lead: the title (unit 0) and the first two story sentences. A unit
     * denies the claim (lead_denial), or states it (no denial, rumour or
     * negation cue: lead_report), maybe as someone's account (lead_voiced);
     * or it sets accounts against each other, or gives the claim as
     * something that went round. */
    const uint16_t against = CUE(MZ_CUE_DENIAL) | CUE(MZ_CUE_FAKE) | CUE(MZ_CUE_NEGATION);
    const uint16_t voiced = CUE(MZ_CUE_ATTRIB) | CUE(MZ_CUE_SAID) | CUE(MZ_CUE_ACCUSE);
    bool lead_conflict = false, circulated = false, lead_report = false, lead_voiced = false;
    size_t n_lead = f->n_sents < 2 ? f->n_sents : 2;
    for (size_t u = 0; u <= n_lead; u++) {
        uint16_t cues = u ? f->sents[u - 1].cues : title_cues;
        double cov = u ? f->sents[u - 1].cov : d[F_REL_COV_TITLE];
        if ((cues & CUE(MZ_CUE_DENIAL)) && cov >= MZ_DENIAL_COV)
            f->lead_denial |= !(u ? f->sents[u - 1].other_matter : title_other);
        lead_conflict |= (cues & CUE(MZ_CUE_CONFLICT)) != 0;
        circulated |= (cues & CUE(MZ_CUE_CIRCULATED)) != 0;
        bool states = cov >= MZ_LEAD_REPORT_COV && !(cues & against);
        lead_report |= states;
        lead_voiced |= states && (cues & voiced);
    }
    /* a lead that sets accounts against each other («تضاربت الروايات...»)
     * carries the denial as one side: it is not the denial's voice */
    if (lead_conflict)
        f->lead_denial = false;
    d[F_CONFLICT_LEAD] = lead_conflict;
    /* the mirror: the lead states the claim and a later sentence denies it;
     * but a lead that gives the claim as something that went round («ما
     * تداولته مواقع التواصل بشأن…») introduces the denial that answers it */
    if (circulated)
        lead_report = false;
    /* when the lead gives someone's account («قال ناشطون إن…»), the other side's
     * later denial may name the claim in few words («ونفت الوزارة ذلك»); a
     * later denial of another matter (the fraud below a stated turnout) is
     * no denial of the claim that the report quotes */
    double later = lead_voiced ? MZ_QUOTED_DENIAL_COV : MZ_DENIAL_COV;
    for (size_t i = 2; !f->lead_denial && lead_report && i < f->n_sents; i++)
        f->quoted_denial |= (f->sents[i].cues & CUE(MZ_CUE_DENIAL)) && f->sents[i].cov >= later &&
                            !f->sents[i].other_matter;

    /* numbers */
    d[F_NUM_CLAIM] = c.n_nums > 0;
    if (c.n_nums) {
        size_t shared = 0;
        for (size_t i = 0; i < f->n_sents; i++)
            shared += f->sents[i].num_match;
        d[F_NUM_SHARED] = log1c((double)shared);
        for (size_t k = 0; k < n_top; k++) {
            d[F_NUM_BEST_MATCH] = fmax(d[F_NUM_BEST_MATCH], f->sents[top[k]].num_match * f->sents[top[k]].cov);
            d[F_NUM_BEST_MISMATCH] =
                fmax(d[F_NUM_BEST_MISMATCH], f->sents[top[k]].num_mismatch * f->sents[top[k]].cov);
        }
    }

    /* cues in the best sentences, their neighbours, and the whole story */
    bool near_den = false;
    for (size_t k = 0; k < n_top; k++) {
        size_t i = top[k];
        const mz_sent_info *si = &f->sents[i];
        double cv = si->cov;
        if ((si->cues & CUE(MZ_CUE_DENIAL)) && !si->other_matter)
            d[F_DEN_TOP] = fmax(d[F_DEN_TOP], cv);
        if ((si->cues & CUE(MZ_CUE_FAKE)) && !si->other_matter)
            d[F_FAKE_TOP] = fmax(d[F_FAKE_TOP], cv);
        if (si->neg_near)
            d[F_NEG_NEAR_TOP] = fmax(d[F_NEG_NEAR_TOP], cv);
        if (si->cues & CUE(MZ_CUE_NEGATION))
            d[F_NEG_TOP] = fmax(d[F_NEG_TOP], cv);
        if (si->cues & CUE(MZ_CUE_ATTRIB))
            d[F_ATT_TOP] = fmax(d[F_ATT_TOP], cv);
        if (si->cues & CUE(MZ_CUE_HEDGE))
            d[F_HEDGE_TOP] = fmax(d[F_HEDGE_TOP], cv);
        if (si->cues & CUE(MZ_CUE_ASSERT))
            d[F_ASSERT_TOP] = fmax(d[F_ASSERT_TOP], cv);
        if (s.acc[i].question)
            d[F_Q_TOP] = fmax(d[F_Q_TOP], cv);
        if (si->cues & CUE(MZ_CUE_CONTRAST))
            d[F_CONTRAST_TOP] = fmax(d[F_CONTRAST_TOP], cv);
        if (si->cues & CUE(MZ_CUE_NORMAL))
            d[F_NORMAL_TOP] = fmax(d[F_NORMAL_TOP], cv);
        for (size_t j = i ? i - 1 : 0; j <= i + 1 && j < f->n_sents; j++)
            if (f->sents[j].cues & CUE(MZ_CUE_CONTRAST))
                d[F_CONTRAST_NEAR] = 1;
        for (size_t j = i ? i - 1 : 0; j <= i + 1 && j < f->n_sents; j++)
            near_den |= (f->sents[j].cues & denies) && !f->sents[j].other_matter;
    }
    d[F_DEN_NEAR] = near_den;
    for (size_t i = 0; i < f->n_sents; i++)
        if ((f->sents[i].cues & CUE(MZ_CUE_DENIAL)) && !f->sents[i].other_matter)
            d[F_DEN_ENTITY] = fmax(d[F_DEN_ENTITY], mz_claim_rare_cov(&c, s.acc[i].mask));
    d[F_DEN_ART] = log1c(cue_total[MZ_CUE_DENIAL]);
    d[F_FAKE_ART] = log1c(cue_total[MZ_CUE_FAKE]);
    d[F_ATT_ART] = log1c(cue_total[MZ_CUE_ATTRIB]);
    d[F_HEDGE_ART] = log1c(cue_total[MZ_CUE_HEDGE]);
    d[F_ASSERT_ART] = log1c(cue_total[MZ_CUE_ASSERT]);
    d[F_Q_ART] = log1c((double)n_question);
    d[F_CONTRAST_ART] = log1c(cue_total[MZ_CUE_CONTRAST]);
    d[F_CONFLICT_ART] = log1c((double)n_conflict);
    d[F_NORMAL_ART] = log1c(cue_total[MZ_CUE_NORMAL]);
    d[F_DEN_TITLE] = (title_cues & denies) && !title_other;
    d[F_ATT_TITLE] = (title_cues & CUE(MZ_CUE_ATTRIB)) != 0;
    d[F_HEDGE_TITLE] = (title_cues & CUE(MZ_CUE_HEDGE)) != 0;

    /* the claim's own polarity, and how it meets the article's */
    bool cneg = (c.cues & (CUE(MZ_CUE_NEGATION) | CUE(MZ_CUE_DENIAL))) != 0;
    d[F_CLAIM_NEG] = cneg;
    d[F_CLAIM_DENIAL] = (c.cues & (CUE(MZ_CUE_DENIAL) | CUE(MZ_CUE_FAKE))) != 0;
    d[F_CLAIM_HEDGE] = (c.cues & CUE(MZ_CUE_HEDGE)) != 0;
    d[F_CLAIM_NEG_X_DEN] = cneg * d[F_DEN_TOP];
    d[F_CLAIM_NEG_X_NEGNEAR] = cneg * d[F_NEG_NEAR_TOP];
    d[F_CLAIM_NEG_MISMATCH] = n_top ? (cneg != (f->sents[top[0]].neg_near != 0)) * best : 0;
    /* Claims phrased as dated, attributed wire reports ("X said on Thursday")
     * are reported statements; other claims (rumours, posts) are the ones
     * articles tend to contest. The model learns how much that matters. */
    d[F_CLAIM_SAID] = (c.cues & CUE(MZ_CUE_SAID)) != 0;
    d[F_CLAIM_TIME] = (c.cues & CUE(MZ_CUE_TIME)) != 0;
    double wire = d[F_CLAIM_SAID] || d[F_CLAIM_TIME];
    d[F_CLAIM_WIRE_X_COV] = wire * best;
    d[F_CLAIM_OTHER_X_COV] = (1 - wire) * best;
    d[F_CLAIM_OTHER_X_DEN] = (1 - wire) * d[F_DEN_NEAR];
    d[F_CLAIM_OTHER_X_NEG] = (1 - wire) * d[F_NEG_NEAR_TOP];

    if (x->lex_bits && add_lex(x, &s, s.acc, top, n_top, f) != MZ_OK)
        goto fail;
    scratch_free(&s);
    return MZ_OK;
fail:
    scratch_free(&s);
    mz_pair_feats_clear(f);
    return mz_fail(err, st, "out of memory extracting stance features");
}
