/* cmd_ingest.c — `mizan ingest [--db PATH] [--on-error abort|skip]
 * [--max-bytes N] [--json] [--quiet] PATH...|-`: files, directories, JSONL
 * and stdin into the store, in one transaction. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ingest_ui {
    int json, quiet, skip;
    size_t good; /* items stored or duplicates before a rollback undid them */
    char *const *paths; /* the paths given */
    size_t n_paths;
    bool inner; /* a failed item lies inside a path given: a line, a feed's item, a folder's file */
    const char *inner_of; /* the path given that holds the last such item */
    cJSON *errors; /* --json: the failed items */
    cJSON *warnings; /* --json: items stored with a warning */
    bool lost; /* --json: an item of errors could not be built whole */
} ingest_ui;

/* File names and messages naming them need not be valid UTF-8; JSON must be.
 * False when out of memory (nothing added). */
static bool add_string(cJSON *obj, const char *name, const char *s)
{
    char *fixed = mz_utf8_repair(s);
    bool ok = fixed && cJSON_AddStringToObject(obj, name, fixed);
    free(fixed);
    return ok;
}

/* The CLI's advice for an item's failure (the library names no flag). */
static const char *advice(mz_status status)
{
    return status == MZ_ERR_TOO_LARGE ? " (see --max-bytes)" : "";
}

/* msg followed by the advice for status, into obj[name]. */
static bool add_message(cJSON *obj, const char *name, const char *msg, mz_status status)
{
    char full[sizeof ((mz_error *)0)->msg + 32];
    snprintf(full, sizeof full, "%s%s", msg, advice(status));
    return add_string(obj, name, full);
}

static void on_item(void *ctx, const char *origin, mz_status status, const char *msg)
{
    ingest_ui *ui = ctx;
    if (status == MZ_OK && *msg) { /* stored, with something to say of it */
        if (ui->json) {
            cJSON *w = cJSON_CreateObject();
            if (!w || !add_string(w, "origin", origin) || !add_string(w, "message", msg) ||
                !cJSON_AddItemToArray(ui->warnings, w)) {
                cJSON_Delete(w);
                ui->lost = true;
            }
        } else if (!ui->quiet) {
            cli_error("ingest", "warning: %s", msg);
        }
    }
    if (status == MZ_OK || status == MZ_ERR_DUPLICATE) {
        ui->good++;
        return;
    }
    bool given = false;
    for (size_t i = 0; i < ui->n_paths && !given; i++)
        given = !strcmp(origin, strcmp(ui->paths[i], "-") ? ui->paths[i] : "stdin");
    ui->inner |= !given;
    for (size_t i = 0; i < ui->n_paths && !given; i++) {
        size_t n = strlen(ui->paths[i]);
        if (!strncmp(origin, ui->paths[i], n))
            ui->inner_of = ui->paths[i];
    }
    if (ui->json) {
        cJSON *e = cJSON_CreateObject();
        if (!e || !add_string(e, "origin", origin) ||
            !cJSON_AddStringToObject(e, "error", mz_status_name(status)) ||
            !add_message(e, "message", msg, status) || !cJSON_AddItemToArray(ui->errors, e)) {
            cJSON_Delete(e);
            ui->lost = true; /* the report would miss this item: none is printed */
        }
    } else if (!ui->quiet && ui->skip && cli_exit_code(status) != EXIT_DB) {
        /* Skipped items are told here. An abort (any item when not skipping;
         * a store error, a full disk, even when skipping) is told once, by
         * the final message. */
        cli_error("ingest", "%s%s", msg, advice(status));
    }
}

/* How many files ingest would read in folder dir (hidden ones and those
 * mz_walk_skip names aside), counted up to `enough`. */
static size_t files_in(const char *dir, size_t enough, int depth)
{
    DIR *d = depth < 32 ? opendir(dir) : NULL;
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    char path[4200];
    while (n < enough && (e = readdir(d))) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] == '.' || mz_walk_skip(dir, e->d_name) || stat(path, &st) != 0)
            continue;
        n += S_ISDIR(st.st_mode) ? files_in(path, enough - n, depth + 1) : 1;
    }
    closedir(d);
    return n;
}

