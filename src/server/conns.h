/*
 * conns.h — the server's open connections, so that idle ones cannot keep
 * new clients out.
 *
 * libmicrohttpd stops accepting at its connection limit: past it, a new
 * client waits in the kernel's accept queue until some connection times out
 * (30 s). A client that opens connections and sends nothing (or half a
 * request, or keeps a finished one alive) could hold every slot. So each
 * connection is tracked from open to close, and once more than `high` are
 * open, each newly opened one, and each request that ends on a connection
 * kept alive (the limit may have filled while every connection was busy:
 * then none opens), makes room
 * by closing the connection that has been idle longest: one with no request in progress (silent since it
 * connected, part way through its request's head, or kept alive after a
 * reply), no bytes waiting to be read, and none come in the last 200 ms
 * since it was last idle (a request read off the socket by a worker thread
 * but not begun yet). So does a watcher thread, while a client waits in the
 * accept queue (srv_conns_watch). A request being read, run or answered is
 * never cut.
 * Below `high` nothing is closed early.
 */
#ifndef MZ_SERVER_CONNS_H
#define MZ_SERVER_CONNS_H

#include <stdbool.h>

typedef struct srv_conns srv_conns;
typedef struct srv_conn srv_conn;

/* high: open connections allowed before idle ones are closed (at least 1);
 * cap: the most open at once (the server's connection limit), whose entries
 * are allocated here, cap × 32 bytes, so that opening one never allocates.
 * NULL when out of memory. */
srv_conns *srv_conns_new(unsigned high, unsigned cap);
/* Frees the table; every connection must have been closed. NULL: no-op. */
void srv_conns_free(srv_conns *t);

/* A connection on socket fd was opened: tracked as idle (the most recent),
 * and if too many are open, the longest-idle ones are shut down (their
 * sockets see end-of-file; libmicrohttpd then closes them). Returns the
 * entry, to be kept in the connection's socket context. Never fails for
 * memory; with `cap` already open it returns NULL and shuts the new one down
 * at once (counted in srv_conns_refused), as libmicrohttpd refuses one past
 * its limit: no connection is left open untracked. */
srv_conn *srv_conns_opened(srv_conns *t, int fd);
/* The connection is closed (before its socket is): forget it. NULL: no-op. */
void srv_conns_closed(srv_conns *t, srv_conn *c);
/* A request began on it (its head is read): not closed early until it ends. */
void srv_conns_busy(srv_conns *t, srv_conn *c);
/* Its request ended: idle again, the most recently active; if too many are
 * open, the longest-idle ones are shut down (this one last). */
void srv_conns_idle(srv_conns *t, srv_conn *c);
/* Its request ended and the connection closes after it (a "Connection:
 * close" either way, HTTP/1.0, an error): counted as closing, not idle, so
 * it closes no other connection to make room. Never call it for one that
 * stays open: a closing entry is never closed to make room. */
void srv_conns_closing(srv_conns *t, srv_conn *c);
/* Connections open now (tracked). */
unsigned srv_conns_open(srv_conns *t);
/* Connections refused by srv_conns_opened (cap already open), ever. */
unsigned srv_conns_refused(srv_conns *t);

/* Starts a thread that, while more than `high` are open, looks every
 * `every_ms` ms whether a client waits in the accept queue of listen_fd,
 * and if so makes room as that client's connection would on opening; with
 * `high` or fewer open it sleeps until an opening leaves more. An opening makes
 * no room from a connection whose request bytes came in the last 200 ms,
 * so connections that all sent part of a request at once, filling the
 * limit, were all spared; then libmicrohttpd accepted nothing, no
 * connection opened to make room once they were idle, and a new client
 * waited for their 30 s timeout. False when the thread cannot be started. */
bool srv_conns_watch(srv_conns *t, int listen_fd, unsigned every_ms);
/* Stops the watcher and waits for it (before listen_fd is closed or handed
 * over). No-op when none runs; srv_conns_free calls it. */
void srv_conns_unwatch(srv_conns *t);

#endif /* MZ_SERVER_CONNS_H */
