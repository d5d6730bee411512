/* common.c — exit codes, error printing and defaults shared by the commands. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int cli_exit_code(mz_status s)
{
    switch (s) {
    case MZ_OK:
        return EXIT_OK_;
    case MZ_ERR_ARG:
        return EXIT_USAGE;
    case MZ_ERR_UTF8:
    case MZ_ERR_EMPTY:
    case MZ_ERR_BINARY:
    case MZ_ERR_TOO_LARGE:
    case MZ_ERR_JSON:
        return EXIT_INPUT;
    case MZ_ERR_DB:
    case MZ_ERR_DB_LOCKED:
    case MZ_ERR_DB_CORRUPT:
    case MZ_ERR_DB_READONLY:
        return EXIT_DB;
    case MZ_ERR_NOT_FOUND:
        return EXIT_NOTFOUND;
    case MZ_ERR_MODEL:
        return EXIT_MODEL;
    case MZ_ERR_DUPLICATE:
    case MZ_ERR_NOMEM:
    case MZ_ERR_IO:
    case MZ_ERR_INTERNAL:
        break;
    }
    return EXIT_FAIL;
}

int cli_fail(const char *cmd, const mz_error *err)
{
    fprintf(stderr, "mizan %s: %s\n", cmd, err->msg[0] ? err->msg : mz_status_name(err->code));
    return cli_exit_code(err->code);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "mizan %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(see 'mizan %s --help')\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_option_error(const char *cmd, int c, char **argv)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
    if (optopt && optopt != '?')
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

const char *cli_db_path(const char *flag)
{
    if (flag && *flag)
        return flag;
    const char *env = getenv("MIZAN_DB");
    if (env && *env)
        return env;
    return "mizan.db";
}
