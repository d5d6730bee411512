/*
 * claim.c — analysis of the claim side of a pair: its content stems (with
 * IDF weights), the bigrams of consecutive content stems (actor+action), its
 * numbers and its own polarity (claims often carry a negation themselves).
 */
#include "stance/features_int.h"
#include "text/text.h"
#include "util/util.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

static int term_find(const mz_claim *c, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 31)) & (MZ_CLAIM_SLOTS - 1);
    while (c->slot_h[i]) {
        if (c->slot_h[i] == h)
            return c->slot_idx[i];
        i = (i + 1) & (MZ_CLAIM_SLOTS - 1);
    }
    return -1;
}

static void add_aliases(mz_claim *c);

/* Puts key h -> term t in the open-addressing table; false when it is full
 * (it holds at most MZ_MAX_TERMS terms and as many deep keys, so it is not). */
static bool slot_put(mz_claim *c, uint64_t h, int t)
{
    size_t i = (size_t)(h ^ (h >> 31)) & (MZ_CLAIM_SLOTS - 1);
    for (size_t probes = 0; c->slot_h[i]; probes++) {
        if (probes == MZ_CLAIM_SLOTS)
            return false;
        i = (i + 1) & (MZ_CLAIM_SLOTS - 1);
    }
    c->slot_h[i] = h;
    c->slot_idx[i] = (int8_t)t;
    return true;
}

static int term_add(mz_claim *c, uint64_t h)
{
    int found = term_find(c, h);
    if (found >= 0 || c->n_terms >= MZ_MAX_TERMS)
        return found;
    if (!slot_put(c, h, (int)c->n_terms))
        return -1;
    c->term_hash[c->n_terms] = h;
    return (int)c->n_terms++;
}

/* Maps another key (a deeper stem) to an existing term; first mapping wins. */
static void key_add(mz_claim *c, uint64_t h, int t)
{
    if (term_find(c, h) < 0 && c->n_keys < MZ_CLAIM_SLOTS / 2 && slot_put(c, h, t))
        c->n_keys++;
}

int mz_claim_number(const mz_claim *c, uint64_t h)
{
    for (size_t i = 0; i < c->n_nums; i++)
        if (c->num_hash[i] == h)
            return (int)i;
    return -1;
}

/* The deep stem: the light stem without the leading letters that mark verb
 * persons (ي ت ن ا), participles and verbal nouns (م) and attached
 * prepositions (ب ل), while four letters remain. The light stemmer leaves
 * them, so تتفاوض / التفاوض / مفاوضات (تتفاوض، تفاوض، مفاوض) or مقاتليه /
 * يقاتل would never meet; their deep stems do (فاوض، قاتل). Returns the byte
 * offset of the deep stem inside stem. */
static size_t deep_stem_offset(const char *stem, size_t n)
{
    size_t off = 0;
    while (n - off >= 10) { /* 5+ letters: strip one, 4+ remain */
        const unsigned char *p = (const unsigned char *)stem + off;
        bool strip = (p[0] == 0xd9 && (p[1] == 0x8a || p[1] == 0x86 || p[1] == 0x85 || p[1] == 0x84)) ||
                     (p[0] == 0xd8 && (p[1] == 0xaa || p[1] == 0xa7 || p[1] == 0xa8));
        if (!strip)
            break;
        off += 2;
    }
    return off;
}

int mz_claim_word_term(const mz_claim *c, const char *norm, size_t len)
{
    char stem[96];
    size_t n = mz_stem_light(norm, len, stem, sizeof stem);
    int t = term_find(c, mz_hash64(stem, n));
    if (t >= 0)
        return t;
    size_t off = deep_stem_offset(stem, n);
    return off ? term_find(c, mz_hash64(stem + off, n - off)) : -1;
}

uint64_t mz_stem_hash(const char *norm, size_t len)
{
    char stem[96];
    size_t n = mz_stem_light(norm, len, stem, sizeof stem);
    return mz_hash64(stem, n);
}

