/*
 * eval_claims.c — claim-level evaluation on data in the baly2018 format
 * (one JSON object per claim–article pair: claim_id, claim, fact, article,
 * url, stance).
 *
 * All distinct articles of the file go into one ":memory:" store (the store
 * skips exact duplicates and gives back the existing id, so one text
 * labeled under several claims maps to one article). Then, per claim:
 *   (a) retrieval: recall@k of the claim's related (agree / disagree /
 *       discuss) articles in the re-ranked list, and the reciprocal rank of
 *       the first one (claims with no related article are left out);
 *   (b) verdict: mz_check's verdict against `fact`. true ↔ supported;
 *       false ↔ anything else — refuted, not_enough_evidence, and disputed
 *       (a claim that independent sources contest is not supported). The
 *       accuracy with disputed counted as true is reported beside it.
 * With a sweep, the re-rank weights and the verdict thresholds are searched
 * on the same runs (candidate features and stance results are computed
 * once) — for choosing settings on train.jsonl, never on dev.
 */
#include "check/check.h"
#include "check/eval.h"
#include "stance/stance.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct claim_rec {
    char *id, *text;
    bool fact;
    int64_t *related;
    size_t n_related;
    mz_candidate *pool; /* features of the re-ranked pool (articles not kept) */
    size_t n_pool;
    mz_check_result *result;
    double recall, rr; /* this claim's recall@k and reciprocal rank (retrieval_metrics) */
} claim_rec;

typedef struct dataset {
    claim_rec *v;
    size_t n;
    size_t pairs, articles;
    size_t skipped;        /* pairs whose article could not be stored */
    char first_skip[256];  /* why the first of them was not */
} dataset;

static void dataset_free(dataset *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].id);
        free(d->v[i].text);
        free(d->v[i].related);
        free(d->v[i].pool);
        mz_check_result_free(d->v[i].result);
    }
    free(d->v);
}

static claim_rec *claim_for(dataset *d, const char *id, const char *text, bool fact)
{
    for (size_t i = d->n; i > 0; i--) /* pairs of one claim are adjacent: search backwards */
        if (!strcmp(d->v[i - 1].id, id))
            return &d->v[i - 1];
    claim_rec *nv = realloc(d->v, (d->n + 1) * sizeof *nv);
    if (!nv)
        return NULL;
    d->v = nv;
    claim_rec *c = &d->v[d->n];
    memset(c, 0, sizeof *c);
    c->id = mz_strdup(id);
    c->text = mz_strdup(text);
    c->fact = fact;
    if (!c->id || !c->text) {
        free(c->id);
        free(c->text);
        return NULL;
    }
    d->n++;
    return c;
}

static mz_status add_related(claim_rec *c, int64_t id)
{
    for (size_t i = 0; i < c->n_related; i++)
        if (c->related[i] == id)
            return MZ_OK;
    int64_t *nr = realloc(c->related, (c->n_related + 1) * sizeof *nr);
    if (!nr)
        return MZ_ERR_NOMEM;
    c->related = nr;
    c->related[c->n_related++] = id;
    return MZ_OK;
}

static const char *str_field(cJSON *j, const char *name)
{
    cJSON *f = cJSON_GetObjectItemCaseSensitive(j, name);
    return cJSON_IsString(f) ? f->valuestring : NULL;
}

