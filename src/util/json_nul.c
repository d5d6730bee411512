/*
 * json_nul.c — finding an escaped NUL (\u0000) in JSON text before cJSON
 * parses it: cJSON ends a string value at the NUL and silently drops what
 * follows, so a claim or an article would be cut short with no error.
 */
#include "util/util.h"

#include <string.h>

size_t mz_json_escaped_nul(const char *s, size_t len)
{
    for (size_t i = 0; i + 6 <= len; i++) {
        if (s[i] != '\\')
            continue;
        if (!strncmp(s + i + 1, "u0000", 5))
            return i;
        i++; /* skip the escaped character (\\ included) */
    }
    return len;
}
