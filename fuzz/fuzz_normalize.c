/* fuzz_normalize.c — normalization of arbitrary bytes: errors only on
 * invalid UTF-8, output valid UTF-8, offset map monotone and in range, and
 * normalizing twice changes nothing (the matching form is a fixed point). */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char *out;
    size_t n, *off;
    mz_error err;
    mz_status st = mz_normalize(s, size, &out, &n, &off, &err);
    size_t bad;
    if (mz_utf8_check(s, size, &bad) != MZ_OK) {
        CHECK(st == MZ_ERR_UTF8 && out == NULL && off == NULL);
        return 0;
    }
    CHECK(st == MZ_OK);
    CHECK(out[n] == 0); /* (the input may hold NUL bytes: no strlen) */
    CHECK(mz_utf8_check(out, n, NULL) == MZ_OK);
    CHECK(off[n] == size);
    for (size_t i = 0; i < n; i++) {
        CHECK(off[i] < size);
        CHECK(((unsigned char)s[off[i]] & 0xC0) != 0x80); /* a character start */
        if (i)
            CHECK(off[i] >= off[i - 1]);
    }
    char *again;
    size_t n2;
    CHECK(mz_normalize(out, n, &again, &n2, NULL, NULL) == MZ_OK);
    CHECK(n2 == n && memcmp(again, out, n) == 0);
    free(again);
    free(out);
    free(off);
    return 0;
}
