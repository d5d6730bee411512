/* conns.c — open connections and closing the longest-idle ones when too
 * many are open (see conns.h).
 *
 * Closing is shutdown(2), not close(2): the descriptor stays libmicrohttpd's,
 * which reads end-of-file on it and closes the connection itself. The
 * descriptor is valid while its entry is listed: libmicrohttpd calls the
 * close notification (srv_conns_closed, which takes the same lock) before it
 * closes the socket, so a shut down descriptor is never one reused for
 * another connection.
 *
 * The entries are allocated once, for the connection limit, when the table
 * is made: opening a connection never allocates, so it cannot fail for want
 * of memory (it used to calloc one, and on failure the connection went
 * untracked: not counted against `high`, never closed to make room). */
#include "server/conns.h"

#include <linux/tcp.h> /* struct tcp_info with tcpi_bytes_received (glibc's lacks it) */
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

enum conn_state { CONN_FREE, CONN_IDLE, CONN_BUSY, CONN_CLOSING };

struct srv_conn {
    srv_conn *prev, *next; /* in the idle list while CONN_IDLE; next: free list while CONN_FREE */
    int fd;
    enum conn_state state;
    uint64_t seen; /* bytes received on it when it last became idle */
};

struct srv_conns {
    pthread_mutex_t lock;
    srv_conn *head, *tail; /* idle connections, longest idle first */
    unsigned open;         /* tracked connections, whatever their state */
    unsigned closing;      /* shut down here, not yet closed */
    unsigned high;
    unsigned refused;      /* opened with every entry in use: shut down at once */
    srv_conn *slots;       /* the entries, allocated at start */
    srv_conn *free_list;   /* those not in use, linked by next */
    /* The watcher (srv_conns_watch): its thread, whether it runs, and the
     * condition it waits on: between looks while more than `high` are
     * open, for as long as it takes otherwise; signalled when an opening
     * leaves more than `high` open, and to stop it. */
    pthread_t watcher;
    bool watching, unwatch;
    pthread_cond_t wake;
    int listen_fd;
    unsigned every_ms;
};

srv_conns *srv_conns_new(unsigned high, unsigned cap)
{
    srv_conns *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    cap = cap ? cap : 1;
    t->slots = calloc(cap, sizeof *t->slots);
    pthread_condattr_t ca;
    bool ok = t->slots && pthread_condattr_init(&ca) == 0;
    if (ok) {
        ok = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 &&
             pthread_cond_init(&t->wake, &ca) == 0;
        pthread_condattr_destroy(&ca);
    }
    if (ok && pthread_mutex_init(&t->lock, NULL) != 0) {
        pthread_cond_destroy(&t->wake);
        ok = false;
    }
    if (!ok) {
        free(t->slots);
        free(t);
        return NULL;
    }
    t->high = high ? high : 1;
    for (unsigned i = cap; i-- > 0;) { /* slots[0] first */
        t->slots[i].next = t->free_list;
        t->free_list = &t->slots[i];
    }
    return t;
}

void srv_conns_free(srv_conns *t)
{
    if (!t)
        return;
    srv_conns_unwatch(t);
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->lock);
    free(t->slots);
    free(t);
}

/* A free entry, or NULL when all are in use. Called with the lock held. */
static srv_conn *take_slot(srv_conns *t)
{
    srv_conn *c = t->free_list;
    if (!c)
        return NULL;
    t->free_list = c->next;
    *c = (srv_conn){0};
    return c;
}

static void unlink_idle(srv_conns *t, srv_conn *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        t->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    else
        t->tail = c->prev;
    c->prev = c->next = NULL;
}

static void append_idle(srv_conns *t, srv_conn *c)
{
    c->state = CONN_IDLE;
    c->next = NULL;
    c->prev = t->tail;
    if (t->tail)
        t->tail->next = c;
    else
        t->head = c;
    t->tail = c;
}

/* Bytes received on fd so far, and the milliseconds since the last; false
 * where the kernel does not say (before Linux 4.1). */
static bool received(int fd, uint64_t *bytes, uint32_t *ago_ms)
{
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) != 0 ||
        len < offsetof(struct tcp_info, tcpi_bytes_received) + sizeof ti.tcpi_bytes_received)
        return false;
    *bytes = ti.tcpi_bytes_received;
    *ago_ms = ti.tcpi_last_data_recv;
    return true;
}

/* A request is arriving, so the connection is not idle after all: bytes the
 * client sent wait to be read, or bytes came since it became idle and the
 * last of them in the past RECENT_MS. The second is a request that a worker
 * thread has read off the socket but not yet begun (srv_conns_busy): with
 * several threads, another one opening a connection could otherwise close
 * it in between, and a client that had sent its whole request got nothing
 * (seen at a stop handing queued connections over). A half request line
 * that stalls is idle again after RECENT_MS. */
enum { RECENT_MS = 200 };
static bool receiving(const srv_conn *c)
{
    int n = 0;
    if (ioctl(c->fd, FIONREAD, &n) == 0 && n > 0)
        return true;
    uint64_t bytes;
    uint32_t ago;
    return received(c->fd, &bytes, &ago) && bytes > c->seen && ago < RECENT_MS;
}

