/* cli_run.h — for the CLI tests that work in a temporary folder of their
 * own (tests/cli/test_tools.c, test_files.c, test_list.c): the folder's
 * making and removal, run() and sh(), and files written into it and read
 * back. The including file includes cmocka.h first and defines, before it
 * includes this, `dir` (the mkdtemp template) and `bin`. */
#ifndef MZ_TEST_CLI_RUN_H
#define MZ_TEST_CLI_RUN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shell_output.h"
#include "util/util.h"

/* For setup: bin from MIZAN_BIN (build/mizan when unset or empty), made
 * absolute since run() changes into dir, and dir made; false when it
 * cannot be. */
static inline bool cli_dir_open(void)
{
    bin = getenv("MIZAN_BIN");
    if (!bin || !*bin)
        bin = "build/mizan";
    char abs[4096];
    if (bin[0] != '/' && getcwd(abs, sizeof abs)) {
        static char path[8192];
        snprintf(path, sizeof path, "%s/%s", abs, bin);
        bin = path;
    }
    return mkdtemp(dir) != NULL;
}

/* For teardown: dir removed with all in it; 0, else -1. */
static inline int cli_dir_remove(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Runs "mizan ARGS" in dir (a shell command line: ARGS may redirect) with
 * stdout and stderr into *out; returns the exit code (128 + N for signal N). */
static inline int run(char **out, const char *fmt, ...)
{
    char prefix[512];
    snprintf(prefix, sizeof prefix, "cd %s && %s", dir, bin);
    va_list ap;
    va_start(ap, fmt);
    int rc = shell_outputv(out, prefix, fmt, ap);
    va_end(ap);
    return rc;
}

/* A shell command in dir (no mizan prefix); its exit status, -1 when a
 * signal ended it. */
static inline int sh(const char *fmt, ...)
{
    char args[4096], cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "cd %s && { %s; }", dir, args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* name in dir written with len bytes of content (a failed write fails the test). */
static inline void write_bytes(const char *name, const char *content, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* name in dir written with the string content. */
static inline void write_file(const char *name, const char *content)
{
    write_bytes(name, content, strlen(content));
}

/* name in dir read whole (malloc'd, NUL-terminated; a failed read fails the test). */
static inline char *read_back(const char *name)
{
    char path[512], *text;
    size_t len;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(mz_read_file(path, 0, &text, &len, NULL), MZ_OK);
    return text;
}

#endif
