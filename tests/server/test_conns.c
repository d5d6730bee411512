/* test_conns.c — which connections the server may close to make room
 * (src/server/conns.c), on real loopback TCP connections: the tracked side
 * is the accepted socket, as libmicrohttpd's would be.
 *
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (Makefile), so
 * that a test can make every allocation fail and count the attempts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "server/conns.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
static bool alloc_fails;     /* every allocation returns NULL */
static unsigned alloc_tries; /* allocations asked for while they fail */

void *__wrap_malloc(size_t n)
{
    if (alloc_fails)
        return alloc_tries++, NULL;
    return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (alloc_fails)
        return alloc_tries++, NULL;
    return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (alloc_fails)
        return alloc_tries++, NULL;
    return __real_realloc(p, n);
}

static int listener = -1;
static struct sockaddr_in addr;

static int setup(void **state)
{
    (void)state;
    listener = socket(AF_INET, SOCK_STREAM, 0);
    addr = (struct sockaddr_in){.sin_family = AF_INET};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(listener, 16) != 0 || getsockname(listener, (struct sockaddr *)&addr, &len) != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    close(listener);
    return 0;
}

/* A connected pair: *client, and the accepted socket returned. */
static int pair(int *client)
{
    *client = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(*client >= 0);
    assert_int_equal(connect(*client, (struct sockaddr *)&addr, sizeof addr), 0);
    int server = accept(listener, NULL, NULL);
    assert_true(server >= 0);
    return server;
}

/* Whether the server side shut the connection down (end-of-file at the
 * client), waiting up to wait_ms. */
static bool shut_down(int client, int wait_ms)
{
    struct pollfd p = {.fd = client, .events = POLLIN};
    char b;
    return poll(&p, 1, wait_ms) == 1 && recv(client, &b, 1, MSG_DONTWAIT) == 0;
}

/* A request that a worker thread has read off the socket but not yet begun
 * is not idle: with several threads, a connection opened on another thread
 * used to close it in that gap (nothing left to read, not yet busy), and a
 * client that had sent its whole request got no reply. One that has sent
 * nothing, or stalled part way for a while, is closed as before. */
