/*
 * cmd_stance.c — `mizan stance`: the stance of one article toward a claim,
 * with the four probabilities and the evidence sentences that decided it.
 */
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "json/json.h"
#include "stance/stance.h"
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLE_BYTES (5u << 20)

static const char help[] =
    "usage: mizan stance --claim TEXT (--article FILE | --id ID [--db PATH]) [--title T]\n"
    "                    [--model M] [--json]\n"
    "Says whether an article agrees with a claim, disagrees (denies or refutes\n"
    "it), discusses it without taking a side, or is unrelated, with the four\n"
    "probabilities and the evidence sentences that decided it.\n"
    "  --claim TEXT    the claim (required; at most 2000 characters)\n"
    "  --article FILE  a text file or a saved web page (*.html: its story), read\n"
    "                  as ingest would store it (title: the page's, the first\n"
    "                  line, or the lead after a dateline line); at most 5 MB;\n"
    "                  offsets refer to the file (the page's story)\n"
    "  --id ID         a stored article instead (offsets refer to its stored body)\n"
    "  --db PATH       the database for --id (default: $MIZAN_DB, else ./mizan.db)\n"
    "  --title T       the title (default: the one ingest stores, as above)\n"
    "  --model M       the stance model (default: $MIZAN_MODEL, else the installed\n"
    "                  or shipped stance.model)\n"
    "  --json          {\"label\",\"probs\",\"evidence\":[...],\"denial\",\"lead_denial\",\n"
    "                  \"quoted_denial\"}\n"
    "  -h, --help      this help\n"
    "Exit codes: 0 ok, 2 usage (also a claim over 2000 characters), 3 bad input\n"
    "(claim or article not UTF-8, empty, binary, over 5 MB), 4 database missing\n"
    "or unreadable, 5 no such file or id, 6 model missing, corrupt or of another\n"
    "version, 1 other failure.\n";

int cli_load_model(const char *cmd, const char *path, mz_model **m)
{
    mz_error err;
    mz_status st = mz_model_load(path, m, &err);
    if (st == MZ_OK)
        return EXIT_OK_;
    if (st == MZ_ERR_ARG) /* --model "": a usage error, as --db "" is */
        return cli_usage_error(cmd, "%s (--model \"\")", err.msg);
    cli_advise_model(path, &err);
    cli_error(cmd, "%s", err.msg);
    /* a missing or unreadable model is a model problem, not a missing article */
    return st == MZ_ERR_NOMEM ? EXIT_FAIL : EXIT_MODEL;
}

/* text[start, end) on one line after a label: offsets refer to the file as
 * given, so its text is not cleaned the way a stored body is; the copy
 * printed is (mz_clean_line: controls, bidi overrides, line breaks). */
static void print_line(const char *label, const char *text, size_t start, size_t end)
{
    char *s = mz_strndup(text + start, end - start);
    if (!s)
        return;
    mz_clean_line(s);
    printf("     %s%s%s\n", label, s, *label ? "»" : "");
    free(s);
}

static void print_sentence(const char *text, size_t start, size_t end)
{
    print_line("", text, start, end);
}

/* The words that gave a sentence its cue ("نفت", "نقلا عن"), when the
 * lexicon finds them in it: a long sentence's cue is easy to miss. */
static void print_cue_words(const mz_lexicon *lx, const char *text, const mz_evidence *e)
{
    size_t cs, ce;
    if (mz_cue_span(lx, text, e->start, e->end, e->cue, &cs, &ce))
        print_line("cue words: «", text, cs, ce);
}

static void print_text(const mz_stance_result *r, const char *text, const mz_lexicon *lx)
{
    printf("label: %s\nprobs:", mz_stance_name(r->label));
    for (int k = 0; k < MZ_N_STANCES; k++)
        printf(" %s %.3f", mz_stance_name((mz_stance)k), r->probs[k]);
    printf("\nevidence:%s\n", r->n_evidence ? "" : " (no sentence matches the claim)");
    for (size_t i = 0; i < r->n_evidence; i++) {
        const mz_evidence *e = &r->evidence[i];
        printf("  %zu. [%s] score %.2f, bytes %zu-%zu\n", i + 1, e->cue, e->score, e->start,
               e->end);
        print_sentence(text, e->start, e->end);
        print_cue_words(lx, text, e);
    }
    if (r->has_denial) {
        printf("denial%s: score %.2f, bytes %zu-%zu\n",
               r->lead_denial     ? " (in the lead: the article is the denial's report)"
               : r->quoted_denial ? " (quoted: the article states the claim in its lead)"
                                  : "",
               r->denial.score, r->denial.start, r->denial.end);
        print_sentence(text, r->denial.start, r->denial.end);
        print_cue_words(lx, text, &r->denial);
    } else if (r->lead_denial)
        printf("denial: in the title (the article is the denial's report)\n");
}

