/* test_serve_cli.c — `mizan serve` as a process ($MIZAN_BIN): flag errors
 * exit 2, it prints where it listens, answers, and on SIGTERM/SIGINT
 * finishes cleanly with exit 0 (under ASan this also checks for leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "http_client.h"
#include "../add_fails.h"

#include <signal.h>
#include <sys/wait.h>

static const char *bin(void)
{
    const char *b = getenv("MIZAN_BIN");
    return b && *b ? b : "build/mizan";
}

static int run_quiet(const char *args)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s serve %s >/dev/null 2>&1", bin(), args);
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void test_usage_errors(void **state)
{
    (void)state;
    if (access(bin(), X_OK) != 0)
        skip();
    assert_int_equal(run_quiet("--port 70000"), 2);
    assert_int_equal(run_quiet("--port -1"), 2);
    assert_int_equal(run_quiet("--threads 0"), 2);
    assert_int_equal(run_quiet("--threads many"), 2);
    assert_int_equal(run_quiet("--max-body 0"), 2);
    assert_int_equal(run_quiet("--per-ip-limit -1"), 2);
    assert_int_equal(run_quiet("--per-ip-limit 1001"), 2);
    assert_int_equal(run_quiet("--per-ip-limit lots"), 2);
    assert_int_equal(run_quiet("--no-such-flag"), 2);
    assert_int_equal(run_quiet("extra-argument"), 2);
    assert_int_equal(run_quiet("--help"), 0);
}

/* Starts serve on a free port; returns its pid and fills *port. */
static pid_t start_serve(const char *db, int sig_fd[2], unsigned *port)
{
    if (pipe(sig_fd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(sig_fd[1], 2);
        close(sig_fd[0]);
        execl(bin(), bin(), "serve", "--db", db, "--port", "0", "--threads", "2", "--web", "web",
              (char *)NULL);
        _exit(127);
    }
    close(sig_fd[1]);
    char buf[1024];
    size_t len = 0;
    *port = 0;
    while (len < sizeof buf - 1) {
        struct pollfd p = {.fd = sig_fd[0], .events = POLLIN};
        if (poll(&p, 1, 15000) <= 0)
            break;
        ssize_t n = read(sig_fd[0], buf + len, sizeof buf - 1 - len);
        if (n <= 0)
            break;
        len += (size_t)n;
        buf[len] = '\0';
        const char *at = strstr(buf, "http://127.0.0.1:");
        if (at && strchr(at, '\n')) {
            *port = (unsigned)atoi(at + strlen("http://127.0.0.1:"));
            break;
        }
    }
    return pid;
}

static void stop_and_expect_clean(pid_t pid, int fd, int sig)
{
    assert_int_equal(kill(pid, sig), 0);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    char buf[8192];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    close(fd);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("serve did not exit 0 after signal %d: %s", sig, buf);
    assert_non_null(strstr(buf, "stopped"));
}

static void test_serve_and_stop(void **state)
{
    (void)state;
    if (access(bin(), X_OK) != 0)
        skip();
    char dir[] = "/tmp/mizan-serve-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char db[64];
    snprintf(db, sizeof db, "%s/s.db", dir);
    for (int round = 0; round < 2; round++) {
        int fds[2];
        unsigned port = 0;
        pid_t pid = start_serve(db, fds, &port);
        assert_true(pid > 0);
        if (port == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("serve did not print its address");
        }
        http_reply r = http_get(port, "/api/health");
        assert_int_equal(r.status, 200);
        assert_non_null(strstr(r.body, "\"ok\""));
        http_reply_free(&r);
        r = http_get(port, "/");
        assert_int_equal(r.status, 200);
        http_reply_free(&r);
        stop_and_expect_clean(pid, fds[0], round == 0 ? SIGTERM : SIGINT);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A temp folder holding the add-failing stand-in (add_fails.h) built as
 * addfails.so; false (the caller skips) when no compiler builds it. */
static bool failing_lib(char dir[])
{
    if (!mkdtemp(dir))
        return false;
    char path[128], cmd[512];
    snprintf(path, sizeof path, "%s/addfails.c", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(add_fails_c, f);
    assert_int_equal(fclose(f), 0);
    snprintf(cmd, sizeof cmd, "${CC:-cc} -shared -fPIC -o %s/addfails.so %s -ldl 2>/dev/null", dir, path);
    return system(cmd) == 0;
}

/* Starts serve over db with the stand-in preloaded, its add #at to fail
 * (leaving DIR/injected when it does); fills *port, or fails the test. */
static pid_t start_failing_serve(const char *dir, int at, const char *db, int fds[2], unsigned *port)
{
    char lib[128], mark[128], n[16];
    snprintf(lib, sizeof lib, "%s/addfails.so", dir);
    snprintf(mark, sizeof mark, "%s/injected", dir);
    snprintf(n, sizeof n, "%d", at);
    unlink(mark);
    const char *asan = getenv("ASAN_OPTIONS");
    char saved[512] = "", opts[sizeof saved + 32]; /* ASan refuses a library loaded before its runtime */
    if (asan)
        snprintf(saved, sizeof saved, "%s", asan);
    snprintf(opts, sizeof opts, "%s:verify_asan_link_order=0", saved);
    setenv("MZ_FAIL_AT", n, 1);
    setenv("MZ_FAIL_MARK", mark, 1);
    setenv("LD_PRELOAD", lib, 1);
    setenv("ASAN_OPTIONS", opts, 1);
    pid_t pid = start_serve(db, fds, port);
    unsetenv("LD_PRELOAD");
    unsetenv("MZ_FAIL_AT");
    unsetenv("MZ_FAIL_MARK");
    if (asan)
        setenv("ASAN_OPTIONS", saved, 1);
    else
        unsetenv("ASAN_OPTIONS");
    assert_true(pid > 0);
    if (*port == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        fail_msg("serve did not print its address");
    }
    return pid;
}

/* Whether the stand-in failed an add since the last look (and forgets it). */
static bool add_failed(const char *dir)
{
    char mark[128];
    snprintf(mark, sizeof mark, "%s/injected", dir);
    bool failed = access(mark, F_OK) == 0;
    unlink(mark);
    return failed;
}

static void remove_dir(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* GET /api/health did not check the calls that add its keys: out of memory,
 * a 200 without "articles" (or "version"...). Each add fails in turn, in a
 * server started with a preloaded stand-in (add_fails.h): a lost add is a
 * 503 out_of_memory, and the run that loses none answers the whole 200. */
static void test_health_out_of_memory(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-serve-XXXXXX";
    if (access(bin(), X_OK) != 0 || !failing_lib(dir))
        skip();
    char db[128];
    snprintf(db, sizeof db, "%s/h.db", dir);
    bool whole = false;
    for (int at = 1; at < 20 && !whole; at++) {
        int fds[2];
        unsigned port = 0;
        pid_t pid = start_failing_serve(dir, at, db, fds, &port);
        http_reply r = http_get(port, "/api/health");
        whole = !add_failed(dir);
        if (whole ? r.status != 200 || !strstr(r.body, "\"threads\"")
                  : r.status != 503 || !strstr(r.body, "\"out_of_memory\"")) {
            kill(pid, SIGKILL); /* not left serving */
            waitpid(pid, NULL, 0);
            fail_msg("GET /api/health, add #%d failing%s: %d %s", at, whole ? " (not reached)" : "",
                     r.status, r.body ? r.body : "");
        }
        http_reply_free(&r);
        stop_and_expect_clean(pid, fds[0], SIGTERM);
    }
    assert_true(whole);
    remove_dir(dir);
}

/* POST /api/articles and DELETE /api/articles/ID answer with every key or
 * none: their replies' adds were unchecked, so out of memory a 201 came as
 * {} (the article stored, its id lost) and a DELETE's 200 without
 * "deleted". Now a 503 out_of_memory (the article is stored, or deleted,
 * all the same: sent again it is a duplicate with its id). MZ_FAIL_AT
 * counts the adds across both requests of one server. */
static void test_articles_out_of_memory(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-serve-XXXXXX";
    if (access(bin(), X_OK) != 0 || !failing_lib(dir))
        skip();
    static const char article[] = "{\"title\": \"وصول قافلة مساعدات\", \"text\": \"وصلت قافلة "
                                  "مساعدات إنسانية إلى البلدة المحاصرة صباح اليوم.\"}";
    bool whole = false;
    for (int at = 1; at < 20 && !whole; at++) {
        char db[128];
        snprintf(db, sizeof db, "%s/a%d.db", dir, at);
        int fds[2];
        unsigned port = 0;
        pid_t pid = start_failing_serve(dir, at, db, fds, &port);
        http_reply add = http_post(port, "/api/articles", article);
        bool add_lost = add_failed(dir);
        http_reply del = http_request(port, "DELETE", "/api/articles/1", NULL, 0);
        bool del_lost = add_failed(dir);
        whole = !add_lost && !del_lost;
        bool bad = add_lost ? add.status != 503 || !strstr(add.body, "\"out_of_memory\"")
                            : add.status != 201 || !strstr(add.body, "\"id\":1");
        /* stored all the same, so there is an article 1 to delete */
        bad |= del_lost ? del.status != 503 || !strstr(del.body, "\"out_of_memory\"")
                        : del.status != 200 || !strstr(del.body, "\"deleted\":1");
        if (bad) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("add #%d failing: POST %d %s; DELETE %d %s", at, add.status,
                     add.body ? add.body : "", del.status, del.body ? del.body : "");
        }
        http_reply_free(&add);
        http_reply_free(&del);
        stop_and_expect_clean(pid, fds[0], SIGTERM);
    }
    assert_true(whole);
    remove_dir(dir);
}

/* POST /api/articles with an array: once one add had failed (out of memory)
 * the id of every article stored after it was deleted while still in the
 * reply's "ids" list, and freed again with the reply: the server crashed
 * (a double free) instead of answering 503. The batch here is an article,
 * the same article again (a duplicate, whose "index" add fails in one run)
 * and another article stored after it. */
static void test_articles_batch_out_of_memory(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-serve-XXXXXX";
    if (access(bin(), X_OK) != 0 || !failing_lib(dir))
        skip();
    static const char batch[] =
        "[{\"text\": \"وصلت قافلة مساعدات إنسانية إلى البلدة المحاصرة صباح اليوم.\"},"
        " {\"text\": \"وصلت قافلة مساعدات إنسانية إلى البلدة المحاصرة صباح اليوم.\"},"
        " {\"text\": \"افتتحت البلدية حديقة عامة جديدة في وسط المدينة مساء أمس.\"}]";
    bool whole = false;
    for (int at = 1; at < 20 && !whole; at++) {
        char db[128];
        snprintf(db, sizeof db, "%s/b%d.db", dir, at);
        int fds[2];
        unsigned port = 0;
        pid_t pid = start_failing_serve(dir, at, db, fds, &port);
        http_reply r = http_post(port, "/api/articles", batch);
        whole = !add_failed(dir);
        if (whole ? r.status != 201 || !strstr(r.body, "\"added\":2")
                  : r.status != 503 || !strstr(r.body, "\"out_of_memory\"")) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("add #%d failing: POST %d %s", at, r.status, r.body ? r.body : "");
        }
        http_reply_free(&r);
        stop_and_expect_clean(pid, fds[0], SIGTERM);
    }
    assert_true(whole);
    remove_dir(dir);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_serve_and_stop),
        cmocka_unit_test(test_health_out_of_memory),
        cmocka_unit_test(test_articles_out_of_memory),
        cmocka_unit_test(test_articles_batch_out_of_memory),
    };
    return cmocka_run_group_tests_name("mizan serve (process)", tests, NULL, NULL);
}
