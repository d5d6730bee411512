/*
 * cmd_check.c — `mizan check [--db PATH] [-k N] [--json | --format F] [--model M]
 * (CLAIM | --claim CLAIM | --claims FILE)`.
 *
 * Prints the verdict first, with the reason in English and then in Arabic
 * (the السبب: line), then each independent voice with its site,
 * title, stance, probability and evidence sentence, then the numbers the
 * sources give (conflicts flagged). --json prints the mizan.check/1 report
 * (docs/json-schema.md); with --claims, one compact report per line.
 * --format markdown and csv are other presentations of the same report
 * (report_markdown.c, report_csv.c).
 */
#include "check/check.h"
#include "cli/cli.h"
#include "cli/cmd_store.h"
#include "cli/report.h"
#include "json/json.h"
#include "stance/stance.h"
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* How the reports are written (--format). */
typedef enum out_format { FMT_TEXT, FMT_JSON, FMT_MARKDOWN, FMT_CSV } out_format;

typedef struct style {
    const char *bold, *dim, *red, *green, *yellow, *off;
} style;

static const style plain = {"", "", "", "", "", ""};
static const style ansi = {"\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[33m", "\033[0m"};

static const char *verdict_label(mz_verdict v)
{
    switch (v) {
    case MZ_SUPPORTED: return "SUPPORTED";
    case MZ_REFUTED: return "REFUTED";
    case MZ_DISPUTED: return "DISPUTED";
    case MZ_NOT_ENOUGH_EVIDENCE: break;
    }
    return "NOT ENOUGH EVIDENCE";
}

static const char *verdict_colour(const style *st, mz_verdict v)
{
    return v == MZ_SUPPORTED ? st->green : v == MZ_REFUTED ? st->red : st->yellow;
}

/* Prints s[start..end) on one line, whitespace runs folded, cut at max chars
 * (before a word the limit would split: mz_utf8_cut_words_folded) with "…"; with
 * nest, inside a «…» quote, its own guillemets as “…” (quote_marks.c). */
static void print_chars(FILE *f, const char *s, size_t start, size_t end, size_t max_chars,
                        bool nest)
{
    size_t cut = start + mz_utf8_cut_words_folded(s + start, end - start, max_chars);
    bool space = false, any = false;
    const char *mark;
    for (size_t i = start; i < cut; i++) {
        unsigned char c = (unsigned char)s[i];
        if (mz_blank_byte(c)) {
            space = true;
            continue;
        }
        if (space && any && (c & 0xC0) != 0x80)
            fputc(' ', f);
        space = false;
        any = true;
        size_t n = nest ? mz_inner_quote_mark(s + i, end - i, &mark) : 0;
        if (n) {
            fputs(mark, f);
            i += n - 1;
            continue;
        }
        fputc(c, f);
    }
    if (cut < end)
        fputs("…", f);
}

static void print_span(FILE *f, const char *s, size_t start, size_t end, size_t max_chars)
{
    print_chars(f, s, start, end, max_chars, false);
}

/* An evidence sentence cut to max_chars with the words of its cue [cs, ce)
 * in view (mz_cue_window): news sentences run long, and a denial after «إلا
 * أن» in the fortieth word was cut off, leaving the reader a "denial" that
 * read as the account it denies. */
static void print_evidence(FILE *f, const char *s, size_t start, size_t end, size_t cs,
                           size_t ce, size_t max_chars)
{
    size_t head_end, from;
    mz_quote_unwrap(s, &start, &end);
    if (!mz_cue_window(s, start, end, cs, ce, max_chars, &head_end, &from)) {
        print_chars(f, s, start, end, max_chars, true);
        return;
    }
    print_chars(f, s, start, head_end, max_chars / 3 + 20, true);
    if (head_end < from)
        fputs(" … ", f);
    print_chars(f, s, from, end, max_chars - max_chars / 3, true);
}

/* "  (2017-10-14)" after a title when the article says when it was
 * published: the date of an ISO 8601 time, else the value as given (short). */
