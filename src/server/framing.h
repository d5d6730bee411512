/* framing.h — what a request's header lines alone decide (framing.c): pure,
 * over a plain list of (name, value) pairs, so that fuzz_request_framing
 * drives the very checks head.c makes with what libmicrohttpd gives. */
#ifndef MZ_SERVER_FRAMING_H
#define MZ_SERVER_FRAMING_H

#include <stdbool.h>
#include <stddef.h>

typedef struct srv_header {
    const char *name;
    const char *value; /* NULL taken as "" */
} srv_header;

typedef struct srv_framing {
    /* Why the head is refused with a 400 (the whole message, a static
     * string), NULL when it is not: ambiguous framing (two Content-Length,
     * Transfer-Encoding with Content-Length, two Transfer-Encoding, Host,
     * Content-Type or Content-Encoding, a Transfer-Encoding other than
     * chunked, a header name that is not a token) or an HTTP/1.1 request
     * with no Host. The rest is filled whether refused or not. */
    const char *refusal;
    bool has_length;           /* one Content-Length, a whole number */
    unsigned long long length; /* its value, 0 when !has_length */
    bool chunked;              /* a Transfer-Encoding (chunked) */
    bool body_follows;         /* length > 0 or chunked: a body comes */
    bool too_large;            /* length > the max_body asked with */
    /* The router judges the request from its head (srv_route_head): a POST
     * (it always has a body to judge) or a request with a body to come. */
    bool route_from_head;
} srv_framing;

/* Judges the n header lines h of a request (method and version as
 * libmicrohttpd gives them: "POST", "HTTP/1.1") into *out. */
void srv_framing_check(const srv_header *h, size_t n, const char *method, const char *version,
                       size_t max_body, srv_framing *out);

#endif
