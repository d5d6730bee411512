/* stop_churn.c — stops mizan's server while clients open and drop
 * connections at its connection limit (16, 4 threads), over and over in
 * one process: the reproduction of libmicrohttpd 0.9.75's quiesce abort
 * under epoll and of the stop that hung (README, "HTTP API"). Exits 0 after
 * ROUNDS clean stops, 3 when a stop has not ended within 20 s; an abort
 * ends it with SIGABRT. Built and run by bench/stop_churn.sh. */
#include "server/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { HELD = 40, CLIENTS = 3 };
static atomic_bool done;
static unsigned port;

/* Opens connections that send nothing, dropping the oldest past HELD. */
static void *churn(void *arg)
{
    (void)arg;
    int held[HELD], n = 0;
    while (!atomic_load(&done)) {
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (fd < 0)
            break;
        struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        (void)connect(fd, (struct sockaddr *)&to, sizeof to);
        if (n == HELD) {
            close(held[0]);
            memmove(held, held + 1, (HELD - 1) * sizeof *held);
            n--;
        }
        held[n++] = fd;
        usleep(200);
    }
    for (int i = 0; i < n; i++)
        close(held[i]);
    return NULL;
}

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(20);
    fputs("stop_churn: a stop has not ended within 20 s\n", stderr);
    _exit(3);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: stop_churn STORE.db MODEL ROUNDS\n", stderr);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    srand((unsigned)getpid());
    for (int r = 0; r < atoi(argv[3]); r++) {
        mz_server_options o = {.db_path = argv[1], .model_path = argv[2], .threads = 4,
                               .max_connections = 16};
        mz_server *s = NULL;
        mz_error err = {0};
        if (mz_server_start(&o, &s, &err) != MZ_OK) {
            fprintf(stderr, "stop_churn: %s\n", err.msg);
            return 1;
        }
        port = mz_server_port(s);
        atomic_store(&done, false);
        pthread_t t[CLIENTS], w;
        for (int i = 0; i < CLIENTS; i++)
            pthread_create(&t[i], NULL, churn, NULL);
        struct timespec ts = {0, (20 + rand() % 60) * 1000000L};
        nanosleep(&ts, NULL);
        pthread_create(&w, NULL, watchdog, NULL);
        mz_server_stop(s, 1000);
        pthread_cancel(w);
        pthread_join(w, NULL);
        atomic_store(&done, true);
        for (int i = 0; i < CLIENTS; i++)
            pthread_join(t[i], NULL);
    }
    return 0;
}
