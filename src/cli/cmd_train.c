/*
 * cmd_train.c — `mizan train`: fits the stance model on labelled JSONL, or
 * with --cv reports cross-validation over the data's folds (each fold held
 * out in turn, grouped by claim) instead of writing a model.
 */
#include "cli/cli.h"
#include "stance/stance.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char help[] =
    "usage: mizan train --data FILE.jsonl[,FILE2...] (--out MODEL | --cv [--json])\n"
    "                   [--groups G,...] [--drop FEATURE,...] [--lex-bits N]\n"
    "                   [--l2 X] [--l2-lex X] [--l2-cues X] [--class-weight-pow X] [--iters N]\n"
    "                   [--no-calibrate] [--calibrate-priors] [--boilerplate | --no-boilerplate]\n"
    "                   [--no-sign-rules] [--weights W1,W2...] [--dump FEATURES.csv]\n"
    "Trains the stance model on labelled pairs (JSONL: \"claim\", \"article\",\n"
    "\"stance\": agree, disagree, discuss or unrelated; optional \"title\",\n"
    "\"claim_id\", \"article_idx\", \"fold\", \"rationale\"). make model trains the\n"
    "shipped one.\n"
    "  --data FILE,...        JSONL files, separated by single commas\n"
    "  --out MODEL            write the model (to a new file, then renamed over MODEL)\n"
    "  --cv                   out-of-fold report over the data's \"fold\", grouped by claim\n"
    "  --json                 with --cv: the report as JSON\n"
    "  --groups G,...         feature groups among rel,num,denial,report,claim,style,lex\n"
    "                         (default rel,report,claim,denial,lex)\n"
    "  --drop FEATURE,...     leave these dense features out (none: keep all; default\n"
    "                         rel_article_len,rel_claim_len,att_article,hedge_article,\n"
    "                         assert_article,question_article)\n"
    "  --lex-bits N           hashed stems of the best sentences, 0..22 (default 16)\n"
    "  --l2 X                 L2 regularisation (default 0.01)\n"
    "  --l2-lex X             L2 of the hashed stems (default 0.01)\n"
    "  --l2-cues X            L2 of the denial and number groups (default 0.001)\n"
    "  --class-weight-pow X   class weights (n / (4 n_c))^X (default 0.75)\n"
    "  --iters N              Adam iterations, 1..100000 (default 500)\n"
    "  --no-calibrate         no temperature fitted on out-of-fold predictions\n"
    "  --calibrate-priors     also fit class biases (the label may then not be the\n"
    "                         most probable class)\n"
    "  --boilerplate          filter article boilerplate (default: --no-boilerplate)\n"
    "  --no-sign-rules        let attribution, hedging and question cues favour\n"
    "                         agree or disagree over discuss\n"
    "  --weights W1,W2...     a training weight per --data file, in order (default 1)\n"
    "  --dump FEATURES.csv    write the dense features of every pair\n"
    "  -h, --help             this help\n"
    "Exit codes: 0 ok, 2 usage, 3 bad data (FILE:LINE given), 5 no such file,\n"
    "1 other failure (the model or the dump cannot be written).\n";

/* Reads every comma-separated file into pairs. weights (NULL: all 1) holds
 * one training weight per file, n_weights of them (mizan train --weights).
 * An empty name (a trailing or doubled comma) and a file named twice are
 * usage errors: the list was mistyped, and a file read twice would count
 * its pairs twice (--weights weighs a file). */
int cli_read_pairs(const char *cmd, const char *list, bool need_label, const double *weights,
                   size_t n_weights, mz_pairs *pairs)
{
    char *copy = mz_strdup(list);
    if (!copy) {
        cli_error(cmd, "out of memory");
        return EXIT_FAIL;
    }
    int rc = EXIT_OK_;
    size_t files = 0;
    struct stat seen[64];
    char *path = copy;
    for (bool last = false; !last && rc == EXIT_OK_; files++) {
        char *comma = strchr(path, ',');
        last = comma == NULL;
        if (comma)
            *comma = '\0';
        struct stat st;
        if (!*path) {
            rc = cli_usage_error(cmd, "--data: an empty file name in '%s' (names are separated by "
                                 "single commas)", list);
            break;
        }
        if (stat(path, &st) == 0) {
            for (size_t i = 0; i < files && i < 64 && rc == EXIT_OK_; i++)
                if (seen[i].st_dev == st.st_dev && seen[i].st_ino == st.st_ino)
                    rc = cli_usage_error(cmd, "--data: '%s' is given twice (--weights gives a "
                                         "file more weight)", path);
            if (files < 64)
                seen[files] = st;
        } else if (files < 64) {
            memset(&seen[files], 0, sizeof seen[files]); /* mz_pairs_read says why */
        }
        mz_error err;
        size_t first = pairs->n;
        if (rc == EXIT_OK_ && mz_pairs_read(path, need_label, pairs, &err) != MZ_OK)
            rc = cli_fail(cmd, &err);
        for (size_t i = first; weights && files < n_weights && i < pairs->n; i++)
            pairs->v[i].weight = weights[files];
        if (comma) /* the last name has none: NULL + 1 is undefined */
            path = comma + 1;
    }
    free(copy);
    if (rc == EXIT_OK_ && weights && files != n_weights)
        rc = cli_usage_error(cmd, "--weights: %zu weights for %zu --data files", n_weights, files);
    return rc;
}

