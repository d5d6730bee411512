/*
 * report_csv.c — `mizan check --format csv`: one row per claim, for a
 * spreadsheet. RFC 4180: a field is quoted when it holds a comma, a double
 * quote (doubled inside) or a line break, and records end with CRLF; a line
 * break inside a claim stays in its quoted field. UTF-8; the byte order mark
 * Excel needs to read it as UTF-8 is written only with --bom (cmd_check.c),
 * since it breaks the tools that read CSV as text (a header named
 * "\uFEFFline", files that no longer concatenate). A text cell that starts
 * as a formula (= + - @) is written after a ' (report_csv_field).
 */
#include "cli/report.h"

#include <string.h>

void report_csv_field(FILE *f, const char *s)
{
    if (!s)
        return;
    /* A cell a spreadsheet would run as a formula («=HYPERLINK(…)» in a claim
     * taken from a social-media batch) gets a leading ' (OWASP's advice for
     * CSV injection): shown as text, the ' hidden by Excel and LibreOffice.
     * The JSON report keeps the text as given. */
    bool formula = strchr("=+-@\t\r", s[0]) && s[0];
    if (!formula && !s[strcspn(s, ",\"\r\n")]) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void report_csv_header(FILE *f)
{
    fputs("line,id,claim,verdict,confidence,agree,disagree,discuss,unrelated,voices,conflict,"
          "reason_ar,reason,error\r\n",
          f);
}

static void line_and_id(FILE *f, size_t line, const char *id)
{
    if (line)
        fprintf(f, "%zu", line);
    fputc(',', f);
    report_csv_field(f, id);
    fputc(',', f);
}

void report_csv_row(FILE *f, size_t line, const char *id, const mz_check_result *r)
{
    bool conflict = false;
    for (size_t q = 0; q < r->n_numbers; q++)
        conflict |= r->numbers[q].conflict;
    line_and_id(f, line, id);
    report_csv_field(f, r->claim);
    fprintf(f, ",%s,%.2f,%zu,%zu,%zu,%zu,%zu,%s,", mz_verdict_name(mz_check_verdict(r)),
            mz_check_confidence(r), r->counts[MZ_AGREE], r->counts[MZ_DISAGREE],
            r->counts[MZ_DISCUSS], r->counts[MZ_UNRELATED], r->n_voices,
            conflict ? "true" : "false");
    report_csv_field(f, mz_check_reason_ar(r));
    fputc(',', f);
    report_csv_field(f, mz_check_reason(r));
    fputs(",\r\n", f);
}

void report_csv_error(FILE *f, size_t line, const char *id, const char *claim, const char *error)
{
    line_and_id(f, line, id);
    report_csv_field(f, claim);
    fputs(",,,,,,,,,,,", f); /* verdict … reason: none */
    report_csv_field(f, error);
    fputs("\r\n", f);
}
