/* fuzz_request_head.c — the checks the server makes of a request's head
 * before any handler runs: the raw request target (src/server/uri.c: %00 in
 * the path, a '%' not followed by two hex digits in the path, a parameter's
 * name or its value) and a POST's media type (src/server/media.c:
 * Content-Type and Content-Encoding). Input: the target, a newline, the
 * Content-Type, a newline, the Content-Encoding (each cut at a NUL; a part
 * left out is a header not sent).
 * Invariants: no crash or leak; a target passed as sound has every '%'
 * followed by two hex digits and no %00 in its path, and one refused has
 * such a flaw, its escape as sent starting with '%' and its parameter name
 * printable UTF-8; the refusal is a 400 whose JSON body names that
 * parameter or none; a media type taken is application/json (any case,
 * after blanks) with no encoding but identity, and one refused leaves a 415
 * with a JSON body {"error", "code": "unsupported_media_type"}. */
#include "server/http.h"
#include "server/uri.h"
#include "text/text.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Every '%' of s followed by two hex digits, and none of the path's %00. */
static bool sound(const char *s)
{
    size_t plen = strcspn(s, "?");
    for (size_t i = 0; s[i]; i++)
        if (s[i] == '%' && (!is_hex(s[i + 1]) || !is_hex(s[i + 2]) ||
                            (i < plen && s[i + 1] == '0' && s[i + 2] == '0')))
            return false;
    return true;
}

/* rs holds the given status with a JSON error body; its "field", if any, is
 * field; its "code", if code is given, is code. Frees the body. */
static void check_reply(srv_response *rs, unsigned status, const char *field, const char *code)
{
    if (rs->status != status || !rs->body || rs->len != strlen(rs->body) || !rs->content_type ||
        strncmp(rs->content_type, "application/json", 16))
        abort();
    cJSON *j = cJSON_ParseWithLength(rs->body, rs->len);
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(j, "error");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "code");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(j, "field");
    if (!cJSON_IsObject(j) || !cJSON_IsString(e) || !*e->valuestring || !cJSON_IsString(c) ||
        (code && strcmp(c->valuestring, code)) ||
        (f && (!cJSON_IsString(f) || !field || strcmp(f->valuestring, field))))
        abort();
    cJSON_Delete(j);
    free(rs->body);
}

static void target(const char *uri)
{
    srv_uri_flaw f;
    srv_uri_check(uri, &f);
    if ((f.kind == SRV_URI_OK) != sound(uri))
        abort();
    if (f.kind == SRV_URI_OK)
        return;
    if (f.kind != SRV_URI_NUL_IN_PATH && f.escape[0] != '%')
        abort();
    size_t n = strlen(f.name);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)f.name[i] < 0x20 || f.name[i] == 0x7F)
            abort();
    if (mz_utf8_check(f.name, n, NULL) != MZ_OK)
        abort();
    srv_response rs = {.status = 500, .fd = -1};
    srv_uri_reply(&f, &rs);
    check_reply(&rs, 400, f.kind == SRV_URI_BAD_VALUE_ESCAPE && n ? f.name : NULL, "bad_request");
}

static void media(const char *type, const char *encoding)
{
    srv_request rq = {.method = "POST", .path = "/api/check", .body = "", .content_type = type,
                      .content_encoding = encoding};
    srv_response rs = {.status = 500, .fd = -1};
    if (srv_body_is_json(&rq, &rs)) {
        const char *p = type ? type + strspn(type, " \t") : NULL;
        if (rs.body || !p || strncasecmp(p, "application/json", 16) ||
            (encoding && strcasecmp(encoding, "identity")))
            abort();
        return;
    }
    check_reply(&rs, 415, NULL, "unsupported_media_type");
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    char *type = strchr(s, '\n'), *encoding = NULL;
    if (type) {
        *type++ = '\0';
        if ((encoding = strchr(type, '\n')))
            *encoding++ = '\0';
    }
    target(s);
    media(type, encoding);
    free(s);
    return 0;
}
