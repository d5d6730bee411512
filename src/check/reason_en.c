/*
 * reason_en.c — the verdict's reason in English, e.g.
 *   2 independent sources report it (a.example, b.example); 1 (c.example)
 *   carries a denial: «نفى ...».
 */
#include "check/reason.h"

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

int mz_reason_en(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f)
{
    size_t agree = f->agree, dis = f->disagree, disc = f->discuss;
    if (agree + dis + disc == 0) {
        if (r->n_members == 0)
            return mz_buf_puts(b, r->note ? r->note : "No stored article matches the claim.");
        if (r->n_members == 1)
            return mz_buf_puts(b, "The only article close to the claim does not bear on it.");
        return mz_buf_printf(b, "None of the %zu closest articles bears on the claim.", r->n_members);
    }
    int rc = 0;
    if (agree) {
        rc |= mz_buf_printf(b, "%zu independent %s %s it (", agree,
                            plural(agree, "source", "sources"), plural(agree, "reports", "report"));
        rc |= mz_reason_sites(b, r, MZ_AGREE, f->min_w, ", ", "article");
        rc |= mz_buf_puts(b, ")");
        if (!dis)
            rc |= mz_reason_quote_voice(b, r, f->best_agree);
        rc |= mz_buf_puts(b, dis || disc ? "; " : ".");
    }
    if (dis && f->correcting == dis) { /* «… 53، والصحيح 44»: the receipt is the correction */
        rc |= mz_buf_printf(b, "%zu (", dis);
        rc |= mz_reason_correcting_sites(b, r, f->min_w, ", ", "article");
        rc |= mz_buf_printf(b, ") %s the claim's number", plural(dis, "corrects", "correct"));
        rc |= mz_reason_quote_correction(b, r, f->best_correcting);
        rc |= mz_buf_puts(b, disc ? "; " : ".");
    } else if (dis && f->other_figure == dis) { /* the event, with another figure */
        rc |= mz_buf_printf(b, "%zu (", dis);
        rc |= mz_reason_other_figure_sites(b, r, f->min_w, ", ", "article");
        rc |= mz_buf_printf(b, ") %s the event with another figure than the claim's",
                            plural(dis, "reports", "report"));
        rc |= mz_reason_quote_other_figure(b, r, f->best_other_figure);
        rc |= mz_buf_puts(b, disc ? "; " : ".");
    } else if (dis) {
        rc |= mz_buf_printf(b, "%zu (", dis);
        rc |= mz_reason_sites(b, r, MZ_DISAGREE, f->min_w, ", ", "article");
        rc |= mz_buf_printf(b, ") %s %s", plural(dis, "carries", "carry"),
                            !f->disagree_has_denial ? "the opposite"
                            : dis == 1              ? "a denial"
                                                    : "the opposite, e.g. a denial");
        rc |= mz_reason_quote_voice(b, r, f->best_disagree);
        if (f->correcting) {
            rc |= mz_buf_printf(b, ", and %zu of them (", f->correcting);
            rc |= mz_reason_correcting_sites(b, r, f->min_w, ", ", "article");
            rc |= mz_buf_printf(b, ") %s the claim's number",
                                plural(f->correcting, "corrects", "correct"));
            rc |= mz_reason_quote_correction(b, r, f->best_correcting);
        }
        if (f->other_figure) {
            rc |= mz_buf_printf(b, ", and %zu of them (", f->other_figure);
            rc |= mz_reason_other_figure_sites(b, r, f->min_w, ", ", "article");
            rc |= mz_buf_printf(b, ") %s another figure than the claim's",
                                plural(f->other_figure, "gives", "give"));
            rc |= mz_reason_quote_other_figure(b, r, f->best_other_figure);
        }
        rc |= mz_buf_puts(b, disc ? "; " : ".");
    }
    if (disc) {
        rc |= mz_buf_printf(b, "%zu %s it without taking a side (", disc,
                            plural(disc, "discusses", "discuss"));
        rc |= mz_reason_sites(b, r, MZ_DISCUSS, f->min_w, ", ", "article");
        rc |= mz_buf_puts(b, ")");
        if (!agree && !dis)
            rc |= mz_reason_quote_voice(b, r, f->best_discuss);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->overtaken) { /* denied, then confirmed: the denial is history (overtaken.c) */
        const mz_check_voice *v = f->overtaken;
        const mz_check_member *d = mz_reason_denier(r, v);
        const mz_check_member *later = &r->members[v->overtaken_member];
        if (d) {
            rc |= mz_buf_puts(b, " ");
            rc |= mz_reason_site(b, d, "article");
            rc |= mz_buf_puts(b, " carried a denial on ");
            rc |= mz_reason_day(b, d);
            rc |= mz_reason_quote(b, d, &d->denial);
            /* the later report tells the event with another figure (verdict.c,
             * weigh_other_figure): it does not agree with the claim's */
            rc |= mz_buf_puts(b, mz_reason_later_other_figure(r, later)
                                     ? "; a later report of the event, with another figure than the "
                                       "claim's, tells that denial as past ("
                                     : "; a later report that agrees with the claim tells that denial "
                                       "as past (");
            rc |= mz_reason_site(b, later, "article");
            rc |= mz_buf_puts(b, ", ");
            rc |= mz_reason_day(b, later);
            rc |= mz_buf_puts(b, ")");
            rc |= mz_reason_quote_overtaking(b, r, v);
            rc |= mz_buf_puts(b, ".");
        }
        if (f->n_overtaken > 1)
            rc |= mz_buf_printf(b, " Later reports overtake %zu more %s so.", f->n_overtaken - 1,
                                plural(f->n_overtaken - 1, "denial", "denials"));
    }
    if (f->denial) {
        const mz_check_member *m = f->denial;
        rc |= m->source ? mz_buf_printf(b, " A denial is reported (%s)", m->source)
                        : mz_buf_printf(b, " A denial is reported (article #%lld)",
                                        (long long)m->article_id);
        if (f->denial_remark == MZ_DENIAL_NOT_COUNTED)
            rc |= mz_buf_puts(b, ", which the stance model did not count");
        else if (f->denial_remark == MZ_DENIAL_UNRELATED)
            rc |= mz_buf_puts(b, ", which the stance model calls unrelated");
        else if (f->denial_remark == MZ_DENIAL_SITE_LATER) {
            rc |= mz_buf_puts(b, " on ");
            rc |= mz_reason_day(b, m);
            rc |= mz_buf_puts(b, ", before the same site's report of ");
            rc |= mz_reason_day(b, f->denial_later);
            rc |= mz_buf_puts(b, " that agrees with the claim");
        }
        rc |= mz_reason_quote(b, m, &m->denial);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->conflict) { /* the count is contested: say so, and who gives what */
        rc |= mz_buf_printf(b, " The sources' numbers conflict (%s", mz_quantity_name(f->conflict));
        if (f->conflict->has_claim_value) {
            rc |= mz_buf_puts(b, "; the claim: ");
            rc |= mz_reason_claim_value(b, f->conflict, "over", "under", "–", false);
        }
        rc |= mz_buf_puts(b, "): ");
        rc |= mz_reason_values(b, r, f->conflict, false, ", ", "over", "under", "article", false);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->unmatched) { /* one source's 40 against the claim's 5: no conflict, but said */
        /* the first-instance 7 years the appeal made 5: true once, not never */
        /* last year's figure given as this year's: another period's, not true once */
        const mz_check_quantity *u = f->unmatched;
        rc |= mz_buf_printf(b, u->claim_last_month
                                   ? " The claim's number is the previous month's (%s; the claim: "
                               : u->claim_last_period
                                   ? " The claim's number is the previous year's or season's (%s; the claim: "
                               : u->claim_earlier
                                   ? " The claim's number is an earlier figure (%s; the claim: "
                               : u->claim_other_period
                                   ? " The claim's number is another period's figure (%s; the claim: "
                                   : " No source gives the claim's number (%s; the claim: ",
                            mz_quantity_name(u));
        rc |= mz_reason_claim_value(b, f->unmatched, "over", "under", "–", false);
        rc |= mz_reason_other_period(b, u, false); /* «التضخم السنوي» for a monthly claim */
        rc |= mz_buf_puts(b, f->unmatched->claim_earlier ? "); the sources now give: " : "): ");
        rc |= mz_reason_values(b, r, f->unmatched, true, ", ", "over", "under", "article", false);
        rc |= mz_buf_puts(b, ".");
    }
    rc |= mz_reason_moved_day(b, r, false); /* the claim's day, out of date */
    rc |= mz_reason_other_winner(b, r, false); /* reason_winner.c */
    if (f->too_weak)
        rc |= mz_buf_puts(b, " That is too weak to decide the claim.");
    return rc ? -1 : 0;
}
