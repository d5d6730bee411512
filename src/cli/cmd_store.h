/* cmd_store.h — helpers shared by the store commands (ingest, search, show,
 * stats). */
#ifndef MZ_CLI_CMD_STORE_H
#define MZ_CLI_CMD_STORE_H

#include "mizan.h"

#include <stddef.h>

/* Opens an existing store (--db, $MIZAN_DB or ./mizan.db) for a reading
 * command; a missing one is MZ_ERR_DB (exit 4) with a hint, not "not found". */
mz_status cli_open_existing(const char *db_flag, mz_db **db, mz_error *err);

/* Parses -k: 1..10000. Returns 0, or -1 when s is not such a number. */
int cli_parse_k(const char *s, size_t *k);

#endif
