/* common.c — exit codes, error printing and defaults shared by the commands. */
#include "cli/cli.h"

#include "text/text.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Writes s to stderr, escaping what a terminal would act on. */
static void put_safe(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        int n = mz_utf8_decode(s, len, i, &cp);
        if (n > 0 && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)) {
            fwrite(s + i, 1, (size_t)n, stderr);
            i += (size_t)n;
        } else { /* a control, or an invalid byte: one byte at a time */
            fprintf(stderr, "\\x%02x", (unsigned char)s[i]);
            i++;
        }
    }
}

static void verror(const char *cmd, const char *fmt, va_list ap)
{
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    fprintf(stderr, cmd ? "mizan %s: " : "mizan: ", cmd);
    put_safe(msg);
    fputc('\n', stderr);
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(cmd, fmt, ap);
    va_end(ap);
}

int cli_fail(const char *cmd, const mz_error *err)
{
    cli_error(cmd, "%s", err->msg[0] ? err->msg : mz_status_name(err->code));
    return cli_exit_code(err->code);
}

static void append(mz_error *err, const char *advice)
{
    size_t n = strlen(err->msg);
    snprintf(err->msg + n, sizeof err->msg - n, "%s", advice); /* ASCII: cut anywhere */
}

void cli_advise_db(const char *path, mz_error *err)
{
    struct stat st;
    if (!path || !err)
        return;
    if (!*path && err->code == MZ_ERR_ARG)
        append(err, " (--db \"\")");
    else if (err->code == MZ_ERR_NOT_FOUND)
        append(err, " (create it with 'mizan ingest')");
    else if (err->code == MZ_ERR_DB_CORRUPT && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
             st.st_size == 0)
        append(err, " (create one with 'mizan ingest')");
}

void cli_advise_model(const char *flag, mz_error *err)
{
    if (err && !flag && err->code == MZ_ERR_MODEL)
        append(err, " (or give --model FILE; make model trains one)");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(cmd, fmt, ap);
    va_end(ap);
    fprintf(stderr, "(see 'mizan %s --help')\n", cmd);
    return EXIT_USAGE;
}

int cli_option_error(const char *cmd, int c, char **argv)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
    /* An unknown letter inside a cluster ("-kx", "-الجيش") leaves optind on
     * its argument; at a cluster's end getopt has moved past it. */
    const char *cur = argv[optind];
    const char *arg = optopt && cur && cur[0] == '-' && cur[1] && cur[1] != '-' &&
                              strchr(cur + 1, optopt)
                          ? cur
                          : argv[optind - 1];
    if (!strncmp(arg, "--", 2)) {
        int name_len = (int)strcspn(arg, "=");
        /* optopt is the option's own code when it exists: then it was given
         * a value it does not take ("--json=1" read "unknown option '-j'",
         * "--cv=1" "unknown option '-\x03'") */
        if (optopt && arg[name_len] == '=')
            return cli_usage_error(cmd, "option '%.*s' takes no value", name_len, arg);
        return cli_usage_error(cmd, "unknown option '%.*s'", name_len, arg);
    }
    if (optopt > ' ' && optopt < 0x7f)
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    /* not a letter: an argument that starts with '-' (a query "-الجيش") */
    return cli_usage_error(cmd, "unknown option '%s' (put '--' before an argument that starts "
                                "with '-')", arg);
}

bool cli_parse_number(const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)*s)) /* strtoll would take " 5" and "+5" (not "5 ") */
        return false;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool cli_parse_id(const char *s, int64_t *out)
{
    long long v;
    if (!cli_parse_number(s, 1, INT64_MAX, &v))
        return false;
    *out = (int64_t)v;
    return true;
}

const char *cli_db_path(const char *flag)
{
    if (flag) /* even "": the store then refuses it, rather than using ./mizan.db */
        return flag;
    const char *env = getenv("MIZAN_DB");
    if (env && *env)
        return env;
    return "mizan.db";
}

bool cli_colour(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no && *no);
}