/* An output (--out, --predictions, --dump) that is one of the --data files
 * (the same file, under any name): writing it would destroy the data just
 * read. A usage error, said before any work. */
int cli_output_is_input(const char *cmd, const char *flag, const char *out, const char *list)
{
    struct stat o, d;
    if (!out || stat(out, &o) != 0 || !S_ISREG(o.st_mode))
        return EXIT_OK_;
    char *copy = mz_strdup(list);
    if (!copy) {
        cli_error(cmd, "out of memory");
        return EXIT_FAIL;
    }
    int rc = EXIT_OK_;
    for (char *save = NULL, *p = strtok_r(copy, ",", &save); p && rc == EXIT_OK_;
         p = strtok_r(NULL, ",", &save))
        if (stat(p, &d) == 0 && d.st_dev == o.st_dev && d.st_ino == o.st_ino)
            rc = cli_usage_error(cmd, "%s '%s' is the --data file '%s': it would be overwritten",
                                 flag, out, p);
    free(copy);
    return rc;
}

/* --weights W1,W2,...: positive numbers, at most 64. */
static int parse_weights(const char *list, double *w, size_t *n_w)
{
    *n_w = 0;
    for (const char *s = list; *s;) {
        char *end;
        double v = strtod(s, &end);
        if (end == s || !(v > 0) || v > 1000 || (*end && *end != ',') || *n_w == 64)
            return cli_usage_error("train", "--weights: expected positive numbers separated by commas, got '%s'", list);
        w[(*n_w)++] = v;
        s = *end ? end + 1 : end;
    }
    return EXIT_OK_;
}

/* A class with no training pair (data with agree/disagree only, as the ANS
 * headline pairs) trains a model that hardly ever predicts it: said on
 * stderr, since it is a choice the user may have meant. */
static void warn_missing_classes(const mz_pairs *pairs)
{
    size_t count[MZ_N_STANCES] = {0};
    for (size_t i = 0; i < pairs->n; i++)
        if ((unsigned)pairs->v[i].gold < MZ_N_STANCES)
            count[pairs->v[i].gold]++;
    char missing[64] = "";
    for (int k = 0; k < MZ_N_STANCES; k++)
        if (!count[k])
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
                     *missing ? ", " : "", mz_stance_name((mz_stance)k));
    if (*missing)
        cli_error("train", "warning: no pair labelled %s: the model will hardly ever predict %s",
                  missing, strchr(missing, ',') ? "them" : "it");
}

static int print_cv(const mz_pairs *pairs, const mz_train_opts *o, bool json)
{
    mz_stance_result *res = calloc(pairs->n, sizeof *res);
    bool *cov = calloc(pairs->n, sizeof *cov);
    mz_error err;
    int rc = EXIT_OK_;
    if (!res || !cov) {
        cli_error("train", "out of memory");
        rc = EXIT_FAIL;
    } else if (mz_cv_predict(pairs, o, res, cov, &err) != MZ_OK) {
        rc = cli_fail("train", &err);
    } else {
        mz_eval e;
        mz_eval_init(&e);
        for (size_t i = 0; i < pairs->n; i++)
            if (cov[i])
                mz_eval_add(&e, pairs->v[i].gold, &res[i], pairs->v[i].article,
                            pairs->v[i].article_len, pairs->v[i].rationale,
                            pairs->v[i].n_rationale,
                            pairs->v[i].claim_id ? pairs->v[i].claim_id : pairs->v[i].claim);
        mz_eval_finish(&e);
        if (json) {
            cJSON *j = mz_eval_json(&e);
            char *out = j ? cJSON_PrintUnformatted(j) : NULL;
            cJSON_Delete(j);
            if (!out) {
                cli_error("train", "out of memory");
                rc = EXIT_FAIL;
            } else {
                puts(out);
                free(out);
            }
        } else {
            mz_buf b = {0};
            if (mz_eval_format(&e, &b) == 0)
                printf("cross-validation over folds (out-of-fold predictions)\n%s", b.p);
            mz_buf_free(&b);
        }
        mz_eval_free(&e);
    }
    free(res);
    free(cov);
    return rc;
}

