/* framing.c — the checks of a request's head read from its header lines
 * alone (framing.h). Request-smuggling guard: libmicrohttpd takes the first
 * Content-Length of two, and lets Transfer-Encoding win over Content-Length;
 * a proxy in front of us may choose otherwise, and the two would then
 * disagree on where this request ends and the next begins (RFC 9112, 6.3).
 * Such a request, or one naming two Hosts, two Content-Types or two
 * Content-Encodings, or one whose header names are malformed, is refused
 * (head.c closes its connection). */
#include "server/framing.h"

#include "server/http.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* A header name is a token (RFC 9110, 5.1): libmicrohttpd keeps
 * "Content-Length : 44" as a header named "Content-Length ", which it then
 * ignores, while a proxy may have framed the body by it (RFC 9112, 5.1:
 * whitespace before the colon must be refused). */
static bool is_token(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!strchr("!#$%&'*+-.^_`|~", *s) && !(*s >= '0' && *s <= '9') &&
            !(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z'))
            return false;
    return true;
}

typedef struct counts {
    unsigned content_length, transfer_encoding, host, bad_name, not_chunked, content_type,
        content_encoding;
    const char *length; /* the (first) Content-Length's value */
} counts;

static void count(const srv_header *h, counts *k)
{
    const char *value = h->value ? h->value : "";
    k->bad_name += !h->name || !is_token(h->name);
    if (!h->name)
        return;
    if (!strcasecmp(h->name, "Content-Length") && !k->content_length++)
        k->length = value;
    if (!strcasecmp(h->name, "Transfer-Encoding")) {
        /* libmicrohttpd decodes chunked alone; with "gzip, chunked" it
         * waited for a body it could not delimit. */
        k->transfer_encoding++;
        k->not_chunked += strcasecmp(value, "chunked") != 0;
    }
    k->host += !strcasecmp(h->name, "Host");
    k->content_type += !strcasecmp(h->name, "Content-Type");
    k->content_encoding += !strcasecmp(h->name, "Content-Encoding");
}

static const char *refusal(const counts *k, const char *version)
{
    if (k->content_length > 1)
        return "ambiguous request: more than one Content-Length header";
    if (k->transfer_encoding > 1)
        return "ambiguous request: more than one Transfer-Encoding header";
    if (k->transfer_encoding && k->content_length)
        return "ambiguous request: both Transfer-Encoding and Content-Length";
    if (k->host > 1)
        return "ambiguous request: more than one Host header";
    /* the lookup gives the first, a proxy may have judged the body by the
     * last: text/plain then application/json must not pass for JSON */
    if (k->content_type > 1)
        return "ambiguous request: more than one Content-Type header";
    /* likewise: identity then gzip passed as an uncompressed body */
    if (k->content_encoding > 1)
        return "ambiguous request: more than one Content-Encoding header";
    if (k->not_chunked)
        return "ambiguous request: a Transfer-Encoding other than chunked";
    if (k->bad_name)
        return "ambiguous request: a malformed header name (whitespace before the colon, or a "
               "folded line)";
    /* HTTP/1.1 makes Host mandatory (RFC 9112, 3.2); without it the
     * loopback guard (guard.c) would have no name to judge. */
    if (version && !strcmp(version, "HTTP/1.1") && !k->host)
        return "an HTTP/1.1 request needs a Host header";
    return NULL;
}

void srv_framing_check(const srv_header *h, size_t n, const char *method, const char *version,
                       size_t max_body, srv_framing *out)
{
    counts k = {0};
    for (size_t i = 0; i < n; i++)
        count(&h[i], &k);
    *out = (srv_framing){.refusal = refusal(&k, version)};
    long long length = 0;
    if (k.content_length == 1 && srv_parse_int(k.length, 0, INT64_MAX, &length)) {
        out->has_length = true;
        out->length = (unsigned long long)length;
    }
    out->chunked = k.transfer_encoding > 0;
    out->body_follows = out->length > 0 || out->chunked;
    out->too_large = out->has_length && out->length > max_body;
    out->route_from_head = (method && !strcmp(method, "POST")) || out->body_follows;
}
