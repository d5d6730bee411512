/* fuzz_tokenize.c — tokens of arbitrary bytes: in range, ordered, non-empty,
 * normalized forms NUL-terminated, valid UTF-8 and already normalized; the
 * stemmer and stopword lookup accept every token, stems valid UTF-8. mz_tokenize_checked fails
 * exactly when mz_utf8_check does, at the same offset, and otherwise gives
 * the same tokens. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    mz_tokens t = {0};
    CHECK(mz_tokenize(s, size, size % 2 == 0, &t) == MZ_OK);
    mz_stemmer *st = mz_stemmer_new(size % 3 == 0);
    CHECK(st != NULL);
    for (size_t i = 0; i < t.n; i++) {
        const mz_token *k = &t.v[i];
        CHECK(k->start < k->end && k->end <= size);
        /* tokens follow each other, except the words of one ligature (ﷺ),
         * which share its span */
        if (i)
            CHECK(k->start >= t.v[i - 1].end ||
                  (k->start == t.v[i - 1].start && k->end == t.v[i - 1].end));
        CHECK(k->norm_len > 0 && k->norm + k->norm_len < t.norm_used);
        const char *w = mz_tok_text(&t, i);
        CHECK(w[k->norm_len] == '\0' && strlen(w) == k->norm_len);
        CHECK(mz_utf8_check(w, k->norm_len, NULL) == MZ_OK);
        char *n2;
        size_t l2;
        CHECK(mz_normalize(w, k->norm_len, &n2, &l2, NULL, NULL) == MZ_OK);
        CHECK(l2 == k->norm_len && memcmp(n2, w, l2) == 0);
        free(n2);
        size_t sl;
        const char *stem = mz_stemmer_stem(st, w, k->norm_len, &sl);
        CHECK(stem != NULL && strlen(stem) == sl && mz_utf8_check(stem, sl, NULL) == MZ_OK);
        (void)mz_is_stopword(w, k->norm_len);
    }
    mz_stemmer_free(st);
    size_t bad_check = 0, bad_tok = 0;
    mz_status valid = mz_utf8_check(s, size, &bad_check);
    mz_tokens t2 = {0};
    mz_status st2 = mz_tokenize_checked(s, size, size % 2 == 0, &t2, &bad_tok);
    CHECK(st2 == (valid == MZ_OK ? MZ_OK : MZ_ERR_UTF8));
    CHECK(bad_tok == bad_check);
    if (valid == MZ_OK) {
        CHECK(t2.n == t.n && t2.norm_used == t.norm_used);
        CHECK(t.n == 0 || memcmp(t2.v, t.v, t.n * sizeof *t.v) == 0);
        CHECK(t.norm_used == 0 || memcmp(t2.norm, t.norm, t.norm_used) == 0);
    }
    mz_tokens_clear(&t2);
    mz_tokens_clear(&t);
    return 0;
}
