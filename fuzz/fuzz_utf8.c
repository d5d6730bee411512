/* fuzz_utf8.c — strict UTF-8 validation agrees with the decoder, never
 * reads out of bounds, and re-encoding valid input gives it back; repair
 * always gives valid UTF-8 and leaves valid text alone. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t bad = 0;
    mz_status st = mz_utf8_check(s, size, &bad);
    /* Walk with the decoder: it must stop at the same offset. */
    size_t i = 0;
    char *copy = malloc(size + 1);
    size_t o = 0;
    while (i < size) {
        uint32_t cp;
        int n = mz_utf8_decode(s, size, i, &cp);
        if (n == 0)
            break;
        CHECK(n >= 1 && n <= 4 && i + (size_t)n <= size);
        CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
        int m = mz_utf8_encode(cp, copy + o);
        CHECK(m == n && memcmp(copy + o, s + i, (size_t)n) == 0); /* shortest form */
        o += (size_t)m;
        i += (size_t)n;
    }
    if (st == MZ_OK) {
        CHECK(i == size && bad == size);
        CHECK(mz_utf8_cp_offset(s, size) <= size);
    } else {
        CHECK(st == MZ_ERR_UTF8 && bad == i && bad < size);
    }
    free(copy);
    /* Repair (up to the first NUL, as for C strings): valid UTF-8 out,
     * unchanged when the input was valid already. */
    char *z = malloc(size + 1);
    memcpy(z, s, size);
    z[size] = '\0';
    char *fixed = mz_utf8_repair(z);
    CHECK(fixed && mz_utf8_check(fixed, strlen(fixed), NULL) == MZ_OK);
    if (mz_utf8_check(z, strlen(z), NULL) == MZ_OK)
        CHECK(strcmp(fixed, z) == 0);
    free(fixed);
    free(z);
    return 0;
}