/* Reads the file into the store and the claim table. */
static mz_status load(const char *path, mz_db *db, dataset *d, mz_error *err)
{
    char *text;
    size_t len;
    mz_status rc = mz_read_file(path, MZ_DATA_MAX_BYTES, &text, &len, err);
    if (rc != MZ_OK)
        return rc;
    if ((rc = mz_utf16_refuse(text, len, path, err)) != MZ_OK) { /* not "malformed JSON" */
        free(text);
        return rc;
    }
    size_t line_no = 0;
    for (char *p = text, *end = text + len; rc == MZ_OK && p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        *stop = '\0';
        line_no++;
        char *line = p;
        p = stop + 1;
        if (strspn(line, " \t\r") == strlen(line))
            continue;
        size_t line_len = strlen(line), nul = mz_json_escaped_nul(line, line_len);
        if (nul < line_len) {
            rc = mz_fail(err, MZ_ERR_JSON, "%s: line %zu: NUL character (\\u0000) at byte %zu", path,
                         line_no, nul);
            break;
        }
        const char *parsed_end = NULL;
        cJSON *j = cJSON_ParseWithOpts(line, &parsed_end, false);
        if (!j) {
            rc = mz_fail(err, MZ_ERR_JSON, "%s: line %zu: malformed JSON", path, line_no);
            break;
        }
        /* cJSON stops after the first value: a second object pasted onto
         * the line would be dropped without a word */
        parsed_end += parsed_end ? strspn(parsed_end, " \t\r") : 0;
        if (parsed_end && *parsed_end) {
            rc = mz_fail(err, MZ_ERR_JSON,
                         "%s: line %zu: text after the JSON object at byte %zu (one object per line)",
                         path, line_no, (size_t)(parsed_end - line));
            cJSON_Delete(j);
            break;
        }
        const char *claim = str_field(j, "claim"), *article = str_field(j, "article");
        const char *stance = str_field(j, "stance"), *fact = str_field(j, "fact");
        const char *cid = str_field(j, "claim_id");
        char num_id[32]; /* a numeric claim_id (AraStance-style data) names its claim too */
        const cJSON *nid = cJSON_GetObjectItemCaseSensitive(j, "claim_id");
        if (!cid && cJSON_IsNumber(nid)) {
            snprintf(num_id, sizeof num_id, "%.17g", nid->valuedouble);
            cid = num_id;
        }
        if (!article)
            article = str_field(j, "text");
        if (!claim || !article || !stance || !fact) {
            cJSON_Delete(j);
            rc = mz_fail(err, MZ_ERR_JSON,
                         "%s: line %zu: needs string fields claim, article, stance and fact", path,
                         line_no);
            break;
        }
        mz_stance st = mz_stance_parse_label(stance);
        if (st == MZ_N_STANCES || (strcasecmp(fact, "true") && strcasecmp(fact, "false"))) {
            /* the message quotes the fields: written before they are freed */
            rc = mz_fail(err, MZ_ERR_JSON, "%s: line %zu: unknown stance '%s' or fact '%s'", path,
                         line_no, stance, fact);
            cJSON_Delete(j);
            break;
        }
        char *trimmed = NULL; /* the claim as mz_check will take it: refused here with its line */
        mz_status cs = mz_claim_prepare(claim, &trimmed, err);
        free(trimmed);
        if (cs != MZ_OK) {
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "%s", err->msg);
            rc = mz_fail(err, cs == MZ_ERR_NOMEM ? cs : MZ_ERR_JSON, "%s: line %zu: %s", path,
                         line_no, msg);
            cJSON_Delete(j);
            break;
        }
        mz_article_input in = {.text = article, .text_len = strlen(article), .url = str_field(j, "url")};
        char origin[64];
        snprintf(origin, sizeof origin, "jsonl:%zu", line_no);
        in.origin = origin;
        int64_t id = 0;
        mz_status a = mz_article_add(db, &in, &id, err);
        if (a == MZ_OK)
            d->articles++;
        d->pairs++;
        claim_rec *c = claim_for(d, cid ? cid : claim, claim, !strcasecmp(fact, "true"));
        if (!c)
            rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        else if ((a == MZ_OK || a == MZ_ERR_DUPLICATE) && st != MZ_UNRELATED)
            rc = add_related(c, id) == MZ_OK ? MZ_OK : mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        else if (a == MZ_ERR_NOMEM || a == MZ_ERR_DB || a == MZ_ERR_DB_LOCKED)
            rc = a;
        else if (a != MZ_ERR_DUPLICATE && a != MZ_OK) {
            /* An empty or invalid article leaves its pair out (counted and
             * reported): one bad scrape should not stop a whole evaluation. */
            if (!d->skipped++)
                snprintf(d->first_skip, sizeof d->first_skip, "line %zu: %.200s", line_no, err->msg);
        }
        cJSON_Delete(j);
    }
    free(text);
    if (rc == MZ_OK && d->n == 0)
        rc = mz_fail(err, MZ_ERR_EMPTY, "%s: no claims", path);
    return rc;
}

static bool is_related(const claim_rec *c, int64_t id)
{
    for (size_t i = 0; i < c->n_related; i++)
        if (c->related[i] == id)
            return true;
    return false;
}