static void print_published(FILE *f, const style *st, const mz_check_member *m)
{
    const char *p = m->published;
    if (!p || !*p)
        return;
    size_t n = strlen(p);
    bool iso = n >= 10 && isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[3]) &&
               p[4] == '-' && p[7] == '-';
    fprintf(f, "  %s(", st->dim);
    print_span(f, p, 0, iso ? 10 : n, 30);
    fprintf(f, ")%s", st->off);
}

/* The article's address (else the file it came from) on a line of its own,
 * where the reader can open it to check the quote: the receipt. Whole, however long: an Arabic page's
 * percent-encoded address often runs past 300 characters (a quarter of
 * baly2018's), and a cut one opens nothing. */
static void print_url(FILE *f, const style *st, const char *indent, const mz_check_member *m)
{
    /* an article with no address (a text file: the seeds) is checked
     * against the file it was ingested from */
    const char *at = m->url && *m->url ? m->url : mz_origin_is_file(m->origin) ? m->origin : NULL;
    if (!at)
        return;
    fprintf(f, "%s%s%s", indent, st->dim, at == m->url ? "" : "file: ");
    print_span(f, at, 0, strlen(at), SIZE_MAX);
    fprintf(f, "%s\n", st->off);
}

/* The other places an exact copy of the member's text was published
 * (places.c): one line each, after its URL, REPORT_PLACES_SHOWN of them and
 * a line counting the others. */
static void print_places(FILE *f, const style *st, const char *indent, const mz_check_member *m)
{
    for (size_t k = 0; k < m->places.n; k++) {
        if (k == REPORT_PLACES_SHOWN) {
            fprintf(f, "%s%sand %zu more places (mizan show %lld lists them)%s\n", indent, st->dim,
                    m->places.n - k, (long long)m->article_id, st->off);
            break;
        }
        const mz_place *p = &m->places.v[k];
        fprintf(f, "%s%salso at %s", indent, st->dim, p->source ? p->source : "(no source)");
        if (p->url) {
            fputs(": ", f);
            print_span(f, p->url, 0, strlen(p->url), SIZE_MAX);
        }
        if (p->published)
            fprintf(f, " (%s)", p->published);
        fprintf(f, " (an exact copy)%s\n", st->off);
    }
}

/* The article's sentence that denies the claim, on a "denial:" line; one
 * of another matter (denial_topic.c: the ministry's denial of a vaccine
 * rumour for a claim of doses) says so, as the verdict weighed it. */
static void print_denial(FILE *f, const style *st, const char *indent, const mz_check_member *m)
{
    if (!m->has_denial || !m->body || m->denial.end > m->body_len)
        return;
    fprintf(f, "%s%s%s:%s «", indent, st->red, report_denial_label(m, &m->denial), st->off);
    print_evidence(f, m->body, m->denial.start, m->denial.end, m->denial_cue_start,
                   m->denial_cue_end, 220);
    fputs("»\n", f);
}

/* "AUTHOR — " before a member's title when its byline is known (a
 * stored author is one clean line; cut as a title is). */
static void print_author(FILE *f, const mz_check_member *m)
{
    if (!m->author || !*m->author)
        return;
    print_span(f, m->author, 0, strlen(m->author), 60);
    fputs(" — ", f);
}

/* A voice's other member: its site, author, title and URL, and its denial
 * when it has one — the reason may quote it ("A denial is reported (site):
 * «…»"), and the quote's receipt is here. */
static void print_member_line(FILE *f, const style *st, const mz_check_member *m)
{
    fprintf(f, "      %s#%lld%s %s — ", st->dim, (long long)m->article_id, st->off,
            m->source ? m->source : "(no source)");
    print_author(f, m);
    print_span(f, m->title ? m->title : "", 0, m->title ? strlen(m->title) : 0, 90);
    print_published(f, st, m);
    fputc('\n', f);
    print_url(f, st, "        ", m);
    print_places(f, st, "        ", m);
    if (m->superseded_by) /* an earlier version (versions.c): its sentences are not weighed */
        fprintf(f, "        %ssuperseded by #%lld (a later version at this URL): not weighed%s\n",
                st->yellow, (long long)m->superseded_by, st->off);
    else
        print_denial(f, st, "        ", m);
}

