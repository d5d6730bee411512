/* cmd_search.c — `mizan search [--db PATH] [-k N] [--json] QUERY...`: ranked
 * articles with the matched words highlighted in snippets. */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_hits(const mz_hits *h, int tty)
{
    if (h->n == 0) {
        printf("no matching articles\n");
        return;
    }
    for (size_t i = 0; i < h->n; i++) {
        const mz_hit *x = &h->v[i];
        printf("%s%zu. %s%s  (#%lld", tty ? "\033[1m" : "", i + 1, x->title, tty ? "\033[0m" : "",
               (long long)x->id);
        if (x->source)
            printf(", %s", x->source);
        printf(", score %.3g)\n", x->score);
        /* one line per snippet: newlines inside it would break the listing */
        printf("   ");
        for (const char *p = x->snippet; *p; p++)
            putchar(*p == '\n' || *p == '\r' ? ' ' : *p);
        printf("\n\n");
    }
}

static const char help[] =
    "usage: mizan search [--db PATH] [-k N] [--json] QUERY...\n"
    "Ranks the stored articles for QUERY (BM25 over the Arabic index; the words\n"
    "of several arguments are joined) and prints each with a snippet, the\n"
    "matched words marked as written. An article matches with any one word of\n"
    "QUERY (more of them, and rarer ones, rank higher); quotes and operators\n"
    "(AND, OR, NOT, *, -, title:) are read as text, not as search syntax; the\n"
    "first 64 distinct words (stopwords aside) count, the rest is ignored.\n"
    "  --db PATH   the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  -k N        how many articles, 1 to 10000 (default 10)\n"
    "  --json      {\"hits\":[{\"id\",\"score\",\"title\",\"source\",\"url\",\"snippet\",\"marks\"}]}\n"
    "              (marks: each matched word's [start, end) in code points of the snippet)\n"
    "  -h, --help  this help\n"
    "Exit codes: 0 ok (also when nothing matches), 2 usage, 3 query not UTF-8,\n"
    "4 database missing or unreadable.\n";

int cmd_search(int argc, char **argv)
{
    const char *db_flag = NULL;
    size_t k = 10;
    int json = 0;
    int rc = cli_reader_flags(argc, argv, "search", help, &db_flag, &json, &k);
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
    if (cli_open_existing("search", db_flag, &db, &err) != MZ_OK) {
        mz_buf_free(&q);
        return cli_fail("search", &err);
    }
    int tty = !json && cli_colour(); /* NO_COLOR: the [...] markers */
    mz_hits hits;
    mz_status s = mz_search(db, q.p, k, tty ? "\033[1;33m" : "[", tty ? "\033[0m" : "]", &hits, &err);
    mz_db_close(db);
    mz_buf_free(&q);
    if (s != MZ_OK)
        return cli_fail("search", &err);
    if (json) {
        char *out = mz_json_print(mz_json_hits(&hits), 1);
        if (out)
            puts(out);
        free(out);
    } else {
        print_hits(&hits, tty);
    }
    mz_hits_clear(&hits);
    return EXIT_OK_;
}