/* Whether an abort left good items to keep with --on-error skip: stored
 * before the bad one, or unread after it (another path, more lines or items
 * of this one, other files of its folder; not a folder of that one file). */
static bool others_to_keep(const ingest_ui *ui)
{
    if (ui->good || ui->n_paths > 1)
        return true;
    if (!ui->inner)
        return false;
    struct stat st;
    if (ui->inner_of && stat(ui->inner_of, &st) == 0 && S_ISDIR(st.st_mode))
        return files_in(ui->inner_of, 2, 0) > 1;
    return true;
}

/* "5000000", "512K", "5M", "1G". */
static int parse_bytes(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)*s)) /* " 5M", "+5M", "-5M": digits alone, as every number */
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    unsigned long long mult = 1;
    if (*end == 'k' || *end == 'K')
        mult = 1024ULL, end++;
    else if (*end == 'm' || *end == 'M')
        mult = 1024ULL * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mult = 1024ULL * 1024 * 1024, end++;
    if (*end || v == 0 || v > (unsigned long long)SIZE_MAX / mult)
        return -1;
    *out = (size_t)(v * mult);
    return 0;
}

static const char help[] =
    "usage: mizan ingest [--db PATH] [--on-error abort|skip] [--max-bytes N] [--json] [--quiet] PATH...|-\n"
    "Stores articles: plain-text files (title = first non-empty line), saved web\n"
    "pages (*.html: the story, its title, address and site), *.jsonl (one object\n"
    "a line: \"text\" or \"html\" required; \"title\", \"url\", \"source\",\n"
    "\"published\", \"author\" optional), *.json (an array of such objects, or\n"
    "one), RSS and Atom feeds (each item an article), directories (recursively)\n"
    "and - (stdin: JSONL, a JSON array, a feed, a web page or one text, told\n"
    "apart by how it starts; so is a pipe given by name, <(cmd)).\n"
    "The whole run is one transaction; exact duplicates are skipped (one from\n"
    "another URL or site is kept as another place the article was published:\n"
    "'skipped 1 (duplicates, 1 at a new place)', shown by mizan show).\n"
    "  --db PATH            the database, created if missing (default: $MIZAN_DB,\n"
    "                       else ./mizan.db)\n"
    "  --on-error abort     the first bad item rolls everything back (default)\n"
    "  --on-error skip      report bad items, keep the good ones\n"
    "  --max-bytes N        size limit per article (a file, a JSONL text, a feed's\n"
    "                       item): bytes, or 512K, 5M, 1G (default 5M)\n"
    "  --json               the report as JSON: {\"ok\",\"added\",\"skipped\",\n"
    "                       \"new_places\",\"failed\",\"bytes\",\"rolled_back\",\"errors\":[...],\n"
    "                       \"warnings\":[...]}\n"
    "  -q, --quiet          no per-item messages with --on-error skip, no warnings\n"
    "  -h, --help           this help\n"
    "Exit codes: 0 ok, 2 usage, 3 bad input (invalid UTF-8, empty, binary, too\n"
    "large, bad JSON), 4 database missing, locked, read-only or corrupt, 5 no\n"
    "such file (with abort), 1 other failure (I/O, out of memory).\n"
    "Another writer is waited for up to 60 s ($MIZAN_BUSY_TIMEOUT seconds; said\n"
    "once on a terminal). A run that creates the database and stores nothing\n"
    "leaves none.\n";

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},       {"on-error", required_argument, NULL, 'e'},
        {"max-bytes", required_argument, NULL, 'm'}, {"json", no_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_flag = NULL;
    mz_ingest_options opt = {0};
    ingest_ui ui = {0};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_flag = optarg; break;
        case 'e':
            if (!strcmp(optarg, "abort"))
                opt.on_error = MZ_ON_ERROR_ABORT;
            else if (!strcmp(optarg, "skip"))
                opt.on_error = MZ_ON_ERROR_SKIP;
            else
                return cli_usage_error("ingest", "--on-error must be 'abort' or 'skip', not '%s'", optarg);
            break;
        case 'm':
            if (parse_bytes(optarg, &opt.max_bytes) != 0)
                return cli_usage_error("ingest", "--max-bytes needs a positive size (e.g. 5000000, 512K, 5M), not '%s'", optarg);
            break;
        case 'j': ui.json = 1; break;
        case 'q': ui.quiet = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("ingest", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("ingest", "no files to ingest (give files, directories, *.jsonl or - for stdin)");

    mz_error err = {0};
    mz_db *db;
    struct stat st;
    /* lstat: a dangling symbolic link is something of the user's, not to remove */
    bool existed = lstat(cli_db_path(db_flag), &st) == 0 || errno != ENOENT;
    if (cli_open("ingest", db_flag, 0, &db, &err) != MZ_OK)
        return cli_fail("ingest", &err);
    if (ui.json && (!(ui.errors = cJSON_CreateArray()) || !(ui.warnings = cJSON_CreateArray()))) {
        cJSON_Delete(ui.errors);
        mz_db_close(db);
        cli_error("ingest", "out of memory");
        return EXIT_FAIL;
    }
    ui.skip = opt.on_error == MZ_ON_ERROR_SKIP;
    ui.paths = argv + optind;
    ui.n_paths = (size_t)(argc - optind);
    opt.on_item = on_item;
    opt.ctx = &ui;
    mz_ingest_report rep;
    size_t places = 0; /* duplicates from another URL or site, recorded (places.c) */
    mz_status s = mz_ingest_paths_places(db, (const char *const *)argv + optind,
                                         (size_t)(argc - optind), &opt, &rep, &places, &err);
    /* A run that made the store and kept nothing leaves no store: the next
     * command says "no such database", not "no articles". */
    bool gone = false;
    mz_error derr;
    /* so did one whose store was removed meanwhile by a first ingest that
     * stored nothing, and that made it again (db.h: mz_db_begin_fresh) */
    if ((!existed || db->remade) && rep.added == 0)
        mz_db_discard_if_empty(db, &gone, &derr);
    mz_db_close(db);
    if (ui.json) {
        /* every key or none: an add that fails leaves its key out */
        cJSON *j = cJSON_CreateObject();
        bool ok = j && !ui.lost && cJSON_AddBoolToObject(j, "ok", s == MZ_OK && rep.failed == 0) &&
                  cJSON_AddNumberToObject(j, "added", (double)rep.added) &&
                  cJSON_AddNumberToObject(j, "skipped", (double)rep.skipped) &&
                  cJSON_AddNumberToObject(j, "new_places", (double)places) &&
                  cJSON_AddNumberToObject(j, "failed", (double)rep.failed) &&
                  cJSON_AddNumberToObject(j, "bytes", (double)rep.bytes) &&
                  cJSON_AddBoolToObject(j, "rolled_back", s != MZ_OK);
        if (ok && s != MZ_OK)
            ok = cJSON_AddStringToObject(j, "error", mz_status_name(s)) &&
                 add_message(j, "message", err.msg, s);
        ok = mz_json_add(ok ? j : NULL, "errors", ui.errors) && ok; /* deleted unless added */
        ok = mz_json_add(ok ? j : NULL, "warnings", ui.warnings) && ok;
        j = mz_json_whole(j, ok); /* NULL: cli_print_json says "out of memory" */
        /* the store is as the report would say: only the report is lost */
        int printed = cli_print_json("ingest", j, 1);
        if (printed != EXIT_OK_ && s == MZ_OK)
            return printed;
    }
    if (s != MZ_OK) {
        if (!ui.json) {
            cli_error("ingest", "%s%s", err.msg, advice(s));
            cli_error("ingest", "rolled back, %s%s",
                    gone ? "no database was created" : "the database is unchanged",
                    /* advice only where there were good items to keep */
                    !others_to_keep(&ui) || cli_exit_code(s) == EXIT_DB ? ""
                    : " (use --on-error skip to keep the good items)");
        }
        return cli_exit_code(s);
    }
    if (!ui.json) {
        char more[64] = ""; /* copies that came from a new place: not lost (places.c) */
        if (places)
            snprintf(more, sizeof more, ", %zu at a new place", places);
        printf("added %zu, skipped %zu (duplicates%s), failed %zu%s\n", rep.added, rep.skipped,
               more, rep.failed, gone ? "; nothing stored, no database created" : "");
    }
    return rep.failed ? EXIT_INPUT : EXIT_OK_;
}