static void print_report(FILE *f, const style *st, const mz_check_result *r)
{
    mz_verdict v = mz_check_verdict(r);
    fprintf(f, "%s%s%s%s  (confidence %.2f)\n", st->bold, verdict_colour(st, v), verdict_label(v),
            st->off, mz_check_confidence(r));
    /* the claim may come from someone else's file: no escape sequence or
     * bidi override of it reaches the terminal (stored text is clean) */
    char *claim = mz_strdup(r->claim);
    if (claim)
        mz_clean_line(claim);
    fputs("claim:  ", f);
    print_span(f, claim ? claim : "", 0, claim ? strlen(claim) : 0, SIZE_MAX);
    fputc('\n', f);
    free(claim);
    fprintf(f, "reason: %s\n", mz_check_reason(r));
    fprintf(f, "السبب:  %s\n", mz_check_reason_ar(r));
    if (r->note && strcmp(r->note, mz_check_reason(r)))
        fprintf(f, "note:   %s\n", r->note);
    if (r->note_ar && strcmp(r->note_ar, mz_check_reason_ar(r)))
        fprintf(f, "ملاحظة: %s\n", r->note_ar);
    fprintf(f, "\n%zu %s in %zu independent %s (agree %zu, disagree %zu, discuss %zu, unrelated %zu)\n",
            r->n_members, r->n_members == 1 ? "article" : "articles", r->n_voices,
            r->n_voices == 1 ? "voice" : "voices", r->counts[MZ_AGREE], r->counts[MZ_DISAGREE],
            r->counts[MZ_DISCUSS], r->counts[MZ_UNRELATED]);
    size_t unrelated = 0;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *vo = &r->voices[i];
        bool voice_denies = false;
        for (size_t j = 0; j < vo->n_members; j++) /* a superseded version's denial is not its */
            voice_denies |= r->members[vo->members[j]].has_denial &&
                            !r->members[vo->members[j]].superseded_by;
        if (vo->stance == MZ_UNRELATED && !voice_denies && !vo->other_matter && !vo->topic_only) {
            unrelated += vo->n_members;
            continue; /* shown only when it carries a denial of the claim */
        }
        const mz_check_member *m = &r->members[vo->members[0]];
        fprintf(f, "\n[%zu] %s%s%s %.2f  ", i + 1, st->bold, mz_stance_name(vo->stance), st->off,
                vo->probs[vo->stance]);
        for (size_t s = 0; s < vo->n_sources; s++)
            fprintf(f, "%s%s", s ? ", " : "", vo->sources[s]);
        if (vo->n_sources == 0)
            fputs("(no source)", f);
        fprintf(f, "%s", vo->n_members > 1 ? "  (one voice: copies / same site)" : "");
        if (vo->other_matter) /* verdict.c weigh_other_matter */
            fprintf(f, "  %s(read disagree, but it denies another matter: weighed as unrelated)%s",
                    st->yellow, st->off);
        else if (vo->topic_only) /* verdict.c weigh_topic_only */
            fprintf(f, "  %s(read agree, but it tells only the story's topic: weighed as "
                       "unrelated)%s",
                    st->yellow, st->off);
        else if (vo->overtaken) /* overtaken.c: the reason tells the later report */
            fprintf(f, "  %s(a denial later reports tell as past: not weighed)%s", st->yellow,
                    st->off);
        else if (vo->plan_before_move) /* plan_before_move.c */
            fprintf(f, "  %s(gave the claim's day before the event was reported moved off it: the "
                       "plan, not weighed)%s",
                    st->yellow, st->off);
        else if (vo->corrects_claim) /* verdict.c weigh_correction */
            fprintf(f, "  %s(corrects the claim's number: weighed as disagreeing)%s", st->yellow,
                    st->off);
        else if (vo->other_figure) /* verdict.c weigh_other_figure */
            fprintf(f, "  %s(read agree, but gives another figure than the claim's: weighed as "
                       "disagreeing)%s",
                    st->yellow, st->off);
        else if (vo->other_winner) /* verdict.c weigh_other_winner */
            fprintf(f, "  %s(names another winner than the claim's: weighed as disagreeing)%s",
                    st->yellow, st->off);
        else if (vo->moved_day) /* verdict.c weigh_moved_day: a postponement */
            fprintf(f, "  %s(read agree, but tells the event was moved off the claim's day: "
                       "weighed as disagreeing)%s",
                    st->yellow, st->off);
        else if (vo->other_day) /* verdict.c weigh_moved_day: another day given */
            fprintf(f, "  %s(read agree, but gives the event another day than the claim's: "
                       "weighed as disagreeing)%s",
                    st->yellow, st->off);
        else if (!vo->counted)
            fprintf(f, "  %s(weakly related: weight %.2f, not counted)%s", st->dim, vo->weight, st->off);
        fputc('\n', f);
        fprintf(f, "    %s#%lld%s ", st->dim, (long long)m->article_id, st->off);
        print_author(f, m); /* its site heads the voice */
        print_span(f, m->title ? m->title : "", 0, m->title ? strlen(m->title) : 0, 100);
        print_published(f, st, m);
        fputc('\n', f);
        print_url(f, st, "    ", m);
        print_places(f, st, "    ", m);
        for (size_t e = 0; e < m->n_evidence && e < 2; e++) {
            const mz_evidence *ev = &m->evidence[e];
            if (!m->body || ev->end > m->body_len || ev->start >= ev->end)
                continue;
            fprintf(f, "    %s%s:%s «", st->dim, report_cue_label(m, ev), st->off);
            print_evidence(f, m->body, ev->start, ev->end, m->cue_start[e], m->cue_end[e], 220);
            fputs("»\n", f);
        }
        bool denial_shown = false;
        for (size_t e = 0; e < m->n_evidence && e < 2; e++)
            denial_shown |= m->has_denial && m->evidence[e].start == m->denial.start;
        if (!denial_shown)
            print_denial(f, st, "    ", m);
        for (size_t j = 1; j < vo->n_members; j++)
            print_member_line(f, st, &r->members[vo->members[j]]);
    }
    if (unrelated)
        fprintf(f, "\n%s%zu more %s unrelated to the claim.%s\n", st->dim, unrelated,
                unrelated == 1 ? "article is" : "articles are", st->off);
    size_t shown = 0;
    for (size_t q = 0; q < r->n_numbers && shown < 8; q++) {
        const mz_check_quantity *qt = &r->numbers[q];
        if (!report_quantity_listed(qt))
            continue; /* the terminal shows what the claim counts or several sources give */
        if (!shown++)
            fputs("\nnumbers in the evidence:\n", f);
        const char *flag = report_quantity_flag(qt);
        fprintf(f, "  %s%s%s%s", *flag ? (qt->conflict ? st->red : st->yellow) : "", flag,
                *flag ? " " : "", *flag ? st->off : "");
        mz_buf b = {0};
        if (report_quantity_text(&b, qt) == 0 && b.p)
            fputs(b.p, f);
        mz_buf_free(&b);
        fputc('\n', f);
    }
    fprintf(f, "\n%s%zu candidate%s re-ranked, %.1f ms%s\n", st->dim, r->candidates,
            r->candidates == 1 ? "" : "s", r->elapsed_ms, st->off);
}

