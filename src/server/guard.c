/* guard.c — which browsers' requests the server answers at all.
 *
 * A server on the loopback address is meant for this machine's user, but any
 * web page that user opens can send it requests:
 * - A cross-site "simple" POST (a form, or fetch with mode 'no-cors' and a
 *   text/plain body) needs no CORS preflight and would store articles chosen
 *   by that page. Browsers name the page in an Origin header, so a request
 *   whose Origin is not this server (or is "null") may not change anything.
 * - DNS rebinding: a name the attacker controls is made to resolve to
 *   127.0.0.1, so the page is "same-origin" with us and can read replies.
 *   Its requests carry that name in Host; a server bound to a loopback
 *   address answers only Host localhost, 127.x.x.x or [::1].
 * curl and other programs send no Origin and a literal Host: unaffected. A
 * server bound to another address (--host 0.0.0.0) cannot know the names it
 * is reached by, so only the Origin rule applies there. */
#include "server/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool srv_addr_is_loopback(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        if (IN6_IS_ADDR_LOOPBACK(a))
            return true;
        return IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127;
    }
    return false;
}

/* Is the Host header's name (its port left aside) a loopback name? */
static bool loopback_host(const char *host)
{
    char name[64];
    size_t n;
    if (host[0] == '[') { /* [::1]:8080 */
        const char *end = strchr(host, ']');
        if (!end || (end[1] && end[1] != ':'))
            return false;
        n = (size_t)(end - host - 1);
        host++;
    } else {
        n = strcspn(host, ":");
    }
    if (n == 0 || n >= sizeof name)
        return false;
    memcpy(name, host, n);
    name[n] = '\0';
    if (!strcasecmp(name, "localhost"))
        return true;
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, name, &a4) == 1)
        return (ntohl(a4.s_addr) >> 24) == 127;
    return inet_pton(AF_INET6, name, &a6) == 1 && IN6_IS_ADDR_LOOPBACK(&a6);
}

/* Is Origin (scheme://authority) this server, the one named by Host? */
static bool same_origin(const char *origin, const char *host)
{
    const char *p = !strncasecmp(origin, "http://", 7)    ? origin + 7
                    : !strncasecmp(origin, "https://", 8) ? origin + 8
                                                          : NULL;
    return p && host && !strcasecmp(p, host);
}

bool srv_request_allowed(const srv_ctx *ctx, struct MHD_Connection *c, const char *method,
                         srv_response *rs)
{
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (ctx->loopback && host && !loopback_host(host)) {
        srv_error(rs, 403, NULL,
                  "Host '%.100s' refused: a server on a loopback address answers only localhost, "
                  "127.0.0.1 or [::1] (a guard against DNS rebinding)",
                  host);
        return false;
    }
    bool safe = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (!safe && origin && !same_origin(origin, host)) {
        srv_error(rs, 403, NULL,
                  "cross-origin %s from '%.100s' refused: only this server's own page, or a "
                  "program that sends no Origin header, may send it",
                  method, origin);
        return false;
    }
    return true;
}
