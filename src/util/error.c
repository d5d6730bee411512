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

mz_status mz_fail(mz_error *err, mz_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
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