/* In a batch (line_no > 0), which input a JSON report answers: its line in
 * the claims file, and the "id" / "claim_id" of a JSONL line, copied as
 * given, whatever its type: an object or an array ({"src": "x", "n": 3})
 * was dropped without a word. A bad line gets no report, so counting
 * reports would misalign. False when out of memory. */
static bool add_batch_keys(cJSON *o, size_t line_no, const cJSON *in)
{
    if (!o || !line_no)
        return true;
    if (!cJSON_AddNumberToObject(o, "line", (double)line_no))
        return false;
    static const char *const keys[] = {"id", "claim_id"};
    for (size_t i = 0; in && i < sizeof keys / sizeof *keys; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(in, keys[i]);
        if (v && !mz_json_add(o, keys[i], cJSON_Duplicate(v, true)))
            return false;
    }
    return true;
}

/* The "id" (else "claim_id", a null one skipped) of a JSONL line as the CSV
 * writes it, into *id (malloc'd; NULL when it has none): a string as it is,
 * anything else — a number, a boolean, an object, an array — as compact
 * JSON text. -1 when out of memory. */
static int line_id(const cJSON *in, char **id)
{
    *id = NULL;
    static const char *const keys[] = {"id", "claim_id"};
    for (size_t i = 0; in && i < sizeof keys / sizeof *keys; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(in, keys[i]);
        if (!v || cJSON_IsNull(v))
            continue;
        *id = cJSON_IsString(v) ? mz_strdup(v->valuestring) : cJSON_PrintUnformatted(v);
        return *id ? 0 : -1;
    }
    return 0;
}

