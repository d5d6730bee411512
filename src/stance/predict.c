/*
 * predict.c — mz_stance_predict: features, calibrated class probabilities,
 * evidence. Reads the shared model only; all scratch memory is per call, so
 * any number of threads may predict with one model.
 */
#include "stance/stance.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

mz_stance mz_model_probs(const mz_model *m, const mz_pair_feats *f, double probs[MZ_N_STANCES])
{
    double z[MZ_N_STANCES];
    for (int k = 0; k < MZ_N_STANCES; k++)
        z[k] = m->bias[k];
    for (size_t i = 0; i < m->n_dense; i++) {
        double x = (f->dense[i] - m->mean[i]) / m->scale[i];
        const double *w = &m->w[i * MZ_N_STANCES];
        for (int k = 0; k < MZ_N_STANCES; k++)
            z[k] += w[k] * x;
    }
    if (m->wlex)
        for (size_t j = 0; j < f->n_lex; j++) {
            const float *w = &m->wlex[(size_t)f->lex[j] * MZ_N_STANCES];
            for (int k = 0; k < MZ_N_STANCES; k++)
                z[k] += w[k];
        }
    int label = 0;
    for (int k = 1; k < MZ_N_STANCES; k++)
        if (z[k] > z[label])
            label = k;
    double mx = -INFINITY, sum = 0;
    for (int k = 0; k < MZ_N_STANCES; k++) {
        z[k] = z[k] / m->temperature + m->calib_bias[k];
        if (z[k] > mx)
            mx = z[k];
    }
    for (int k = 0; k < MZ_N_STANCES; k++)
        sum += (probs[k] = exp(z[k] - mx));
    for (int k = 0; k < MZ_N_STANCES; k++)
        probs[k] /= sum;
    return (mz_stance)label;
}

mz_status mz_stance_predict(const mz_model *m, const char *claim, const char *title,
                            const char *article, size_t article_len, mz_stance_result *out,
                            mz_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!m || !out || (!article && article_len))
        return mz_fail(err, MZ_ERR_ARG, "stance: missing model, article or result");
    if (!claim || !*claim)
        return mz_fail(err, MZ_ERR_ARG, "empty claim");
    /* the limit mz_check sets: one claim, not an article (the features read
     * a claim's first MZ_MAX_CLAIM_TOKENS words only) */
    size_t chars = 0;
    for (const char *p = claim; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (chars > MZ_CLAIM_MAX_CHARS)
        return mz_fail(err, MZ_ERR_ARG,
                       "the claim is %zu characters long; the limit is %d (give one claim, not an article)",
                       chars, MZ_CLAIM_MAX_CHARS);
    mz_extractor x = {m->lexicon, &m->idf, m->lex_bits, m->boilerplate};
    mz_pair_feats f;
    mz_status st = mz_extract(&x, claim, title, article ? article : "", article_len, &f, err);
    if (st != MZ_OK)
        return st;
    out->label = mz_model_probs(m, &f, out->probs);
    /* An article that leads with a denial of the claim is the denial's
     * report, whatever else it goes on to say: its P(agree) and P(discuss)
     * move to P(disagree). The model cannot learn this from the corpus —
     * its scraped pages lead with site menus, so the rule fires on almost
     * none of them (cross-validation is unchanged, 0.4781 either way) — and
     * without it a denial written as clean text ("«قسد» تنفي التوصل إلى
     * اتفاق…") read as agreement, its words being the claim's. A denial
     * quoted further down (a report of the claim that cites a denial) is
     * left to the model. */
    if (f.lead_denial) {
        out->probs[MZ_DISAGREE] += out->probs[MZ_AGREE] + out->probs[MZ_DISCUSS];
        out->probs[MZ_AGREE] = out->probs[MZ_DISCUSS] = 0;
        out->label = MZ_DISAGREE;
    }
    /* The mirror case: a lead (the headline or the first two sentences)
     * that states the claim, and a denial further down. Such an article
     * reports the claim and quotes the denial (seeds 000 and 004); it is not
     * the denial's report, so its P(disagree) moves to P(discuss). Trained
     * with written news, the model alone reads any denial among the best
     * sentences as disagreement (README, "Clean text"). */
    if (f.quoted_denial) {
        out->probs[MZ_DISCUSS] += out->probs[MZ_DISAGREE];
        out->probs[MZ_DISAGREE] = 0;
        if (out->label == MZ_DISAGREE)
            out->label = out->probs[MZ_AGREE] > out->probs[MZ_DISCUSS] ? MZ_AGREE : MZ_DISCUSS;
    }
    out->lead_denial = f.lead_denial;
    out->quoted_denial = f.quoted_denial;
    mz_pick_evidence(&f, out->label, claim, article ? article : "", out);
    mz_pair_feats_clear(&f);
    return MZ_OK;
}

/* Moves e from offsets in "title\nbody" to offsets in body; false when it
 * lies in the title line. */
static bool to_body(mz_evidence *e, size_t title_line)
{
    if (e->start < title_line)
        return false;
    e->start -= title_line;
    e->end -= title_line;
    return true;
}

/* The title as the text's first line, as in the scraped pages the model was
 * trained on (the store keeps the title apart from the body). */
mz_status mz_stance_predict_titled(const mz_model *m, const char *claim, const char *title,
                                  const char *body, size_t body_len, mz_stance_result *sr,
                                  mz_error *err)
{
    size_t tl = title ? strlen(title) : 0;
    bool prefix = tl > 0 && !(body_len >= tl && !memcmp(body, title, tl)); /* not already its first line */
    if (!prefix)
        return mz_stance_predict(m, claim, title, body, body_len, sr, err);
    char *text = malloc(tl + 1 + body_len + 1);
    if (!text)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    memcpy(text, title, tl);
    text[tl] = '\n';
    memcpy(text + tl + 1, body, body_len);
    text[tl + 1 + body_len] = '\0';
    mz_status rc = mz_stance_predict(m, claim, title, text, tl + 1 + body_len, sr, err);
    free(text);
    if (rc != MZ_OK)
        return rc;
    size_t kept = 0, off = tl + 1;
    if (sr->has_denial)
        sr->has_denial = to_body(&sr->denial, off); /* a title's denial is in lead_denial */
    for (size_t i = 0; i < sr->n_evidence; i++) {
        mz_evidence e = sr->evidence[i];
        if (to_body(&e, off))
            sr->evidence[kept++] = e;
    }
    sr->n_evidence = kept;
    return MZ_OK;
}
