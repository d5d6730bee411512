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
 * checks read as one list. What the header lines alone decide (framing,
 * Host, the announced length) is framing.c's, a pure function that
 * fuzz_request_framing drives; here it is given libmicrohttpd's headers. */
#include "server/head.h"

#include "server/framing.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The request's header lines, gathered for srv_framing_check. */
typedef struct gathered {
    srv_header *h;
    size_t n, cap;
} gathered;

static enum MHD_Result gather(void *cls, enum MHD_ValueKind kind, const char *key,
                              const char *value)
{
    (void)kind;
    gathered *g = cls;
    if (g->n == g->cap)
        return MHD_NO; /* not reached: as many as counted */
    g->h[g->n++] = (srv_header){key, value};
    return MHD_YES;
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
    /* A head of up to 32 lines (nearly all) is judged without allocating. */
    srv_header some[32];
    gathered g = {some, 0, sizeof some / sizeof *some};
    int lines = MHD_get_connection_values(c, MHD_HEADER_KIND, NULL, NULL);
    if (lines > (int)g.cap && !(g.h = malloc((size_t)lines * sizeof *g.h))) {
        srv_error(rs, 503, NULL, "out of memory");
        return true;
    }
    g.cap = lines > (int)g.cap ? (size_t)lines : g.cap;
    MHD_get_connection_values(c, MHD_HEADER_KIND, gather, &g);
    srv_framing f;
    srv_framing_check(g.h, g.n, method, version, ctx->max_body, &f);
    if (g.h != some)
        free(g.h);
    if (f.refusal) {
        srv_error(rs, 400, NULL, "%s", f.refusal);
        return true;
    }
    if (!srv_request_allowed(ctx, c, method, rs))
        return true;
    /* Refuse an announced oversized body before reading any of it. */
    if (f.too_large) {
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
    if (!f.route_from_head)
        return false;
    srv_request head = srv_request_head(c, method, url);
    return !srv_route_head(&head, rs);
}