/* The CSV's first bytes: the byte order mark (--bom) and the header row. */
static void csv_start(bool bom)
{
    if (bom)
        fputs("\xEF\xBB\xBF", stdout);
    report_csv_header(stdout);
}

static int check_one(mz_db *db, const mz_model *m, const char *claim, const mz_check_options *opt,
                     out_format fmt, bool bom, int pretty, const style *st, size_t line_no,
                     const cJSON *in, const char *sep, mz_error *err)
{
    mz_check_result *r;
    mz_status rc = mz_check(db, m, claim, opt, &r, err);
    if (rc != MZ_OK)
        return rc;
    if (sep) /* the rule after the report before */
        fputs(sep, stdout);
    if (fmt == FMT_MARKDOWN || fmt == FMT_CSV) {
        char *id;
        if (line_id(in, &id) != 0) {
            mz_check_result_free(r);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
        if (fmt == FMT_MARKDOWN) {
            report_markdown(stdout, r, line_no, id, time(NULL));
        } else {
            if (!line_no) /* a claim of the command line: its own header */
                csv_start(bom);
            report_csv_row(stdout, line_no, id, r);
        }
        free(id);
    } else if (fmt == FMT_JSON) {
        cJSON *o = mz_json_check(r);
        if (!add_batch_keys(o, line_no, in)) {
            cJSON_Delete(o);
            o = NULL; /* out of memory, said below */
        }
        char *s = mz_json_print(o, pretty);
        if (!s) {
            mz_check_result_free(r);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
        puts(s);
        free(s);
    } else {
        print_report(stdout, st, r);
    }
    mz_check_result_free(r);
    return MZ_OK;
}

/* The rule between two sections of a Markdown batch: reports and bad lines' sections. */
#define MD_RULE "\n---\n\n"

static void progress(size_t done, size_t total)
{
    int width = 30, fill = total ? (int)(width * done / total) : width;
    fprintf(stderr, "\rchecking %zu/%zu [", done, total);
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '=' : ' ', stderr);
    fputc(']', stderr);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* A bad line's CSV row or Markdown section: its line, the JSONL line's id
 * (from line, when the claim's parse gave no tree: {"claim": 5, "id": 7}),
 * its claim when it is text (not a NUL line, nor invalid UTF-8), and the
 * message without the "line N: " the line cell says. */
static void error_row(out_format fmt, size_t line_no, const char *line, const char *claim,
                      const cJSON *tree, const char *msg)
{
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "line %zu: ", line_no);
    if (n > 0 && !strncmp(msg, prefix, (size_t)n))
        msg += n;
    cJSON *own = tree || !line ? NULL : cJSON_Parse(line);
    char *id;
    int no_mem = line_id(tree ? tree : cJSON_IsObject(own) ? own : NULL, &id);
    cJSON_Delete(own);
    if (no_mem) /* the row still says the line and its error */
        cli_error("check", "line %zu: out of memory reading its id", line_no);
    bool text = claim && mz_utf8_check(claim, strlen(claim), NULL) == MZ_OK;
    if (fmt == FMT_MARKDOWN)
        report_markdown_error(stdout, line_no, id, text ? claim : NULL, msg);
    else
        report_csv_error(stdout, line_no, id, text ? claim : NULL, msg);
    free(id);
}

static int check_file(const char *path, mz_db *db, const mz_model *m, const mz_check_options *opt,
                      out_format fmt, bool bom, const style *st)
{
    char *text;
    size_t len;
    mz_error err = {0};
    if (mz_read_file(path, 64u << 20, &text, &len, &err) != MZ_OK)
        return cli_fail("check", &err);
    /* once for the file, with the encoding and its iconv, not "NUL byte"
     * for every line */
    if (mz_utf16_refuse(text, len, path, &err) != MZ_OK) {
        free(text);
        return cli_fail("check", &err);
    }
    size_t total = 0;
    for (size_t i = 0; i < len; i++)
        total += text[i] == '\n';
    total += len && text[len - 1] != '\n';
    /* on a terminal's stderr while the reports go elsewhere: a bar drawn
     * over reports (JSON or not) printed to that terminal garbles them */
    bool bar = isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
    int worst = EXIT_OK_;
    /* sections: reports, and in Markdown the bad lines' sections */
    size_t line_no = 0, done = 0, claims = 0, written = 0, sections = 0;
    for (char *p = text, *end = text + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        /* a byte order mark opening a line is not part of its claim: the
         * file's first, and each one `cat a.jsonl b.jsonl` leaves in the
         * middle (a JSONL line after one was checked as plain text, its
         * JSON the claim and its id lost) */
        if (stop - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
            p += 3;
        /* a NUL byte would end the claim early and drop the rest unseen;
         * looked for before a CRLF's CR is cut off with one */
        const char *nul = memchr(p, '\0', (size_t)(stop - p));
        *stop = '\0';
        if (stop > p && stop[-1] == '\r')
            stop[-1] = '\0';
        line_no++;
        char *claim = NULL;
        void *tree = NULL;
        bool blank = !nul && strspn(p, " \t") == strlen(p);
        mz_status rc = nul    ? mz_fail(&err, MZ_ERR_UTF8, "line %zu: NUL byte at byte %zu", line_no,
                                        (size_t)(nul - p))
                       : blank ? MZ_OK
                               : cli_claim_of_line(p, line_no, &claim, &tree, &err);
        claims += !blank;
        if (fmt == FMT_CSV && !blank && !written++)
            csv_start(bom);
        bool parsed = !nul && !blank && rc == MZ_OK; /* claim is the line's claim */
        if (parsed) {
            /* between two reports: not before the first, nor for a line
             * whose claim the check refused (no report: two rules with
             * nothing between them) */
            const char *sep = !sections            ? NULL
                              : fmt == FMT_TEXT     ? "\n────────────────────────────────────────\n\n"
                              : fmt == FMT_MARKDOWN ? MD_RULE
                                                    : NULL;
            errno = 0; /* what a failed write of the report sets */
            rc = check_one(db, m, claim, opt, fmt, bom, 0, st, line_no, tree, sep, &err);
            sections += rc == MZ_OK;
            /* reports that cannot be written (a full disk): said once, and
             * the run stops; it went on checking every claim for nothing,
             * and a bad line's exit 3 hid the lost output */
            if (fflush(stdout) != 0 || ferror(stdout)) {
                if (bar)
                    fputc('\n', stderr);
                cli_error("check", "cannot write the reports: %s",
                          errno ? strerror(errno) : "write error");
                cJSON_Delete(tree);
                free(text);
                return EXIT_FAIL;
            }
            if (rc != MZ_OK && strncmp(err.msg, "line ", 5)) {
                char msg[sizeof err.msg + 32];
                snprintf(msg, sizeof msg, "line %zu: %s", line_no, err.msg);
                snprintf(err.msg, sizeof err.msg, "%.*s", (int)sizeof err.msg - 1, msg);
            }
        }
        if (rc != MZ_OK && (fmt == FMT_CSV || fmt == FMT_MARKDOWN) && !blank &&
            err.code != MZ_ERR_NOMEM && cli_exit_code(err.code) != EXIT_DB &&
            cli_exit_code(err.code) != EXIT_MODEL) {
            if (fmt == FMT_MARKDOWN && sections++)
                fputs(MD_RULE, stdout);
            error_row(fmt, line_no, nul ? NULL : p, parsed ? claim : NULL, tree, err.msg);
        }
        cJSON_Delete(tree);
        if (rc != MZ_OK) {
            if (bar)
                fputc('\n', stderr);
            int code = cli_fail("check", &err);
            /* a line whose claim mz_check refuses (empty, over the limit) is
             * bad input in the file, as every other bad line is: 3, not the
             * 2 of a bad command line (an over-long first line gave 2, a
             * malformed one 3, and the exit said the first one's) */
            if (code == EXIT_USAGE)
                code = EXIT_INPUT;
            if (code == EXIT_DB || code == EXIT_MODEL || err.code == MZ_ERR_NOMEM) {
                free(text);
                return code; /* the store or model is unusable: stop */
            }
            if (worst == EXIT_OK_)
                worst = code;
        }
        done++;
        if (bar)
            progress(done, total);
        p = stop + 1;
    }
    free(text);
    if (claims == 0) {
        mz_fail(&err, MZ_ERR_EMPTY, "%s: no claims (the file is empty or has blank lines only)", path);
        return cli_fail("check", &err);
    }
    return worst;
}

static const char help[] =
    "usage: mizan check [--db PATH] [-k N] [--format F | --json] [--model M]\n"
    "                   (CLAIM | --claim CLAIM | --claims FILE)\n"
    "Weighs the stored articles against a claim: supported, refuted, disputed or\n"
    "not enough evidence, with the reason (in English and Arabic), each\n"
    "independent voice with its stance and evidence, and the numbers the\n"
    "sources give.\n"
    "  --db PATH      the database, opened read-only (default: $MIZAN_DB, else\n"
    "                 ./mizan.db)\n"
    "  -k N           articles to weigh (1..200, default 20)\n"
    "  --format F     text (the default: this report for a terminal), json (the\n"
    "                 mizan.check/1 report, docs/json-schema.md), markdown (for an\n"
    "                 article: every voice, its links and its evidence sentences\n"
    "                 whole) or csv (one row per claim: line, id, claim, verdict,\n"
    "                 confidence, agree, disagree, discuss, unrelated, voices,\n"
    "                 conflict, reason_ar, reason, error)\n"
    "  --json         the same as --format json\n"
    "  --bom          with --format csv: begin with a UTF-8 byte order mark, for\n"
    "                 Excel (which reads a CSV without one in the local code page)\n"
    "  --claim CLAIM  the claim, as the argument CLAIM is (and as stance takes it)\n"
    "  --claims FILE  one claim per line (or JSONL with \"claim\"); JSON: one report\n"
    "                 per line, with its \"line\" (and the line's \"id\", \"claim_id\");\n"
    "                 markdown: the reports separated by ---, each with its line\n"
    "                 (a bad line: its error); csv: one row per line,\n"
    "                 a bad line's row with its error (and the message on stderr)\n"
    "  --model M      the stance model (default: $MIZAN_MODEL, else the installed\n"
    "                 or shipped stance.model)\n"
    "  -h, --help     this help\n"
    "Exit codes: 0 ok (an empty store too: not enough evidence), 2 usage (an\n"
    "empty claim, one over 2000 characters, a bad -k), 3 claim not UTF-8 (with\n"
    "--claims: a bad line, the others still checked, or no claims), 4 database\n"
    "missing or unreadable, 5 no such claims file, 6 model missing, corrupt or\n"
    "of another version, 1 other failure.\n";

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},     {"json", no_argument, NULL, 'j'},
        {"model", required_argument, NULL, 'm'},  {"claims", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},         {"format", required_argument, NULL, 'f'},
        {"bom", no_argument, NULL, 'b'},          {"claim", required_argument, NULL, 'C'},
        {NULL, 0, NULL, 0},
    };
    const char *db_flag = NULL, *model_path = NULL, *claims = NULL;
    const char *format = NULL, *claim_flag = NULL;
    int json = 0;
    bool bom = false;
    mz_check_options opt = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":k:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_flag = optarg; break;
        case 'j': json = 1; break;
        case 'f': format = optarg; break;
        case 'b': bom = true; break;
        case 'm': model_path = optarg; break;
        case 'c': claims = optarg; break;
        /* stance takes its claim as --claim: without the flag here, getopt
         * read `check --claim TEXT` as the abbreviation of --claims and
         * said the claim was no such file (exit 5) */
        case 'C': claim_flag = optarg; break;
        case 'k': {
            long long v;
            if (!cli_parse_number(optarg, 1, 200, &v))
                return cli_usage_error("check", "-k must be a number from 1 to 200, not '%s'", optarg);
            opt.k = (size_t)v;
            break;
        }
        case 'h': fputs(help, stdout); return EXIT_OK_;
        default: return cli_option_error("check", c, argv);
        }
    }
    out_format fmt = json ? FMT_JSON : FMT_TEXT;
    if (format) {
        static const char *const names[] = {"text", "json", "markdown", "csv"};
        size_t i = 0;
        while (i < 4 && strcmp(format, names[i]))
            i++;
        if (i == 4)
            return cli_usage_error("check", "--format must be text, json, markdown or csv, not '%s'",
                                   format);
        if (json && i != FMT_JSON)
            return cli_usage_error("check", "--json is --format json: give one or the other, not "
                                            "--json with --format %s", format);
        fmt = (out_format)i;
    }
    if (bom && fmt != FMT_CSV)
        return cli_usage_error("check", "--bom goes with --format csv");
    int positional = argc - optind;
    if (claims && (positional > 0 || claim_flag))
        return cli_usage_error("check", "give a CLAIM or --claims FILE, not both");
    if (claim_flag && positional > 0)
        return cli_usage_error("check", "give the claim once: as --claim or as the argument, "
                                        "not both (quote it)");
    if (!claims && !claim_flag && positional != 1)
        return cli_usage_error("check", positional ? "give the claim as one argument (quote it)"
                                                   : "missing the claim to check");
    const char *claim = claims ? NULL : claim_flag ? claim_flag : argv[optind];
    mz_error err = {0};
    if (claim) { /* validate before opening anything: a bad claim is the user's error */
        char *trimmed;
        if (mz_claim_prepare(claim, &trimmed, &err) != MZ_OK)
            return cli_fail("check", &err);
        free(trimmed);
    }
    mz_db *db;
    if (cli_open_reader("check", db_flag, &db, &err) != MZ_OK)
        return cli_fail("check", &err);
    mz_model *m;
    int loaded = cli_load_model("check", model_path, &m);
    if (loaded != EXIT_OK_) {
        mz_db_close(db);
        return loaded;
    }
    const style *st = fmt == FMT_TEXT && cli_colour() ? &ansi : &plain;
    int64_t stored; /* a count, not mz_db_stats: that reads every body's length */
    if (mz_store_count(db, &stored, &err) == MZ_OK && stored == 0)
        /* the report's note says the store is empty; how to fill it is the CLI's to say */
        fprintf(stderr, "mizan check: %s has no articles: add some with `mizan ingest%s%s PATH...`\n",
                cli_db_path(db_flag), db_flag ? " --db " : "", db_flag ? db_flag : "");
    int code;
    if (claims) {
        code = check_file(claims, db, m, &opt, fmt, bom, st);
    } else {
        mz_status rc = check_one(db, m, claim, &opt, fmt, bom, 1, st, 0, NULL, NULL, &err);
        code = rc == MZ_OK ? EXIT_OK_ : cli_fail("check", &err);
    }
    mz_model_free(m);
    mz_db_close(db);
    return code;
}
