/* cmd_search.c — `mizan search [--db PATH] [-k N] [--offset N] [--json]
 * QUERY...`: ranked articles with the matched words highlighted in snippets. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "check/hits_page.h"
#include "json/json.h"
#include "store/store.h"
#include "util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_hits(const mz_hits_page *pg, size_t offset, int tty)
{
    const mz_hits *h = &pg->hits;
    if (h->n == 0) {
        if (offset)
            printf("no matching articles past the first %zu\n", offset);
        else
            printf("no matching articles\n");
        return;
    }
    for (size_t i = 0; i < h->n; i++) {
        const mz_hit *x = &h->v[i];
        printf("%s%zu. %s%s  (#%lld", tty ? "\033[1m" : "", offset + i + 1, x->title,
               tty ? "\033[0m" : "",
               (long long)x->id);
        if (x->source)
            printf(", %s", x->source);
        printf(", score %.3g)", x->score);
        cli_print_place_sites(&pg->places[i], NULL); /* exact copies ingested from other sites */
        if (pg->versions[i].superseded_by) /* as `list` marks it */
            printf("  (superseded by #%lld: a later version at this URL)",
                   (long long)pg->versions[i].superseded_by);
        putchar('\n');
        /* one line per snippet: newlines inside it would break the listing */
        printf("   ");
        for (const char *p = x->snippet; *p; p++)
            putchar(*p == '\n' || *p == '\r' ? ' ' : *p);
        printf("\n\n");
    }
}

static const char help[] =
    "usage: mizan search [--db PATH] [-k N] [--offset N] [--json] QUERY...\n"
    "Ranks the stored articles for QUERY (BM25 over the Arabic index; the words\n"
    "of several arguments are joined) and prints each with a snippet, the\n"
    "matched words marked as written. An article matches with any one word of\n"
    "QUERY (more of them, and rarer ones, rank higher); quotes and operators\n"
    "(AND, OR, NOT, *, -, title:) are read as text, not as search syntax; the\n"
    "first 64 distinct words (stopwords aside) count, the rest is ignored.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  -k N        how many articles, 1 to 10000 (default 10)\n"
    "  --offset N  pass over the N best first, 0 to 10000 (default 0): the next\n"
    "              page is --offset K with the same -k K; numbered from N+1\n"
    "  --json      {\"hits\":[{\"id\",\"score\",\"title\",\"source\",\"url\",\"snippet\",\"marks\",\n"
    "              \"places\",\"superseded_by\",\"corrects\"}]} (marks: each matched word's\n"
    "              [start, end) in code points of the snippet; places: as show --json,\n"
    "              the other sites an exact copy of the text was ingested from, also\n"
    "              named on the hit's line; superseded_by, corrects: as list --json,\n"
    "              the later version at its URL, marked on the line, and the earlier)\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok (also when nothing matches), 2 usage, 3 query not UTF-8,\n"
    "4 database missing or unreadable.\n";

/* cli_reader_flags' flags with -k, and --offset. */
static int search_flags(int argc, char **argv, const char **db_flag, int *json, size_t *k,
                        size_t *offset)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},     {"json", no_argument, NULL, 'j'},
        {"offset", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    long long v;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":k:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': *db_flag = optarg; break;
        case 'j': *json = 1; break;
        case 'k':
            if (!cli_parse_number(optarg, 1, 10000, &v))
                return cli_usage_error("search", "-k needs a number from 1 to 10000, not '%s'",
                                       optarg);
            *k = (size_t)v;
            break;
        case 'o':
            if (!cli_parse_number(optarg, 0, MZ_SEARCH_MAX_OFFSET, &v))
                return cli_usage_error("search", "--offset needs a number from 0 to %d, not '%s'",
                                       MZ_SEARCH_MAX_OFFSET, optarg);
            *offset = (size_t)v;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("search", c, argv);
        }
    }
    return -1;
}

int cmd_search(int argc, char **argv)
{
    const char *db_flag = NULL;
    size_t k = 10;
    int json = 0;
    size_t offset = 0;
    int rc = search_flags(argc, argv, &db_flag, &json, &k, &offset);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return cli_usage_error("search", "no query");
    mz_buf q = {0};
    for (int i = optind; i < argc; i++)
        if ((i > optind && mz_buf_puts(&q, " ")) || mz_buf_puts(&q, argv[i])) {
            mz_buf_free(&q);
            cli_error("search", "out of memory");
            return EXIT_FAIL;
        }
    mz_error err = {0};
    mz_db *db;
    if (cli_open_reader("search", db_flag, &db, &err) != MZ_OK) {
        mz_buf_free(&q);
        return cli_fail("search", &err);
    }
    int tty = !json && cli_colour(); /* NO_COLOR: the [...] markers */
    mz_hits_page pg;
    mz_status s = mz_hits_page_read(db, q.p, offset, k, tty ? "\033[1;33m" : "[",
                                       tty ? "\033[0m" : "]", &pg, &err);
    mz_db_close(db);
    mz_buf_free(&q);
    rc = EXIT_OK_;
    if (s != MZ_OK)
        rc = cli_fail("search", &err);
    else if (json)
        rc = cli_print_json("search", mz_json_hits(&pg.hits, pg.places, pg.versions), 1);
    else
        print_hits(&pg, offset, tty);
    mz_hits_page_clear(&pg); /* {0} when the search failed */
    return rc;
}
