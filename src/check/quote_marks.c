/*
 * quote_marks.c — evidence quoted in «…» (the reason, the terminal report)
 * when the sentence has guillemets of its own. A title that quotes a name
 * («سيول الريحان» تقتل 12 شخصا) came out "««سيول الريحان» تقتل…»", and a
 * sentence quoted whole "««…»»". A sentence that is one quotation loses its
 * own pair (the report's pair says the same); guillemets inside a quote are
 * nested as “…”, as Arabic (and French) typography nests them. Offsets in
 * the JSON still point at the sentence as stored.
 */
#include "check/check.h"

#include <string.h>

#define OPEN "\xC2\xAB"  /* « */
#define CLOSE "\xC2\xBB" /* » */

size_t mz_inner_quote_mark(const char *s, size_t len, const char **mark)
{
    if (len < 2 || (memcmp(s, OPEN, 2) && memcmp(s, CLOSE, 2)))
        return 0;
    *mark = !memcmp(s, OPEN, 2) ? "\xE2\x80\x9C" : "\xE2\x80\x9D"; /* “ ” */
    return 2;
}

void mz_quote_unwrap(const char *s, size_t *start, size_t *end)
{
    size_t a = *start, b = *end;
    while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '.'))
        b--;
    if (b < a + 4 || memcmp(s + a, OPEN, 2) || memcmp(s + b - 2, CLOSE, 2))
        return;
    for (size_t i = a + 2; i + 2 < b; i++)
        if (!memcmp(s + i, OPEN, 2) || !memcmp(s + i, CLOSE, 2))
            return; /* «أ» و«ب»: two quotations, not one */
    *start = a + 2;
    *end = b - 2;
}
