/*
 * reason_winner.c — the reason's sentence on a claim that names the wrong
 * winner: a source names another side the winner of the claim's match or
 * title (other_winner.c; verdict.c weigh_other_winner), and the reader is
 * shown that side and the sentence: " The sources give another winner:
 * نادي الميناء (site): «…»."
 */
#include "check/reason.h"

int mz_reason_other_winner(mz_buf *b, const mz_check_result *r, bool ar)
{
    const mz_check_voice *v = NULL;
    for (size_t i = 0; i < r->n_voices && !v; i++)
        if (r->voices[i].other_winner && r->voices[i].counted &&
            r->voices[i].winner_member < r->n_members)
            v = &r->voices[i];
    if (!v)
        return 0;
    const mz_check_member *m = &r->members[v->winner_member];
    if (!m->body || v->winner_name_end > m->body_len || v->winner_end > m->body_len)
        return 0;
    int rc = mz_buf_puts(b, ar ? " تذكر المصادر فائزًا آخر: " : " The sources give another winner: ");
    rc |= mz_buf_printf(b, "%.*s (", (int)(v->winner_name_end - v->winner_name_start),
                        m->body + v->winner_name_start);
    rc |= mz_reason_site(b, m, ar ? "المقال" : "article");
    rc |= mz_buf_puts(b, ")");
    /* the sentence, unless the reason quoted it already as the voice's own */
    bool quoted = v->members[0] == v->winner_member && m->n_evidence &&
                  m->evidence[0].start == v->winner_start;
    mz_evidence e = {.start = v->winner_start, .end = v->winner_end, .cue = "overlap"};
    if (!quoted)
        rc |= mz_reason_quote(b, m, &e);
    rc |= mz_buf_puts(b, ".");
    return rc ? -1 : 0;
}