static void test_request_read_not_begun_is_kept(void **state)
{
    (void)state;
    srv_conns *t = srv_conns_new(1, 8);
    assert_non_null(t);
    int ca, cb, cc;
    int a = pair(&ca);
    srv_conn *ea = srv_conns_opened(t, a);
    const char req[] = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Length: 44\r\n\r\n{\"claim\": \"أسعار الخضار في دمشق\"}";
    assert_int_equal(send(ca, req, sizeof req - 1, 0), (ssize_t)(sizeof req - 1));
    char buf[256];
    struct pollfd p = {.fd = a, .events = POLLIN};
    assert_int_equal(poll(&p, 1, 5000), 1);
    size_t got = 0;
    while (got < sizeof req - 1) { /* the worker's read: the socket is empty now */
        ssize_t n = recv(a, buf, sizeof buf, 0);
        assert_true(n > 0);
        got += (size_t)n;
    }
    /* Another connection opens past the limit of 1 before the request begins. */
    int b = pair(&cb);
    srv_conn *eb = srv_conns_opened(t, b);
    assert_false(shut_down(ca, 50));
    /* A silent one is the idle one: the next connection closes it. */
    int c = pair(&cc);
    srv_conn *ec = srv_conns_opened(t, c);
    assert_true(shut_down(cb, 5000));
    /* The read request, stalled (never begun) past 200 ms, is idle again. */
    usleep(300 * 1000);
    int d2, d = pair(&d2);
    srv_conn *ed = srv_conns_opened(t, d);
    assert_true(shut_down(ca, 5000));
    srv_conns_closed(t, ea);
    srv_conns_closed(t, eb);
    srv_conns_closed(t, ec);
    srv_conns_closed(t, ed);
    assert_int_equal(srv_conns_open(t), 0);
    srv_conns_free(t);
    int fds[] = {a, b, c, d, ca, cb, cc, d2};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

/* A request that ends its connection ("Connection: close") leaves it
 * closing, not idle: it was appended to the idle list, and with more than
 * `high` open, the longest idle one (here a connection just opened, its
 * request not sent yet) was closed to make room the closing one frees
 * anyway. A request ending on a connection kept alive still makes room. */
static void test_closing_request_makes_no_room(void **state)
{
    (void)state;
    srv_conns *t = srv_conns_new(1, 8);
    assert_non_null(t);
    int ca, cb, cc, cd;
    int a = pair(&ca);
    srv_conn *ea = srv_conns_opened(t, a);
    srv_conns_busy(t, ea); /* a request on it: «أسعار الخضار في دمشق» */
    int b = pair(&cb);
    srv_conn *eb = srv_conns_opened(t, b); /* 2 open, past 1: only b idle, and new */
    srv_conns_closing(t, ea);
    assert_false(shut_down(cb, 100));
    srv_conns_closed(t, ea);
    assert_int_equal(srv_conns_open(t), 1);
    /* The same with the connection kept alive: b, idle longest, makes room. */
    int c = pair(&cc);
    srv_conn *ec = srv_conns_opened(t, c); /* c new, b closed for it */
    assert_true(shut_down(cb, 5000));
    srv_conns_closed(t, eb);
    srv_conns_busy(t, ec);
    int d = pair(&cd);
    srv_conn *ed = srv_conns_opened(t, d);
    srv_conns_idle(t, ec);
    assert_true(shut_down(cd, 5000));
    assert_false(shut_down(cc, 50));
    srv_conns_closed(t, ec);
    srv_conns_closed(t, ed);
    assert_int_equal(srv_conns_open(t), 0);
    srv_conns_free(t);
    int fds[] = {a, b, c, d, ca, cb, cc, cd};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

/* A connection opened while memory is short is tracked all the same: its
 * entry was calloc'ed on opening, and on failure the connection went
 * untracked (not counted against the limit, never closed to make room, so
 * idle ones held their slots until they timed out). Now opening takes an
 * entry made with the table and allocates nothing. */
static void test_opened_while_memory_short_is_tracked(void **state)
{
    (void)state;
    srv_conns *t = srv_conns_new(1, 4);
    assert_non_null(t);
    int ca, cb, cc;
    int a = pair(&ca), b = pair(&cb), c = pair(&cc);
    srv_conn *ea = srv_conns_opened(t, a);
    alloc_fails = true;
    alloc_tries = 0;
    srv_conn *eb = srv_conns_opened(t, b); /* past 1: a, silent, makes room */
    alloc_fails = false;
    assert_non_null(eb);
    assert_int_equal(srv_conns_open(t), 2);
    assert_true(shut_down(ca, 5000));
    assert_int_equal(alloc_tries, 0);
    /* b is tracked: once idle longest, the next connection closes it too. */
    alloc_fails = true;
    srv_conn *ec = srv_conns_opened(t, c);
    alloc_fails = false;
    assert_int_equal(alloc_tries, 0);
    assert_true(shut_down(cb, 5000));
    assert_false(shut_down(cc, 50));
    srv_conns_closed(t, ea);
    srv_conns_closed(t, eb);
    srv_conns_closed(t, ec);
    assert_int_equal(srv_conns_open(t), 0);
    assert_int_equal(srv_conns_refused(t), 0);
    srv_conns_free(t);
    int fds[] = {a, b, c, ca, cb, cc};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

/* The table holds `cap` entries (the server's connection limit, which
 * libmicrohttpd never exceeds): one opened past them is refused, shut down
 * at once and counted, not left open untracked; an entry freed by a close
 * is taken by the next one. */
static void test_past_capacity_refused(void **state)
{
    (void)state;
    enum { CAP = 3 };
    srv_conns *t = srv_conns_new(CAP + 5, CAP); /* high above cap: none made room for */
    assert_non_null(t);
    int client[CAP + 2], server[CAP + 2];
    srv_conn *e[CAP + 2];
    for (int i = 0; i < CAP; i++) {
        server[i] = pair(&client[i]);
        e[i] = srv_conns_opened(t, server[i]);
        assert_non_null(e[i]);
    }
    server[CAP] = pair(&client[CAP]);
    e[CAP] = srv_conns_opened(t, server[CAP]);
    assert_null(e[CAP]);
    assert_true(shut_down(client[CAP], 5000));
    assert_int_equal(srv_conns_refused(t), 1);
    assert_int_equal(srv_conns_open(t), CAP);
    for (int i = 0; i < CAP; i++)
        assert_false(shut_down(client[i], 20));
    srv_conns_closed(t, e[CAP]); /* NULL: nothing */
    srv_conns_closed(t, e[1]);
    server[CAP + 1] = pair(&client[CAP + 1]);
    e[CAP + 1] = srv_conns_opened(t, server[CAP + 1]);
    assert_non_null(e[CAP + 1]);
    assert_false(shut_down(client[CAP + 1], 20));
    assert_int_equal(srv_conns_refused(t), 1);
    assert_int_equal(srv_conns_open(t), CAP);
    srv_conns_closed(t, e[0]);
    srv_conns_closed(t, e[2]);
    srv_conns_closed(t, e[CAP + 1]);
    assert_int_equal(srv_conns_open(t), 0);
    srv_conns_free(t);
    for (int i = 0; i < CAP + 2; i++) {
        close(server[i]);
        close(client[i]);
    }
}

/* Connections that all sent part of a request at once are spared when the
 * next one opens (their bytes are recent); once they have gone quiet, only
 * another opening made room, and at libmicrohttpd's limit none opens: a
 * client waited in the accept queue for their 30 s timeout. The watcher
 * makes room for a client that waits, and for none other. */
static void test_watcher_makes_room_for_waiting_client(void **state)
{
    (void)state;
    srv_conns *t = srv_conns_new(1, 8);
    assert_non_null(t);
    int ca, cb;
    int a = pair(&ca);
    const char part[] = "GET /api/search?q=%D8%AF%D9%85"; /* دم…, then nothing */
    assert_int_equal(send(ca, part, sizeof part - 1, 0), (ssize_t)(sizeof part - 1));
    char buf[64];
    struct pollfd p = {.fd = a, .events = POLLIN};
    assert_int_equal(poll(&p, 1, 5000), 1);
    assert_int_equal(recv(a, buf, sizeof buf, 0), (ssize_t)(sizeof part - 1)); /* read, as a worker would */
    srv_conn *ea = srv_conns_opened(t, a);
    int b = pair(&cb);
    srv_conn *eb = srv_conns_opened(t, b); /* 2 past 1: a's bytes recent, b new: both spared */
    assert_true(srv_conns_watch(t, listener, 20));
    /* No client waits: nothing is closed, however long a has been quiet. */
    assert_false(shut_down(ca, 400));
    assert_false(shut_down(cb, 0));
    /* A client waits to be accepted: a, idle longest and quiet, makes room. */
    int cw = socket(AF_INET, SOCK_STREAM, 0);
    assert_int_equal(connect(cw, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_true(shut_down(ca, 5000));
    assert_false(shut_down(cb, 100));
    srv_conns_unwatch(t);
    int w = accept(listener, NULL, NULL);
    assert_true(w >= 0);
    srv_conns_closed(t, ea);
    srv_conns_closed(t, eb);
    assert_int_equal(srv_conns_open(t), 0);
    srv_conns_free(t);
    int fds[] = {a, b, w, ca, cb, cw};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

/* The thread ids of this process, as /proc/self/task lists them (at most cap). */
static size_t task_ids(long *ids, size_t cap)
{
    DIR *d = opendir("/proc/self/task");
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < cap)
        if (e->d_name[0] != '.')
            ids[n++] = atol(e->d_name);
    closedir(d);
    return n;
}

/* How many times thread tid has gone to sleep of its own accord. */
static long sleeps_of(long tid)
{
    char path[64], line[128];
    snprintf(path, sizeof path, "/proc/self/task/%ld/status", tid);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    long n = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "voluntary_ctxt_switches: %ld", &n) == 1)
            break;
    fclose(f);
    return n;
}

/* The watcher sleeps while no more than `high` are open: it looked every
 * every_ms (50 ms in the server) whatever the count, 200 wake-ups in 10 s
 * of an idle server. An opening that leaves more than `high` open wakes it,
 * and it makes room for a waiting client as before; once the count is
 * back under, it sleeps again. */
static void test_watcher_sleeps_under_limit(void **state)
{
    (void)state;
    srv_conns *t = srv_conns_new(1, 8);
    assert_non_null(t);
    long before[64], after[64];
    size_t nb = task_ids(before, 64);
    assert_true(srv_conns_watch(t, listener, 20));
    size_t na = task_ids(after, 64);
    long watcher = 0;
    for (size_t i = 0; i < na; i++) {
        bool old = false;
        for (size_t j = 0; j < nb; j++)
            old |= after[i] == before[j];
        if (!old)
            watcher = after[i];
    }
    assert_true(watcher > 0);
    usleep(50 * 1000);
    int ca, cb;
    int a = pair(&ca);
    srv_conn *ea = srv_conns_opened(t, a); /* 1 open, not past 1 */
    long s0 = sleeps_of(watcher);
    usleep(400 * 1000);
    long woke = sleeps_of(watcher) - s0;
    if (woke > 2)
        fail_msg("the watcher woke %ld times in 400 ms with nothing past the limit", woke);
    /* a has sent half a request, just read: b's opening spares it, 2 past 1 */
    const char part[] = "GET /api/search?q=%D8%AF%D9%85";
    assert_int_equal(send(ca, part, sizeof part - 1, 0), (ssize_t)(sizeof part - 1));
    char buf[64];
    struct pollfd p = {.fd = a, .events = POLLIN};
    assert_int_equal(poll(&p, 1, 5000), 1);
    assert_int_equal(recv(a, buf, sizeof buf, 0), (ssize_t)(sizeof part - 1));
    int b = pair(&cb);
    srv_conn *eb = srv_conns_opened(t, b);
    assert_false(shut_down(ca, 0));
    /* A client waits: the watcher, woken, closes b (silent; a's bytes are recent). */
    int cw = socket(AF_INET, SOCK_STREAM, 0);
    assert_int_equal(connect(cw, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_true(shut_down(cb, 5000));
    assert_false(shut_down(ca, 0));
    int w = accept(listener, NULL, NULL);
    assert_true(w >= 0);
    srv_conns_closed(t, ea);
    srv_conns_closed(t, eb);
    usleep(100 * 1000); /* its next look finds none past the limit */
    s0 = sleeps_of(watcher);
    usleep(400 * 1000);
    woke = sleeps_of(watcher) - s0;
    if (woke > 2)
        fail_msg("the watcher woke %ld times in 400 ms once back under the limit", woke);
    srv_conns_free(t);
    int fds[] = {a, b, w, ca, cb, cw};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_watcher_makes_room_for_waiting_client),
        cmocka_unit_test(test_watcher_sleeps_under_limit),
        cmocka_unit_test(test_opened_while_memory_short_is_tracked),
        cmocka_unit_test(test_past_capacity_refused),
        cmocka_unit_test(test_request_read_not_begun_is_kept),
        cmocka_unit_test(test_closing_request_makes_no_room),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
