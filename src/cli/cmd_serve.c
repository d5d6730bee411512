/* cmd_serve.c — `mizan serve`: the HTTP JSON API and the web page. Runs until
 * SIGINT or SIGTERM, then finishes the requests in flight and closes the
 * database cleanly. */
#include "cli/cli.h"

#include "server/server.h"

#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: mizan serve [--db PATH] [--host H] [--port P] [--threads N] [--read-only]\n"
    "                   [--model M] [--max-body BYTES] [--per-ip-limit N] [--web DIR] [--quiet]\n"
    "Serves the HTTP JSON API (/api/check, /api/stance, /api/articles,\n"
    "/api/search, /api/health) and the web page at /, until SIGINT or SIGTERM.\n"
    "  --db PATH           the database, created if missing unless --read-only\n"
    "                      (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --host H            the address to bind (default 127.0.0.1: loopback; bind\n"
    "                      another only behind a proxy you trust)\n"
    "  --port P            TCP port, 0..65535 (default 8080; 0 picks a free one)\n"
    "  --threads N         worker threads, 1..256 (default: one per CPU, at most 64)\n"
    "  --read-only         open the store read-only: adding and deleting answer 403\n"
    "  --model M           the stance model (default: $MIZAN_MODEL, else the\n"
    "                      installed or shipped stance.model)\n"
    "  --max-body BYTES    request body limit, 1..1073741824 (default 1048576)\n"
    "  --per-ip-limit N    connections at once from one address, 0..1000\n"
    "                      (default 0: no limit)\n"
    "  --web DIR           the static files (default: $MIZAN_WEB, else web/ beside\n"
    "                      the program, else its installed share/mizan/web)\n"
    "  --quiet             no access log on stderr\n"
    "  -h, --help          this help\n"
    "Exit codes: 0 stopped by SIGINT or SIGTERM, 1 address in use, a stop not\n"
    "ended within 30 s, or other failure, 2 usage, 4 database cannot be opened\n"
    "(or missing, with --read-only), 6 model missing, corrupt or of another\n"
    "version.\n";

static void log_stderr(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "%s\n", line);
}

enum { STOP_GRACE_MS = 10000, STOP_LIMIT_S = 30 };

/* A safety net: a stop that never ends would keep the process (and its
 * port) for good. It did, at the connection limit, while the stop handed
 * libmicrohttpd 0.9.75 more queued connections than a worker had room for
 * (a worker then waits on a mutex it holds: server.c, feed_backlog). Past
 * the grace period and a margin for the requests still running, the
 * process ends here: what the store holds is committed or rolled back by
 * SQLite either way. */
static void *stop_watchdog(void *arg)
{
    (void)arg;
    struct timespec t = {STOP_LIMIT_S, 0};
    while (nanosleep(&t, &t) != 0)
        ;
    static const char msg[] = "mizan serve: the server did not stop within 30 s; exiting\n";
    ssize_t w = write(2, msg, sizeof msg - 1); /* nothing to do if stderr is gone */
    (void)w;
    _exit(EXIT_FAILURE);
}

int cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},      {"host", required_argument, NULL, 'H'},
        {"port", required_argument, NULL, 'p'},    {"threads", required_argument, NULL, 't'},
        {"read-only", no_argument, NULL, 'r'},     {"model", required_argument, NULL, 'm'},
        {"max-body", required_argument, NULL, 'b'}, {"web", required_argument, NULL, 'w'},
        {"quiet", no_argument, NULL, 'q'},         {"help", no_argument, NULL, 'h'},
        {"per-ip-limit", required_argument, NULL, 'i'},
        {NULL, 0, NULL, 0}};
    const char *db = NULL;
    mz_server_options opt = {.host = "127.0.0.1", .port = MZ_SERVER_DEFAULT_PORT,
                             .log = log_stderr};
    long long v = 0;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'H': opt.host = optarg; break;
        case 'p':
            if (!cli_parse_number(optarg, 0, 65535, &v))
                return cli_usage_error("serve", "--port must be 0..65535, got '%s'", optarg);
            opt.port = (unsigned)v;
            break;
        case 't':
            if (!cli_parse_number(optarg, 1, 256, &v))
                return cli_usage_error("serve", "--threads must be 1..256, got '%s'", optarg);
            opt.threads = (unsigned)v;
            break;
        case 'r': opt.read_only = true; break;
        case 'm': opt.model_path = optarg; break;
        case 'b':
            if (!cli_parse_number(optarg, 1, 1LL << 30, &v))
                return cli_usage_error("serve", "--max-body must be 1..%lld bytes, got '%s'",
                                       1LL << 30, optarg);
            opt.max_body = (size_t)v;
            break;
        case 'i':
            if (!cli_parse_number(optarg, 0, MZ_SERVER_DEFAULT_MAX_CONNECTIONS, &v))
                return cli_usage_error("serve", "--per-ip-limit must be 0..%d, got '%s'",
                                       MZ_SERVER_DEFAULT_MAX_CONNECTIONS, optarg);
            opt.per_ip_limit = (unsigned)v;
            break;
        case 'w': opt.web_root = optarg; break;
        case 'q': opt.log = NULL; break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("serve", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    opt.db_path = cli_db_path(db);

    /* Block the stop signals before any worker thread exists, so they all
     * inherit the mask and only sigwait() below sees SIGINT/SIGTERM. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    mz_server *srv = NULL;
    mz_error err = {0};
    if (mz_server_start(&opt, &srv, &err) != MZ_OK) {
        cli_advise_db(opt.db_path, &err);
        cli_advise_model(opt.model_path, &err);
        if (err.code == MZ_ERR_NOT_FOUND) /* --read-only: a missing store is exit 4, as for every command */
            err.code = MZ_ERR_DB;
        return cli_fail("serve", &err);
    }
    const char *web = mz_server_web_root(srv);
    bool v6 = strchr(opt.host, ':') != NULL;
    fprintf(stderr, "mizan serve: http://%s%s%s:%u/ (%u threads, db %s%s)%s\n", v6 ? "[" : "",
            opt.host, v6 ? "]" : "", mz_server_port(srv), mz_server_threads(srv), opt.db_path,
            opt.read_only ? ", read-only" : "", *web ? "" : " (no web/ folder found: API only)");
    fflush(stderr);

    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "mizan serve: %s received, finishing requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    pthread_t dog;
    if (pthread_create(&dog, NULL, stop_watchdog, NULL) == 0)
        pthread_detach(dog);
    mz_server_stop(srv, STOP_GRACE_MS);
    fprintf(stderr, "mizan serve: stopped\n");
    return EXIT_OK_;
}
