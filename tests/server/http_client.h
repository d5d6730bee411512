/*
 * http_client.h — a tiny blocking HTTP/1.1 client over raw sockets for the
 * server tests: it sends exactly the bytes it is given (so tests can send
 * malformed requests) and reads the reply until the server closes.
 */
#ifndef MZ_TEST_HTTP_CLIENT_H
#define MZ_TEST_HTTP_CLIENT_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct http_reply {
    int status;    /* 0: no reply (connection closed or failed) */
    char *head;    /* status line + headers, NUL-terminated */
    char *body;    /* NUL-terminated */
    size_t body_len;
} http_reply;

static inline void http_reply_free(http_reply *r)
{
    free(r->head);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static inline int http_connect(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static inline bool http_send_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w, n -= (size_t)w;
    }
    return true;
}

/* Reads until EOF (or wait_ms of silence) and parses the reply. */
static inline void http_read_reply_wait(int fd, http_reply *r, int wait_ms)
{
    memset(r, 0, sizeof *r);
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, wait_ms) <= 0)
            break;
        if (len + 4096 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t n = recv(fd, buf + len, cap - len - 1, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    char *sep = strstr(buf, "\r\n\r\n");
    if (len < 12 || strncmp(buf, "HTTP/1.", 7) != 0 || !sep) {
        free(buf);
        return;
    }
    r->status = atoi(buf + 9);
    r->head = strndup(buf, (size_t)(sep - buf));
    r->body_len = len - (size_t)(sep + 4 - buf);
    r->body = malloc(r->body_len + 1);
    memcpy(r->body, sep + 4, r->body_len);
    r->body[r->body_len] = '\0';
    free(buf);
}

static inline void http_read_reply(int fd, http_reply *r)
{
    http_read_reply_wait(fd, r, 10000);
}

/* Sends raw bytes on a new connection and reads the reply, giving up after
 * wait_ms of silence (a server may rightly wait for the rest of a request). */
static inline http_reply http_raw_wait(unsigned port, const void *req, size_t len, int wait_ms)
{
    http_reply r = {0};
    int fd = http_connect(port);
    if (fd < 0)
        return r;
    if (http_send_all(fd, req, len))
        shutdown(fd, SHUT_WR);
    http_read_reply_wait(fd, &r, wait_ms);
    close(fd);
    return r;
}

static inline http_reply http_raw(unsigned port, const void *req, size_t len)
{
    return http_raw_wait(port, req, len, 10000);
}

/* A well-formed request with Connection: close (body may be NULL). */
static inline http_reply http_request(unsigned port, const char *method, const char *path,
                               const char *body, size_t body_len)
{
    size_t cap = body_len + 512 + strlen(path);
    char *req = malloc(cap);
    int n = snprintf(req, cap,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     method, path, body ? body_len : 0);
    if (body)
        memcpy(req + n, body, body_len);
    http_reply r = http_raw(port, req, (size_t)n + (body ? body_len : 0));
    free(req);
    return r;
}

static inline http_reply http_get(unsigned port, const char *path)
{
    return http_request(port, "GET", path, NULL, 0);
}

static inline http_reply http_post(unsigned port, const char *path, const char *json)
{
    return http_request(port, "POST", path, json, strlen(json));
}

/* Value of a header (case-insensitive name), copied into out; false if absent. */
static inline bool http_header(const http_reply *r, const char *name, char *out, size_t n)
{
    if (!r->head)
        return false;
    size_t nl = strlen(name);
    for (const char *line = strstr(r->head, "\r\n"); line; line = strstr(line + 2, "\r\n")) {
        const char *h = line + 2;
        if (strncasecmp(h, name, nl) == 0 && h[nl] == ':') {
            h += nl + 1;
            while (*h == ' ')
                h++;
            size_t len = strcspn(h, "\r\n");
            snprintf(out, n, "%.*s", (int)len, h);
            return true;
        }
    }
    return false;
}

/* Whether connections to port are refused within about 5 s (polled, so a
 * slow machine only makes this wait longer, never fail): the listening
 * socket of a stopping server closes. */
static inline bool refused_soon(unsigned port)
{
    for (int i = 0; i < 500; i++) {
        int fd = http_connect(port);
        if (fd < 0)
            return true;
        close(fd);
        usleep(10 * 1000);
    }
    return false;
}

#endif
