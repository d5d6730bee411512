/*
 * report.h — the check report's presentations other than the terminal's and
 * the JSON (mizan.check/1, which stays the versioned schema): Markdown for a
 * written piece (report_markdown.c) and CSV for a spreadsheet
 * (report_csv.c); and what they share with the terminal report, the list of
 * quantities worded the same way (report_numbers.c).
 */
#ifndef MZ_CLI_REPORT_H
#define MZ_CLI_REPORT_H

#include "check/check.h"
#include "util/util.h"

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/* Whether a quantity is listed under "numbers in the evidence": not a date,
 * and one the claim counts, one in conflict, or one several sources give. */
bool report_quantity_listed(const mz_check_quantity *qt);
/* Places of a member's exact copies a report lists, each with its
 * address: the rest are counted («and N more»), `mizan show ID` lists all.
 * A wire story forty sites ran was forty lines under one article. */
enum { REPORT_PLACES_SHOWN = 3 };

/* Its flag as the terminal words it: "CONFLICT", "THE CLAIM'S IS EARLIER",
 * "NOT THE CLAIM'S" or "". */
const char *report_quantity_flag(const mz_check_quantity *qt);
/* Appends the quantity as the terminal lists it, after its flag:
 * "أسيرا (the claim: 40): 40 (released, Friday; voice 1, #1), 25 (…)".
 * 0, or -1 out of memory. */
int report_quantity_text(mz_buf *b, const mz_check_quantity *qt);

/* The label of a member's evidence sentence (its cue, "evidence" when it
 * has none) and of its denial ("denial"), as the terminal prints them: a
 * denial of another matter (mz_check_member.denial_other; every denial of a
 * member whose case against the claim is such a denial, against_other) is
 * "denial of another matter", as the verdict weighed it (report_voice.c). */
const char *report_cue_label(const mz_check_member *m, const mz_evidence *ev);
const char *report_denial_label(const mz_check_member *m, const mz_evidence *ev);
/* Whether a denial cue of the member is of another matter (as above). */
bool report_denial_other(const mz_check_member *m, const mz_evidence *ev);

/* The whole report as Markdown (README, "check --format markdown"): every
 * related voice with its members' titles linked to their URLs and their
 * evidence sentences whole as blockquotes; article text escaped so it
 * cannot make links or HTML. line > 0 (a --claims batch): a line under the
 * heading gives it, and id (may be NULL). now is the date on its last line.
 * Returns 0, or -1 when the stream has an error. */
int report_markdown(FILE *f, const mz_check_result *r, size_t line, const char *id, time_t now);
/* A bad line's section in a batch: its line, id and claim when known
 * (NULL: left out), and the error. */
void report_markdown_error(FILE *f, size_t line, const char *id, const char *claim,
                           const char *error);

/* CSV (RFC 4180: fields quoted when they hold a comma, a quote or a line
 * break, records ended by CRLF). The header row: */
void report_csv_header(FILE *f);
/* One claim's row. line 0 (a claim given on the command line) leaves the
 * line cell empty; id may be NULL. */
void report_csv_row(FILE *f, size_t line, const char *id, const mz_check_result *r);
/* A bad line's row: its line, id and claim when known (NULL: empty), no
 * verdict, and the error. */
void report_csv_error(FILE *f, size_t line, const char *id, const char *claim, const char *error);
/* One field, quoted when it must be (exposed for the tests). */
void report_csv_field(FILE *f, const char *s);

#endif /* MZ_CLI_REPORT_H */
