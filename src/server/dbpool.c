/* dbpool.c — a fixed set of mz_db connections handed out one thread at a time. */
#include "server/dbpool.h"

#include "util/util.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct srv_dbpool {
    pthread_mutex_t writer; /* held by the one request writing */
    pthread_mutex_t mu;
    pthread_cond_t freed;
    mz_db **all;  /* every connection, for closing */
    mz_db **idle; /* stack of connections not borrowed */
    size_t n, n_idle;
};

mz_status srv_dbpool_open(const char *path, int flags, size_t n, srv_dbpool **out,
                          mz_error *err)
{
    *out = NULL;
    if (n == 0)
        return mz_fail(err, MZ_ERR_ARG, "database pool needs at least one connection");
    srv_dbpool *p = calloc(1, sizeof *p);
    if (!p || !(p->all = calloc(n, sizeof *p->all)) || !(p->idle = calloc(n, sizeof *p->idle))) {
        if (p)
            free(p->all);
        free(p);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    pthread_mutex_init(&p->writer, NULL);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->freed, NULL);
    /* The first open creates and migrates the file; the others find it ready. */
    for (size_t i = 0; i < n; i++) {
        mz_status s = mz_db_open(path, flags, &p->all[i], err);
        if (s != MZ_OK) {
            p->n = i;
            srv_dbpool_close(p);
            return s;
        }
        p->idle[i] = p->all[i];
    }
    p->n = p->n_idle = n;
    *out = p;
    return MZ_OK;
}

mz_db *srv_dbpool_acquire(srv_dbpool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->n_idle == 0)
        pthread_cond_wait(&p->freed, &p->mu);
    mz_db *db = p->idle[--p->n_idle];
    pthread_mutex_unlock(&p->mu);
    return db;
}

void srv_dbpool_release(srv_dbpool *p, mz_db *db)
{
    pthread_mutex_lock(&p->mu);
    p->idle[p->n_idle++] = db;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

mz_db *srv_dbpool_acquire_writer(srv_dbpool *p)
{
    pthread_mutex_lock(&p->writer);
    return srv_dbpool_acquire(p);
}

void srv_dbpool_release_writer(srv_dbpool *p, mz_db *db)
{
    srv_dbpool_release(p, db);
    pthread_mutex_unlock(&p->writer);
}

void srv_dbpool_close(srv_dbpool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        mz_db_close(p->all[i]);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->mu);
    pthread_mutex_destroy(&p->writer);
    free(p->all);
    free(p->idle);
    free(p);
}
