/*
 * metrics.c — evaluation of stance predictions: accuracy, per-class
 * precision/recall/F1, macro-F1 with 95% intervals (a bootstrap over
 * claims), the FNC-1 score, the rationale hit rate and two calibration
 * measures (Brier score, expected calibration error).
 */
#include "stance/stance.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* One evaluated pair, as the bootstrap needs it. */
struct mz_eval_item {
    uint64_t group; /* hash of the claim's id or text */
    uint8_t gold, pred;
};

void mz_eval_init(mz_eval *e)
{
    memset(e, 0, sizeof *e);
}

void mz_eval_free(mz_eval *e)
{
    free(e->items);
    e->items = NULL;
    e->items_cap = 0;
}

/* FNV-1a: groups only need telling apart, not a cryptographic hash. */
static uint64_t group_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

static void keep_item(mz_eval *e, mz_stance gold, mz_stance pred, const char *group)
{
    if (e->items_failed)
        return;
    size_t i = e->n - 1; /* e->n already counts this pair */
    if (mz_array_grow(&e->items, &e->items_cap, i, sizeof *e->items, 256) != 0) {
        e->items_failed = true; /* the intervals are left out, the rest stands */
        return;
    }
    /* a pair without a group is its own: its index, with the top bit set so
     * that it cannot meet a text's hash by more than chance */
    e->items[i].group = group ? group_hash(group) : (uint64_t)i | 1ull << 63;
    e->items[i].gold = (uint8_t)gold;
    e->items[i].pred = (uint8_t)pred;
}

size_t mz_line_of(const char *text, size_t off)
{
    size_t line = 0;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

void mz_eval_add(mz_eval *e, mz_stance gold, const mz_stance_result *r, const char *article,
                 size_t article_len, const int *rationale, size_t n_rationale,
                 const char *group)
{
    if ((unsigned)gold >= MZ_N_STANCES)
        return;
    e->n++;
    e->confusion[gold][r->label]++;
    keep_item(e, gold, r->label, group);
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

/* F1 of class k from a confusion matrix ([gold][predicted]); 0 when the
 * class is neither predicted nor gold. */
static double class_f1(const double c[MZ_N_STANCES][MZ_N_STANCES], int k)
{
    double tp = c[k][k], pred = 0, gold = 0;
    for (int j = 0; j < MZ_N_STANCES; j++) {
        pred += c[j][k];
        gold += c[k][j];
    }
    return pred + gold > 0 ? 2 * tp / (pred + gold) : 0;
}

/* Macro-F1 over the classes that occur (as gold or as prediction): a class
 * absent from both, as "disagree" in a file without denials, has no F1 to
 * average and must not count as 0 (scikit-learn's f1_score does the same
 * with labels taken from the data). */
static double macro_f1(const double c[MZ_N_STANCES][MZ_N_STANCES])
{
    double sum = 0;
    int present = 0;
    for (int k = 0; k < MZ_N_STANCES; k++) {
        double seen = 0;
        for (int j = 0; j < MZ_N_STANCES; j++)
            seen += c[j][k] + c[k][j];
        if (seen > 0) {
            sum += class_f1(c, k);
            present++;
        }
    }
    return present ? sum / present : 0;
}

typedef struct boot_ctx {
    const double (*conf)[MZ_N_STANCES][MZ_N_STANCES]; /* one matrix per group */
    int cls;                                          /* a class, or -1: macro-F1 */
} boot_ctx;

static double boot_f1(void *ctx, const unsigned *counts, size_t n_groups)
{
    const boot_ctx *b = ctx;
    double c[MZ_N_STANCES][MZ_N_STANCES] = {{0}};
    for (size_t g = 0; g < n_groups; g++)
        if (counts[g])
            for (int i = 0; i < MZ_N_STANCES; i++)
                for (int j = 0; j < MZ_N_STANCES; j++)
                    c[i][j] += counts[g] * b->conf[g][i][j];
    return b->cls >= 0 ? class_f1(c, b->cls) : macro_f1(c);
}

static int by_group(const void *a, const void *b)
{
    uint64_t x = ((const struct mz_eval_item *)a)->group, y = ((const struct mz_eval_item *)b)->group;
    return (x > y) - (x < y);
}

/* The 95% intervals of macro-F1 and of each class's F1, resampling groups. */
static void intervals(mz_eval *e)
{
    e->ci_groups = 0;
    if (e->items_failed || e->n < 2)
        return;
    qsort(e->items, e->n, sizeof *e->items, by_group);
    size_t n_groups = 1;
    for (size_t i = 1; i < e->n; i++)
        n_groups += e->items[i].group != e->items[i - 1].group;
    double(*conf)[MZ_N_STANCES][MZ_N_STANCES] = calloc(n_groups, sizeof *conf);
    if (!conf)
        return;
    for (size_t i = 0, g = 0; i < e->n; i++) {
        if (i > 0 && e->items[i].group != e->items[i - 1].group)
            g++;
        conf[g][e->items[i].gold][e->items[i].pred]++;
    }
    boot_ctx b = {(const double(*)[MZ_N_STANCES][MZ_N_STANCES])conf, -1};
    bool ok = mz_bootstrap_ci(n_groups, boot_f1, &b, &e->macro_f1_lo, &e->macro_f1_hi) == 0;
    for (b.cls = 0; ok && b.cls < MZ_N_STANCES; b.cls++)
        ok = mz_bootstrap_ci(n_groups, boot_f1, &b, &e->f1_lo[b.cls], &e->f1_hi[b.cls]) == 0;
    if (ok)
        e->ci_groups = n_groups;
    else {
        e->macro_f1_lo = e->macro_f1_hi = 0;
        memset(e->f1_lo, 0, sizeof e->f1_lo);
        memset(e->f1_hi, 0, sizeof e->f1_hi);
    }
    free(conf);
}

void mz_eval_finish(mz_eval *e)
{
    size_t right = 0;
    double c[MZ_N_STANCES][MZ_N_STANCES];
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
        for (int j = 0; j < MZ_N_STANCES; j++)
            c[k][j] = (double)e->confusion[k][j];
    }
    e->macro_f1 = macro_f1(c);
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
    intervals(e);
}
