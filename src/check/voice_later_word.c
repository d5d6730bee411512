/*
 * voice_later_word.c — a site's later report is its word now. One site
 * carries a minister's denial on the 12th («نفى وزير النفط … ما تردد عن خفض
 * الإنتاج») and, on the 28th, the cut decided and the same minister
 * committing to it; both are one voice (one site), and the voice took the
 * stance of its most related member, the denial, so the claim that the cut
 * was decided came out DISPUTED by the very site that reported it decided.
 * A voice's representative that denies the claim gives way to the voice's
 * own agreeing article published on a later day, when that article is
 * related enough to count (weight >= min_related) and every member that
 * carries a denial is dated before it: the site has reported the matter
 * since, and the denial is its history. Without dates nothing changes (a
 * denial cannot be placed before the report), nor does an agreeing report
 * the denial came after.
 * A later report overtakes a denial only when it tells the denied matter:
 * where the denial holds the claim's matter words beyond the story's topic
 * (denial_matter, denial_topic.c: «نفى خفر السواحل أن تكون دورياته قد
 * اعترضت القارب» for «اعترضت دورية لخفر السواحل قارب المهاجرين»), a later
 * report that tells only the topic (topic_only: the funerals of the boat's
 * dead) does not, and the denial stays the site's word on the claim.
 */
#include "check/check.h"

size_t mz_voice_later_word(const mz_check_result *r, const mz_check_voice *vo, size_t live,
                           size_t best, double min_related, double coverage_full)
{
    const mz_check_member *rep = &r->members[vo->members[best]];
    if (rep->stance != MZ_DISAGREE || !rep->has_denial)
        return best;
    int latest_denial = 0;
    for (size_t i = 0; i < live; i++) {
        const mz_check_member *m = &r->members[vo->members[i]];
        if (!m->has_denial)
            continue;
        int d = mz_published_day(m->published);
        if (!d)
            return best; /* an undated denial cannot be placed */
        if (d > latest_denial)
            latest_denial = d;
    }
    size_t later = best;
    double later_w = 0;
    for (size_t i = 0; i < live; i++) {
        const mz_check_member *m = &r->members[vo->members[i]];
        double w = mz_member_weight(m, coverage_full);
        if (m->stance == MZ_AGREE && !m->has_denial && !(m->topic_only && rep->denial_matter) &&
            w >= min_related &&
            w > later_w &&
            mz_published_day(m->published) > latest_denial) {
            later = i;
            later_w = w;
        }
    }
    return later;
}
