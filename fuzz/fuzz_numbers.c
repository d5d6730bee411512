/* fuzz_numbers.c — quantities and word shingles of arbitrary bytes: values
 * in range of the text, ordered, numbers finite and ordered (lo <= hi), the
 * count never smaller than what was written; each value's day made a date by
 * a publication date (a fixed one, and the input's first bytes read as one)
 * is a key of a known kind; MinHash never reads out of
 * bounds and a text is always identical to itself; the figures a sentence
 * rejects (numbers_correction.c) are at most the cap, each one of the
 * sentence's numbers, and the figures given instead lie in the text (in their
 * sentence, for a whole body's); the events named are known ones (events.c).
 * The check module's sources are compiled in (the fuzz build links only
 * text/, util/ and the JSONL parser). */
#include "../src/check/words.c"
#include "../src/check/events.c"
#include "../src/check/days.c"
#include "../src/check/days_resolve.c"
#include "../src/check/days_future.c"
#include "../src/check/numbers.c"
#include "../src/check/numbers_keys.c"
#include "../src/check/numbers_words.c"
#include "../src/check/numbers_dates.c"
#include "../src/check/numbers_vague.c"
#include "../src/check/numbers_nouns.c"
#include "../src/check/numbers_dual_time.c"
#include "../src/check/numbers_earlier.c"
#include "../src/check/numbers_change.c"
#include "../src/check/numbers_change_subject.c"
#include "../src/check/numbers_points.c"
#include "../src/check/numbers_basis.c"
#include "../src/check/numbers_other_story.c"
#include "../src/check/numbers_parts.c"
#include "../src/check/numbers_of.c"
#include "../src/check/numbers_correction.c"
#include "../src/check/numbers_rising.c"
#include "../src/check/numbers_added.c"
#include "../src/check/numbers_replaced.c"
#include "../src/check/numbers_demanded.c"
#include "../src/check/numbers_attributed.c"
#include "../src/check/numbers_score.c"
#include "../src/check/numbers_ceiling.c"
#include "../src/check/numbers_speed.c"
#include "../src/check/numbers_moved.c"
#include "../src/check/numbers_last_month.c"
#include "../src/check/numbers_period.c"
#include "../src/check/numbers_market.c"
#include "../src/check/numbers_rate.c"
#include "../src/check/numbers_measure_head.c"
#include "../src/check/numbers_hearsay.c"
#include "../src/check/numbers_on_day.c"
#include "../src/check/numbers_out_of.c"
#include "../src/check/numbers_compared.c"
#include "../src/check/numbers_weekday.c"
#include "../src/check/numbers_revised.c"
#include "../src/check/numbers_answer_event.c"
#include "../src/check/numbers_among.c"
#include "../src/check/voices.c"

