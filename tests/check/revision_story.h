/* revision_story.h — the elections desk's turnout, built by hand
 * (verdict_spec.h) for the tests of a revised figure
 * (test_revised_other_figure.c, test_reason_figure.c): the commission's
 * preliminary 41.3% and its revision to 43.1%. Include after
 * verdict_spec.h. */
#ifndef MZ_TEST_REVISION_STORY_H
#define MZ_TEST_REVISION_STORY_H

static const char *const PRELIMINARY =
    "أعلنت المفوضية العليا للانتخابات أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3% وفق "
    "النتائج الأولية.";
static const char *const REVISION =
    "عدّلت المفوضية نسبة المشاركة إلى 43.1% بعد احتساب أصوات المغتربين وإنهاء فرز الصناديق "
    "المتأخرة.";

/* The preliminary report (20 April, read agree) and the revision (25
 * April, read unrelated): one voice when `one_site`, else two. */
static inline mz_check_result *checked(const char *claim, bool one_site)
{
    spec s[] = {{"sirania-news.example", PRELIMINARY, "assertion", 0.6, 0.15, 0.2},
                {one_site ? "sirania-news.example" : "wakala.example", REVISION, "overlap", 0.2,
                 0.1, 0.2}};
    mz_check_result *r = build(s, 2);
    free(r->claim);
    r->claim = strdup(claim);
    r->members[0].published = strdup("2026-04-20");
    r->members[1].published = strdup("2026-04-25");
    if (one_site) { /* the site's two articles are one voice */
        mz_check_voice *v = &r->voices[1];
        for (size_t i = 0; i < v->n_sources; i++)
            free(v->sources[i]);
        free(v->sources);
        free(v->members);
        r->n_voices = 1;
        size_t *m = realloc(r->voices[0].members, 2 * sizeof *m);
        assert_non_null(m);
        m[1] = 1;
        r->voices[0].members = m;
        r->voices[0].n_members = 2;
        r->members[1].voice = 1;
    }
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

#endif
