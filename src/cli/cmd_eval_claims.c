/*
 * cmd_eval_claims.c — `mizan eval-claims --data FILE.jsonl [--model M] [--json] [-k N]
 * [--sweep]`: retrieval recall@k / MRR and verdict accuracy / macro-F1 on data in the
 * baly2018 format (see src/check/eval_claims.c for the protocol).
 */
#include "check/eval.h"
#include "cli/cli.h"
#include "json/json.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void progress(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    if (!isatty(STDERR_FILENO))
        return;
    fprintf(stderr, "\reval-claims: %zu/%zu claims", done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

static void sweep_line(void *ctx, const char *kind, const mz_rerank_params *rp,
                       const mz_verdict_params *vp, double a, double b)
{
    FILE *f = ctx;
    if (rp)
        fprintf(f, "sweep rerank bm25=%.2f window=%.2f prox=%.2f title=%.2f related=%.2f  recall=%.4f mrr=%.4f\n",
                rp->w_bm25, rp->w_window, rp->w_prox, rp->w_title, rp->w_related, a, b);
    else
        fprintf(f, "sweep verdict min_related=%.2f support=%.2f refute=%.2f dispute_ratio=%.2f coverage_full=%.2f  acc=%.4f f1=%.4f\n",
                vp->min_related, vp->support, vp->refute, vp->dispute_ratio, vp->coverage_full,
                a, b);
    (void)kind;
}

static cJSON *confusion_json(const mz_eval_claims_report *r)
{
    cJSON *o = cJSON_CreateObject();
    const char *facts[2] = {"false", "true"};
    bool ok = o != NULL;
    for (int f = 0; ok && f < 2; f++) {
        cJSON *row = cJSON_AddObjectToObject(o, facts[f]);
        ok = row != NULL;
        for (int v = 0; ok && v < 4; v++)
            ok = cJSON_AddNumberToObject(row, mz_verdict_name((mz_verdict)v),
                                         (double)r->confusion[f][v]) != NULL;
    }
    return mz_json_whole(o, ok);
}

static bool add_interval(cJSON *o, const char *name, const double v[2])
{
    return mz_json_add(o, name, cJSON_CreateDoubleArray(v, 2));
}

/* The best setting of --sweep, into s. */
static bool add_sweep(cJSON *s, const mz_eval_claims_report *r)
{
    return s && cJSON_AddNumberToObject(s, "w_bm25", r->best_rerank.w_bm25) &&
           cJSON_AddNumberToObject(s, "w_window", r->best_rerank.w_window) &&
           cJSON_AddNumberToObject(s, "w_prox", r->best_rerank.w_prox) &&
           cJSON_AddNumberToObject(s, "w_title", r->best_rerank.w_title) &&
           cJSON_AddNumberToObject(s, "w_related", r->best_rerank.w_related) &&
           cJSON_AddNumberToObject(s, "recall_at_k", r->best_recall) &&
           cJSON_AddNumberToObject(s, "mrr", r->best_mrr) &&
           cJSON_AddNumberToObject(s, "min_related", r->best_verdict.min_related) &&
           cJSON_AddNumberToObject(s, "support", r->best_verdict.support) &&
           cJSON_AddNumberToObject(s, "refute", r->best_verdict.refute) &&
           cJSON_AddNumberToObject(s, "dispute_ratio", r->best_verdict.dispute_ratio) &&
           cJSON_AddNumberToObject(s, "coverage_full", r->best_verdict.coverage_full) &&
           cJSON_AddNumberToObject(s, "verdict_accuracy", r->best_accuracy) &&
           cJSON_AddNumberToObject(s, "verdict_macro_f1", r->best_macro_f1);
}

/* Every key or none: a cJSON_Add* that fails (out of memory) leaves its key
 * out, and the rest printed with exit 0 read as a whole report. */
static int print_json(const mz_eval_claims_report *r, bool swept)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddNumberToObject(o, "k", (double)r->k) &&
              cJSON_AddNumberToObject(o, "recall_at_k", r->recall_at_k) &&
              cJSON_AddNumberToObject(o, "mrr", r->mrr) &&
              cJSON_AddNumberToObject(o, "verdict_accuracy", r->verdict_accuracy) &&
              cJSON_AddNumberToObject(o, "verdict_macro_f1", r->verdict_macro_f1);
    if (ok && r->has_retrieval_ci)
        ok = add_interval(o, "recall_at_k_ci", r->recall_ci) && add_interval(o, "mrr_ci", r->mrr_ci);
    if (ok && r->has_verdict_ci)
        ok = add_interval(o, "verdict_accuracy_ci", r->accuracy_ci) &&
             add_interval(o, "verdict_macro_f1_ci", r->macro_f1_ci);
    ok = ok &&
         cJSON_AddNumberToObject(o, "verdict_accuracy_disputed_as_true", r->accuracy_disputed_as_true) &&
         cJSON_AddStringToObject(o, "disputed_counts_as", "false") &&
         cJSON_AddNumberToObject(o, "majority_baseline", r->majority_baseline) &&
         cJSON_AddNumberToObject(o, "n_claims", (double)r->n_claims) &&
         cJSON_AddNumberToObject(o, "n_claims_with_related", (double)r->n_claims_with_related) &&
         cJSON_AddNumberToObject(o, "n_pairs", (double)r->n_pairs) &&
         cJSON_AddNumberToObject(o, "n_articles", (double)r->n_articles) &&
         cJSON_AddNumberToObject(o, "n_pairs_skipped", (double)r->n_pairs_skipped) &&
         mz_json_add(o, "confusion", confusion_json(r)) &&
         cJSON_AddNumberToObject(o, "seconds", r->seconds) &&
         (!swept || add_sweep(cJSON_AddObjectToObject(o, "sweep"), r));
    return cli_print_json("eval-claims", mz_json_whole(o, ok), 1); /* NULL: "out of memory" */
}

