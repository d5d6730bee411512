/*
 * reason_ar.c — the verdict's reason in Arabic, from the same facts as the
 * English one (reason.c), e.g.
 *   مصدران مستقلان يؤيدان الادعاء (a.example، b.example)؛ مصدر واحد ينقل
 *   نفيًا للادعاء (c.example): «نفى ...».
 *
 * Each count is the subject before its verb, so the verb agrees with it:
 * singular for one, dual for two, and the feminine singular that non-human
 * plurals take for more (يؤيد، يؤيدان، تؤيد). Counts keep Western digits with
 * the noun in the form the number needs (arabic_count.c). Arabic comma and
 * semicolon join the parts; quotes are «…» with the full stop after them.
 */
#include "check/reason.h"

#define SEP "، "
#define ARTICLE "المقال"

static int none_related(mz_buf *b, const mz_check_result *r)
{
    if (r->n_members == 0)
        return mz_buf_puts(b, r->note_ar ? r->note_ar
                                         : "لم يُعثر في قاعدة البيانات على مقال يطابق الادعاء.");
    int rc = mz_buf_puts(b, "لا يتناول الادعاءَ أيٌّ من المقالات الأقرب إليه، وقد فُحص منها ");
    rc |= mz_ar_count(b, r->n_members, &mz_ar_article);
    rc |= mz_buf_puts(b, ".");
    return rc ? -1 : 0;
}

static int sites(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f, mz_stance st)
{
    int rc = mz_buf_puts(b, " (");
    rc |= mz_reason_sites(b, r, st, f->min_w, SEP, ARTICLE);
    rc |= mz_buf_puts(b, ")");
    return rc ? -1 : 0;
}

static int correcting_sites(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f)
{
    int rc = mz_buf_puts(b, " (");
    rc |= mz_reason_correcting_sites(b, r, f->min_w, SEP, ARTICLE);
    rc |= mz_buf_puts(b, ")");
    return rc ? -1 : 0;
}

static int other_figure_sites(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f)
{
    int rc = mz_buf_puts(b, " (");
    rc |= mz_reason_other_figure_sites(b, r, f->min_w, SEP, ARTICLE);
    rc |= mz_buf_puts(b, ")");
    return rc ? -1 : 0;
}

