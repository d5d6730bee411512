/* conns.c — open connections and closing the longest-idle ones when too
 * many are open (see conns.h).
 *
 * Closing is shutdown(2), not close(2): the descriptor stays libmicrohttpd's,
 * which reads end-of-file on it and closes the connection itself. The
 * descriptor is valid while its entry is listed: libmicrohttpd calls the
 * close notification (srv_conns_closed, which takes the same lock) before it
 * closes the socket, so a shut down descriptor is never one reused for
 * another connection. */
#include "server/conns.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

enum conn_state { CONN_IDLE, CONN_BUSY, CONN_CLOSING };

struct srv_conn {
    srv_conn *prev, *next; /* in the idle list while CONN_IDLE */
    int fd;
    enum conn_state state;
};

struct srv_conns {
    pthread_mutex_t lock;
    srv_conn *head, *tail; /* idle connections, longest idle first */
    unsigned open;         /* tracked connections, whatever their state */
    unsigned closing;      /* shut down here, not yet closed */
    unsigned high;
};

srv_conns *srv_conns_new(unsigned high)
{
    srv_conns *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t);
        return NULL;
    }
    t->high = high ? high : 1;
    return t;
}

void srv_conns_free(srv_conns *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    free(t);
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

/* Bytes the client sent that libmicrohttpd has not read yet: a request is
 * arriving, so the connection is not idle after all. */
static bool has_pending_input(int fd)
{
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

/* Shuts down idle connections, longest idle first, until at most `high`
 * are open and not already closing; never `fresh` (if any), the one just opened
 * (its request may not have arrived yet). Called with the lock held. */
static void make_room(srv_conns *t, const srv_conn *fresh)
{
    srv_conn *c = t->head;
    while (c && t->open - t->closing > t->high) {
        srv_conn *next = c->next;
        if (c != fresh && !has_pending_input(c->fd)) {
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
    srv_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->fd = fd;
    pthread_mutex_lock(&t->lock);
    t->open++;
    append_idle(t, c);
    make_room(t, c);
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
    pthread_mutex_unlock(&t->lock);
    free(c);
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
        append_idle(t, c);
        make_room(t, NULL);
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