static void print_text(const mz_eval_claims_report *r, bool swept)
{
    printf("claims %zu (%zu with related articles), pairs %zu (%zu left out), distinct articles %zu, "
           "%.1f s\n", r->n_claims, r->n_claims_with_related, r->n_pairs, r->n_pairs_skipped,
           r->n_articles, r->seconds);
    printf("retrieval: recall@%zu %.3f   MRR %.3f\n", r->k, r->recall_at_k, r->mrr);
    printf("verdict:   accuracy %.3f   macro-F1 %.3f   (majority class %.3f; disputed counted as "
           "not supported; as supported: accuracy %.3f)\n",
           r->verdict_accuracy, r->verdict_macro_f1, r->majority_baseline,
           r->accuracy_disputed_as_true);
    printf("           %-6s %10s %8s %9s %20s\n", "fact", "supported", "refuted", "disputed",
           "not_enough_evidence");
    for (int f = 1; f >= 0; f--)
        printf("           %-6s %10zu %8zu %9zu %20zu\n", f ? "true" : "false", r->confusion[f][0],
               r->confusion[f][1], r->confusion[f][2], r->confusion[f][3]);
    if (r->has_retrieval_ci)
        printf("95%% intervals (a bootstrap over the claims): recall@%zu %.3f-%.3f, MRR %.3f-%.3f\n",
               r->k, r->recall_ci[0], r->recall_ci[1], r->mrr_ci[0], r->mrr_ci[1]);
    if (r->has_verdict_ci)
        printf("95%% intervals (a bootstrap over the claims): verdict accuracy %.3f-%.3f, macro-F1 %.3f-%.3f\n",
               r->accuracy_ci[0], r->accuracy_ci[1], r->macro_f1_ci[0], r->macro_f1_ci[1]);
    if (swept)
        printf("sweep best: rerank bm25=%.2f window=%.2f prox=%.2f title=%.2f related=%.2f (recall %.3f, MRR %.3f); "
               "verdict min_related=%.2f support=%.2f refute=%.2f dispute_ratio=%.2f coverage_full=%.2f (accuracy %.3f, "
               "macro-F1 %.3f)\n",
               r->best_rerank.w_bm25, r->best_rerank.w_window, r->best_rerank.w_prox,
               r->best_rerank.w_title, r->best_rerank.w_related, r->best_recall, r->best_mrr, r->best_verdict.min_related,
               r->best_verdict.support, r->best_verdict.refute, r->best_verdict.dispute_ratio,
               r->best_verdict.coverage_full, r->best_accuracy, r->best_macro_f1);
}

