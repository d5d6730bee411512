/* error.c — status names and error filling. */
#include "util/util.h"

#include <stdio.h>
#include <string.h>

const char *mz_status_name(mz_status s)
{
    switch (s) {
    case MZ_OK: return "ok";
    case MZ_ERR_ARG: return "bad_argument";
    case MZ_ERR_NOMEM: return "out_of_memory";
    case MZ_ERR_IO: return "io";
    case MZ_ERR_UTF8: return "invalid_utf8";
    case MZ_ERR_EMPTY: return "empty";
    case MZ_ERR_BINARY: return "binary";
    case MZ_ERR_TOO_LARGE: return "too_large";
    case MZ_ERR_JSON: return "bad_json";
    case MZ_ERR_DB: return "db";
    case MZ_ERR_DB_LOCKED: return "db_locked";
    case MZ_ERR_DB_CORRUPT: return "db_corrupt";
    case MZ_ERR_DB_READONLY: return "db_readonly";
    case MZ_ERR_NOT_FOUND: return "not_found";
    case MZ_ERR_DUPLICATE: return "duplicate";
    case MZ_ERR_MODEL: return "bad_model";
    case MZ_ERR_INTERNAL: return "internal";
    }
    return "unknown";
}

/* s[end] is the NUL of a string cut at end bytes: drops a UTF-8 sequence
 * that the cut left incomplete. */
static void drop_partial_char(char *s, size_t end)
{
    size_t lead = end;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    lead--;
    unsigned char c = (unsigned char)s[lead];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (lead + need > end)
        s[lead] = '\0';
}

mz_status mz_fail(mz_error *err, mz_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        if (n >= (int)sizeof err->msg) /* cut short: not inside a character */
            drop_partial_char(err->msg, sizeof err->msg - 1);
    }
    return code;
}

void mz_error_clear(mz_error *err)
{
    if (err) {
        err->code = MZ_OK;
        err->msg[0] = '\0';
    }
}
