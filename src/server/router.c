/* router.c — maps (method, path) to a handler. /api/... is JSON (404 and 405
 * answered as JSON errors); everything else is a static file from web/. */
#include "server/http.h"

#include <string.h>

typedef struct route {
    const char *path;   /* exact path, or prefix when with_id */
    bool with_id;       /* path + one more segment: /api/articles/{id} */
    const char *method; /* "GET" also answers HEAD */
    srv_handler handler;
    const char *allow;
    const char *const *params; /* the query parameters it reads; NULL-ended */
} route;

static const char *const NONE[] = {NULL};
static const char *const LIST[] = {"offset", "limit", "source", NULL};
static const char *const SEARCH[] = {"q", "k", "offset", NULL};

static const route routes[] = {
    {"/api/check", false, "POST", api_check, "POST", NONE},
    {"/api/stance", false, "POST", api_stance, "POST", NONE},
    {"/api/articles", false, "GET", api_articles_list, "GET, HEAD, POST", LIST},
    {"/api/articles", false, "POST", api_articles_add, "GET, HEAD, POST", NONE},
    {"/api/articles/", true, "GET", api_article_get, "GET, HEAD, DELETE", NONE},
    {"/api/articles/", true, "DELETE", api_article_delete, "GET, HEAD, DELETE", NONE},
    {"/api/search", false, "GET", api_search, "GET, HEAD", SEARCH},
    {"/api/health", false, "GET", api_health, "GET, HEAD", NONE},
};

static bool path_matches(const route *r, const char *path)
{
    if (!r->with_id)
        return strcmp(path, r->path) == 0;
    size_t n = strlen(r->path);
    return strncmp(path, r->path, n) == 0 && path[n] && !strchr(path + n, '/');
}

static bool method_matches(const char *want, const char *method)
{
    return strcmp(want, method) == 0 || (strcmp(want, "GET") == 0 && strcmp(method, "HEAD") == 0);
}

/* What a route refuses before its handler runs: a query parameter it does
 * not read (400), and for a POST a body not declared JSON (415). */
static bool route_accepts(const route *r, const srv_request *rq, srv_response *rs)
{
    return srv_query_known(rq, r->params, rs) &&
           (strcmp(r->method, "POST") != 0 || srv_body_is_json(rq, rs));
}

/* Everything decided before a handler runs, from the request's head alone
 * (rq->body is not looked at): true with *out the API route whose handler
 * is to run, or NULL for a static file; false with the reply in rs (404, 405
 * with Allow, route_accepts's 400 or 415). Asked by srv_route_head before the
 * body is read and by srv_route after, so both give the same reply. */
static bool decide(const srv_request *rq, const route **out, srv_response *rs)
{
    *out = NULL;
    if (strncmp(rq->path, "/api/", 5) != 0 && strcmp(rq->path, "/api") != 0) {
        if (method_matches("GET", rq->method))
            return true;
        rs->allow = "GET, HEAD";
        srv_error(rs, 405, NULL, "method %s not allowed here (static files: GET, HEAD)",
                  rq->method);
        return false;
    }
    const route *path_only = NULL; /* the path is known, the method is not */
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const route *r = &routes[i];
        if (!path_matches(r, rq->path))
            continue;
        if (method_matches(r->method, rq->method)) {
            *out = r;
            return route_accepts(r, rq, rs);
        }
        path_only = r;
    }
    if (path_only) {
        rs->allow = path_only->allow;
        srv_error(rs, 405, NULL, "method %s not allowed on %s (allowed: %s)", rq->method,
                  path_only->with_id ? "/api/articles/{id}" : path_only->path, path_only->allow);
        return false;
    }
    srv_error(rs, 404, NULL, "no such API route");
    return false;
}

bool srv_route_head(const srv_request *rq, srv_response *rs)
{
    const route *r;
    return decide(rq, &r, rs);
}

void srv_route(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    const route *r;
    if (!decide(rq, &r, rs))
        return;
    if (r)
        r->handler(ctx, rq, rs);
    else
        srv_static(ctx, rq, rs);
}
