/* main.c — `mizan`: dispatches to one command per file (cmd_*.c). */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"ingest", cmd_ingest, "ingest [--db PATH] [--on-error abort|skip] [--max-bytes N] [--json] [--quiet] PATH...|-"},
    {"search", cmd_search, "search [--db PATH] [-k N] [--offset N] [--json] QUERY..."},
    {"show", cmd_show, "show [--db PATH] [--json] ID"},
    {"list", cmd_list, "list [--db PATH] [--source SITE] [-n N] [--offset N] [--json]"},
    {"stats", cmd_stats, "stats [--db PATH] [--json]"},
    {"export", cmd_export, "export [--db PATH] > articles.jsonl"},
    {"delete", cmd_delete, "delete [--db PATH] [--json] ID..."},
    {"stance", cmd_stance, "stance --claim TEXT (--article FILE | --id ID [--db PATH]) [--title T] [--model M] [--json]"},
    {"train", cmd_train, "train --data FILE.jsonl[,FILE2...] (--out MODEL | --cv [--json]) [OPTIONS]"},
    {"eval", cmd_eval, "eval --data FILE.jsonl[,FILE2...] [--model M] [--json] [--predictions OUT.jsonl]"},
    {"check", cmd_check, "check [--db PATH] [-k N] [--format F | --json] [--model M] (CLAIM | --claims FILE)"},
    {"eval-claims", cmd_eval_claims, "eval-claims --data FILE.jsonl [--model M] [--json] [-k N] [--sweep [--verbose]]"},
    {"serve", cmd_serve, "serve [--db PATH] [--host H] [--port P] [--threads N] [--read-only] [OPTIONS]"},
};

static void usage(FILE *f)
{
    fprintf(f, "mizan %s — weighs Arabic news against a claim\n\nusage:\n", mz_version());
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  mizan %s\n", commands[i].summary);
    fprintf(f, "\nThe database is --db, else $MIZAN_DB, else ./mizan.db. "
               "Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input, 4 database, "
               "5 not found, 6 model.\n"
               "'mizan COMMAND --help' lists a command's flags.\n");
}

/* A command's output that could not be written (a full disk, a closed
 * descriptor) is a failure, not a success: stdout is buffered, so the error
 * may only show when it is flushed at the end. */
static int flushed(const char *cmd, int code)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && code != EXIT_OK_)
        return code; /* the command failed and said why (export: the same write error) */
    if (ferror(stdout)) {
        cli_error(cmd, "cannot write the output: %s", errno ? strerror(errno) : "write error");
        return code == EXIT_OK_ ? EXIT_FAIL : code;
    }
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "help") || !strcmp(name, "--help") || !strcmp(name, "-h")) {
        usage(stdout);
        return flushed(NULL, EXIT_OK_);
    }
    if (!strcmp(name, "--version") || !strcmp(name, "version")) {
        printf("mizan %s\n", mz_version()); /* the library's: one number for both */
        return flushed(NULL, EXIT_OK_);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name))
            return flushed(name, commands[i].run(argc - 1, argv + 1));
    cli_error(NULL, "unknown command '%s'", name);
    fputc('\n', stderr);
    usage(stderr);
    return EXIT_USAGE;
}
