/* media.c — a POST body must be declared JSON (RFC 9110, 8.3 and 15.5.16).
 *
 * Bodies used to be parsed as JSON whatever their Content-Type, so a form
 * (application/x-www-form-urlencoded, what `curl -d` sends), text/plain or no
 * type at all was read as JSON. Now only application/json is taken, its
 * parameters allowed (`; charset=utf-8`, names and values without case); any
 * other type, a charset other than UTF-8, or none at all is 415. Refusing a
 * missing type too means no browser can send a body we accept without a
 * CORS preflight (which this server never grants): the "simple" requests a
 * page may send to another site carry a form type, text/plain, or none (a
 * Blob body), so this backs up the Origin rule of guard.c. A body that is
 * compressed (Content-Encoding other than identity) is 415 as well: it is
 * never decoded here. */
#include "server/http.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool is_ows(char c) { return c == ' ' || c == '\t'; }

static const char *skip_ows(const char *p)
{
    while (is_ows(*p))
        p++;
    return p;
}

/* A token character (RFC 9110, 5.6.2). */
static bool is_tchar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

static size_t token_len(const char *p)
{
    size_t n = 0;
    while (is_tchar(p[n]))
        n++;
    return n;
}

/* Reads the parameters after the media type, from p (at ';' or the end):
 * *( OWS ";" OWS [ parameter ] ) (RFC 9110, 5.6.6), so a parameter may be
 * empty: "application/json;;charset=utf-8", "application/json;". False when
 * they are malformed; *charset_ok false for a charset other than utf-8
 * (copied into cs). */
static bool read_params(const char *p, bool *charset_ok, char *cs, size_t cap)
{
    *charset_ok = true;
    for (;;) {
        p = skip_ows(p);
        if (!*p)
            return true;
        if (*p++ != ';')
            return false;
        p = skip_ows(p);
        if (!*p || *p == ';') /* an empty parameter (was a 415 between two ';') */
            continue;
        size_t nl = token_len(p);
        if (!nl || p[nl] != '=')
            return false;
        bool charset = nl == 7 && !strncasecmp(p, "charset", 7);
        p += nl + 1;
        char value[64];
        size_t vl = 0;
        if (*p == '"') { /* quoted-string: \x is x */
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1])
                    p++;
                if (vl + 1 < sizeof value)
                    value[vl++] = *p;
            }
            if (*p++ != '"')
                return false;
        } else {
            size_t n = token_len(p);
            if (!n)
                return false;
            vl = n < sizeof value - 1 ? n : sizeof value - 1;
            memcpy(value, p, vl);
            p += n;
        }
        value[vl] = '\0';
        if (charset && strcasecmp(value, "utf-8") != 0) {
            *charset_ok = false;
            snprintf(cs, cap, "%s", value);
        }
    }
}

bool srv_body_is_json(const srv_request *rq, srv_response *rs)
{
    const char *ce = rq->content_encoding;
    if (ce && strcasecmp(ce, "identity") != 0) {
        srv_error(rs, 415, NULL,
                  "Content-Encoding '%.60s' is not supported: send the body uncompressed", ce);
        return false;
    }
    const char *ct = rq->content_type;
    if (!ct) {
        srv_error(rs, 415, NULL,
                  "no Content-Type: a %s body must be sent as 'Content-Type: application/json'",
                  rq->method);
        return false;
    }
    const char *p = skip_ows(ct);
    /* type "/" subtype, two tokens ('/' is not a token character) */
    bool json = token_len(p) == 11 && !strncasecmp(p, "application/", 12) &&
                token_len(p + 12) == 4 && !strncasecmp(p + 12, "json", 4);
    p += json ? 16 : 0;
    bool charset_ok = true;
    char cs[64] = "";
    if (!json || !read_params(p, &charset_ok, cs, sizeof cs)) {
        srv_error(rs, 415, NULL,
                  "Content-Type '%.100s' is not supported: send the body as JSON with "
                  "'Content-Type: application/json'", ct);
        return false;
    }
    if (!charset_ok) {
        srv_error(rs, 415, NULL, "charset '%s' is not supported: a JSON body is UTF-8 "
                                 "('Content-Type: application/json; charset=utf-8')", cs);
        return false;
    }
    return true;
}
