/*
 * eval.h — claim-level evaluation (eval_claims.c): retrieval recall@k / MRR
 * of each claim's related articles, and verdict accuracy / macro-F1 against
 * the claim's `fact`, on data in the baly2018 JSONL format.
 */
#ifndef MZ_CHECK_EVAL_H
#define MZ_CHECK_EVAL_H

#include "check/check.h"

/* Called for each setting a sweep tries (kind "rerank": a = recall@k,
 * b = MRR; kind "verdict": a = accuracy, b = macro-F1). */
typedef void (*mz_eval_sweep_fn)(void *ctx, const char *kind, const mz_rerank_params *rp,
                                 const mz_verdict_params *vp, double a, double b);

typedef struct mz_eval_claims_options {
    size_t k;       /* recall@k; 0 = 10 */
    size_t check_k; /* articles weighed per verdict; 0 = mz_check's default (20) */
    const mz_rerank_params *rerank;   /* NULL: mz_rerank_default */
    const mz_verdict_params *verdict; /* NULL: mz_verdict_default */
    bool sweep;                       /* search the settings (train data only!) */
    mz_eval_sweep_fn sweep_report;    /* may be NULL */
    void (*progress)(void *ctx, size_t done, size_t total); /* may be NULL */
    void *ctx;
} mz_eval_claims_options;

typedef struct mz_eval_claims_report {
    size_t n_claims, n_claims_with_related, n_pairs, n_articles, k;
    size_t n_pairs_skipped; /* pairs left out: their article could not be stored */
    char first_skip[256];   /* "line N: why" for the first of them, or "" */
    double recall_at_k, mrr;
    double verdict_accuracy, verdict_macro_f1;
    double accuracy_disputed_as_true; /* the same verdicts with disputed counted as true */
    /* 95% bootstrap intervals over claims ([0] low, [1] high): retrieval's
     * over the claims with related articles, the verdict's over all; a flag
     * is false (and its intervals 0) when there were fewer than two claims */
    bool has_retrieval_ci, has_verdict_ci;
    double recall_ci[2], mrr_ci[2], accuracy_ci[2], macro_f1_ci[2];
    double majority_baseline;
    size_t confusion[2][4]; /* [fact false/true][verdict] */
    const mz_rerank_params *rerank_used;
    const mz_verdict_params *verdict_used;
    /* filled by a sweep */
    mz_rerank_params best_rerank;
    double best_recall, best_mrr;
    mz_verdict_params best_verdict;
    double best_accuracy, best_macro_f1;
    double seconds;
} mz_eval_claims_report;

mz_status mz_eval_claims(const char *path, const mz_model *m, const mz_eval_claims_options *o,
                         mz_eval_claims_report *rep, mz_error *err);

#endif /* MZ_CHECK_EVAL_H */