/* Prefilter: a light stem is a contiguous piece of its word, so a word can
 * stem to a claim term only if it contains that term's first three letters
 * (first 6 bytes; two letters for 2-letter stems) somewhere. The keys sit in
 * 1024-bit bitmaps (false positives only cost a stemming). Stems shorter
 * than 4 bytes disable the filter. */
static size_t key_bit(const char *p, size_t n)
{
    uint64_t k = 0;
    memcpy(&k, p, n);
    return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 54); /* 0..1023 */
}

/* Registers the key of a stem (the claim word's light stem, or its deep stem). */
static void prefilter_add(mz_claim *c, const char *stem, size_t n)
{
    if (n < 4) {
        c->no_prefilter = true;
        return;
    }
    size_t kn = n >= 6 ? 6 : 4;
    uint64_t *bits = kn == 6 ? c->key_bits6 : c->key_bits4;
    size_t b = key_bit(stem, kn);
    bits[b / 64] |= 1ULL << (b % 64);
    /* the one stem that is not a piece of its word: لله -> الله */
    if (n == 8 && !memcmp(stem, "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87", 8)) {
        b = key_bit("\xd9\x84\xd9\x84", 4);
        c->key_bits4[b / 64] |= 1ULL << (b % 64);
    }
}

bool mz_claim_may_match(const mz_claim *c, const char *w, size_t len)
{
    if (c->no_prefilter)
        return true;
    /* Arabic letters are 2 bytes: keys start at even offsets of Arabic words */
    size_t step = len && ((unsigned char)w[0] & 0xe0) == 0xc0 ? 2 : 1;
    for (size_t i = 0; i + 4 <= len; i += step) {
        size_t b = key_bit(w + i, 4);
        if (c->key_bits4[b / 64] >> (b % 64) & 1)
            return true;
        if (i + 6 <= len) {
            b = key_bit(w + i, 6);
            if (c->key_bits6[b / 64] >> (b % 64) & 1)
                return true;
        }
    }
    return false;
}

