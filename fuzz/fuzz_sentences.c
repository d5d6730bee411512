/* fuzz_sentences.c — sentence spans of arbitrary bytes: in range, ordered,
 * non-empty, trimmed; the boilerplate filter keeps lines consistently and
 * never empties a text that has letters. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    mz_sentences out = {0};
    CHECK(mz_split_sentences(s, size, &out) == MZ_OK);
    for (size_t i = 0; i < out.n; i++) {
        CHECK(out.v[i].start < out.v[i].end && out.v[i].end <= size);
        if (i)
            CHECK(out.v[i].start >= out.v[i - 1].end);
        char a = s[out.v[i].start], b = s[out.v[i].end - 1];
        CHECK(a != ' ' && a != '\n' && a != '\t' && b != ' ' && b != '\n' && b != '\t');
        for (size_t k = out.v[i].start; k < out.v[i].end; k++)
            CHECK(s[k] != '\n'); /* a line break always ends a sentence */
    }
    mz_sentences_clear(&out);
    bool *keep;
    size_t n;
    CHECK(mz_boilerplate_lines(s, size, &keep, &n) == MZ_OK);
    size_t lines = 1, kept = 0;
    for (size_t i = 0; i < size; i++)
        lines += s[i] == '\n';
    CHECK(n == lines);
    for (size_t i = 0; i < n; i++)
        kept += keep[i];
    free(keep);
    size_t len;
    char *body = mz_boilerplate_strip(s, size, &len);
    CHECK(body != NULL && len <= size && strlen(body) <= len);
    CHECK(kept > 0 || len == 0);
    free(body);
    return 0;
}
