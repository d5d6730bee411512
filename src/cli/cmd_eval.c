/*
 * cmd_eval.c — `mizan eval`: predicts every pair of a labelled JSONL file
 * with a model and reports accuracy, macro-F1, per-class P/R/F1, the
 * confusion matrix, the FNC-1 score, the rationale hit rate, calibration
 * and speed; --predictions writes one JSON line per pair, in input order.
 */
#include "cli/cli.h"
#include "json/json.h"
#include "stance/stance.h"
#include "util/util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* cmd_train.c */
int cli_read_pairs(const char *cmd, const char *list, bool need_label, const double *weights,
                   size_t n_weights, mz_pairs *pairs);
int cli_output_is_input(const char *cmd, const char *flag, const char *out, const char *list);

static const char help[] =
    "usage: mizan eval --data FILE.jsonl[,FILE2...] [--model M] [--json] [--predictions OUT.jsonl]\n"
    "Scores a stance model on labelled pairs (JSONL, as for train: \"claim\",\n"
    "\"article\", \"stance\"): accuracy, macro-F1 and per-class F1 with 95%\n"
    "intervals (a bootstrap over claims), precision, recall, the confusion\n"
    "matrix, the FNC-1 score, the rationale hit rate, calibration and speed.\n"
    "  --data FILE,...          JSONL files, separated by single commas\n"
    "  --model M                the stance model (default: $MIZAN_MODEL, else the\n"
    "                           installed or shipped stance.model)\n"
    "  --json                   the report as JSON (accuracy, macro_f1, f1, precision,\n"
    "                           recall, fnc_score, confusion, rationale_hit, brier,\n"
    "                           ece, pairs_per_s, n, macro_f1_ci, f1_ci, ...)\n"
    "  --predictions OUT.jsonl  one JSON line per pair, in input order (-: stdout)\n"
    "  -h, --help               this help\n"
    "Exit codes: 0 ok, 2 usage, 3 bad data (FILE:LINE given), 5 no such file,\n"
    "6 model missing, corrupt or of another version, 1 other failure (an output\n"
    "that cannot be written).\n";

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One prediction as a JSON line, appended to b; -1 when out of memory. */
static int add_prediction(mz_buf *b, const mz_model *m, const mz_pair *p,
                          const mz_stance_result *r)
{
    cJSON *o = mz_json_stance(r, p->article, m->lexicon);
    if (!o)
        return -1;
    /* the line's claim_id and article_idx as given: a number stays a number,
     * a string a string ("article_idx": "7" used to be left out) */
    const cJSON *id;
    cJSON_ArrayForEach(id, p->ids) {
        if (!mz_json_add(o, id->string, cJSON_Duplicate(id, true))) {
            cJSON_Delete(o);
            return -1;
        }
    }
    if (p->gold < MZ_N_STANCES && !cJSON_AddStringToObject(o, "gold", mz_stance_name(p->gold))) {
        cJSON_Delete(o);
        return -1;
    }
    char *s = mz_json_print(o, 0);
    int rc = s && mz_buf_puts(b, s) == 0 && mz_buf_append(b, "\n", 1) == 0 ? 0 : -1;
    free(s);
    return rc;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {{"data", required_argument, 0, 'd'},
                                         {"model", required_argument, 0, 'm'},
                                         {"json", no_argument, 0, 'j'},
                                         {"predictions", required_argument, 0, 'p'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *data = NULL, *model_path = NULL, *pred_path = NULL;
    bool json = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': data = optarg; break;
        case 'm': model_path = optarg; break;
        case 'j': json = true; break;
        case 'p': pred_path = optarg; break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("eval", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage_error("eval", "unexpected argument '%s'", argv[optind]);
    if (!data)
        return cli_usage_error("eval", "--data is required");
    if (pred_path && strcmp(pred_path, "-") &&
        cli_output_is_input("eval", "--predictions", pred_path, data) != EXIT_OK_)
        return EXIT_USAGE;
    if (pred_path && strcmp(pred_path, "-") &&
        cli_output_writable("eval", NULL, pred_path) != EXIT_OK_)
        return EXIT_FAIL;
    mz_model *m = NULL;
    int rc = cli_load_model("eval", model_path, &m);
    if (rc != EXIT_OK_)
        return rc;
    mz_pairs pairs = {0};
    rc = cli_read_pairs("eval", data, true, NULL, 0, &pairs);
    /* --predictions FILE is built whole, then written to a new file renamed
     * over FILE (mz_write_file, as train --out): written in place as the
     * pairs went, a failure or a kill half-way left a truncated file where
     * the last good one was. "-" goes to stdout as it comes. */
    bool to_stdout = pred_path && !strcmp(pred_path, "-");
    mz_buf pred = {0}, line = {0};
    mz_eval e;
    mz_eval_init(&e);
    for (size_t i = 0; i < pairs.n && rc == EXIT_OK_; i++) {
        const mz_pair *p = &pairs.v[i];
        mz_stance_result r;
        mz_error err;
        double t0 = now_s();
        mz_status st = mz_stance_predict(m, p->claim, p->title, p->article, p->article_len, &r, &err);
        e.seconds += now_s() - t0;
        if (st != MZ_OK) {
            cli_error("eval", "%s:%zu: %s", data, p->line, err.msg);
            rc = cli_exit_code(st);
            break;
        }
        mz_eval_add(&e, p->gold, &r, p->article, p->article_len, p->rationale, p->n_rationale,
                    p->claim_id ? p->claim_id : p->claim);
        if (!pred_path)
            continue;
        line.len = 0;
        errno = 0; /* what a failed write to stdout sets */
        if (add_prediction(to_stdout ? &line : &pred, m, p, &r) != 0) {
            cli_error("eval", "out of memory");
            rc = EXIT_FAIL;
        } else if (to_stdout && fwrite(line.p, 1, line.len, stdout) != line.len) {
            cli_error("eval", "cannot write predictions to standard output: %s",
                      errno ? strerror(errno) : "write error");
            rc = EXIT_FAIL;
        }
    }
    mz_buf_free(&line);
    if (rc == EXIT_OK_ && pred_path && !to_stdout) {
        mz_error err;
        if (mz_write_file(pred_path, pred.p ? pred.p : "", pred.len, "predictions", &err) != MZ_OK)
            rc = cli_fail("eval", &err);
    }
    mz_buf_free(&pred);
    if (rc == EXIT_OK_) {
        mz_eval_finish(&e);
        if (json) {
            rc = cli_print_json("eval", mz_eval_json(&e), 0);
        } else {
            mz_buf b = {0};
            if (mz_eval_format(&e, &b) == 0) {
                fputs(b.p, stdout);
            } else {
                cli_error("eval", "out of memory");
                rc = EXIT_FAIL;
            }
            mz_buf_free(&b);
        }
    }
    mz_eval_free(&e);
    mz_pairs_clear(&pairs);
    mz_model_free(m);
    return rc;
}