static const char help[] =
    "usage: mizan eval-claims --data FILE.jsonl [--model M] [--json] [-k N] [--sweep [--verbose]]\n"
    "Checks every claim of a labelled file against all of its articles, put in\n"
    "one in-memory store: retrieval recall@k and MRR of the related articles,\n"
    "and the verdict's accuracy and macro-F1 against \"fact\", with 95% intervals.\n"
    "  --data FILE.jsonl  baly2018 format: \"claim_id\", \"claim\", \"fact\",\n"
    "                     \"article\", \"stance\", \"url\"\n"
    "  -k N               the k of recall@k (1..200, default 10)\n"
    "  --model M          the stance model (default: $MIZAN_MODEL, else the\n"
    "                     installed or shipped stance.model)\n"
    "  --json             the report as JSON (recall_at_k, mrr, verdict_accuracy,\n"
    "                     verdict_macro_f1, confusion, the *_ci intervals, ...)\n"
    "  --sweep            also search the re-rank weights and verdict thresholds\n"
    "                     and print the best (choose settings on train only)\n"
    "  --verbose          with --sweep: print every setting\n"
    "  -h, --help         this help\n"
    "Exit codes: 0 ok (pairs whose article cannot be stored are left out and\n"
    "counted), 2 usage, 3 bad data (line given), 5 no such file, 6 model\n"
    "missing, corrupt or of another version, 1 other failure.\n";

int cmd_eval_claims(int argc, char **argv)
{
    static const struct option opts[] = {
        {"data", required_argument, NULL, 'd'}, {"model", required_argument, NULL, 'm'},
        {"json", no_argument, NULL, 'j'},       {"sweep", no_argument, NULL, 's'},
        {"verbose", no_argument, NULL, 'v'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *data = NULL, *model = NULL;
    bool json = false, sweep = false, verbose = false;
    mz_eval_claims_options o = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":k:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': data = optarg; break;
        case 'm': model = optarg; break;
        case 'j': json = true; break;
        case 's': sweep = true; break;
        case 'v': verbose = true; break;
        case 'k': {
            long long v;
            if (!cli_parse_number(optarg, 1, 200, &v))
                return cli_usage_error("eval-claims", "-k must be a number from 1 to 200, not '%s'", optarg);
            o.k = (size_t)v;
            break;
        }
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("eval-claims", c, argv);
        }
    }
    if (!data)
        return cli_usage_error("eval-claims", "missing --data FILE.jsonl");
    if (optind < argc)
        return cli_usage_error("eval-claims", "unexpected argument '%s'", argv[optind]);
    mz_error err = {0};
    mz_model *m;
    int loaded = cli_load_model("eval-claims", model, &m);
    if (loaded != EXIT_OK_)
        return loaded;
    o.sweep = sweep;
    o.sweep_report = sweep && verbose ? sweep_line : NULL;
    o.progress = progress;
    o.ctx = stderr;
    mz_eval_claims_report rep;
    mz_status rc = mz_eval_claims(data, m, &o, &rep, &err);
    mz_model_free(m);
    if (rc != MZ_OK)
        return cli_fail("eval-claims", &err);
    if (rep.n_pairs_skipped)
        cli_error("eval-claims", "%zu pair%s left out: the article could not be stored (%s)",
                  rep.n_pairs_skipped, rep.n_pairs_skipped == 1 ? "" : "s", rep.first_skip);
    if (json)
        return print_json(&rep, sweep);
    print_text(&rep, sweep);
    return EXIT_OK_;
}