#include <math.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    mz_number v[32];
    size_t n = mz_numbers_extract(s, size, v, 32);
    size_t shown = n < 32 ? n : 32;
    for (size_t i = 0; i < shown; i++) {
        CHECK(v[i].start < v[i].end && v[i].end <= size);
        if (i)
            CHECK(v[i].start >= v[i - 1].end);
        CHECK(!isnan(v[i].number) && !isnan(v[i].number_max));
        CHECK(v[i].number <= v[i].number_max);
        CHECK(strlen(v[i].noun) < sizeof v[i].noun && strlen(v[i].noun_key) < sizeof v[i].noun_key);
        /* what an amount is of (numbers_of.c): both read or neither */
        CHECK(memchr(v[i].of, 0, sizeof v[i].of) && memchr(v[i].of_key, 0, sizeof v[i].of_key));
        CHECK(!v[i].of[0] == !v[i].of_key[0]);
        CHECK(memchr(v[i].day, 0, sizeof v[i].day) != NULL);
        char out[16], pub[40];
        size_t pl = size < sizeof pub - 1 ? size : sizeof pub - 1;
        memcpy(pub, s, pl);
        pub[pl] = '\0';
        const char *dates[] = {"2017-01-01", "Sun, 31 Dec 2017 23:00:00 +0000", pub};
        for (size_t k = 0; k < 3; k++) {
            mz_day_resolve(v[i].day, dates[k], out, sizeof out);
            int a, b;
            CHECK(memchr(out, 0, sizeof out) != NULL);
            CHECK(!out[0] || mz_day_parts(out, &a, &b));
            CHECK(out[0] != 'n'); /* an order left unknown names no day */
        }
        (void)mz_num_denied(s, size, v[i].start); /* reads only s[0..size) */
    }
    (void)mz_num_denied(s, size, size);
    /* the claim check's reading, with scores (numbers_score.c): in the
     * text, ordered, a score two whole numbers fewer first */
    mz_number w[32];
    size_t nw = mz_numbers_extract_scores(s, size, w, 32);
    for (size_t i = 0; i < nw && i < 32; i++) {
        CHECK(w[i].start < w[i].end && w[i].end <= size);
        if (i)
            CHECK(w[i].start >= w[i - 1].end);
        CHECK(w[i].number <= w[i].number_max);
        if (w[i].kind == MZ_QTY_SCORE) {
            CHECK(w[i].number == floor(w[i].number) && w[i].number_max <= 999);
            (void)mz_num_score_of_claim("فاز نادي الشعلة على نادي الميناء 2-1", s, size, w[i].end);
        }
    }
    { /* the event's weekdays (numbers_weekday.c): appended, in the text, dated */
        mz_claim_stems cs;
        mz_claim_stems_of("وصل وزير الخارجية إلى تارسيا يوم الأحد 9 آذار", &cs);
        size_t n0 = nw < 32 ? nw : 32, nd = mz_num_weekday_dates(&cs, s, size, w, n0, 32);
        CHECK(nd >= n0 && nd <= 32);
        for (size_t i = n0; i < nd; i++)
            CHECK(w[i].start < w[i].end && w[i].end <= size && w[i].kind == MZ_QTY_DATE &&
                  w[i].day[0] == 'w');
    }
    { /* a revision's figure (numbers_revised.c): marks only, never a date */
        size_t n0 = nw < 32 ? nw : 32;
        mz_num_mark_revised(s, size, w, n0);
        for (size_t i = 0; i < n0; i++)
            CHECK(!w[i].revised || w[i].kind != MZ_QTY_DATE);
    }
    mz_num_correction cr[4];
    size_t nr = mz_num_corrections(s, size, cr, 4);
    CHECK(nr <= 4);
    for (size_t r = 0; r < nr; r++) {
        /* one of the first MAX_NUMS numbers extracted, scores read («3-1
         * وليس 2-1»: the correction reader reads them) */
        bool among = false;
        for (size_t i = 0; i < nw && i < 32 && i < MAX_NUMS && !among; i++)
            among = w[i].number == cr[r].lo && w[i].number_max == cr[r].hi;
        CHECK(among);
        /* the figure given instead lies in the text, before the rejected one */
        CHECK(!cr[r].has_instead ||
              (cr[r].instead.start < cr[r].instead.end && cr[r].instead.end <= size));
    }
    CHECK(mz_num_corrections(s, size, cr, 0) == 0);
    mz_body_correction *bc;
    size_t nb;
    if (mz_body_corrections(s, size, &bc, &nb) == MZ_OK) {
        for (size_t r = 0; r < nb; r++) {
            CHECK(bc[r].start < bc[r].end && bc[r].end <= size);
            CHECK(!bc[r].c.has_instead || bc[r].c.instead.end <= bc[r].end - bc[r].start);
        }
        free(bc);
    }
    CHECK(mz_events_in(s, size) < (1u << MZ_N_EVENTS) && !(mz_events_in(s, size) & 1u));
    mz_minhash a, b;
    mz_minhash_text(s, size, &a);
    mz_minhash_text(s, size, &b);
    CHECK(a.n_shingles == 0 || mz_minhash_similarity(&a, &b) == 1.0);
    return 0;
}