static int cand_by_score(const void *a, const void *b)
{
    const mz_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Re-scores the pool with p and measures recall@k and MRR over the claims
 * that have related articles. */
static void retrieval_metrics(dataset *d, const mz_rerank_params *p, size_t k, double *recall,
                              double *mrr, size_t *n)
{
    double rs = 0, ms = 0;
    size_t cnt = 0;
    for (size_t i = 0; i < d->n; i++) {
        claim_rec *c = &d->v[i];
        if (c->n_related == 0)
            continue;
        cnt++;
        double best = 0;
        for (size_t j = 0; j < c->n_pool; j++)
            if (c->pool[j].bm25 > best)
                best = c->pool[j].bm25;
        if (best <= 0)
            best = 1;
        for (size_t j = 0; j < c->n_pool; j++) {
            mz_candidate *x = &c->pool[j];
            x->score = p->w_bm25 * x->bm25 / best + p->w_window * x->window +
                       p->w_prox * x->proximity + p->w_title * x->title_cov +
                       p->w_related * x->related;
        }
        if (c->n_pool) /* qsort(NULL, 0) is undefined */
            qsort(c->pool, c->n_pool, sizeof *c->pool, cand_by_score);
        size_t found = 0;
        double rr = 0;
        for (size_t j = 0; j < c->n_pool; j++) {
            if (!is_related(c, c->pool[j].id))
                continue;
            if (j < k)
                found++;
            if (rr == 0)
                rr = 1.0 / (double)(j + 1);
        }
        c->recall = (double)found / (double)c->n_related;
        c->rr = rr;
        rs += c->recall;
        ms += rr;
    }
    *recall = cnt ? rs / (double)cnt : 0;
    *mrr = cnt ? ms / (double)cnt : 0;
    *n = cnt;
}

/* Macro-F1 of "supported" vs the rest against the claims' facts, from the
 * counts of a 2x2 table (sums of weights in the bootstrap). As mizan eval's
 * macro-F1: the mean over the classes that occur, as fact or as verdict; a
 * file of false claims none of which is called supported has no "true"
 * class to score (it counted as 0 and halved a perfect score). */
static double verdict_f1(double tp, double fp, double fn, double tn)
{
    double f_true = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
    double f_false = tn > 0 ? 2 * tn / (2 * tn + fn + fp) : 0;
    int present = (tp + fp + fn > 0) + (tn + fn + fp > 0);
    return present ? (f_true + f_false) / present : 0;
}

/* Verdict metrics for the current decisions in d->v[i].result. */
static void verdict_metrics(const dataset *d, mz_eval_claims_report *rep)
{
    size_t tp = 0, fp = 0, fn = 0, tn = 0, alt_ok = 0;
    memset(rep->confusion, 0, sizeof rep->confusion);
    for (size_t i = 0; i < d->n; i++) {
        const claim_rec *c = &d->v[i];
        mz_verdict v = mz_check_verdict(c->result);
        rep->confusion[c->fact][v]++;
        bool pred = v == MZ_SUPPORTED;
        tp += pred && c->fact;
        fp += pred && !c->fact;
        fn += !pred && c->fact;
        tn += !pred && !c->fact;
        alt_ok += (v == MZ_SUPPORTED || v == MZ_DISPUTED) == c->fact;
    }
    double n = (double)d->n;
    rep->verdict_accuracy = n ? (double)(tp + tn) / n : 0;
    rep->accuracy_disputed_as_true = n ? (double)alt_ok / n : 0;
    rep->verdict_macro_f1 = verdict_f1((double)tp, (double)fp, (double)fn, (double)tn);
    size_t majority = 0;
    for (size_t i = 0; i < d->n; i++)
        majority += !d->v[i].fact;
    rep->majority_baseline = n ? (double)(majority > d->n - majority ? majority : d->n - majority) / n : 0;
}

static void redecide(dataset *d, const mz_verdict_params *vp)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].result)
            mz_check_redecide(d->v[i].result, vp);
}

