/* cmd_store.c — helpers shared by the store commands (see cmd_store.h). */
#include "cli/cmd_store.h"
#include "cli/cli.h"
#include "store/store.h"
#include "util/util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* MIZAN_BUSY_TIMEOUT: seconds a command waits for another writer (a long
 * ingest holds the write lock to its end). -1 (with a message in err) when
 * it is not a number from 0 to 86400. */
static int busy_ms(mz_error *err)
{
    const char *v = getenv("MIZAN_BUSY_TIMEOUT");
    if (!v || !*v)
        return CLI_BUSY_TIMEOUT_S * 1000;
    /* digits, with a fraction if need be ("0.5"): strtod alone took a
     * blank, a sign, hex and exponents ("0x10" waited 16 s) */
    size_t int_digits = strspn(v, "0123456789"), frac_digits = 0;
    if (v[int_digits] == '.')
        frac_digits = strspn(v + int_digits + 1, "0123456789");
    bool plain = int_digits > 0 && (v[int_digits] == '\0' ||
                                    (v[int_digits] == '.' && frac_digits > 0 &&
                                     v[int_digits + 1 + frac_digits] == '\0'));
    char *end;
    errno = 0;
    double sec = plain ? strtod(v, &end) : -1;
    if (!plain || errno || !(sec >= 0 && sec <= 86400)) {
        mz_fail(err, MZ_ERR_ARG,
                "MIZAN_BUSY_TIMEOUT must be the seconds to wait for another writer, "
                "0 to 86400, not '%s'", v);
        return -1;
    }
    return (int)(sec * 1000 + 0.5);
}

/* On a terminal, a command waiting for another writer says so once, and
 * for how long it will: it used to print nothing for up to a minute. A
 * pipe or a log gets only the outcome. */
static void say_waiting(void *cmd, const char *path, int ms)
{
    cli_error(cmd, "%s is locked by another writer; waiting up to %g s for it "
                   "(MIZAN_BUSY_TIMEOUT)...", path, ms / 1000.0);
}

mz_status cli_open(const char *cmd, const char *db_flag, int flags, mz_db **db, mz_error *err)
{
    int ms = busy_ms(err);
    if (ms < 0)
        return err->code;
    const char *path = cli_db_path(db_flag);
    mz_wait w = {.busy_ms = ms, .on_wait = isatty(STDERR_FILENO) ? say_waiting : NULL,
                 .ctx = (void *)cmd};
    mz_status s = mz_db_open_wait(path, flags, &w, db, err);
    if (s != MZ_OK)
        cli_advise_db(path, err);
    if (s == MZ_ERR_NOT_FOUND) /* a missing database is exit 4, as for every command */
        err->code = s = MZ_ERR_DB;
    return s;
}

mz_status cli_open_existing(const char *cmd, const char *db_flag, mz_db **db, mz_error *err)
{
    return cli_open(cmd, db_flag, MZ_OPEN_NOCREATE, db, err);
}

mz_status cli_open_reader(const char *cmd, const char *db_flag, mz_db **db, mz_error *err)
{
    return cli_open(cmd, db_flag, MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, db, err);
}

int cli_reader_flags(int argc, char **argv, const char *cmd, const char *help,
                     const char **db_flag, int *json, size_t *k)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},     {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, k ? ":k:h" : ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': *db_flag = optarg; break;
        case 'j': *json = 1; break;
        case 'k': {
            long long v;
            if (!cli_parse_number(optarg, 1, 10000, &v))
                return cli_usage_error(cmd, "-k needs a number from 1 to 10000, not '%s'", optarg);
            *k = (size_t)v;
            break;
        }
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error(cmd, c, argv);
        }
    }
    return -1;
}
