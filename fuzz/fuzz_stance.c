/* fuzz_stance.c — mz_stance_predict on arbitrary bytes: the first line is the
 * claim, the rest the article. Uses models/stance.model when run from the
 * repository root, else an empty model (same code paths, zero weights).
 * Invariants: no crash or leak; on success the probabilities sum to 1, the
 * label is one of the four, evidence offsets lie inside the article and are
 * ordered, and every evidence item names a cue; a lead denial and a quoted
 * denial never hold together, a lead denial is labelled disagree, and a
 * quoted denial leaves P(disagree) 0 and is not labelled disagree. */
#include "stance/stance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static mz_model *model;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
    if (!model && mz_model_load("models/stance.model", &model, NULL) != MZ_OK &&
        mz_model_new(0, 8, &model, NULL) != MZ_OK)
        abort();
    const unsigned char *nl = memchr(data, '\n', n);
    size_t cl = nl ? (size_t)(nl - data) : n;
    char *claim = malloc(cl + 1);
    if (!claim)
        return 0;
    memcpy(claim, data, cl);
    claim[cl] = '\0';
    const char *article = nl ? (const char *)nl + 1 : "";
    size_t alen = nl ? n - cl - 1 : 0;
    mz_stance_result r;
    mz_error err;
    if (mz_stance_predict(model, claim, NULL, article, alen, &r, &err) == MZ_OK) {
        double sum = 0;
        for (int k = 0; k < MZ_N_STANCES; k++) {
            if (!(r.probs[k] >= 0 && r.probs[k] <= 1))
                abort();
            sum += r.probs[k];
        }
        if (fabs(sum - 1) > 1e-6 || (unsigned)r.label >= MZ_N_STANCES || r.n_evidence > MZ_MAX_EVIDENCE)
            abort();
        if ((r.lead_denial && (r.quoted_denial || r.label != MZ_DISAGREE)) ||
            (r.quoted_denial && (r.probs[MZ_DISAGREE] != 0 || r.label == MZ_DISAGREE)))
            abort();
        for (size_t i = 0; i < r.n_evidence; i++)
            if (r.evidence[i].start >= r.evidence[i].end || r.evidence[i].end > alen || !r.evidence[i].cue ||
                !(r.evidence[i].score >= 0 && r.evidence[i].score <= 1))
                abort();
    }
    free(claim);
    return 0;
}
