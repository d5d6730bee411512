/*
 * http.h — internals of the server: the request a handler sees, the
 * response it fills, and the shared context. Handlers never touch
 * libmicrohttpd directly except to read query arguments.
 */
#ifndef MZ_SERVER_HTTP_H
#define MZ_SERVER_HTTP_H

#include "mizan.h"
#include "server/dbpool.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

struct MHD_Connection;

/* Input limits (documented in the README's API section). */
/* A claim or query is limited by mizan.h's MZ_CLAIM_MAX_CHARS (code points);
 * an article's title, url, source and date by the same number. */
#define SRV_MAX_FIELD_CHARS MZ_CLAIM_MAX_CHARS
#define SRV_CHECK_K_MAX 200       /* POST /api/check "k": 1..200, default 20 */
#define SRV_SEARCH_K_MAX 100      /* GET /api/search "k": 1..100, default 10 */
#define SRV_MAX_BATCH 1000        /* articles in one POST /api/articles */

typedef struct srv_ctx {
    srv_dbpool *pool;
    mz_model *model;
    bool read_only;
    bool loopback; /* bound to a loopback address: only loopback Host names */
    size_t max_body;
    unsigned threads;
    char web_root[4096]; /* realpath of web/, "" if none */
} srv_ctx;

typedef struct srv_request {
    const char *method;
    const char *path; /* percent-decoded by libmicrohttpd */
    struct MHD_Connection *conn;
    const char *body; /* NUL-terminated; "" when there is none */
    size_t body_len;
    const char *content_type;     /* the Content-Type header, NULL when none */
    const char *content_encoding; /* the Content-Encoding header, NULL when none */
} srv_request;

typedef struct srv_response {
    unsigned status;
    const char *content_type; /* static string */
    char *body;               /* malloc'd, freed by the sender */
    size_t len;
    int fd;                   /* >= 0: send this file instead of body */
    size_t fd_size;
    const char *allow;        /* Allow header for 405, static string */
    const char *csp;          /* Content-Security-Policy, static string */
} srv_response;

typedef void (*srv_handler)(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);

/* router.c: picks the handler for (method, path), or answers 404/405. */
void srv_route(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
/* What can be refused from the head alone, before any body is read: no
 * route (404), a method the route or a static file does not take (405 with
 * Allow), a query parameter the route does not read (400), a POST body not
 * declared JSON (415) -- the reply srv_route gives, from the same code. False
 * with the reply in rs; true when the body is to be read (srv_route then
 * runs the handler). rq->body is not looked at. */
bool srv_route_head(const srv_request *rq, srv_response *rs);

/* guard.c: false (and a 403 in rs) for a request a browser was made to send
 * from another site (a foreign Origin on a POST or DELETE) or through DNS
 * rebinding (a Host other than localhost/127.x/[::1] on a loopback server). */
struct sockaddr;
bool srv_addr_is_loopback(const struct sockaddr *sa);
bool srv_request_allowed(const srv_ctx *ctx, struct MHD_Connection *c, const char *method,
                         srv_response *rs);

/* media.c: true when the request says its body is JSON (Content-Type
 * application/json, charset UTF-8 if named, no Content-Encoding); else
 * false with a 415 in rs. Asked by the router of every POST route. */
bool srv_body_is_json(const srv_request *rq, srv_response *rs);

/* reply.c */
void srv_json(srv_response *rs, unsigned status, cJSON *j); /* takes j */
void srv_json_text(srv_response *rs, unsigned status, char *text); /* takes text */
void srv_error(srv_response *rs, unsigned status, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reply for a library failure: maps the status to HTTP (400, 403, 404,
 * 409, 413, 500, 503) and uses the library's message. */
void srv_fail(srv_response *rs, const mz_error *err, const char *field);
unsigned srv_http_status(mz_status s);

/* body.c: request body and field validation; on failure they fill rs with a
 * 400 naming the field and return NULL / false. */
cJSON *srv_parse_body(const srv_request *rq, srv_response *rs);
/* Required (or optional when out may stay NULL) string field of at most
 * max_chars code points (0: no limit), non-blank when required. label names
 * the field in errors ("claim", "[2].text"). */
bool srv_get_string(const cJSON *obj, const char *name, const char *label, bool required,
                    size_t max_chars, const char **out, srv_response *rs);
/* True when every key of the object obj is one of names (NULL-ended;
 * matched with case, as the getters are); else false with a 400 naming the
 * first other one. A misspelt {"claim": ..., "K": 50} or "top_k" used to be
 * ignored without a word, and the check ran with k 20. */
bool srv_body_known(const cJSON *obj, const char *const *names, srv_response *rs);
/* Optional integer field in [lo, hi]; *out keeps its default when absent. */
bool srv_get_int(const cJSON *obj, const char *name, const char *label, long long lo,
                 long long hi, long long *out, srv_response *rs);
/* Checks a query-string value: valid UTF-8, not blank, at most max_chars
 * code points. */
bool srv_check_text(const char *s, const char *label, size_t max_chars, srv_response *rs);
/* A query parameter, or NULL when absent ("" when given with no value:
 * "?k=" or "?k"). A value that decodes to a NUL
 * byte (%00) is refused (400) instead of being cut short there, as the body
 * parser refuses \u0000: *bad is set and the reply written. */
const char *srv_query_arg(const srv_request *rq, const char *key, srv_response *rs, bool *bad);
/* An optional whole-number query parameter in [lo, hi] into *out (its
 * default kept when absent); false after a 400 naming it, for a value that is
 * not one in range and for one given empty ("k=", or "k" with no "="). */
bool srv_query_int(const srv_request *rq, const char *key, long long lo, long long hi,
                   long long *out, srv_response *rs);
/* True when every query parameter is one of names (NULL-ended; matched
 * without case, as the lookups are); else false with a 400 naming the first
 * other one. A misspelt "limt=50" or a "k" in the query of a POST used to
 * be ignored without a word. */
bool srv_query_known(const srv_request *rq, const char *const *names, srv_response *rs);
/* Parses a whole string of decimal digits (no sign, no blank; leading
 * zeros allowed, as the CLI's numbers) into [lo, hi]. */
bool srv_parse_int(const char *s, long long lo, long long hi, long long *out);

/* api_articles.c: the stored article id into *a, read through a pooled
 * reader; false with the reply written (404 when none is stored). Shared by
 * GET /api/articles/{id} and POST /api/stance {"id"}. */
bool srv_article_get(const srv_ctx *ctx, long long id, mz_article *a, srv_response *rs);

/* api_*.c */
void api_check(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_stance(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_articles_add(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_article_get(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_article_delete(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_articles_list(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_search(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
void api_health(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);

/* static_files.c: GET / and the files of web/. */
void srv_static(const srv_ctx *ctx, const srv_request *rq, srv_response *rs);
/* Finds web/: explicit, else the first that holds an index.html of $MIZAN_WEB,
 * ../web and web beside the executable (the source tree),
 * ../share/mizan/web beside it (installed), ./web.
 * Writes its realpath to out (size n), "" when none exists. */
void srv_find_web_root(const char *explicit_root, char *out, size_t n);

#endif /* MZ_SERVER_HTTP_H */
