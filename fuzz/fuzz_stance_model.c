/* fuzz_stance_model.c — the stance model file parser. The input is a model
 * body; the checksum record is appended so the parser proper is reached
 * (with the last byte odd, the input is parsed raw, checksum included).
 * Invariant: it never crashes or leaks, and a model that parses saves back
 * to a file that parses. */
#include "stance/stance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
    mz_model *m = NULL;
    mz_error err;
    if (n && (data[n - 1] & 1)) {
        if (mz_model_parse((const char *)data, n, "fuzz", &m, &err) == MZ_OK)
            mz_model_free(m);
        return 0;
    }
    char *b = malloc(n + 32);
    if (!b)
        return 0;
    memcpy(b, data, n);
    int k = snprintf(b + n, 32, "end %016llx\n", (unsigned long long)mz_hash64((const char *)data, n));
    if (mz_model_parse(b, n + (size_t)k, "fuzz", &m, &err) == MZ_OK) {
        if (m->n_dense != mz_n_dense || !(m->temperature > 0))
            abort();
        mz_model_free(m);
    }
    free(b);
    return 0;
}
