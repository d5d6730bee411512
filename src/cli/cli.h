/*
 * cli.h — shared pieces of the `mizan` command-line front end: the command
 * table, exit codes and error printing. Only the CLI decides exit codes.
 */
#ifndef MZ_CLI_H
#define MZ_CLI_H

#include "mizan.h"

/* Exit codes (documented in the README). */
enum {
    EXIT_OK_ = 0,
    EXIT_FAIL = 1,     /* runtime failure not covered below (out of memory, I/O) */
    EXIT_USAGE = 2,    /* unknown command or flag, missing or bad argument */
    EXIT_INPUT = 3,    /* bad input: invalid UTF-8, empty, binary, too large, bad JSON */
    EXIT_DB = 4,       /* database missing, locked, read-only or corrupt */
    EXIT_NOTFOUND = 5, /* no such article or file */
    EXIT_MODEL = 6     /* stance model missing, corrupt or of another version */
};

/* Maps a library status to the process exit code. */
int cli_exit_code(mz_status s);

/* Prints "mizan CMD: message" (cmd NULL: "mizan: message") and a newline to
 * stderr. Messages quote file names, flags and input, so control bytes, C1
 * controls and invalid UTF-8 are written \xNN: a name holding "\e[2J" must
 * not drive the terminal. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* cli_error with err's message; returns cli_exit_code(err->code). */
int cli_fail(const char *cmd, const mz_error *err);
/* cmd_stance.c: loads --model (or the default); any failure but out of
 * memory is EXIT_MODEL (6), whatever the command. */
int cli_load_model(const char *cmd, const char *path, mz_model **m);

/* output_path.c: whether path can be written as an output file, checked
 * before the work (stat and access only, nothing created): a directory, a
 * folder that does not exist or cannot take a new file is said as
 * "cannot write WHAT 'PATH': reason" (what may be NULL) and gives
 * EXIT_FAIL, the exit of the write that would fail later; else EXIT_OK_.
 * A write can still fail (a full disk): the caller checks it as before. */
int cli_output_writable(const char *cmd, const char *what, const char *path);

/* The CLI's advice after a library failure: the flag or command that helps,
 * which the library, having no flags, does not name. Each appends it to
 * err->msg (cut if the message is full) when it applies, else does nothing.
 * cli_advise_db: after opening the store at path failed (an empty --db, a
 * missing or empty file: create it with 'mizan ingest').
 * cli_advise_model: after loading the model failed; flag is --model's value
 * (NULL when not given). */
void cli_advise_db(const char *path, mz_error *err);
void cli_advise_model(const char *flag, mz_error *err);

/* print_json.c: prints j (cJSON *, NULL when building it ran out of memory;
 * freed here) and a newline on stdout, pretty or compact; when j is NULL or
 * printing it runs out of memory, says "out of memory" and returns
 * EXIT_FAIL, else EXIT_OK_. Every command's JSON goes through it. */
struct cJSON;
int cli_print_json(const char *cmd, struct cJSON *j, int pretty);

/* Prints "mizan CMD: message" plus a usage hint and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The message and exit code for getopt's ':' (missing value) and '?'
 * (unknown option), with opterr = 0 and a leading ':' in the optstring:
 * every command reports a bad flag the same way, and getopt prints nothing. */
int cli_option_error(const char *cmd, int c, char **argv);

/* A whole number from lo to hi written in decimal digits alone: not "",
 * " 5", "+5", "5 ", "-3", "1e3" or "0x10". Every numeric flag reads its
 * value this way, as the HTTP API does (-k " 5" was taken by the CLI and
 * refused by the API). */
bool cli_parse_number(const char *s, long long lo, long long hi, long long *out);
/* An article id: a positive decimal that fits in int64 (not "", "12x",
 * "-3", "0" or 20 digits). */
bool cli_parse_id(const char *s, int64_t *out);

/* The database path: the --db flag if given (even "", which the store
 * refuses), else $MIZAN_DB if set and not empty, else ./mizan.db. */
const char *cli_db_path(const char *flag);

/* Whether standard output gets ANSI colours: a terminal, and no NO_COLOR
 * (set and not empty, as no-color.org asks) in the environment. */
bool cli_colour(void);

/* claims_line.c: the claim of one `check --claims` line (NUL-terminated, no
 * newline): the line itself, or the "claim" string of a line that is a JSON
 * object; then *tree is the parsed cJSON tree holding it (free it with
 * cJSON_Delete), else NULL. Error (MZ_ERR_JSON, "line N: ..."): malformed
 * JSON, text after the object, or no "claim" string. */
mz_status cli_claim_of_line(char *line, size_t line_no, char **claim, void **tree, mz_error *err);

/* Commands: each parses its own flags (getopt_long) and returns an exit code. */
/* places_line.c: "  (also at SITE, SITE and N more)", the distinct sites
 * of an article's other places, the earliest recorded first, those of the
 * site skip (may be NULL) left out; nothing when none. */
struct mz_places;
struct mz_place;
void cli_print_place_sites(const struct mz_places *p, const char *skip);
/* "  (an exact copy at URL, DATE)": why `list --source` lists a row. */
void cli_print_copy_at(const struct mz_place *p);

int cmd_ingest(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_delete(int argc, char **argv);
int cmd_stance(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_eval_claims(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif /* MZ_CLI_H */
