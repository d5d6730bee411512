/* test_stop_nomem.c — a stop (mz_server_stop) whose hand-over of the listen
 * backlog meets a connection libmicrohttpd cannot allocate memory for.
 *
 * libmicrohttpd 0.9.75 takes up a handed connection in a worker thread and
 * allocates its memory pool there (MHD_pool_create: a 64 KiB mmap, then
 * malloc of the same size when that fails); when both fail it closes the
 * socket and says nothing, neither a start nor a close. This program
 * defines mmap and malloc itself, so that libmicrohttpd's calls come here:
 * once armed, the next pool's mmap fails, and so does the malloc that
 * follows it in the same thread. Every other call goes to the real one. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "server/server.h"
#include "http_client.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { POOL = 64 * 1024 }; /* server.c's MHD_OPTION_CONNECTION_MEMORY_LIMIT */

static atomic_bool armed;        /* the next pool's allocation fails */
static atomic_int injected;      /* pools failed so far */
static _Thread_local bool pool_failing; /* this thread's pool mmap failed: its malloc must too */
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static void *(*real_malloc)(size_t);

/* Looked up on first use: malloc is called before any constructor runs. */
static void resolve_real(void)
{
    if (!real_mmap)
        *(void **)&real_mmap = dlsym(RTLD_NEXT, "mmap");
    if (!real_malloc)
        *(void **)&real_malloc = dlsym(RTLD_NEXT, "malloc");
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (len == POOL && !addr && fd == -1 && (flags & MAP_ANONYMOUS) &&
        atomic_exchange(&armed, false)) {
        pool_failing = true;
        return MAP_FAILED;
    }
    resolve_real();
    return real_mmap(addr, len, prot, flags, fd, off);
}

void *malloc(size_t n)
{
    if (pool_failing && n == POOL) {
        pool_failing = false;
        atomic_fetch_add(&injected, 1);
        return NULL;
    }
    resolve_real();
    return real_malloc(n);
}

static char tmpdir[64];
static char db_path[128];

static int setup(void **state)
{
    (void)state;
    signal(SIGPIPE, SIG_IGN);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/mizan-stopnomem-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    snprintf(db_path, sizeof db_path, "%s/s.db", tmpdir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *model_path(void)
{
    const char *env = getenv("MIZAN_MODEL");
    if (env && *env)
        return env;
    struct stat st;
    return stat("models/stance.model", &st) == 0 ? "models/stance.model" : NULL;
}

static const char CHECK_BODY[] = "{\"claim\": \"أسعار الخضار في دمشق\", \"k\": 3}";

/* A connection whose POST /api/check (Expect: 100-continue) the server has
 * begun: its 100 Continue has come, its body is still to be sent. */
static int begin_request(unsigned p)
{
    char head[256];
    int n = snprintf(head, sizeof head,
                     "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: %zu\r\n\r\n",
                     sizeof CHECK_BODY - 1);
    int fd = http_connect(p);
    assert_true(fd >= 0);
    assert_true(http_send_all(fd, head, (size_t)n));
    char cont[64] = {0};
    struct pollfd pf = {.fd = fd, .events = POLLIN};
    assert_int_equal(poll(&pf, 1, 10000), 1);
    assert_true(recv(fd, cont, sizeof cont - 1, 0) > 0);
    assert_non_null(strstr(cont, "100 Continue"));
    return fd;
}

typedef struct stopper {
    mz_server *s;
    atomic_bool done;
    double ms;
} stopper;

enum { GRACE_MS = 5000 };

static void *stop_it(void *arg)
{
    stopper *st = arg;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    mz_server_stop(st->s, GRACE_MS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    st->ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    atomic_store(&st->done, true);
    return NULL;
}

/* The limit (8) is held by requests waiting for their bodies, and three
 * GET /api/health wait in the kernel's accept queue when the stop begins.
 * The first of them handed over gets no memory pool: libmicrohttpd closes
 * it unanswered. The stop waited for it to start, which it never did: it
 * took the whole grace period (and handed nothing more meanwhile; any still
 * queued were closed unanswered at its end). Now it counts as dropped, the
 * others are served and the stop ends at once. */
static void test_stop_after_pool_failure(void **state)
{
    (void)state;
    mz_server *s = NULL;
    mz_error err = {0};
    mz_server_options o = {.db_path = db_path, .port = 0, .threads = 1,
                           .model_path = model_path(), .web_root = "web",
                           .max_connections = 8};
    assert_int_equal(mz_server_start(&o, &s, &err), MZ_OK);
    unsigned p = mz_server_port(s);
    enum { HELD = 8, QUEUED = 3 };
    int held[HELD], queued[QUEUED];
    for (int i = 0; i < HELD; i++)
        held[i] = begin_request(p);
    static const char health[] = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (int i = 0; i < QUEUED; i++) { /* accepted by the kernel only */
        queued[i] = http_connect(p);
        assert_true(queued[i] >= 0);
        assert_true(http_send_all(queued[i], health, sizeof health - 1));
    }
    atomic_store(&injected, 0);
    atomic_store(&armed, true);
    stopper st = {s, false, 0};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, stop_it, &st), 0);
    assert_true(refused_soon(p));
    for (int i = 0; i < HELD; i++)
        assert_true(http_send_all(held[i], CHECK_BODY, sizeof CHECK_BODY - 1));
    pthread_join(t, NULL);
    atomic_store(&armed, false);
    int answered = 0;
    for (int i = 0; i < HELD + QUEUED; i++) {
        int fd = i < HELD ? held[i] : queued[i - HELD];
        http_reply r;
        http_read_reply(fd, &r);
        close(fd);
        answered += r.status == 200;
        http_reply_free(&r);
    }
    assert_int_equal(atomic_load(&injected), 1); /* the failure happened, once */
    assert_int_equal(answered, HELD + QUEUED - 1);
    if (st.ms > GRACE_MS / 2)
        fail_msg("the stop took %.0f ms of its %d ms grace period", st.ms, GRACE_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_after_pool_failure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
