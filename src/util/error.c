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

/* A message naming a file whose name is not UTF-8 (the bytes the file
 * system has) becomes UTF-8: each invalid byte is written \xNN, as the CLI
 * writes it, so the name can still be told apart; the message stays within
 * msg, cut between characters. */
static void repair_utf8(char *msg)
{
    const size_t room = sizeof ((mz_error *)NULL)->msg - 1;
    size_t len = strlen(msg), bad;
    if (mz_utf8_check(msg, len, &bad) == MZ_OK)
        return;
    char fixed[sizeof ((mz_error *)NULL)->msg];
    size_t i = 0, o = 0;
    while (i < len) {
        if (mz_utf8_check(msg + i, len - i, &bad) == MZ_OK)
            bad = len - i; /* the rest is valid */
        size_t n = bad < room - o ? bad : room - o;
        memcpy(fixed + o, msg + i, n);
        o += n;
        i += bad;
        if (i == len || o + 4 > room)
            break;
        snprintf(fixed + o, 5, "\\x%02x", (unsigned char)msg[i]);
        o += 4;
        i++;
    }
    fixed[o] = '\0';
    memcpy(msg, fixed, o + 1);
    drop_partial_char(msg, o); /* a valid run cut short by room */
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
        repair_utf8(err->msg);
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
