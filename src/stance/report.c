/* report.c — an evaluation as JSON (for --json) or as a table (terminal). */
#include "json/json.h"
#include "stance/stance.h"
#include "util/util.h"

#include <cjson/cJSON.h>

static cJSON *per_class(const double v[MZ_N_STANCES])
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; o && k < MZ_N_STANCES; k++)
        if (!cJSON_AddNumberToObject(o, mz_stance_name((mz_stance)k), v[k])) {
            cJSON_Delete(o);
            return NULL;
        }
    return o;
}

static bool add_interval(cJSON *o, const char *name, double lo, double hi)
{
    const double v[2] = {lo, hi};
    return mz_json_add(o, name, cJSON_CreateDoubleArray(v, 2));
}

/* macro_f1_ci, f1_ci and ci_claims: only when the intervals were computed */
static bool add_intervals(cJSON *o, const mz_eval *e)
{
    if (!e->ci_groups)
        return true;
    cJSON *f1 = cJSON_AddObjectToObject(o, "f1_ci");
    bool ok = f1 && add_interval(o, "macro_f1_ci", e->macro_f1_lo, e->macro_f1_hi);
    for (int k = 0; ok && k < MZ_N_STANCES; k++)
        ok = add_interval(f1, mz_stance_name((mz_stance)k), e->f1_lo[k], e->f1_hi[k]);
    return ok && cJSON_AddNumberToObject(o, "ci_claims", (double)e->ci_groups);
}

cJSON *mz_eval_json(const mz_eval *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *conf = cJSON_CreateObject();
    bool ok = o && conf;
    for (int g = 0; ok && g < MZ_N_STANCES; g++) {
        cJSON *row = cJSON_AddObjectToObject(conf, mz_stance_name((mz_stance)g));
        ok = row != NULL;
        for (int p = 0; ok && p < MZ_N_STANCES; p++)
            ok = cJSON_AddNumberToObject(row, mz_stance_name((mz_stance)p),
                                         (double)e->confusion[g][p]) != NULL;
    }
    cJSON *prec = per_class(e->precision), *rec = per_class(e->recall), *f1 = per_class(e->f1);
    ok = ok && prec && rec && f1 && cJSON_AddNumberToObject(o, "n", (double)e->n) &&
         cJSON_AddNumberToObject(o, "accuracy", e->accuracy) &&
         cJSON_AddNumberToObject(o, "macro_f1", e->macro_f1);
    if (ok) {
        /* each is deleted here, added or not (an add that fails, out of
         * memory, leaves the key out: the report is then dropped whole) */
        ok = mz_json_add(o, "f1", f1);
        ok = mz_json_add(o, "precision", prec) && ok;
        ok = mz_json_add(o, "recall", rec) && ok;
        ok = mz_json_add(o, "confusion", conf) && ok;
        prec = rec = f1 = conf = NULL;
        ok = ok && cJSON_AddNumberToObject(o, "fnc_score", e->fnc_score) &&
             cJSON_AddNumberToObject(o, "rationale_hit", e->rationale_hit) &&
             cJSON_AddNumberToObject(o, "rationale_n", (double)e->rationale_n) &&
             cJSON_AddNumberToObject(o, "brier", e->brier) &&
             cJSON_AddNumberToObject(o, "ece", e->ece) &&
             cJSON_AddNumberToObject(o, "pairs_per_s", e->pairs_per_s) && add_intervals(o, e);
    }
    cJSON_Delete(prec);
    cJSON_Delete(rec);
    cJSON_Delete(f1);
    cJSON_Delete(conf);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int mz_eval_format(const mz_eval *e, mz_buf *b)
{
    int bad = mz_buf_printf(b, "pairs        %zu\naccuracy     %.4f\nmacro-F1     %.4f",
                            e->n, e->accuracy, e->macro_f1);
    if (e->ci_groups)
        bad |= mz_buf_printf(b, "  (95%% interval %.3f-%.3f: a bootstrap over the %zu claims)",
                             e->macro_f1_lo, e->macro_f1_hi, e->ci_groups);
    bad |= mz_buf_printf(b, "\nFNC-1 score  %.4f\n", e->fnc_score);
    bad |= mz_buf_printf(b, "rationale    %.4f (%zu of %zu agree/disagree pairs with a rationale)\n",
                         e->rationale_hit, e->rationale_hits, e->rationale_n);
    bad |= mz_buf_printf(b, "calibration  Brier %.4f, ECE %.4f\n", e->brier, e->ece);
    if (e->pairs_per_s > 0) /* not timed: cross-validation */
        bad |= mz_buf_printf(b, "speed        %.0f pairs/s\n", e->pairs_per_s);
    bad |= mz_buf_puts(b, "\n");
    bad |= mz_buf_printf(b, "%-10s %9s %9s %9s%s\n", "class", "precision", "recall", "F1",
                         e->ci_groups ? "  F1 95% interval" : "");
    for (int k = 0; k < MZ_N_STANCES; k++) {
        bad |= mz_buf_printf(b, "%-10s %9.4f %9.4f %9.4f", mz_stance_name((mz_stance)k),
                             e->precision[k], e->recall[k], e->f1[k]);
        if (e->ci_groups)
            bad |= mz_buf_printf(b, "  %.3f-%.3f", e->f1_lo[k], e->f1_hi[k]);
        bad |= mz_buf_puts(b, "\n");
    }
    bad |= mz_buf_printf(b, "\nconfusion (rows gold, columns predicted)\n%-10s", "");
    for (int k = 0; k < MZ_N_STANCES; k++)
        bad |= mz_buf_printf(b, " %9s", mz_stance_name((mz_stance)k));
    for (int g = 0; g < MZ_N_STANCES; g++) {
        bad |= mz_buf_printf(b, "\n%-10s", mz_stance_name((mz_stance)g));
        for (int p = 0; p < MZ_N_STANCES; p++)
            bad |= mz_buf_printf(b, " %9zu", e->confusion[g][p]);
    }
    bad |= mz_buf_puts(b, "\n");
    return bad ? -1 : 0;
}
