/* server.c — libmicrohttpd lifecycle: thread pool, connection and request
 * callbacks, request bodies with a size limit, dispatch to the router, access
 * log, graceful stop (the listen backlog handed over). What is refused from a
 * request's head, before its body is read, is head.c's. */
#include "server/server.h"

#include "server/conns.h"
#include "server/head.h"
#include "server/http.h"
#include "server/uri.h"
#include "util/util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct backlog backlog;

struct mz_server {
    struct MHD_Daemon *daemon;
    srv_ctx ctx;
    srv_conns *conns; /* open connections; idle ones make room (conns.h) */
    unsigned room;    /* connections open before idle ones are closed (7/8 of the limit) */
    unsigned share;   /* the fewest connections one worker thread may hold (its share of the limit) */
    atomic_uint live; /* connections libmicrohttpd has started and not yet closed */
    /* The listen backlog a stop hands over (NULL before), and the lock
     * under which on_connection marks those started (handed_started). */
    pthread_mutex_t handoff_lock;
    backlog *handoff;
    unsigned port;
    atomic_int in_flight; /* requests between first callback and completion */
    atomic_bool stopping; /* replies say "Connection: close" once a stop began */
    void (*log)(void *, const char *);
    void *log_ctx;
};

/* Per-request state, kept in MHD's con_cls between callbacks: made by
 * on_uri, freed by on_completed. */
typedef struct request_state {
    mz_buf body;
    srv_uri_flaw uri; /* what on_uri found wrong in the raw target */
    bool begun;       /* on_request has seen it: counted in in_flight, busy */
    bool too_large;
    bool close; /* end the connection after the reply */
    bool client_closes; /* the client asked for that (on_request's first call) */
    bool ends;          /* the reply sent ends the connection (reply_now) */
    struct timespec started;
} request_state;

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static enum MHD_Result send_response(struct MHD_Connection *c, srv_response *rs, bool close)
{
    struct MHD_Response *r;
    if (rs->fd >= 0) {
        r = MHD_create_response_from_fd(rs->fd_size, rs->fd);
        if (r)
            rs->fd = -1; /* MHD closes it */
    } else if (rs->body) {
        r = MHD_create_response_from_buffer_with_free_callback(rs->len, rs->body, free);
        if (r)
            rs->body = NULL;
    } else {
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (!r)
        return MHD_NO;
    if (rs->content_type)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (close)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (rs->allow)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rs->allow);
    if (rs->csp) {
        MHD_add_response_header(r, "Content-Security-Policy", rs->csp);
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    }
    enum MHD_Result ok = MHD_queue_response(c, rs->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* The first `max` bytes of text for the access log, control bytes written
 * \xNN: the path is percent-decoded, so "%0a" would otherwise forge a log
 * line and "%1b[" send escape sequences to the terminal. */
static const char *log_safe(char *out, size_t cap, const char *text, size_t max)
{
    size_t o = 0;
    for (size_t i = 0; text[i] && i < max && o + 5 < cap; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7F)
            o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
        else
            out[o++] = (char)c;
    }
    out[o] = '\0';
    return out;
}

static void log_line(mz_server *s, const char *method, const char *url, unsigned status,
                     const request_state *st)
{
    if (!s->log)
        return;
    char line[1400], m[64], u[1200];
    snprintf(line, sizeof line, "%s %s %u %.1fms", log_safe(m, sizeof m, method, 12),
             log_safe(u, sizeof u, url, 300), status, ms_since(&st->started));
    s->log(s->log_ctx, line);
}

static enum MHD_Result reply_now(mz_server *s, struct MHD_Connection *c, const char *method,
                                 const char *url, request_state *st, srv_response *rs)
{
    bool say_close = st->close || atomic_load(&s->stopping);
    st->ends = say_close || st->client_closes;
    enum MHD_Result ok = send_response(c, rs, say_close);
    log_line(s, method, url, rs->status, st);
    free(rs->body);
    if (rs->fd >= 0)
        close(rs->fd);
    return ok;
}

/* The raw target, seen here before libmicrohttpd decodes it: %00 in the
 * path and malformed percent escapes (uri.c) are answered once the request
 * has arrived. The request's state starts here; libmicrohttpd calls
 * on_completed for every request whose URI callback ran (microhttpd.h,
 * MHD_OPTION_URI_LOG_CALLBACK), also one that never reaches on_request (its
 * headers too large, its client gone). */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls, (void)c;
    request_state *st = calloc(1, sizeof *st);
    if (st)
        srv_uri_check(uri, &st->uri);
    return st; /* NULL: on_request closes the connection */
}

