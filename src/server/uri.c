/* uri.c — the request target as the client sent it, before libmicrohttpd
 * decodes it (server.c calls srv_uri_check from its URI callback).
 *
 * libmicrohttpd decodes the path into a C string, so "/%00../x" would reach
 * the router as "/"; and it keeps a '%' that is not followed by two hex
 * digits as it stands, so "q=%ZZ" searched for "%ZZ", "q=abc%" for "abc%".
 * Once decoded, "%ZZ" sent cannot be told from "%25ZZ" (a '%' written
 * properly), so both are looked for here, in the raw target: a 400, naming
 * the parameter whose value holds the bad escape. */
#include "server/uri.h"

#include "server/http.h"
#include "util/util.h"

#include <stdio.h>
#include <string.h>

static int hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* The first '%' of s[0..n) not followed by two hex digits, or NULL. */
static const char *bad_escape(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '%' && (i + 2 >= n || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0))
            return s + i;
    return NULL;
}

/* The bad escape as it was sent, its printable ASCII alone: "%ZZ", "%4", "%". */
static void copy_escape(const char *p, const char *end, char out[4])
{
    size_t n = 1;
    out[0] = '%';
    while (n < 3 && p + n < end && p[n] > 0x20 && p[n] < 0x7F)
        out[n] = p[n], n++;
    out[n] = '\0';
}

/* A parameter's name decoded ('+' is a space, %XX a byte) into out, as
 * libmicrohttpd gives it to the handlers; "" when it is not printable UTF-8
 * or does not fit (the reply then names no field). */
static void decode_name(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o + 1 >= cap) {
            out[0] = '\0';
            return;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '%') { /* the name's escapes were checked before */
            c = (unsigned char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else if (c == '+') {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7F) {
            out[0] = '\0';
            return;
        }
        out[o++] = (char)c;
    }
    out[o] = '\0';
    size_t bad = 0;
    if (mz_utf8_check(out, o, &bad) != MZ_OK)
        out[0] = '\0';
}

void srv_uri_check(const char *uri, srv_uri_flaw *f)
{
    memset(f, 0, sizeof *f);
    size_t plen = strcspn(uri, "?");
    for (size_t i = 0; i + 2 < plen && !f->kind; i++)
        if (uri[i] == '%' && uri[i + 1] == '0' && uri[i + 2] == '0')
            f->kind = SRV_URI_NUL_IN_PATH;
    if (f->kind)
        return;
    const char *bad = bad_escape(uri, plen);
    if (bad) {
        f->kind = SRV_URI_BAD_PATH_ESCAPE;
        copy_escape(bad, uri + plen, f->escape);
        return;
    }
    if (!uri[plen])
        return;
    for (const char *p = uri + plen + 1; *p;) { /* name[=value] between '&'s */
        size_t n = strcspn(p, "&");
        size_t kn = strcspn(p, "=&");
        if ((bad = bad_escape(p, kn))) {
            f->kind = SRV_URI_BAD_NAME_ESCAPE;
            copy_escape(bad, p + kn, f->escape);
            return;
        }
        if (kn < n && (bad = bad_escape(p + kn + 1, n - kn - 1))) {
            f->kind = SRV_URI_BAD_VALUE_ESCAPE;
            copy_escape(bad, p + n, f->escape);
            decode_name(p, kn, f->name, sizeof f->name);
            return;
        }
        p += n + (p[n] == '&');
    }
}

void srv_uri_reply(const srv_uri_flaw *f, srv_response *rs)
{
    static const char rule[] = "'%' must be followed by two hex digits (write %25 for a '%')";
    switch (f->kind) {
    case SRV_URI_OK:
        break;
    case SRV_URI_NUL_IN_PATH:
        srv_error(rs, 400, NULL, "NUL byte (%%00) in the request path");
        break;
    case SRV_URI_BAD_PATH_ESCAPE:
        srv_error(rs, 400, NULL, "malformed percent escape '%s' in the request path: %s",
                  f->escape, rule);
        break;
    case SRV_URI_BAD_NAME_ESCAPE:
        srv_error(rs, 400, NULL, "malformed percent escape '%s' in a query parameter's name: %s",
                  f->escape, rule);
        break;
    case SRV_URI_BAD_VALUE_ESCAPE:
        if (f->name[0])
            srv_error(rs, 400, f->name, "parameter '%s' has a malformed percent escape '%s': %s",
                      f->name, f->escape, rule);
        else
            srv_error(rs, 400, NULL, "malformed percent escape '%s' in the query string: %s",
                      f->escape, rule);
        break;
    }
}
