/*
 * metrics.c — evaluation of stance predictions: accuracy, per-class
 * precision/recall/F1, macro-F1, the FNC-1 score, the rationale hit rate and
 * two calibration measures (Brier score, expected calibration error).
 */
#include "stance/stance.h"

#include <string.h>

void mz_eval_init(mz_eval *e)
{
    memset(e, 0, sizeof *e);
}

size_t mz_line_of(const char *text, size_t off)
{
    size_t line = 0;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

void mz_eval_add(mz_eval *e, mz_stance gold, const mz_stance_result *r, const char *article,
                 size_t article_len, const int *rationale, size_t n_rationale)
{
    if ((unsigned)gold >= MZ_N_STANCES)
        return;
    e->n++;
    e->confusion[gold][r->label]++;
    /* FNC-1: 0.25 for related/unrelated right, +0.75 for the right related class */
    bool gold_rel = gold != MZ_UNRELATED, pred_rel = r->label != MZ_UNRELATED;
    e->fnc_max += gold_rel ? 1.0 : 0.25;
    if (gold_rel == pred_rel)
        e->fnc_got += 0.25;
    if (gold_rel && r->label == gold)
        e->fnc_got += 0.75;
    /* calibration */
    for (int k = 0; k < MZ_N_STANCES; k++) {
        double d = r->probs[k] - (k == (int)gold);
        e->brier += d * d;
    }
    /* ECE of the probabilities themselves: top probability vs. whether its
     * class is right (the label may differ: it is the class-balanced choice) */
    int top = 0;
    for (int k = 1; k < MZ_N_STANCES; k++)
        if (r->probs[k] > r->probs[top])
            top = k;
    double conf = r->probs[top];
    int bin = (int)(conf * 10);
    if (bin > 9)
        bin = 9;
    if (bin < 0)
        bin = 0;
    e->ece_n[bin]++;
    e->ece_conf[bin] += conf;
    e->ece_acc[bin] += top == (int)gold;
    /* rationale: one of the top-3 evidence sentences on a gold line */
    if ((gold == MZ_AGREE || gold == MZ_DISAGREE) && rationale && n_rationale) {
        e->rationale_n++;
        bool hit = false;
        for (size_t i = 0; i < r->n_evidence && i < 3 && !hit; i++) {
            if (r->evidence[i].start > article_len)
                continue;
            size_t line = mz_line_of(article, r->evidence[i].start);
            for (size_t k = 0; k < n_rationale; k++)
                hit |= (size_t)rationale[k] == line;
        }
        e->rationale_hits += hit;
    }
}

void mz_eval_finish(mz_eval *e)
{
    size_t right = 0;
    e->macro_f1 = 0;
    for (int k = 0; k < MZ_N_STANCES; k++) {
        size_t tp = e->confusion[k][k], pred = 0, gold = 0;
        for (int j = 0; j < MZ_N_STANCES; j++) {
            pred += e->confusion[j][k];
            gold += e->confusion[k][j];
        }
        right += tp;
        e->precision[k] = pred ? (double)tp / pred : 0;
        e->recall[k] = gold ? (double)tp / gold : 0;
        double pr = e->precision[k] + e->recall[k];
        e->f1[k] = pr > 0 ? 2 * e->precision[k] * e->recall[k] / pr : 0;
        e->macro_f1 += e->f1[k] / MZ_N_STANCES;
    }
    e->accuracy = e->n ? (double)right / e->n : 0;
    e->fnc_score = e->fnc_max > 0 ? e->fnc_got / e->fnc_max : 0;
    e->rationale_hit = e->rationale_n ? (double)e->rationale_hits / e->rationale_n : 0;
    double ece = 0;
    for (int b = 0; b < 10; b++)
        if (e->ece_n[b])
            ece += (double)e->ece_n[b] / (e->n ? e->n : 1) *
                   (e->ece_conf[b] / e->ece_n[b] > e->ece_acc[b] / e->ece_n[b]
                        ? e->ece_conf[b] / e->ece_n[b] - e->ece_acc[b] / e->ece_n[b]
                        : e->ece_acc[b] / e->ece_n[b] - e->ece_conf[b] / e->ece_n[b]);
    e->ece = ece;
    e->brier = e->n ? e->brier / e->n : 0;
    e->pairs_per_s = e->seconds > 0 ? e->n / e->seconds : 0;
}