static void handed_started(mz_server *s, int fd);

/* Every connection is tracked from open to close, so that idle ones can be
 * closed when new clients need their slots (conns.h). The table holds an
 * entry for each of the connection limit, and libmicrohttpd 0.9.75 notifies
 * a start only once it has counted the connection within its limit and a
 * close before it uncounts it (daemon.c, new_connection_process_ and
 * MHD_cleanup_connections), so every connection gets its entry. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    mz_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(
            c, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = fd ? srv_conns_opened(s->conns, fd->connect_fd) : NULL;
        atomic_fetch_add(&s->live, 1);
        if (fd && atomic_load(&s->stopping))
            handed_started(s, fd->connect_fd);
    } else {
        srv_conns_closed(s->conns, *socket_context);
        *socket_context = NULL;
        atomic_fetch_sub(&s->live, 1);
    }
}

static srv_conn *conn_entry(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *i = MHD_get_connection_info(
        c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

/* The request as handlers see it, with the body read so far. */
static srv_request request_of(struct MHD_Connection *c, const char *method, const char *url,
                              const request_state *st)
{
    srv_request rq = srv_request_head(c, method, url);
    rq.body = st->body.p ? st->body.p : "";
    rq.body_len = st->body.len;
    return rq;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    mz_server *s = cls;
    request_state *st = *con_cls;
    srv_response rs = {.status = 500, .fd = -1};
    if (!st)
        return MHD_NO; /* out of memory in on_uri */
    if (!st->begun) {
        st->begun = true;
        clock_gettime(CLOCK_MONOTONIC, &st->started);
        atomic_fetch_add(&s->in_flight, 1);
        srv_conns_busy(s->conns, conn_entry(c));
        st->client_closes = srv_client_closes(c, version);
        if (srv_refuse_head(&s->ctx, c, method, url, version, &st->uri, &st->too_large, &rs)) {
            /* Answered before its body: libmicrohttpd closes the connection
             * (the body unread would be taken for the next request); said
             * here, so that on_completed knows it too. */
            st->close = true;
            return reply_now(s, c, method, url, st, &rs);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        /* Over the limit (chunked uploads announce no length): keep draining
         * so the client can read the 413 once it has sent everything. */
        if (!st->too_large) {
            if (st->body.len + *upload_data_size > s->ctx.max_body) {
                st->too_large = true;
                mz_buf_free(&st->body);
            } else if (mz_buf_append(&st->body, upload_data, *upload_data_size) != 0) {
                return MHD_NO;
            }
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (st->too_large) {
        srv_error(&rs, 413, NULL, "request body over the limit of %zu bytes", s->ctx.max_body);
    } else {
        srv_request rq = request_of(c, method, url, st);
        srv_route(&s->ctx, &rq, &rs);
    }
    return reply_now(s, c, method, url, st, &rs);
}

/* A request ended. Its connection is idle now, unless it closes after this
 * request (a reply or a client that said "Connection: close", HTTP/1.0, or
 * any end but a completed reply: an error, a timeout, a client gone). */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    mz_server *s = cls;
    request_state *st = *con_cls;
    if (!st)
        return;
    if (st->begun) {
        if (st->ends || toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
            srv_conns_closing(s->conns, conn_entry(c));
        else
            srv_conns_idle(s->conns, conn_entry(c));
        atomic_fetch_sub(&s->in_flight, 1);
    }
    mz_buf_free(&st->body);
    free(st);
    *con_cls = NULL;
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/* The connection limit asked for (0: 1,000), kept within the descriptors
 * this process may open: past those, accept fails and libmicrohttpd stops
 * accepting as it does at its own limit, before idle connections are closed
 * to make room. 64 are left for the database, the model and the web files. */
static unsigned connection_limit(unsigned asked)
{
    unsigned n = asked ? asked : MZ_SERVER_DEFAULT_MAX_CONNECTIONS;
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur < (rlim_t)n + 64)
        n = rl.rlim_cur > 64 + 8 ? (unsigned)(rl.rlim_cur - 64) : 8;
    return n;
}

static mz_status resolve(const char *host, unsigned port, struct sockaddr_storage *ss,
                         bool *ipv6, mz_error *err)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE}, *res = NULL;
    char ports[16];
    snprintf(ports, sizeof ports, "%u", port);
    int rc = getaddrinfo(host, ports, &hints, &res);
    if (rc != 0 || !res)
        return mz_fail(err, MZ_ERR_ARG, "cannot resolve host '%s': %s", host, gai_strerror(rc));
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    *ipv6 = res->ai_family == AF_INET6;
    freeaddrinfo(res);
    return MZ_OK;
}

static void free_server(mz_server *s)
{
    pthread_mutex_destroy(&s->handoff_lock);
    srv_conns_free(s->conns);
    srv_dbpool_close(s->ctx.pool);
    mz_model_free(s->ctx.model);
    free(s);
}

mz_status mz_server_start(const mz_server_options *opt, mz_server **out, mz_error *err)
{
    *out = NULL;
    if (!opt || !opt->db_path || !*opt->db_path)
        return mz_fail(err, MZ_ERR_ARG, "no database path given");
    if (opt->port > 65535)
        return mz_fail(err, MZ_ERR_ARG, "port %u out of range (0..65535)", opt->port);
    mz_server *s = calloc(1, sizeof *s);
    if (!s || pthread_mutex_init(&s->handoff_lock, NULL) != 0) {
        free(s);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    s->log = opt->log;
    s->log_ctx = opt->log_ctx;
    s->ctx.read_only = opt->read_only;
    s->ctx.max_body = opt->max_body ? opt->max_body : MZ_SERVER_DEFAULT_MAX_BODY;
    s->ctx.threads = opt->threads ? opt->threads : default_threads();
    srv_find_web_root(opt->web_root, s->ctx.web_root, sizeof s->ctx.web_root);

    struct sockaddr_storage addr;
    bool ipv6 = false;
    mz_status st = resolve(opt->host ? opt->host : "127.0.0.1", opt->port, &addr, &ipv6, err);
    s->ctx.loopback = st == MZ_OK && srv_addr_is_loopback((const struct sockaddr *)&addr);
    if (st == MZ_OK)
        st = mz_model_load(opt->model_path, &s->ctx.model, err);
    if (st == MZ_OK)
        st = srv_dbpool_open(opt->db_path, opt->read_only ? MZ_OPEN_READONLY : 0,
                             s->ctx.threads, &s->ctx.pool, err);
    if (st != MZ_OK) {
        free_server(s);
        return st;
    }
    unsigned max_connections = connection_limit(opt->max_connections);
    s->room = max_connections - max_connections / 8;
    s->share = s->ctx.threads > 1 ? max_connections / s->ctx.threads : max_connections;
    s->conns = srv_conns_new(s->room, max_connections);
    if (!s->conns) {
        free_server(s);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    /* poll(2), not epoll: with epoll, libmicrohttpd 0.9.75's
     * MHD_quiesce_daemon takes the listening socket out of each worker's
     * epoll set from the calling thread while the worker may be taking it
     * out itself (at its connection limit, or on seeing the quiesce), and
     * whichever comes second aborts the process ("Failed to remove listen FD
     * from epoll set", daemon.c). With poll the quiesce only signals the
     * workers. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_POLL |
                     (ipv6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)opt->port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(s->ctx.threads > 1 ? s->ctx.threads : 0),
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_LIMIT, max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, opt->per_ip_limit,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)512,
        MHD_OPTION_END);
    if (!s->daemon) {
        char host[128];
        snprintf(host, sizeof host, "%s", opt->host ? opt->host : "127.0.0.1");
        free_server(s);
        return mz_fail(err, MZ_ERR_IO, "cannot listen on %s port %u (in use, or not allowed)",
                       host, opt->port);
    }
    /* Connections that all sent part of a request at once can fill the
     * limit with none to spare when they open (conns.h): the watcher makes
     * room for a client left waiting once they have gone quiet. */
    const union MHD_DaemonInfo *lfd = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_LISTEN_FD);
    if (!lfd || !srv_conns_watch(s->conns, lfd->listen_fd, 50)) {
        MHD_stop_daemon(s->daemon);
        free_server(s);
        return mz_fail(err, MZ_ERR_NOMEM, "cannot start the connection watcher thread");
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : opt->port;
    *out = s;
    return MZ_OK;
}

unsigned mz_server_port(const mz_server *s) { return s->port; }
unsigned mz_server_threads(const mz_server *s) { return s->ctx.threads; }
const char *mz_server_web_root(const mz_server *s) { return s->ctx.web_root; }

/* Connections the kernel completed before the stop sit in the listen
 * backlog; closing the socket would reset them, so each is taken here and
 * handed to the daemon to be served like any other (feed_backlog).
 *
 * A handed connection is awaited until libmicrohttpd starts it (a worker
 * thread takes it up) or drops it: 0.9.75 allocates its memory pool then,
 * and when that fails closes the socket and notifies nothing. The stop used
 * to wait for a count of starts that such a connection never reached: it
 * took the whole grace period, and handed nothing more. So each is marked
 * started by on_connection, and one whose socket is gone unstarted (its
 * descriptor closed, or now another file) is dropped. */
enum handoff_state { QUEUED, HANDED, STARTED, DROPPED };

typedef struct queued_conn {
    int fd;
    enum handoff_state state; /* under handoff_lock once handed */
    dev_t dev;                /* the socket, to tell it from a file reusing fd */
    ino_t ino;
    socklen_t len;
    struct sockaddr_storage peer;
} queued_conn;

struct backlog {
    queued_conn *q;
    size_t n, next, cap;
    size_t batch; /* the first of the last batch handed */
};

/* on_connection, for a connection started once a stop began. */
static void handed_started(mz_server *s, int fd)
{
    pthread_mutex_lock(&s->handoff_lock);
    backlog *b = s->handoff;
    for (size_t i = b ? b->batch : 0; b && i < b->next; i++)
        if (b->q[i].fd == fd && b->q[i].state == HANDED)
            b->q[i].state = STARTED;
    pthread_mutex_unlock(&s->handoff_lock);
}

/* Whether a connection of the last batch is neither started nor dropped. */
static bool handed_pending(mz_server *s, backlog *b)
{
    bool pending = false;
    pthread_mutex_lock(&s->handoff_lock);
    for (size_t i = b->batch; i < b->next; i++) {
        queued_conn *c = &b->q[i];
        if (c->state != HANDED)
            continue;
        struct stat st;
        if (fstat(c->fd, &st) != 0 || st.st_dev != c->dev || st.st_ino != c->ino)
            c->state = DROPPED;
        else
            pending = true;
    }
    pthread_mutex_unlock(&s->handoff_lock);
    return pending;
}

static void take_backlog(MHD_socket lsock, backlog *b)
{
    fcntl(lsock, F_SETFL, fcntl(lsock, F_GETFL) | O_NONBLOCK); /* never wait in accept */
    for (;;) {
        if (b->n == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 64;
            queued_conn *q = realloc(b->q, cap * sizeof *q);
            if (!q)
                return; /* the rest are reset when the socket closes */
            b->q = q, b->cap = cap;
        }
        queued_conn *c = &b->q[b->n];
        c->len = sizeof c->peer;
        c->fd = accept(lsock, (struct sockaddr *)&c->peer, &c->len);
        if (c->fd < 0)
            return; /* none left (or taken by a daemon thread still polling) */
        fcntl(c->fd, F_SETFD, FD_CLOEXEC);
        fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
        struct stat st;
        if (fstat(c->fd, &st) != 0) { /* not seen failing: no socket to tell apart */
            close(c->fd);
            continue;
        }
        c->state = QUEUED;
        c->dev = st.st_dev;
        c->ino = st.st_ino;
        b->n++;
    }
}

/* Hands queued connections to the daemon while it has room. Past its limit
 * libmicrohttpd would refuse a connection and close it (a reset for a client
 * whose request was already sent), so the rest wait for slots to free up.
 * One more than `room` may be open: as any new connection does, it closes
 * the longest idle (conns.h), so idle ones holding `room` do not keep the
 * queue waiting through the grace period.
 *
 * With a thread pool, libmicrohttpd 0.9.75 gives a handed connection to a
 * worker that has room, but the worker counts it only when it takes it up;
 * a worker handed more than its room finds itself at its limit then, and
 * that path leaves the worker's cleanup_connection_mutex locked (daemon.c,
 * new_connection_process_): its next lock of it waits for ever, and so does
 * MHD_stop_daemon. So at most `share - live` are handed at once (no worker
 * can hold more than all the live connections plus those), else one; and
 * none until the last ones handed have started or been dropped. Waits for
 * that up to budget_ms, then returns. */
static void feed_backlog(mz_server *s, backlog *b, unsigned budget_ms)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (b->next < b->n) {
        /* Pending first: a connection counts in live before it is marked. */
        bool pending = handed_pending(s, b);
        unsigned live = atomic_load(&s->live);
        if (pending || live > s->room) {
            /* Taking one up, or closing an idle one, is a pass of a worker
             * thread's loop: waited for here, a queue of hundreds is handed
             * over in milliseconds, not one connection a step. */
            if (ms_since(&t0) >= budget_ms)
                return;
            struct timespec pause = {0, 200 * 1000};
            nanosleep(&pause, NULL);
            continue;
        }
        size_t batch = live < s->share ? s->share - live : 1;
        if (batch > s->room + 1 - live)
            batch = s->room + 1 - live;
        pthread_mutex_lock(&s->handoff_lock);
        b->batch = b->next;
        pthread_mutex_unlock(&s->handoff_lock);
        for (; batch && b->next < b->n; batch--) {
            queued_conn *c = &b->q[b->next];
            pthread_mutex_lock(&s->handoff_lock);
            c->state = HANDED;
            b->next++;
            pthread_mutex_unlock(&s->handoff_lock);
            /* On failure libmicrohttpd has closed the socket itself. */
            if (MHD_add_connection(s->daemon, c->fd, (struct sockaddr *)&c->peer, c->len) !=
                MHD_YES) {
                pthread_mutex_lock(&s->handoff_lock);
                if (c->state == HANDED)
                    c->state = DROPPED;
                pthread_mutex_unlock(&s->handoff_lock);
            }
        }
    }
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000 * 1000};
    nanosleep(&ts, NULL);
}

void mz_server_stop(mz_server *s, unsigned grace_ms)
{
    if (!s)
        return;
    /* Stop accepting, serve what was already accepted or queued, then close.
     * The watcher looks at the listening socket: it stops before the socket
     * is taken here (the stop hands the queue over itself). */
    srv_conns_unwatch(s->conns);
    atomic_store(&s->stopping, true);
    MHD_socket lsock = MHD_quiesce_daemon(s->daemon);
    backlog queue = {0};
    if (lsock != MHD_INVALID_SOCKET) {
        take_backlog(lsock, &queue);
        pthread_mutex_lock(&s->handoff_lock);
        s->handoff = &queue;
        pthread_mutex_unlock(&s->handoff_lock);
        /* Refuse new connections now. The descriptor itself stays open
         * until the daemon has stopped: libmicrohttpd's threads may still
         * hold it, and a reused number would be polled by mistake. */
        shutdown(lsock, SHUT_RDWR);
    }
    /* A connection whose request is read but not yet begun (its thread was
     * busy with another) shows up in in_flight only when it starts, so the
     * count must stay at zero for a while, not just be zero once; and every
     * queued connection must have been handed over and started (or dropped
     * by libmicrohttpd, handed_pending). The first
     * is handed over a step after the quiesce, once a worker thread that was
     * in the middle of accepting one has counted it. */
    const unsigned quiet_ms = 100, step_ms = 5;
    struct timespec t0, calm;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    calm = t0;
    while (ms_since(&t0) < grace_ms && ms_since(&calm) < quiet_ms) {
        sleep_ms(step_ms);
        feed_backlog(s, &queue, step_ms);
        if (atomic_load(&s->in_flight) > 0 || queue.next < queue.n ||
            handed_pending(s, &queue))
            clock_gettime(CLOCK_MONOTONIC, &calm); /* busy: the quiet starts again */
    }
    for (size_t i = queue.next; i < queue.n; i++) /* past the grace period */
        close(queue.q[i].fd);
    pthread_mutex_lock(&s->handoff_lock);
    s->handoff = NULL;
    pthread_mutex_unlock(&s->handoff_lock);
    free(queue.q);
    MHD_stop_daemon(s->daemon);
    if (lsock != MHD_INVALID_SOCKET)
        close(lsock);
    free_server(s);
}
