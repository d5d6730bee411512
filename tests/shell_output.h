/* shell_output.h — runs a shell command line as a test runs the mizan
 * binary: its exit status and what it wrote to stdout. Shared by the tests
 * that drive the CLI (each adds its own redirections and prefixes). */
#ifndef MZ_TEST_SHELL_OUTPUT_H
#define MZ_TEST_SHELL_OUTPUT_H

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/util.h"

/* The mizan binary a CLI test runs (MIZAN_BIN, which make test sets), or
 * NULL — the test then skips — when it or the shipped model is missing. */
static inline const char *cli_bin(void)
{
    const char *bin = getenv("MIZAN_BIN");
    if (!bin || access(bin, X_OK) != 0 || access("models/stance.model", R_OK) != 0)
        return NULL;
    return bin;
}

/* Runs cmd with sh; returns its exit code (128 + N when signal N ended it)
 * and its stdout in *out (malloc'd, NUL-terminated; dropped when out is
 * NULL). Fails the test when the shell cannot be started. */
static inline int shell_output(const char *cmd, char **out)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    mz_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        mz_buf_append(&b, chunk, n);
    int st = pclose(p);
    char *s = mz_buf_take(&b);
    if (out)
        *out = s;
    else
        free(s);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* shell_output of "PREFIX ARGS 2>&1", ARGS formatted from fmt and ap: the
 * body of each CLI test's run(), which puts its own prefix (the binary, a
 * cd, an environment) before the arguments. */
static inline int shell_outputv(char **out, const char *prefix, const char *fmt, va_list ap)
{
    char args[4096], cmd[8192];
    vsnprintf(args, sizeof args, fmt, ap);
    snprintf(cmd, sizeof cmd, "%s %s 2>&1", prefix, args);
    return shell_output(cmd, out);
}

/* Runs "mizan ARGS" in directory dir with the shipped model (both given by
 * absolute path, as the test runs from the repository): its exit code and
 * stdout in *out. For the CLI tests that build a store of their own. */
static inline int cli_in_dir(const char *dir, char **out, const char *args)
{
    char cmd[2048], *bin = realpath(cli_bin(), NULL), *model = realpath("models/stance.model", NULL);
    assert_non_null(bin);
    assert_non_null(model);
    snprintf(cmd, sizeof cmd, "cd %s && MIZAN_MODEL=%s %s %s", dir, model, bin, args);
    free(bin);
    free(model);
    return shell_output(cmd, out);
}

#endif