/* Shuts down idle connections, longest idle first, until at most `high`
 * are open and not already closing; never `fresh` (if any), the one just opened
 * (its request may not have arrived yet). Called with the lock held. */
static void make_room(srv_conns *t, const srv_conn *fresh)
{
    srv_conn *c = t->head;
    while (c && t->open - t->closing > t->high) {
        srv_conn *next = c->next;
        if (c != fresh && !receiving(c)) {
            unlink_idle(t, c);
            c->state = CONN_CLOSING;
            t->closing++;
            shutdown(c->fd, SHUT_RDWR);
        }
        c = next;
    }
}

srv_conn *srv_conns_opened(srv_conns *t, int fd)
{
    pthread_mutex_lock(&t->lock);
    srv_conn *c = take_slot(t);
    if (!c) {
        /* More open than the limit the table was made for: refused, as
         * libmicrohttpd refuses past its own limit (never tracked loose). */
        t->refused++;
        pthread_mutex_unlock(&t->lock);
        shutdown(fd, SHUT_RDWR);
        return NULL;
    }
    c->fd = fd;
    t->open++;
    append_idle(t, c);
    make_room(t, c);
    if (t->open - t->closing > t->high) /* the watcher has something to watch */
        pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    return c;
}

void srv_conns_closed(srv_conns *t, srv_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&t->lock);
    if (c->state == CONN_IDLE)
        unlink_idle(t, c);
    else if (c->state == CONN_CLOSING)
        t->closing--;
    t->open--;
    c->state = CONN_FREE;
    c->next = t->free_list;
    t->free_list = c;
    pthread_mutex_unlock(&t->lock);
}

void srv_conns_busy(srv_conns *t, srv_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&t->lock);
    if (c->state == CONN_IDLE) {
        unlink_idle(t, c);
        c->state = CONN_BUSY;
    }
    pthread_mutex_unlock(&t->lock);
}

/* A connection that was busy when the limit filled is idle now: past
 * `high`, the longest idle close here too. libmicrohttpd accepts nothing at
 * its limit, so no new connection would come to make room. */
void srv_conns_idle(srv_conns *t, srv_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&t->lock);
    if (c->state == CONN_BUSY) {
        uint32_t ago;
        if (!received(c->fd, &c->seen, &ago))
            c->seen = 0;
        append_idle(t, c);
        make_room(t, NULL);
    }
    pthread_mutex_unlock(&t->lock);
}

/* A request that ends its connection is not idle: appended to the idle
 * list, it counted as open in make_room, which then closed another idle
 * connection (one just opened, its request not sent yet) to make room the
 * closing one was about to free. */
void srv_conns_closing(srv_conns *t, srv_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&t->lock);
    if (c->state == CONN_IDLE)
        unlink_idle(t, c);
    if (c->state != CONN_CLOSING) {
        c->state = CONN_CLOSING;
        t->closing++;
    }
    pthread_mutex_unlock(&t->lock);
}

unsigned srv_conns_open(srv_conns *t)
{
    pthread_mutex_lock(&t->lock);
    unsigned n = t->open;
    pthread_mutex_unlock(&t->lock);
    return n;
}

unsigned srv_conns_refused(srv_conns *t)
{
    pthread_mutex_lock(&t->lock);
    unsigned n = t->refused;
    pthread_mutex_unlock(&t->lock);
    return n;
}

/* A client waits in the listening socket's accept queue: libmicrohttpd is
 * at its limit (or every worker thread is busy). */
static bool client_waiting(int listen_fd)
{
    struct pollfd p = {.fd = listen_fd, .events = POLLIN};
    return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

/* Every every_ms, while more than `high` are open and a client waits to be
 * accepted, makes room as that client's connection would on opening. With
 * no more than `high` open no client can be kept waiting by them, so it
 * sleeps until an opening leaves more (it looked every every_ms, 200
 * wake-ups in 10 s of an idle server). Only an opening raises the count:
 * a close lowers `open` and `closing` alike or `open` alone, srv_conns_closing
 * raises `closing`. */
static void *watch_main(void *arg)
{
    srv_conns *t = arg;
    pthread_mutex_lock(&t->lock);
    while (!t->unwatch) {
        if (t->open - t->closing <= t->high) {
            pthread_cond_wait(&t->wake, &t->lock);
            continue;
        }
        struct timespec at;
        clock_gettime(CLOCK_MONOTONIC, &at);
        at.tv_nsec += (long)(t->every_ms % 1000) * 1000000L;
        at.tv_sec += t->every_ms / 1000 + at.tv_nsec / 1000000000L;
        at.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&t->wake, &t->lock, &at);
        if (!t->unwatch && t->open - t->closing > t->high && client_waiting(t->listen_fd))
            make_room(t, NULL);
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

bool srv_conns_watch(srv_conns *t, int listen_fd, unsigned every_ms)
{
    if (t->watching)
        return true;
    t->listen_fd = listen_fd;
    t->every_ms = every_ms ? every_ms : 1;
    t->unwatch = false;
    t->watching = pthread_create(&t->watcher, NULL, watch_main, t) == 0;
    return t->watching;
}

void srv_conns_unwatch(srv_conns *t)
{
    if (!t->watching)
        return;
    pthread_mutex_lock(&t->lock);
    t->unwatch = true;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->watcher, NULL);
    t->watching = false;
}