static void sweep(dataset *d, size_t k, mz_eval_claims_report *rep, mz_eval_sweep_fn report,
                  void *ctx)
{
    /* Re-rank weights: recall@k first, MRR to break ties. */
    static const double bm[] = {0.5, 1.0}, win[] = {0, 0.5, 1.0, 2.0}, prox[] = {0, 0.25, 0.5},
                        title[] = {0, 0.25, 0.5, 1.0}, related[] = {0, 0.5, 1.0, 2.0, 4.0};
    mz_rerank_params best = *rep->rerank_used;
    double best_r = -1, best_m = -1;
    for (size_t a = 0; a < 2; a++)
        for (size_t b = 0; b < 4; b++)
            for (size_t c = 0; c < 3; c++)
                for (size_t e = 0; e < 4 * 5; e++) {
                    mz_rerank_params p = {rep->rerank_used->pool, bm[a], win[b], prox[c],
                                          title[e % 4], related[e / 4]};
                    double r, m;
                    size_t n;
                    retrieval_metrics(d, &p, k, &r, &m, &n);
                    if (report)
                        report(ctx, "rerank", &p, NULL, r, m);
                    if (r > best_r + 1e-12 || (r > best_r - 1e-12 && m > best_m)) {
                        best_r = r;
                        best_m = m;
                        best = p;
                    }
                }
    rep->best_rerank = best;
    rep->best_recall = best_r;
    rep->best_mrr = best_m;
    /* Verdict thresholds: accuracy first, macro-F1 to break ties. */
    /* Disputed stays possible (ratio <= 1): it is the honest answer when
     * independent voices contest a claim, even if the metric scores it
     * as "not supported". */
    static const double rel[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7},
                        sup[] = {0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5},
                        ref[] = {0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5},
                        ratio[] = {0.25, 0.35, 0.5, 0.75, 1.0}, cov[] = {0, 0.3, 0.5};
    mz_verdict_params bv = mz_verdict_default;
    double best_acc = -1, best_f1 = -1;
    for (size_t a = 0; a < 7; a++)
        for (size_t b = 0; b < 7; b++)
            for (size_t c = 0; c < 7; c++)
                for (size_t e = 0; e < 5 * 3; e++) {
                    mz_verdict_params vp = {rel[a], sup[b], ref[c], ratio[e % 5], cov[e / 5]};
                    redecide(d, &vp);
                    mz_eval_claims_report tmp = *rep;
                    verdict_metrics(d, &tmp);
                    if (report)
                        report(ctx, "verdict", NULL, &vp, tmp.verdict_accuracy, tmp.verdict_macro_f1);
                    if (tmp.verdict_accuracy > best_acc + 1e-12 ||
                        (tmp.verdict_accuracy > best_acc - 1e-12 && tmp.verdict_macro_f1 > best_f1)) {
                        best_acc = tmp.verdict_accuracy;
                        best_f1 = tmp.verdict_macro_f1;
                        bv = vp;
                    }
                }
    rep->best_verdict = bv;
    rep->best_accuracy = best_acc;
    rep->best_macro_f1 = best_f1;
    redecide(d, rep->verdict_used);
}

/* ---- 95% intervals: a bootstrap over claims (util/bootstrap.c) */

/* What one claim contributes: its recall@k and reciprocal rank (claims with
 * related articles only), whether its verdict is right, and its cell of the
 * "supported" vs fact table. */
enum { S_RECALL, S_RR, S_RIGHT, S_TP, S_FP, S_FN, S_TN, N_STATS };
typedef struct claim_stats {
    double v[N_STATS];
} claim_stats;

typedef struct boot_ctx {
    const claim_stats *s;
    int what; /* S_RECALL, S_RR, S_RIGHT: their mean; S_TP: the verdict macro-F1 */
} boot_ctx;

static double boot_stat(void *ctx, const unsigned *counts, size_t n)
{
    const boot_ctx *b = ctx;
    double sum[N_STATS] = {0}, w = 0;
    for (size_t i = 0; i < n; i++) {
        for (int j = 0; j < N_STATS; j++)
            sum[j] += counts[i] * b->s[i].v[j];
        w += counts[i];
    }
    if (b->what == S_TP)
        return verdict_f1(sum[S_TP], sum[S_FP], sum[S_FN], sum[S_TN]);
    return w > 0 ? sum[b->what] / w : 0;
}

