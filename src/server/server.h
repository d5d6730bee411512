/*
 * server.h — the HTTP JSON API and static web page (libmicrohttpd, thread
 * pool). Used by `mizan serve` and by the in-process API tests.
 *
 * Each worker thread borrows its own SQLite connection from a pool (one per
 * thread, so a request never waits for another's connection); the stance
 * model is loaded once and shared (it is immutable).
 */
#ifndef MZ_SERVER_H
#define MZ_SERVER_H

#include "mizan.h"

#include <stdbool.h>
#include <stddef.h>

#define MZ_SERVER_DEFAULT_PORT 8080
#define MZ_SERVER_DEFAULT_MAX_BODY (1024 * 1024)
#define MZ_SERVER_DEFAULT_MAX_CONNECTIONS 1000

typedef struct mz_server_options {
    const char *db_path;    /* required */
    const char *host;       /* NULL: 127.0.0.1 (loopback) */
    unsigned port;          /* 0: any free port (see mz_server_port) */
    unsigned threads;       /* 0: one per CPU (at most 64) */
    bool read_only;         /* open the db read-only; POST /api/articles → 403 */
    const char *model_path; /* NULL: mz_model_load's default lookup */
    size_t max_body;        /* request body limit; 0: 1 MB */
    const char *web_root;   /* NULL: srv_find_web_root (http.h) picks it */
    unsigned max_connections; /* 0: 1,000 (fewer if the descriptor limit is lower); once
                                 7/8 of them are open, each new connection closes the
                                 longest-idle one (no request in progress) */
    unsigned per_ip_limit;  /* connections from one client address; 0: no limit */
    void (*log)(void *ctx, const char *line); /* access log, one line per request; may be NULL */
    void *log_ctx;
} mz_server_options;

typedef struct mz_server mz_server;

/* Opens the database connections, loads the model and starts listening.
 * Errors: those of mz_db_open and mz_model_load, MZ_ERR_ARG (bad host or
 * options), MZ_ERR_IO (could not bind the address). */
mz_status mz_server_start(const mz_server_options *opt, mz_server **out, mz_error *err);

/* The port actually bound (useful with port 0). */
unsigned mz_server_port(const mz_server *s);
unsigned mz_server_threads(const mz_server *s);
/* The static file folder in use ("" when none was found). */
const char *mz_server_web_root(const mz_server *s);

/* Graceful stop: stops accepting connections, waits up to grace_ms for the
 * requests in flight to finish, then closes every connection and database
 * handle and frees s. NULL is a no-op. */
void mz_server_stop(mz_server *s, unsigned grace_ms);

#endif /* MZ_SERVER_H */