mz_status mz_claim_analyze(const mz_extractor *x, const char *claim, mz_claim *c, mz_error *err)
{
    memset(c, 0, sizeof *c);
    size_t len = claim ? strlen(claim) : 0;
    size_t bad;
    mz_tokens toks = {0};
    mz_status st = mz_tokenize_checked(claim ? claim : "", len, false, &toks, &bad);
    if (st != MZ_OK) {
        mz_tokens_clear(&toks);
        return st == MZ_ERR_UTF8
                   ? mz_fail(err, MZ_ERR_UTF8, "claim: invalid UTF-8 at byte %zu%s", bad,
                             mz_utf8_hint(claim ? claim : "", len))
                   : mz_fail(err, MZ_ERR_NOMEM, "out of memory analyzing the claim");
    }
    size_t n_words = 0;
    uint64_t h[MZ_MAX_CLAIM_TOKENS], h2[MZ_MAX_CLAIM_TOKENS];
    size_t nt = toks.n < MZ_MAX_CLAIM_TOKENS ? toks.n : MZ_MAX_CLAIM_TOKENS;
    uint8_t cue_at[MZ_MAX_CLAIM_TOKENS];
    for (size_t i = 0; i < nt; i++) {
        h[i] = mz_hash64(mz_tok_text(&toks, i), toks.v[i].norm_len);
        h2[i] = mz_lexicon_strip_hash(mz_tok_text(&toks, i), toks.v[i].norm_len);
    }
    for (size_t i = 0; i < nt;) {
        size_t span;
        mz_cue cue = mz_lexicon_match(x->lex, h, h2, nt, i, &span);
        if (cue)
            c->cues |= (uint16_t)(1u << cue);
        for (size_t k = i; k < i + span; k++)
            cue_at[k] = (uint8_t)cue;
        i += span;
    }
    int prev = -1;
    for (size_t i = 0; i < nt; i++) {
        const char *w = mz_tok_text(&toks, i);
        size_t wl = toks.v[i].norm_len;
        if (toks.v[i].kind == MZ_TOK_NUMBER) {
            if (c->n_nums < MZ_MAX_NUMS && mz_claim_number(c, h[i]) < 0)
                c->num_hash[c->n_nums++] = h[i];
            continue;
        }
        n_words++;
        /* stopwords, and the wire-style glue (قال، يوم الخميس), are not
         * what the claim is about */
        if (mz_is_stopword(w, wl) || wl < 2 || cue_at[i] == MZ_CUE_SAID || cue_at[i] == MZ_CUE_TIME)
            continue;
        char stem[96];
        size_t sn = mz_stem_light(w, wl, stem, sizeof stem);
        int t = term_add(c, mz_hash64(stem, sn));
        if (t >= 0) {
            prefilter_add(c, stem, sn);
            /* article words meet the deep key by their own deep stem, or by
             * their light stem when that is already short */
            size_t off = deep_stem_offset(stem, sn);
            if (off) {
                key_add(c, mz_hash64(stem + off, sn - off), t);
                prefilter_add(c, stem + off, sn - off);
            }
        }
        if (t >= 0 && prev >= 0 && t != prev && c->n_bigrams < MZ_MAX_TERMS) {
            bool dup = false;
            for (size_t b = 0; b < c->n_bigrams; b++)
                dup |= (c->bg_a[b] == prev && c->bg_b[b] == t) ||
                       (c->bg_a[b] == t && c->bg_b[b] == prev);
            if (!dup) {
                c->bg_a[c->n_bigrams] = (uint8_t)prev;
                c->bg_b[c->n_bigrams] = (uint8_t)t;
                c->n_bigrams++;
            }
        }
        if (t >= 0)
            prev = t;
    }
    mz_tokens_clear(&toks);
    if (n_words == 0 && c->n_nums == 0)
        return mz_fail(err, MZ_ERR_ARG, "empty claim");

    add_aliases(c);

    /* IDF weights; the rarest terms stand for the claim's names. */
    double best[3] = {-1, -1, -1};
    int best_i[3] = {-1, -1, -1};
    for (size_t t = 0; t < c->n_terms; t++) {
        double w = mz_idf_get(x->idf, c->term_hash[t]);
        c->term_idf[t] = w;
        c->idf_sum += w;
        for (int k = 0; k < 3; k++)
            if (w > best[k]) {
                for (int j = 2; j > k; j--) {
                    best[j] = best[j - 1];
                    best_i[j] = best_i[j - 1];
                }
                best[k] = w;
                best_i[k] = (int)t;
                break;
            }
    }
    for (int k = 0; k < 3; k++)
        if (best_i[k] >= 0) {
            c->rare_mask |= 1ULL << best_i[k];
            c->rare_sum += best[k];
        }
    return MZ_OK;
}

/* The alias table (text/aliases.c) analyzed once per process: each form's
 * words with their normalized text and stem hash. */
#define ALIAS_WORDS 4
typedef struct alias_word {
    char norm[32];
    size_t len;
    uint64_t stem;
    bool content; /* not a stopword */
} alias_word;

typedef struct alias_form {
    alias_word w[ALIAS_WORDS];
    size_t n;
} alias_form;

#define ALIAS_GROUPS_MAX 32
static alias_form alias_table[ALIAS_GROUPS_MAX][MZ_ALIAS_FORMS];
static pthread_once_t alias_once = PTHREAD_ONCE_INIT;

static void alias_table_build(void)
{
    for (size_t g = 0; g < mz_n_alias_groups && g < ALIAS_GROUPS_MAX; g++)
        for (size_t k = 0; k < MZ_ALIAS_FORMS && mz_alias_groups[g][k]; k++) {
            const char *form = mz_alias_groups[g][k];
            alias_form *f = &alias_table[g][k];
            mz_tokens tk = {0};
            if (mz_tokenize(form, strlen(form), false, &tk) != MZ_OK || tk.n > ALIAS_WORDS) {
                mz_tokens_clear(&tk);
                continue; /* left empty: the form is not used */
            }
            for (size_t i = 0; i < tk.n; i++) {
                alias_word *w = &f->w[f->n];
                w->len = tk.v[i].norm_len;
                if (w->len >= sizeof w->norm)
                    break;
                memcpy(w->norm, mz_tok_text(&tk, i), w->len);
                w->stem = mz_stem_hash(w->norm, w->len);
                w->content = !mz_is_stopword(w->norm, w->len);
                f->n++;
            }
            if (f->n != tk.n)
                f->n = 0;
            mz_tokens_clear(&tk);
        }
}

