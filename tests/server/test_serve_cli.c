/* test_serve_cli.c — `mizan serve` as a process ($MIZAN_BIN): flag errors
 * exit 2, it prints where it listens, answers, and on SIGTERM/SIGINT
 * finishes cleanly with exit 0 (under ASan this also checks for leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "http_client.h"

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

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_serve_and_stop),
    };
    return cmocka_run_group_tests_name("mizan serve (process)", tests, NULL, NULL);
}
