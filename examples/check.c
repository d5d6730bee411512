/* check.c — the smallest program embedding libmizan, using only <mizan.h>:
 * ingest files into a store, check a claim against it, print the verdict.
 *
 *   build/examples/check DB CLAIM [FILE...]
 *
 * The model is mz_model_load's default ($MIZAN_MODEL, else
 * models/stance.model beside or above the program). Built by `make` as C99
 * and compiled as C++ too, which checks that the header serves both. */
#include <mizan.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mz_status run(int argc, char **argv, mz_error *err)
{
    mz_db *db = NULL;
    mz_model *model = NULL;
    mz_check_result *result = NULL;
    mz_status st = mz_db_open(argv[1], 0, &db, err);
    if (st == MZ_OK && argc > 3) {
        mz_ingest_report rep;
        st = mz_ingest_paths(db, (const char *const *)(argv + 3), (size_t)(argc - 3), NULL, &rep,
                             err);
        if (st == MZ_OK)
            printf("added %zu, skipped %zu (duplicates)\n", rep.added, rep.skipped);
    }
    if (st == MZ_OK)
        st = mz_model_load(NULL, &model, err);
    if (st == MZ_OK)
        st = mz_check(db, model, argv[2], NULL, &result, err);
    /* The result owns its memory: it outlives the store and the model. */
    mz_db_close(db);
    mz_model_free(model);
    if (st != MZ_OK)
        return st;
    printf("%s (%.2f)\n%s\n%s\n", mz_verdict_name(mz_check_verdict(result)),
           mz_check_confidence(result), mz_check_reason(result), mz_check_reason_ar(result));
    char *json = mz_check_result_json(result, 0); /* malloc'd: free() */
    if (json)
        printf("report: %zu bytes of JSON\n", strlen(json));
    free(json);
    mz_check_result_free(result);
    return json ? MZ_OK : MZ_ERR_NOMEM;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DB CLAIM [FILE...]\n", argv[0]);
        return 2;
    }
    mz_error err;
    mz_status st = run(argc, argv, &err);
    if (st != MZ_OK) {
        /* err is read only after a failure; its message is UTF-8 */
        fprintf(stderr, "check: %s: %s\n", mz_status_name(st), err.msg);
        return 1;
    }
    return 0;
}
