/* cli_run.h — run() and sh() for the CLI tests that work in a temporary
 * folder of their own (tests/cli/test_tools.c, test_files.c, test_list.c).
 * The including file defines, before it includes this, `dir` (that folder)
 * and `bin` (the mizan binary, as cli_bin() or MIZAN_BIN gives it). */
#ifndef MZ_TEST_CLI_RUN_H
#define MZ_TEST_CLI_RUN_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "shell_output.h"

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

#endif
