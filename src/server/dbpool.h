/*
 * dbpool.h — a fixed pool of database connections shared by the worker
 * threads. SQLite connections must not be used by two threads at once; with
 * one connection per worker, acquire never waits in practice, and WAL lets
 * the readers run concurrently with a writer.
 */
#ifndef MZ_SERVER_DBPOOL_H
#define MZ_SERVER_DBPOOL_H

#include "mizan.h"

#include <stddef.h>

typedef struct srv_dbpool srv_dbpool;

/* Opens n connections to path with the given mz_db_open flags. */
mz_status srv_dbpool_open(const char *path, int flags, size_t n, srv_dbpool **out,
                          mz_error *err);
/* Borrows a connection, waiting if all are in use. */
mz_db *srv_dbpool_acquire(srv_dbpool *p);
void srv_dbpool_release(srv_dbpool *p, mz_db *db);
/* The same for a request that writes: writers take turns inside the process.
 * SQLite lets one writer in at a time anyway, but through its busy handler,
 * which sleeps and retries and gave up after MZ_BUSY_TIMEOUT_MS under a
 * dozen concurrent batches of the server's own clients (503 "locked").
 * Queued here, they wait for each other without a limit; the busy timeout
 * then only bounds waiting for another process. */
mz_db *srv_dbpool_acquire_writer(srv_dbpool *p);
void srv_dbpool_release_writer(srv_dbpool *p, mz_db *db);
/* Closes every connection; none may be borrowed. NULL is a no-op. */
void srv_dbpool_close(srv_dbpool *p);

#endif /* MZ_SERVER_DBPOOL_H */
