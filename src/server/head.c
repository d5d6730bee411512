/* head.c — what is refused from a request's head, before any of its body is
 * read (server.c's on_request asks at a request's first call): a flawed raw
 * target, ambiguous framing (request smuggling), a missing Host, the guard's
 * refusals, an announced body over the limit, a request with a body that
 * the router refuses (no route, a method not taken, not declared JSON).
 *
 * Answered from the head alone, the request's connection is closed
 * (libmicrohttpd discards the unread body): a client that sent "Expect:
 * 100-continue" never uploads a body that would be refused whatever it
 * holds. Kept apart from server.c, which runs the daemon, so that these
 * checks read as one list. */
#include "server/head.h"

#include <microhttpd.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Request-smuggling guard. libmicrohttpd takes the first Content-Length of
 * two, and lets Transfer-Encoding win over Content-Length; a proxy in front
 * of us may choose otherwise, and the two would then disagree on where this
 * request ends and the next begins (RFC 9112, 6.3). Such a request, or one
 * naming two Hosts, two Content-Types or two Content-Encodings, or one whose
 * header names are malformed, is refused and its connection closed. */
typedef struct framing {
    unsigned content_length, transfer_encoding, host, bad_name, not_chunked, content_type,
        content_encoding;
} framing;

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

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    (void)kind;
    framing *f = cls;
    f->bad_name += !is_token(key);
    f->content_length += !strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (!strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
        /* libmicrohttpd decodes chunked alone; with "gzip, chunked" it
         * waited for a body it could not delimit. */
        f->transfer_encoding++;
        f->not_chunked += !value || strcasecmp(value, "chunked") != 0;
    }
    f->host += !strcasecmp(key, MHD_HTTP_HEADER_HOST);
    f->content_type += !strcasecmp(key, MHD_HTTP_HEADER_CONTENT_TYPE);
    f->content_encoding += !strcasecmp(key, MHD_HTTP_HEADER_CONTENT_ENCODING);
    return MHD_YES;
}

static const char *ambiguous_framing(struct MHD_Connection *c)
{
    framing f = {0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
    if (f.content_length > 1)
        return "more than one Content-Length header";
    if (f.transfer_encoding > 1)
        return "more than one Transfer-Encoding header";
    if (f.transfer_encoding && f.content_length)
        return "both Transfer-Encoding and Content-Length";
    if (f.host > 1)
        return "more than one Host header";
    /* the lookup gives the first, a proxy may have judged the body by the
     * last: text/plain then application/json must not pass for JSON */
    if (f.content_type > 1)
        return "more than one Content-Type header";
    /* likewise: identity then gzip passed as an uncompressed body */
    if (f.content_encoding > 1)
        return "more than one Content-Encoding header";
    if (f.not_chunked)
        return "a Transfer-Encoding other than chunked";
    if (f.bad_name)
        return "a malformed header name (whitespace before the colon, or a folded line)";
    return NULL;
}

/* Whether token (without case) is one of the comma-separated list. */
static bool has_token(const char *list, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = list; p && *p;) {
        p += strspn(p, " \t,");
        size_t len = strcspn(p, ",");
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == n && !strncasecmp(p, token, n))
            return true;
        p = strchr(p, ',');
    }
    return false;
}

/* libmicrohttpd 0.9.75 closes the connection after such a request
 * (keepalive_possible, connection.c). */
bool srv_client_closes(struct MHD_Connection *c, const char *version)
{
    const char *conn = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONNECTION);
    if (has_token(conn, "close"))
        return true;
    return !strcmp(version, MHD_HTTP_VERSION_1_0) && !has_token(conn, "keep-alive");
}

srv_request srv_request_head(struct MHD_Connection *c, const char *method, const char *url)
{
    return (srv_request){
        .method = method, .path = url, .conn = c, .body = "", .body_len = 0,
        .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                    MHD_HTTP_HEADER_CONTENT_TYPE),
        .content_encoding = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                        MHD_HTTP_HEADER_CONTENT_ENCODING)};
}

bool srv_refuse_head(const srv_ctx *ctx, struct MHD_Connection *c, const char *method,
                     const char *url, const char *version, const srv_uri_flaw *uri,
                     bool *too_large, srv_response *rs)
{
    if (uri->kind != SRV_URI_OK) {
        srv_uri_reply(uri, rs);
        return true;
    }
    const char *framing_error = ambiguous_framing(c);
    if (framing_error) {
        srv_error(rs, 400, NULL, "ambiguous request: %s", framing_error);
        return true;
    }
    /* HTTP/1.1 makes Host mandatory (RFC 9112, 3.2); without it the
     * loopback guard (guard.c) would have no name to judge. */
    if (!strcmp(version, MHD_HTTP_VERSION_1_1) &&
        !MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)) {
        srv_error(rs, 400, NULL, "an HTTP/1.1 request needs a Host header");
        return true;
    }
    if (!srv_request_allowed(ctx, c, method, rs))
        return true;
    /* Refuse an announced oversized body before reading any of it. */
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    long long announced = 0;
    if (cl && srv_parse_int(cl, 0, INT64_MAX, &announced) &&
        (unsigned long long)announced > ctx->max_body) {
        *too_large = true;
        srv_error(rs, 413, NULL, "request body over the limit of %zu bytes", ctx->max_body);
        return true;
    }
    /* A request refused whatever its body holds (no route for it, a
     * method its route does not take, a POST not declared JSON) is refused
     * now, before the body: judged once it was read, a client that sent
     * "Expect: 100-continue" got the 100 and uploaded up to --max-body
     * first. Asked for a POST (it always has a body to judge) and for any
     * request that announces one; a GET with none is answered as before,
     * after its head, and keeps its connection open. */
    bool body_follows = announced > 0 || MHD_lookup_connection_value(
                                             c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (strcmp(method, MHD_HTTP_METHOD_POST) != 0 && !body_follows)
        return false;
    srv_request head = srv_request_head(c, method, url);
    return !srv_route_head(&head, rs);
}
