/*
 * report_voice.c — how a voice's sentences are labelled in the terminal and
 * Markdown reports: a denial the check found to be of another matter
 * (denial_topic.c) is named so, where "denial:" alone read as a denial of
 * the claim beside a voice the verdict weighed as unrelated.
 */
#include "cli/report.h"

#include <string.h>

static bool is_denial_cue(const char *cue)
{
    return cue && !strcmp(cue, "denial");
}

bool report_denial_other(const mz_check_member *m, const mz_evidence *ev)
{
    /* against_other: everything its sentences hold against the claim is a
     * denial of another matter, so each of its denial sentences is one;
     * denial_other: its denial is */
    return m->against_other || (m->denial_other && m->has_denial && ev->start == m->denial.start &&
                                ev->end == m->denial.end);
}

const char *report_cue_label(const mz_check_member *m, const mz_evidence *ev)
{
    if (is_denial_cue(ev->cue) && report_denial_other(m, ev))
        return "denial of another matter";
    return ev->cue ? ev->cue : "evidence";
}

const char *report_denial_label(const mz_check_member *m, const mz_evidence *ev)
{
    return report_denial_other(m, ev) ? "denial of another matter" : "denial";
}
