/* test_conns.c — which connections the server may close to make room
 * (src/server/conns.c), on real loopback TCP connections: the tracked side
 * is the accepted socket, as libmicrohttpd's would be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "server/conns.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

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
    srv_conns *t = srv_conns_new(1);
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
    srv_conns *t = srv_conns_new(1);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_request_read_not_begun_is_kept),
        cmocka_unit_test(test_closing_request_makes_no_room),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
