/* head.h — what the server reads from a request's head and what it refuses
 * from it (head.c), at on_request's first call, before any body is read. */
#ifndef MZ_SERVER_HEAD_H
#define MZ_SERVER_HEAD_H

#include "server/http.h"
#include "server/uri.h"

#include <stdbool.h>

struct MHD_Connection;

/* Whether the client asked for the connection to end after this request
 * ("Connection: close", or HTTP/1.0 without "keep-alive"). */
bool srv_client_closes(struct MHD_Connection *c, const char *version);

/* The request as handlers see it, from its head alone: no body yet. */
srv_request srv_request_head(struct MHD_Connection *c, const char *method, const char *url);

/* True with the reply in rs for a request refused from its head: a flaw of
 * the raw target (uri, found by the URI callback), ambiguous framing or
 * malformed header names (400), an HTTP/1.1 request with no Host (400), one
 * the guard refuses (guard.c, 403), an announced body over ctx->max_body
 * (413, *too_large set), and a POST or a request announcing a body that the
 * router refuses from its head (srv_route_head: 404, 405, 400, 415). False
 * when the request goes on. */
bool srv_refuse_head(const srv_ctx *ctx, struct MHD_Connection *c, const char *method,
                     const char *url, const char *version, const srv_uri_flaw *uri,
                     bool *too_large, srv_response *rs);

#endif