static void intervals(const dataset *d, mz_eval_claims_report *rep)
{
    claim_stats *all = calloc(d->n ? d->n : 1, sizeof *all);
    claim_stats *rel = calloc(d->n ? d->n : 1, sizeof *rel);
    size_t n_rel = 0;
    for (size_t i = 0; all && rel && i < d->n; i++) {
        const claim_rec *c = &d->v[i];
        bool pred = mz_check_verdict(c->result) == MZ_SUPPORTED;
        all[i].v[S_RIGHT] = pred == c->fact;
        all[i].v[S_TP] = pred && c->fact;
        all[i].v[S_FP] = pred && !c->fact;
        all[i].v[S_FN] = !pred && c->fact;
        all[i].v[S_TN] = !pred && !c->fact;
        if (c->n_related) {
            rel[n_rel].v[S_RECALL] = c->recall;
            rel[n_rel].v[S_RR] = c->rr;
            n_rel++;
        }
    }
    boot_ctx r = {rel, S_RECALL}, m = {rel, S_RR}, a = {all, S_RIGHT}, f = {all, S_TP};
    rep->has_retrieval_ci =
        all && rel && mz_bootstrap_ci(n_rel, boot_stat, &r, &rep->recall_ci[0], &rep->recall_ci[1]) == 0 &&
        mz_bootstrap_ci(n_rel, boot_stat, &m, &rep->mrr_ci[0], &rep->mrr_ci[1]) == 0;
    rep->has_verdict_ci =
        all && mz_bootstrap_ci(d->n, boot_stat, &a, &rep->accuracy_ci[0], &rep->accuracy_ci[1]) == 0 &&
        mz_bootstrap_ci(d->n, boot_stat, &f, &rep->macro_f1_ci[0], &rep->macro_f1_ci[1]) == 0;
    if (!rep->has_retrieval_ci) {
        memset(rep->recall_ci, 0, sizeof rep->recall_ci);
        memset(rep->mrr_ci, 0, sizeof rep->mrr_ci);
    }
    if (!rep->has_verdict_ci) {
        memset(rep->accuracy_ci, 0, sizeof rep->accuracy_ci);
        memset(rep->macro_f1_ci, 0, sizeof rep->macro_f1_ci);
    }
    free(all);
    free(rel);
}

mz_status mz_eval_claims(const char *path, const mz_model *m, const mz_eval_claims_options *o,
                         mz_eval_claims_report *rep, mz_error *err)
{
    memset(rep, 0, sizeof *rep);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t k = o && o->k ? o->k : 10;
    const mz_rerank_params *rp = o && o->rerank ? o->rerank : &mz_rerank_default;
    const mz_verdict_params *vp = o && o->verdict ? o->verdict : &mz_verdict_default;
    rep->k = k;
    rep->rerank_used = rp;
    rep->verdict_used = vp;
    mz_db *db;
    mz_status rc = mz_db_open(":memory:", 0, &db, err);
    if (rc != MZ_OK)
        return rc;
    dataset d = {0};
    rc = load(path, db, &d, err);
    mz_check_tuning tune = {rp, vp};
    mz_check_options copt = {o && o->check_k ? o->check_k : 0};
    for (size_t i = 0; rc == MZ_OK && i < d.n; i++) {
        claim_rec *c = &d.v[i];
        mz_candidate *pool = NULL;
        size_t n = 0, n_pool = 0;
        mz_rerank_params all = *rp;
        if (o && o->sweep && all.w_related <= 0)
            all.w_related = 1e-9; /* predict every pool article: the sweep weighs P(related) */
        rc = mz_retrieve(db, m, c->text, all.pool, &all, &pool, &n, &n_pool, err);
        if (rc != MZ_OK)
            break;
        for (size_t j = 0; j < n; j++) /* keep the features, not the articles */
            mz_article_clear(&pool[j].article);
        c->pool = pool;
        c->n_pool = n;
        rc = mz_check_tuned(db, m, c->text, &copt, &tune, &c->result, err);
        if (o && o->progress)
            o->progress(o->ctx, i + 1, d.n);
    }
    if (rc == MZ_OK) {
        rep->n_claims = d.n;
        rep->n_pairs = d.pairs;
        rep->n_articles = d.articles;
        rep->n_pairs_skipped = d.skipped;
        _Static_assert(sizeof rep->first_skip == sizeof d.first_skip, "one message size");
        memcpy(rep->first_skip, d.first_skip, sizeof rep->first_skip);
        if (o && o->sweep)
            sweep(&d, k, rep, o->sweep_report, o->ctx);
        retrieval_metrics(&d, rp, k, &rep->recall_at_k, &rep->mrr, &rep->n_claims_with_related);
        verdict_metrics(&d, rep);
        intervals(&d, rep);
    }
    dataset_free(&d);
    mz_db_close(db);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    rep->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return rc;
}