/* --dump: the dense features of every pair as CSV (for analysis), computed
 * with the IDF table of model m. Built whole, then written to a new file
 * renamed over path (mz_write_file): written in place row by row, a failure
 * or a kill half-way left a truncated file where the last good one was. */
static int dump_features(const mz_pairs *pairs, const mz_model *m, const char *path)
{
    mz_buf b = {0};
    int bad = mz_buf_puts(&b, "fold,gold");
    for (size_t i = 0; i < mz_n_dense; i++)
        bad |= mz_buf_printf(&b, ",%s", mz_dense_features[i].name);
    bad |= mz_buf_puts(&b, "\n");
    mz_extractor x = {m->lexicon, &m->idf, 0, m->boilerplate};
    for (size_t i = 0; i < pairs->n && !bad; i++) {
        const mz_pair *p = &pairs->v[i];
        mz_pair_feats pf;
        mz_error err;
        if (mz_extract(&x, p->claim, p->title, p->article, p->article_len, &pf, &err) != MZ_OK) {
            mz_buf_free(&b);
            return cli_fail("train", &err);
        }
        bad |= mz_buf_printf(&b, "%d,%s", p->fold, mz_stance_name(p->gold));
        for (size_t k = 0; k < mz_n_dense; k++)
            bad |= mz_buf_printf(&b, ",%.6g", pf.dense[k]);
        bad |= mz_buf_puts(&b, "\n");
        mz_pair_feats_clear(&pf);
    }
    mz_error err;
    int rc = EXIT_OK_;
    if (bad) {
        cli_error("train", "out of memory");
        rc = EXIT_FAIL;
    } else if (mz_write_file(path, b.p, b.len, "features", &err) != MZ_OK) {
        rc = cli_fail("train", &err); /* a full disk: the reason named */
    }
    mz_buf_free(&b);
    return rc;
}

