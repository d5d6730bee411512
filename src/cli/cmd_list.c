/* cmd_list.c — `mizan list [--db PATH] [--source SITE] [-n N] [--offset N]
 * [--json]`: the stored articles, newest first, a page at a time
 * (mz_articles_list). */
#include "check/check.h"
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: mizan list [--db PATH] [--source SITE] [-n N] [--offset N] [--json]\n"
    "Lists the stored articles, newest first by their publication date; those\n"
    "with no date (or one that is not a date) come after the dated ones; equal\n"
    "dates and undated articles the latest added first. One line each: id,\n"
    "date (YYYY-MM-DD, '-' when none), source (else 'file: PATH' it was read\n"
    "from), title, '(also at SITE, SITE)' when an exact copy of its text was\n"
    "ingested from other sites (show lists them), and '(superseded by #ID: …)'\n"
    "when a later version of it is stored at its URL. When more follow: 'N of\n"
    "TOTAL shown; --offset M for more'.\n"
    "  --db PATH       the database (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --source SITE   only the articles of one site, as the claim check groups\n"
    "                  them: aljazeera.net also lists mubasher.aljazeera.net (the\n"
    "                  article's source or URL); a name that is not a host\n"
    "                  (\"الجزيرة\") matches a source of that name, whole; an\n"
    "                  article the site carried only as an exact copy is listed\n"
    "                  too, its line ending '(an exact copy at URL, DATE)'\n"
    "  -n N            how many, 1 to 1000 (default 20)\n"
    "  --offset N      pass over the first N (default 0)\n"
    "  --json          {\"total\",\"offset\",\"articles\":[{\"id\",\"title\",\"source\",\n"
    "                  \"url\",\"published\",\"origin\",\"author\",\"superseded_by\",\n"
    "                  \"corrects\",\"places\",\"copy_at\"?}]} (as show --json, no\n"
    "                  body; copy_at: the place at SITE of an exact copy)\n"
    "  -h, --help      this help\n"
    "Exit codes: 0 ok (also when nothing is listed), 2 usage, 3 SITE not UTF-8,\n"
    "4 database missing or unreadable.\n";

typedef struct list_flags {
    const char *db, *source;
    size_t n, offset;
    int json;
} list_flags;

static int parse_flags(int argc, char **argv, list_flags *f)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},     {"source", required_argument, NULL, 's'},
        {"offset", required_argument, NULL, 'o'}, {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    int c;
    long long v;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': f->db = optarg; break;
        case 's': f->source = optarg; break;
        case 'j': f->json = 1; break;
        case 'n':
            if (!cli_parse_number(optarg, 1, MZ_LIST_MAX, &v))
                return cli_usage_error("list", "-n needs a number from 1 to %d, not '%s'",
                                       MZ_LIST_MAX, optarg);
            f->n = (size_t)v;
            break;
        case 'o':
            if (!cli_parse_number(optarg, 0, MZ_LIST_MAX_OFFSET, &v))
                return cli_usage_error("list", "--offset needs a number from 0 to %lld, not '%s'",
                                       MZ_LIST_MAX_OFFSET, optarg);
            f->offset = (size_t)v;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("list", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
    if (f->source && !*f->source)
        return cli_usage_error("list", "--source needs a site, not \"\"");
    return -1;
}

/* Where the article was published: its source, else the file it was read
 * from (as `check` gives the file of an article with no URL), else "-". */
static void print_where(const mz_article *a)
{
    if (a->source && *a->source)
        fputs(a->source, stdout);
    else if (mz_origin_is_file(a->origin))
        printf("file: %s", a->origin);
    else
        fputs("-", stdout);
}

/* A stored date starts with YYYY-MM-DD, as the order reads it (list.c); a
 * date a feed or a scraper wrote otherwise is not shown. */
static bool dated(const char *p)
{
    if (!p || strlen(p) < 10 || p[4] != '-' || p[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)p[i]))
            return false;
    return true;
}

static void print_list(const mz_article_list *l, const mz_article_versions *ver,
                       const mz_places *pl, const list_flags *f)
{
    if (l->total == 0) {
        printf(f->source ? "no articles of %s\n" : "no articles\n", f->source);
        return;
    }
    for (size_t i = 0; i < l->n; i++) {
        const mz_article *a = &l->v[i];
        printf("#%lld  %.10s  ", (long long)a->id, dated(a->published) ? a->published : "-         ");
        print_where(a);
        if (a->author) /* as check's member lines: SITE — AUTHOR */
            printf(" — %s", a->author);
        printf("  %s", a->title ? a->title : "");
        /* listed for --source SITE as an exact copy the site carried */
        const mz_place *at = mz_place_at(a, &pl[i], f->source);
        if (at)
            cli_print_copy_at(at);
        cli_print_place_sites(&pl[i], at ? f->source : NULL);
        if (ver[i].superseded_by)
            printf("  (superseded by #%lld: a later version at this URL)",
                   (long long)ver[i].superseded_by);
        putchar('\n');
    }
    if (f->offset >= l->total)
        printf("0 of %zu shown (--offset %zu is past the end)\n", l->total, f->offset);
    else if (f->offset + l->n < l->total)
        printf("%zu of %zu shown; --offset %zu for more\n", l->n, l->total, f->offset + l->n);
}

static int print_json(const mz_article_list *l, const mz_article_versions *ver,
                      const mz_places *pl, const list_flags *f)
{
    return cli_print_json("list", mz_json_article_list(l, f->offset, ver, pl, f->source), 1);
}

int cmd_list(int argc, char **argv)
{
    list_flags f = {.n = MZ_LIST_DEFAULT};
    int rc = parse_flags(argc, argv, &f);
    if (rc >= 0)
        return rc;
    mz_error err = {0};
    mz_db *db;
    if (cli_open_reader("list", f.db, &db, &err) != MZ_OK)
        return cli_fail("list", &err);
    mz_article_list l;
    mz_article_versions *ver = NULL;
    mz_places *pl = NULL;
    mz_status s = mz_articles_list(db, f.offset, f.n, f.source, &l, &err);
    if (s == MZ_OK && l.n &&
        (!(ver = calloc(l.n, sizeof *ver)) || !(pl = calloc(l.n, sizeof *pl))))
        s = mz_fail(&err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && l.n)
        s = mz_articles_versions(db, l.v, l.n, ver, &err);
    if (s == MZ_OK && l.n) /* the page's places: one query */
        s = mz_articles_places(db, l.v, l.n, pl, &err);
    mz_db_close(db);
    rc = EXIT_OK_;
    if (s != MZ_OK)
        rc = cli_fail("list", &err);
    else if (f.json)
        rc = print_json(&l, ver, pl, &f);
    else
        print_list(&l, ver, pl, &f);
    mz_article_versions_free(ver, l.n);
    mz_places_free(pl, l.n);
    mz_article_list_clear(&l);
    return rc;
}
