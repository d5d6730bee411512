/*
 * features_int.h — internals shared by claim.c, features.c and train.c.
 */
#ifndef MZ_FEATURES_INT_H
#define MZ_FEATURES_INT_H

#include "stance/stance.h"

#define MZ_MAX_TERMS 64        /* claim content stems tracked (bit masks) */
#define MZ_MAX_NUMS 16
#define MZ_MAX_CLAIM_TOKENS 512
#define MZ_CLAIM_SLOTS 256     /* open-addressing table, power of two */

#define MZ_MAX_ALIAS_KEYS 16

/* An article word (or two-word phrase) that stands for claim terms: another
 * form of a name the claim uses (text/aliases.c). */
typedef struct mz_alias_key {
    uint64_t h;                /* hash of the normalized word */
    char prev[32];             /* normalized word before it (a suffix match, so
                                  ل/ب/و may precede), "" for a one-word form */
    size_t prev_len;
    uint64_t mask;             /* claim terms it covers */
} mz_alias_key;

typedef struct mz_claim {
    size_t n_terms;
    uint64_t term_hash[MZ_MAX_TERMS];
    double term_idf[MZ_MAX_TERMS];
    double idf_sum;
    uint64_t rare_mask;        /* the (up to) 3 rarest terms: names */
    double rare_sum;
    size_t n_bigrams;          /* consecutive content stems (a, b) */
    uint8_t bg_a[MZ_MAX_TERMS], bg_b[MZ_MAX_TERMS];
    size_t n_nums;
    uint64_t num_hash[MZ_MAX_NUMS];
    uint16_t cues;             /* cue classes present in the claim itself */
    uint64_t key_bits4[16];    /* prefilter bitmaps (mz_claim_may_match): */
    uint64_t key_bits6[16];    /* 2-letter and 3-letter stem prefixes */
    bool no_prefilter;
    size_t n_alias;
    mz_alias_key alias[MZ_MAX_ALIAS_KEYS];
    size_t n_keys;             /* deep-stem keys in the slot table (mz_claim_word_term) */
    uint64_t slot_h[MZ_CLAIM_SLOTS];
    int8_t slot_idx[MZ_CLAIM_SLOTS];
} mz_claim;

mz_status mz_claim_analyze(const mz_extractor *x, const char *claim, mz_claim *c, mz_error *err);
/* The claim term a normalized word stems to (light stem, then deep stem), or -1. */
int mz_claim_word_term(const mz_claim *c, const char *norm, size_t len);
/* Claim terms covered by token i of tk as another form of a name (0 if none). */
struct mz_tokens;
uint64_t mz_claim_alias_mask(const mz_claim *c, const struct mz_tokens *tk, size_t i, uint64_t h,
                             uint64_t h2);
/* Index of the claim number with this normalized-form hash, or -1. */
int mz_claim_number(const mz_claim *c, uint64_t h);
/* IDF-weighted share of the claim's terms (or of its rare terms) in mask. */
double mz_claim_cov(const mz_claim *c, uint64_t mask);
double mz_claim_rare_cov(const mz_claim *c, uint64_t mask);
/* Hash of the light stem of a normalized word. */
uint64_t mz_stem_hash(const char *norm, size_t len);
/* False when the word cannot stem to any claim term (cheap prefilter). */
bool mz_claim_may_match(const mz_claim *c, const char *norm, size_t len);

/* segment.c: the next sentence of tk starting at token *ti: tokens
 * [*tb, *te), on line *sline. A sentence ends after . ! ? ؟ ؛ … (with the
 * closing quotes and brackets that follow) and at every line break. *ti,
 * *prev_end (end of the last token read) and *line (line breaks seen) carry
 * the state between calls; start with all three 0 and call while
 * *ti < tk->n. */
struct mz_tokens;
void mz_next_sentence(const char *text, const struct mz_tokens *tk, size_t *ti, size_t *prev_end,
                      size_t *line, size_t *tb, size_t *te, size_t *sline);

#endif /* MZ_FEATURES_INT_H */