int cmd_train(int argc, char **argv)
{
    enum { O_DATA = 1, O_OUT, O_CV, O_JSON, O_GROUPS, O_LEXBITS, O_L2, O_L2LEX, O_CWP, O_ITERS, O_NOCAL, O_DUMP, O_NOBP, O_L2CUES, O_PRIORS, O_BP, O_DROP, O_NOSIGN, O_WEIGHTS };
    static const struct option opts[] = {
        {"data", required_argument, 0, O_DATA},     {"out", required_argument, 0, O_OUT},
        {"cv", no_argument, 0, O_CV},               {"json", no_argument, 0, O_JSON},
        {"groups", required_argument, 0, O_GROUPS}, {"lex-bits", required_argument, 0, O_LEXBITS},
        {"l2", required_argument, 0, O_L2},         {"l2-lex", required_argument, 0, O_L2LEX},
        {"class-weight-pow", required_argument, 0, O_CWP},
        {"iters", required_argument, 0, O_ITERS},   {"no-calibrate", no_argument, 0, O_NOCAL},
        {"dump", required_argument, 0, O_DUMP},
        {"no-boilerplate", no_argument, 0, O_NOBP},
        {"boilerplate", no_argument, 0, O_BP},
        {"drop", required_argument, 0, O_DROP},
        {"no-sign-rules", no_argument, 0, O_NOSIGN},
        {"weights", required_argument, 0, O_WEIGHTS},
        {"l2-cues", required_argument, 0, O_L2CUES},
        {"calibrate-priors", no_argument, 0, O_PRIORS},
        {"help", no_argument, 0, 'h'},              {0, 0, 0, 0}};
    const char *data = NULL, *out = NULL, *dump = NULL, *weights = NULL;
    bool cv = false, json = false;
    mz_train_opts o;
    mz_train_opts_default(&o);
    optind = 1;
    opterr = 0;
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case O_DATA: data = optarg; break;
        case O_OUT: out = optarg; break;
        case O_CV: cv = true; break;
        case O_JSON: json = true; break;
        case O_NOCAL: o.calibrate = false; break;
        case O_DUMP: dump = optarg; break;
        case O_WEIGHTS: weights = optarg; break;
        case O_NOBP: o.boilerplate = false; break;
        case O_BP: o.boilerplate = true; break;
        case O_PRIORS: o.calibrate_priors = true; break;
        case O_GROUPS:
            if (mz_fgroup_parse_mask(optarg, &o.group_mask) != 0 || !o.group_mask)
                return cli_usage_error("train", "--groups: unknown group in '%s'", optarg);
            o.group_mask |= 1u << MZ_FG_BIAS;
            break;
        case O_NOSIGN: o.sign_rules = false; break;
        case O_DROP:
            if (!strcmp(optarg, "none"))
                o.drop[0] = o.drop[1] = 0;
            else if (mz_feature_parse_mask(optarg, o.drop) != 0)
                return cli_usage_error("train", "--drop: unknown feature in '%s' (see --dump's header)", optarg);
            break;
        case O_LEXBITS: {
            long long v;
            if (!cli_parse_number(optarg, 0, 22, &v))
                return cli_usage_error("train", "--lex-bits: expected 0..22, got '%s'", optarg);
            o.lex_bits = (uint32_t)v;
            break;
        }
        case O_L2:
        case O_L2LEX:
        case O_L2CUES:
        case O_CWP: {
            double v = strtod(optarg, &end);
            if (*end || !(v >= 0) || v > 1e6)
                return cli_usage_error("train", "--%s: expected a non-negative number, got '%s'",
                                       c == O_L2 ? "l2" : c == O_L2LEX ? "l2-lex" : c == O_L2CUES ? "l2-cues" : "class-weight-pow",
                                       optarg);
            *(c == O_L2 ? &o.l2 : c == O_L2LEX ? &o.l2_lex : c == O_L2CUES ? &o.l2_cues : &o.class_weight_pow) = v;
            break;
        }
        case O_ITERS: {
            long long v;
            if (!cli_parse_number(optarg, 1, 100000, &v))
                return cli_usage_error("train", "--iters: expected 1..100000, got '%s'", optarg);
            o.iters = (int)v;
            break;
        }
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("train", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage_error("train", "unexpected argument '%s'", argv[optind]);
    if (!data)
        return cli_usage_error("train", "--data is required");
    if (!out && !cv && !dump)
        return cli_usage_error("train", "--out MODEL (or --cv) is required");
    if (out && cli_output_writable("train", "model", out) != EXIT_OK_)
        return EXIT_FAIL;
    if (dump && cli_output_writable("train", NULL, dump) != EXIT_OK_)
        return EXIT_FAIL;
    int same = cli_output_is_input("train", "--out", out, data);
    if (same == EXIT_OK_)
        same = cli_output_is_input("train", "--dump", dump, data);
    if (same != EXIT_OK_)
        return same;
    double w[64];
    size_t n_w = 0;
    if (weights && parse_weights(weights, w, &n_w) != EXIT_OK_)
        return EXIT_USAGE; /* parse_weights said why */
    mz_pairs pairs = {0};
    int rc = cli_read_pairs("train", data, true, weights ? w : NULL, n_w, &pairs);
    if (rc == EXIT_OK_)
        warn_missing_classes(&pairs);
    if (rc == EXIT_OK_ && cv)
        rc = print_cv(&pairs, &o, json);
    if (rc == EXIT_OK_ && dump) {
        mz_model *m;
        mz_error err;
        mz_train_opts quick = o;
        quick.calibrate = false;
        quick.iters = 1;
        if (mz_train(&pairs, 0, &quick, &m, &err) != MZ_OK)
            rc = cli_fail("train", &err);
        else
            rc = dump_features(&pairs, m, dump);
        mz_model_free(m);
    }
    if (rc == EXIT_OK_ && out) {
        mz_model *m;
        mz_error err;
        if (mz_train(&pairs, 0, &o, &m, &err) != MZ_OK) {
            rc = cli_fail("train", &err);
        } else {
            if (mz_model_save(m, out, &err) != MZ_OK)
                rc = cli_fail("train", &err);
            else if (!cv)
                cli_error("train", "%zu pairs, temperature %.3f, wrote %s", pairs.n,
                        m->temperature, out);
            mz_model_free(m);
        }
    }
    mz_pairs_clear(&pairs);
    return rc;
}
