/* fuzz_eval_claims.c — arbitrary bytes as an eval-claims data file
 * (baly2018 JSONL: claim_id, claim, fact, article, stance) through
 * mz_eval_claims: the loader, a ":memory:" store of its articles, and a
 * check of every claim. Uses models/stance.model when run from the
 * repository root, else an empty model (same code paths, zero weights).
 * Invariants: no crash or leak; a file is either refused with a message or
 * measured; when measured, the counts agree (claims with related articles
 * <= claims <= pairs, articles <= pairs), recall@k, MRR, the accuracies
 * and macro-F1 lie in [0, 1], and the confusion table sums to the claims. */
#include "check/eval.h"
#include "stance/stance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static mz_model *model;

static int in_unit(double x)
{
    return x >= 0.0 && x <= 1.0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model && mz_model_load("models/stance.model", &model, NULL) != MZ_OK &&
        mz_model_new(0, 8, &model, NULL) != MZ_OK)
        abort();
    if (size > 16384) /* every claim is checked: keep runs short */
        return 0;
    char path[] = "/tmp/mizan-fuzz-eval-claims-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    if (size && write(fd, data, size) != (ssize_t)size)
        abort();
    close(fd);
    mz_eval_claims_options o = {.k = 3};
    mz_eval_claims_report rep;
    mz_error err;
    mz_status rc = mz_eval_claims(path, model, &o, &rep, &err);
    unlink(path);
    if (rc != MZ_OK) {
        if (!err.msg[0])
            abort(); /* refused without a word */
        return 0;
    }
    if (rep.n_claims_with_related > rep.n_claims || rep.n_claims > rep.n_pairs ||
        rep.n_articles > rep.n_pairs || rep.n_claims == 0)
        abort();
    if (!in_unit(rep.recall_at_k) || !in_unit(rep.mrr) || !in_unit(rep.verdict_accuracy) ||
        !in_unit(rep.verdict_macro_f1) || !in_unit(rep.accuracy_disputed_as_true))
        abort();
    size_t sum = 0;
    for (int f = 0; f < 2; f++)
        for (int v = 0; v < 4; v++)
            sum += rep.confusion[f][v];
    if (sum != rep.n_claims)
        abort();
    return 0;
}
