/* reply.c — JSON responses and the mapping of library errors to HTTP statuses. */
#include "server/http.h"

#include "json/json.h"
#include "text/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char JSON_TYPE[] = "application/json; charset=utf-8";

void srv_json_text(srv_response *rs, unsigned status, char *text)
{
    free(rs->body);
    rs->body = NULL;
    rs->len = 0;
    if (!text) {
        /* Out of memory while printing: a static reply still gets through. */
        static const char oom[] = "{\"error\":\"out of memory\",\"code\":\"out_of_memory\"}";
        rs->status = 503;
        rs->content_type = JSON_TYPE;
        rs->body = malloc(sizeof oom);
        if (rs->body) {
            memcpy(rs->body, oom, sizeof oom);
            rs->len = sizeof oom - 1;
        }
        return;
    }
    rs->status = status;
    rs->content_type = JSON_TYPE;
    rs->body = text;
    rs->len = strlen(text);
}

void srv_json(srv_response *rs, unsigned status, cJSON *j)
{
    srv_json_text(rs, status, mz_json_print(j, 0));
}

static const char *code_for_http(unsigned status)
{
    switch (status) {
    case 400: return "bad_request";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "duplicate";
    case 413: return "too_large";
    case 415: return "unsupported_media_type";
    case 503: return "unavailable";
    default: return "internal";
    }
}

static void error_reply(srv_response *rs, unsigned status, const char *code, const char *field,
                        const char *msg)
{
    cJSON *j = cJSON_CreateObject();
    if (j) {
        cJSON_AddStringToObject(j, "error", msg);
        if (field)
            cJSON_AddStringToObject(j, "field", field);
        cJSON_AddStringToObject(j, "code", code);
    }
    srv_json(rs, status, j);
}

void srv_error(srv_response *rs, unsigned status, const char *field, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* The message may echo request bytes (a method such as "\xff\xfe") or
     * be cut inside a character: the reply says charset=utf-8, so it is. */
    char *fixed = mz_utf8_repair(msg);
    error_reply(rs, status, code_for_http(status), field, fixed ? fixed : msg);
    free(fixed);
}

unsigned srv_http_status(mz_status s)
{
    switch (s) {
    case MZ_OK: return 200;
    case MZ_ERR_ARG:
    case MZ_ERR_UTF8:
    case MZ_ERR_EMPTY:
    case MZ_ERR_BINARY:
    case MZ_ERR_JSON: return 400;
    case MZ_ERR_DB_READONLY: return 403;
    case MZ_ERR_NOT_FOUND: return 404;
    case MZ_ERR_DUPLICATE: return 409;
    case MZ_ERR_TOO_LARGE: return 413;
    case MZ_ERR_NOMEM:
    case MZ_ERR_DB_LOCKED: return 503;
    case MZ_ERR_IO:
    case MZ_ERR_DB:
    case MZ_ERR_DB_CORRUPT:
    case MZ_ERR_MODEL:
    case MZ_ERR_INTERNAL: break;
    }
    return 500;
}

void srv_fail(srv_response *rs, const mz_error *err, const char *field)
{
    unsigned status = srv_http_status(err->code);
    /* A field is only meaningful for complaints about the input. */
    if (status != 400 && status != 413)
        field = NULL;
    error_reply(rs, status, mz_status_name(err->code), field,
                err->msg[0] ? err->msg : mz_status_name(err->code));
}