int cmd_stance(int argc, char **argv)
{
    static const struct option opts[] = {
        {"claim", required_argument, 0, 'c'}, {"article", required_argument, 0, 'a'},
        {"id", required_argument, 0, 'i'},    {"db", required_argument, 0, 'D'},
        {"title", required_argument, 0, 't'}, {"model", required_argument, 0, 'm'},
        {"json", no_argument, 0, 'j'},        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *claim = NULL, *article_path = NULL, *id = NULL, *db = NULL, *title = NULL,
               *model_path = NULL;
    bool json = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': claim = optarg; break;
        case 'a': article_path = optarg; break;
        case 'i': id = optarg; break;
        case 'D': db = optarg; break;
        case 't': title = optarg; break;
        case 'm': model_path = optarg; break;
        case 'j': json = true; break;
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("stance", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage_error("stance", "unexpected argument '%s'", argv[optind]);
    if (!claim || !*claim)
        return cli_usage_error("stance", "--claim TEXT is required (and must not be empty)");
    if (!article_path == !id)
        return cli_usage_error("stance", "give exactly one of --article FILE or --id ID");
    mz_error err;
    char *text = NULL, *stored_title = NULL;
    size_t len = 0;
    mz_status st;
    if (id) {
        int64_t v;
        if (!cli_parse_id(id, &v))
            return cli_usage_error("stance", "--id: expected a positive article id, got '%s'", id);
        mz_db *h;
        st = cli_open_reader("stance", db, &h, &err);
        if (st != MZ_OK)
            return cli_fail("stance", &err);
        mz_article a = {0};
        st = mz_article_get(h, v, &a, &err);
        mz_db_close(h);
        if (st != MZ_OK)
            return cli_fail("stance", &err);
        /* evidence offsets refer to the stored body */
        text = a.body;
        len = strlen(a.body);
        stored_title = a.title;
        a.body = a.title = NULL;
        mz_article_clear(&a);
        if (!title)
            title = stored_title;
    } else {
        st = mz_read_file(article_path, MAX_ARTICLE_BYTES, &text, &len, &err);
        if (st != MZ_OK)
            return cli_fail("stance", &err);
        /* as ingest does: binary, UTF-16, invalid UTF-8, empty or blank -> exit 3 */
        if (mz_text_check(text, len, article_path, &err) != MZ_OK) {
            free(text);
            return cli_fail("stance", &err);
        }
        const char *given = title;
        if (mz_html_sniff(article_path, text, len)) { /* a saved web page: its story */
            mz_html_article h;
            st = mz_html_extract(text, len, article_path, &h, &err);
            free(text);
            if (st != MZ_OK)
                return cli_fail("stance", &err);
            text = h.text;
            len = h.text_len;
            h.text = NULL; /* freed with the file's text */
            stored_title = mz_article_title(given ? given : h.title, text, len);
            mz_html_article_clear(&h);
        } else {
            stored_title = mz_article_title(given, text, len);
        }
        /* the title ingest would store: a text file whose first line is a
         * dateline («بلدي نيوز - الرقة (خاص)») is titled by its lead */
        if (!stored_title) {
            free(text);
            mz_fail(&err, MZ_ERR_NOMEM, "out of memory");
            return cli_fail("stance", &err);
        }
        title = stored_title;
    }
    mz_model *m = NULL;
    int rc = cli_load_model("stance", model_path, &m);
    if (rc == EXIT_OK_) {
        mz_stance_result r;
        /* the article is read as `mizan check` reads it once stored (title
         * as ingest stores it, offsets into the file or the stored body),
         * so the two give one article the same probabilities and evidence */
        st = mz_stance_predict_titled(m, claim, title, text, len, &r, &err);
        if (st != MZ_OK) {
            rc = st == MZ_ERR_ARG ? cli_usage_error("stance", "%s", err.msg) : cli_fail("stance", &err);
        } else if (json) {
            rc = cli_print_json("stance", mz_json_stance(&r, text, m->lexicon), 1);
        } else {
            print_text(&r, text, m->lexicon);
        }
    }
    mz_model_free(m);
    free(text);
    free(stored_title);
    return rc;
}