int mz_reason_ar(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f)
{
    size_t agree = f->agree, dis = f->disagree, disc = f->discuss;
    if (agree + dis + disc == 0)
        return none_related(b, r);
    int rc = 0;
    if (agree) {
        rc |= mz_ar_count(b, agree, &mz_ar_independent_source);
        rc |= mz_buf_printf(b, " %s الادعاء", mz_ar_agree(agree, "يؤيد", "يؤيدان", "تؤيد"));
        rc |= sites(b, r, f, MZ_AGREE);
        if (!dis)
            rc |= mz_reason_quote_voice(b, r, f->best_agree);
        rc |= mz_buf_puts(b, dis || disc ? "؛ " : ".");
    }
    if (dis && f->correcting == dis) { /* «… 53، والصحيح 44»: the receipt is the correction */
        rc |= mz_ar_count(b, dis, &mz_ar_source);
        rc |= mz_buf_printf(b, " %s رقم الادعاء", mz_ar_agree(dis, "يصحح", "يصححان", "تصحح"));
        rc |= correcting_sites(b, r, f);
        rc |= mz_reason_quote_correction(b, r, f->best_correcting);
        rc |= mz_buf_puts(b, disc ? "؛ " : ".");
    } else if (dis && f->other_figure == dis) { /* the event, with another figure */
        rc |= mz_ar_count(b, dis, &mz_ar_source);
        rc |= mz_buf_printf(b, " %s الحدث برقم غير رقم الادعاء",
                            mz_ar_agree(dis, "ينقل", "ينقلان", "تنقل"));
        rc |= other_figure_sites(b, r, f);
        rc |= mz_reason_quote_other_figure(b, r, f->best_other_figure);
        rc |= mz_buf_puts(b, disc ? "؛ " : ".");
    } else if (dis) {
        rc |= mz_ar_count(b, dis, &mz_ar_source);
        if (f->disagree_has_denial && dis == 1) {
            rc |= mz_buf_puts(b, " ينقل نفيًا للادعاء");
            rc |= sites(b, r, f, MZ_DISAGREE);
        } else {
            rc |= mz_buf_printf(b, " %s الادعاء", mz_ar_agree(dis, "يناقض", "يناقضان", "تناقض"));
            rc |= sites(b, r, f, MZ_DISAGREE);
            if (f->disagree_has_denial)
                rc |= mz_buf_puts(b, "، ومن ذلك نفيٌ له");
        }
        rc |= mz_reason_quote_voice(b, r, f->best_disagree);
        if (f->correcting) {
            rc |= mz_buf_puts(b, "، ومنها ");
            rc |= mz_ar_count(b, f->correcting, &mz_ar_source);
            rc |= mz_buf_printf(b, " %s رقم الادعاء",
                                mz_ar_agree(f->correcting, "يصحح", "يصححان", "تصحح"));
            rc |= correcting_sites(b, r, f);
            rc |= mz_reason_quote_correction(b, r, f->best_correcting);
        }
        if (f->other_figure) {
            rc |= mz_buf_puts(b, "، ومنها ");
            rc |= mz_ar_count(b, f->other_figure, &mz_ar_source);
            rc |= mz_buf_printf(b, " %s رقمًا غير رقم الادعاء",
                                mz_ar_agree(f->other_figure, "يذكر", "يذكران", "تذكر"));
            rc |= other_figure_sites(b, r, f);
            rc |= mz_reason_quote_other_figure(b, r, f->best_other_figure);
        }
        rc |= mz_buf_puts(b, disc ? "؛ " : ".");
    }
    if (disc) {
        rc |= mz_ar_count(b, disc, &mz_ar_source);
        rc |= mz_buf_printf(b, " %s الادعاء دون انحياز",
                            mz_ar_agree(disc, "يتناول", "يتناولان", "تتناول"));
        rc |= sites(b, r, f, MZ_DISCUSS);
        if (!agree && !dis)
            rc |= mz_reason_quote_voice(b, r, f->best_discuss);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->overtaken) { /* denied, then confirmed: the denial is history (overtaken.c) */
        const mz_check_voice *v = f->overtaken;
        const mz_check_member *d = mz_reason_denier(r, v);
        const mz_check_member *later = &r->members[v->overtaken_member];
        if (d) {
            rc |= mz_buf_puts(b, " ونقل ");
            rc |= mz_reason_site(b, d, ARTICLE);
            rc |= mz_buf_puts(b, " نفيًا للادعاء في ");
            rc |= mz_reason_day(b, d);
            rc |= mz_reason_quote(b, d, &d->denial);
            rc |= mz_buf_puts(b, mz_reason_later_other_figure(r, later)
                                     ? "؛ ثم ذكر تقرير لاحق ينقل الحدث برقم غير رقم الادعاء ذلك "
                                       "النفي على أنه سابق ("
                                     : "؛ ثم ذكر تقرير لاحق يؤيد الادعاء ذلك النفي على أنه سابق (");
            rc |= mz_reason_site(b, later, ARTICLE);
            rc |= mz_buf_puts(b, SEP);
            rc |= mz_reason_day(b, later);
            rc |= mz_buf_puts(b, ")");
            rc |= mz_reason_quote_overtaking(b, r, v);
            rc |= mz_buf_puts(b, ".");
        }
        if (f->n_overtaken > 1) {
            rc |= mz_buf_puts(b, " وتجاوزت التقارير اللاحقة كذلك ");
            rc |= mz_buf_puts(b, f->n_overtaken == 2 ? "نفيًا آخر" : "نفيًا آخر وأكثر");
            rc |= mz_buf_puts(b, ".");
        }
    }
    if (f->denial) {
        const mz_check_member *m = f->denial;
        rc |= m->source ? mz_buf_printf(b, " ورد في %s نفيٌ للادعاء", m->source)
                        : mz_buf_printf(b, " ورد في %s #%lld نفيٌ للادعاء", ARTICLE,
                                        (long long)m->article_id);
        if (f->denial_remark == MZ_DENIAL_NOT_COUNTED)
            rc |= mz_buf_puts(b, " لم يحتسبه نموذج الموقف");
        else if (f->denial_remark == MZ_DENIAL_UNRELATED)
            rc |= mz_buf_puts(b, " عدّه نموذج الموقف غير ذي صلة");
        else if (f->denial_remark == MZ_DENIAL_SITE_LATER) {
            rc |= mz_buf_puts(b, " في ");
            rc |= mz_reason_day(b, m);
            rc |= mz_buf_puts(b, "، قبل تقرير للموقع نفسه في ");
            rc |= mz_reason_day(b, f->denial_later);
            rc |= mz_buf_puts(b, " يؤيد الادعاء");
        }
        rc |= mz_reason_quote(b, m, &m->denial);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->conflict) { /* the count is contested: say so, and who gives what */
        rc |= mz_buf_printf(b, " وتتعارض أرقام المصادر (%s", mz_quantity_name(f->conflict));
        if (f->conflict->has_claim_value) {
            rc |= mz_buf_puts(b, "، وفي الادعاء ");
            rc |= mz_reason_claim_value(b, f->conflict, "أكثر من", "أقل من", "–", true);
        }
        rc |= mz_buf_puts(b, "): ");
        rc |= mz_reason_values(b, r, f->conflict, false, SEP, "أكثر من", "أقل من", ARTICLE, true);
        rc |= mz_buf_puts(b, ".");
    }
    if (f->unmatched) { /* one source's 40 against the claim's 5: no conflict, but said */
        const mz_check_quantity *u = f->unmatched;
        rc |= mz_buf_printf(b, u->claim_last_month
                                   ? " ورقم الادعاء رقم الشهر السابق (%s، وفي الادعاء "
                               : u->claim_last_period
                                   ? " ورقم الادعاء رقم العام أو الموسم السابق (%s، وفي الادعاء "
                               : u->claim_earlier
                                   ? " ورقم الادعاء رقم سابق (%s، وفي الادعاء "
                               : u->claim_other_period
                                   ? " ورقم الادعاء رقم فترة أخرى (%s، وفي الادعاء "
                                   : " ولا يذكر أي مصدر رقم الادعاء (%s، وفي الادعاء ",
                            mz_quantity_name(u));
        rc |= mz_reason_claim_value(b, f->unmatched, "أكثر من", "أقل من", "–", true);
        rc |= mz_reason_other_period(b, u, true); /* «التضخم السنوي» for a monthly claim */
        rc |= mz_buf_puts(b, f->unmatched->claim_earlier ? ")، وما تذكره المصادر الآن: " : "): ");
        rc |= mz_reason_values(b, r, f->unmatched, true, SEP, "أكثر من", "أقل من", ARTICLE, true);
        rc |= mz_buf_puts(b, ".");
    }
    rc |= mz_reason_moved_day(b, r, true); /* the claim's day, out of date */
    rc |= mz_reason_other_winner(b, r, true); /* reason_winner.c */
    if (f->too_weak)
        rc |= mz_buf_puts(b, " وهذا أضعف من أن يُحكم به على الادعاء.");
    return rc ? -1 : 0;
}