/* For each name the claim writes in one of its forms, the other forms
 * become alias keys covering the claim terms of the form it used. A form
 * counts as used when all its content words are claim terms; one- and
 * two-word forms are looked for in articles. */
static void add_aliases(mz_claim *c)
{
    pthread_once(&alias_once, alias_table_build);
    for (size_t g = 0; g < mz_n_alias_groups && g < ALIAS_GROUPS_MAX; g++) {
        const alias_form *forms = alias_table[g];
        uint64_t used = 0;
        for (size_t k = 0; k < MZ_ALIAS_FORMS; k++) {
            uint64_t m = 0;
            size_t hit = 0, words = 0;
            for (size_t i = 0; i < forms[k].n; i++) {
                if (!forms[k].w[i].content)
                    continue;
                words++;
                int t = term_find(c, forms[k].w[i].stem);
                if (t >= 0) {
                    m |= 1ULL << t;
                    hit++;
                }
            }
            if (words && hit == words)
                used |= m;
        }
        for (size_t k = 0; k < MZ_ALIAS_FORMS && used; k++) {
            const alias_form *f = &forms[k];
            if (f->n == 0 || f->n > 2 || c->n_alias >= MZ_MAX_ALIAS_KEYS)
                continue;
            const alias_word *last = &f->w[f->n - 1];
            if (f->n == 1 && term_find(c, last->stem) >= 0)
                continue; /* the claim's own word: matched directly */
            mz_alias_key *a = &c->alias[c->n_alias++];
            memset(a, 0, sizeof *a);
            a->h = mz_hash64(last->norm, last->len);
            if (f->n == 2) {
                memcpy(a->prev, f->w[0].norm, f->w[0].len);
                a->prev_len = f->w[0].len;
            }
            a->mask = used;
        }
    }
}

uint64_t mz_claim_alias_mask(const mz_claim *c, const mz_tokens *tk, size_t i, uint64_t h, uint64_t h2)
{
    uint64_t m = 0;
    for (size_t a = 0; a < c->n_alias; a++) {
        const mz_alias_key *k = &c->alias[a];
        if (k->h != h && k->h != h2)
            continue;
        if (k->prev_len) {
            if (i == 0 || tk->v[i - 1].kind != MZ_TOK_WORD)
                continue;
            size_t pl = tk->v[i - 1].norm_len;
            const char *p = mz_tok_text(tk, i - 1);
            if (pl < k->prev_len || memcmp(p + pl - k->prev_len, k->prev, k->prev_len))
                continue;
        }
        m |= k->mask;
    }
    return m;
}

double mz_claim_cov(const mz_claim *c, uint64_t mask)
{
    if (c->idf_sum <= 0)
        return 0;
    double s = 0;
    for (size_t t = 0; t < c->n_terms; t++)
        if (mask >> t & 1)
            s += c->term_idf[t];
    return s / c->idf_sum;
}

double mz_claim_rare_cov(const mz_claim *c, uint64_t mask)
{
    if (c->rare_sum <= 0)
        return 0;
    double s = 0;
    for (size_t t = 0; t < c->n_terms; t++)
        if ((mask & c->rare_mask) >> t & 1)
            s += c->term_idf[t];
    return s / c->rare_sum;
}

double mz_idf_get(const mz_idf *idf, uint64_t h)
{
    if (!idf || !idf->n_docs || !idf->df)
        return 1.0;
    uint32_t df = idf->df[h & ((1u << idf->bits) - 1)];
    double n = idf->n_docs;
    return log(1.0 + (n - df + 0.5) / (df + 0.5));
}
