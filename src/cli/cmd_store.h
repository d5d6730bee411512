/* cmd_store.h — helpers shared by the store commands (ingest, search, show,
 * stats). */
#ifndef MZ_CLI_CMD_STORE_H
#define MZ_CLI_CMD_STORE_H

#include "mizan.h"

#include <stddef.h>

/* How long a command waits for another writer by default, in seconds
 * (MIZAN_BUSY_TIMEOUT overrides it): a batch job's delete or ingest waits
 * for the ingest before it; the server's requests wait 2 s (db.h). */
#define CLI_BUSY_TIMEOUT_S 60

/* Opens the store (--db, $MIZAN_DB or ./mizan.db) with mz_db_open's flags,
 * waiting MIZAN_BUSY_TIMEOUT for another writer (on a terminal, a wait of a
 * second or more is told once on stderr as "mizan CMD: ..."); a missing one
 * is MZ_ERR_DB (exit 4) with a hint, not "not found"; a bad
 * MIZAN_BUSY_TIMEOUT is MZ_ERR_ARG (exit 2). */
mz_status cli_open(const char *cmd, const char *db_flag, int flags, mz_db **db, mz_error *err);
/* Opens an existing store (--db, $MIZAN_DB or ./mizan.db) for a reading
 * command; a missing one is MZ_ERR_DB (exit 4) with a hint, not "not found". */
mz_status cli_open_existing(const char *cmd, const char *db_flag, mz_db **db, mz_error *err);
/* The same for a command that only reads (check, stance --id): opened
 * read-only, after upgrading an older store's schema. */
mz_status cli_open_reader(const char *cmd, const char *db_flag, mz_db **db, mz_error *err);

/* The flags of the reading commands (search, show, stats): --db PATH,
 * --json, -h/--help, and -k N when k is non-NULL. On return optind is the
 * first operand. Returns -1 to go on, or the exit code to end with: 0 after
 * printing help (to stdout), 2 after a bad flag (message on stderr). */
int cli_reader_flags(int argc, char **argv, const char *cmd, const char *help,
                     const char **db_flag, int *json, size_t *k);

#endif
