/*
 * reason.h — the verdict's reason, in English (reason_en.c) and Arabic
 * (reason_ar.c), both written from one reading of the evidence (reason.c):
 * the same counts, sites, quotes and remarks, so the two never disagree.
 * arabic_count.c gives Arabic number–noun agreement.
 */
#ifndef MZ_REASON_H
#define MZ_REASON_H

#include "check/check.h"
#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>

/* Why a denial is mentioned on its own, after the counted stances. */
typedef enum mz_denial_remark {
    MZ_DENIAL_COUNTED = 0, /* its voice takes part (as agree or discuss) */
    MZ_DENIAL_NOT_COUNTED, /* its voice is too weakly related to take part */
    MZ_DENIAL_UNRELATED,   /* the stance model calls the article unrelated */
    /* its voice, one site, speaks through a later agreeing report of that
     * site (voice_later_word.c): the denial is its history */
    MZ_DENIAL_SITE_LATER,
} mz_denial_remark;

/* What the reason says, read once from the result. */
typedef struct mz_reason_facts {
    double min_w;                     /* a voice takes part when weight >= min_w */
    size_t agree, disagree, discuss;  /* voices taking part, per stance */
    const mz_check_voice *best_agree, *best_disagree, *best_discuss; /* NULL when none */
    bool disagree_has_denial; /* the strongest disagreeing voice carries a denial */
    /* Taking-part voices that correct the claim's own figure
     * (mz_check_voice.corrects_claim), and the strongest of them (NULL). */
    size_t correcting;
    const mz_check_voice *best_correcting;
    /* Taking-part voices weighed as disagreeing for they tell the claim's
     * event with another figure than the claim's, none giving it
     * (mz_check_voice.other_figure), and the strongest of them (NULL). */
    size_t other_figure;
    const mz_check_voice *best_other_figure;
    /* Taking-part disagreeing voices whose denial later reports tell as
     * past (mz_check_voice.overtaken: left out of the counts above), and
     * the strongest of them (NULL when none). */
    size_t n_overtaken;
    const mz_check_voice *overtaken;
    /* A denial not already quoted as the disagreement (NULL when none). */
    const mz_check_member *denial;
    mz_denial_remark denial_remark;
    /* the voice's later agreeing report when denial_remark is
     * MZ_DENIAL_SITE_LATER; NULL otherwise */
    const mz_check_member *denial_later;
    /* Voices take a side, yet the verdict is not_enough_evidence: the reason
     * says so, or "1 carries a denial" would read as a refutation. */
    bool too_weak;
    /* The first quantity whose values conflict (the claim's first), or NULL:
     * the reason says the count is contested. */
    const mz_check_quantity *conflict;
    /* With no conflict: the first quantity the claim gives a value for that
     * no source gives (claim_unmatched), or NULL: the reason says so. */
    const mz_check_quantity *unmatched;
} mz_reason_facts;

void mz_reason_read(const mz_check_result *r, double min_w, mz_reason_facts *f);

/* Appends, when a voice tells the claim's day is out of date
 * (mz_check_voice.gives_moved_day), " The event was moved to 2026-07-05
 * (site): «…»; the claim's day is 2026-07-04." — or, from the claim's day,
 * " The event was moved off the claim's day, 2025-03-09 (site): «…»." — in
 * Arabic when ar; before it, when a voice gives the event another day
 * (gives_other_day), " The sources give another day for the event:
 * 2026-12-01 (site): «…»; the claim's day is 2027-01-01." 0, or -1 on out of
 * memory (reason_moved.c). */
int mz_reason_moved_day(mz_buf *b, const mz_check_result *r, bool ar);
/* Appends, when a voice taking part names another winner of the claim's
 * match or title (mz_check_voice.other_winner), " The sources give another
 * winner: نادي الميناء (site): «…»." — in Arabic when ar. 0, or -1 out of
 * memory (reason_winner.c). */
int mz_reason_other_winner(mz_buf *b, const mz_check_result *r, bool ar);

/* Appends ": «sentence»" (cut to ~160 characters, "…" marking the cut); a
 * final full stop inside the sentence is left out, since the reason puts its
 * own after the closing quote. 0, or -1 on out of memory. */
int mz_reason_quote(mz_buf *b, const mz_check_member *m, const mz_evidence *e);

/* Quotes the voice's best evidence — its denial sentence when it disagrees
 * and carries one; for an agreeing voice whose representative's sentence
 * gives another figure of the claim's quantity, the sentence of its member
 * that gives the claim's figure (mz_reason_claim_figure_quote). */
int mz_reason_quote_voice(mz_buf *b, const mz_check_result *r, const mz_check_voice *v);

/* For agreeing voice v, where the claim's quantity has a source giving the
 * claim's figure and v's representative's quoted sentence gives another
 * (or an earlier) figure of it: the member *m and sentence *e of v's first
 * value giving the claim's figure exactly. false otherwise
 * (reason_figure.c). */
bool mz_reason_claim_figure_quote(const mz_check_result *r, const mz_check_voice *v,
                                  const mz_check_member **m, mz_evidence *e);

/* Lists the sites of up to three taking-part voices of stance st, joined by
 * sep; a voice without a site is "<article> #ID". ", …" (sep + "…") ends a
 * list that goes on. */
int mz_reason_sites(mz_buf *b, const mz_check_result *r, mz_stance st, double min_w,
                    const char *sep, const char *article);

/* As mz_reason_sites, over the taking-part voices that correct the claim's
 * figure. */
int mz_reason_correcting_sites(mz_buf *b, const mz_check_result *r, double min_w, const char *sep,
                               const char *article);
/* Quotes the sentence with which voice v corrects the claim's figure
 * (v->corrects_claim): «… 53، والصحيح 44 حالة وفاة». */
int mz_reason_quote_correction(mz_buf *b, const mz_check_result *r, const mz_check_voice *v);
/* As mz_reason_correcting_sites, over the taking-part voices that give
 * another figure than the claim's (other_figure). */
int mz_reason_other_figure_sites(mz_buf *b, const mz_check_result *r, double min_w,
                                 const char *sep, const char *article);
/* Quotes the sentence in which voice v gives its other figure
 * (v->other_figure): «… بسجنه 5 سنوات …». */
int mz_reason_quote_other_figure(mz_buf *b, const mz_check_result *r, const mz_check_voice *v);

/* The first weighed member of v that carries a denial, or NULL. */
const mz_check_member *mz_reason_denier(const mz_check_result *r, const mz_check_voice *v);
/* Appends m's site, or "<article> #ID" when it has none. */
int mz_reason_site(mz_buf *b, const mz_check_member *m, const char *article);
/* Appends m's publication day as YYYY-MM-DD (nothing when not known). */
int mz_reason_day(mz_buf *b, const mz_check_member *m);
/* Quotes the later sentence that tells v's denial as past (v->overtaken). */
int mz_reason_quote_overtaking(mz_buf *b, const mz_check_result *r, const mz_check_voice *v);
/* Whether the voice of member m, the later report that tells a denial as
 * past, is weighed as giving another figure than the claim's (other_figure):
 * it tells the event, not the claim's figure. */
bool mz_reason_later_other_figure(const mz_check_result *r, const mz_check_member *m);

/* Appends the claim's own value of q ("40", "3000–4000" with dash "–"), a
 * bound written before it as the values' are ("over 300"), and a vague one
 * as words ("dozens", «عشرات»; arabic picks the language), never its floor.
 * The terminal's list of numbers writes it so too. */
int mz_reason_claim_value(mz_buf *b, const mz_check_quantity *q, const char *over,
                          const char *under, const char *dash, bool arabic);
/* Appends, when the sources give the claim's figure of q only as another
 * period's (claim_other_period), the claim's period and theirs (" over a
 * month; the sources give it over a year"; arabic picks the language).
 * reason_period.c */
int mz_reason_other_period(mz_buf *b, const mz_check_quantity *q, bool arabic);
/* What the reason calls quantity q: the claim's own word for it when the
 * claim names it («الأسرى»), else the noun as the first source writes it
 * (أسيرا, in the accusative a count takes: odd on its own). */
const char *mz_quantity_name(const mz_check_quantity *q);
/* Appends q's distinct conflicting values (with off_claim: its values outside
 * the claim's, off_claim), each with the sites of the voices that give
 * it, at most three and "…" ("40 (a.example, c.example), 25 (b.example)"),
 * values and sites joined by sep; a bound is
 * written before its value (over: "over", "أكثر من"); a vague value is said
 * as the source did, «العشرات» in Arabic and "dozens" in English, with no
 * bound word and no number. At most four; "…" ends a list that goes on. */
int mz_reason_values(mz_buf *b, const mz_check_result *r, const mz_check_quantity *q,
                     bool off_claim, const char *sep, const char *over, const char *under,
                     const char *article, bool arabic);

int mz_reason_en(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f);
int mz_reason_ar(mz_buf *b, const mz_check_result *r, const mz_reason_facts *f);

/* ---------------------------------------------------------- arabic_count.c */

/* Arabic plural categories (as CLDR names them) of a count n: 0; 1; 2;
 * n % 100 in 3..10 (few: plural noun); n % 100 in 11..99 (many: accusative
 * singular); the rest, 100, 101, 102, 200, ... (other: genitive singular). */
typedef enum mz_ar_plural {
    MZ_AR_ZERO,
    MZ_AR_ONE,
    MZ_AR_TWO,
    MZ_AR_FEW,
    MZ_AR_MANY,
    MZ_AR_OTHER,
} mz_ar_plural;

mz_ar_plural mz_ar_plural_of(size_t n);

/* A noun (with any adjectives already agreeing) in the forms a count needs. */
typedef struct mz_ar_noun {
    const char *singular; /* مصدر — after لا, 100, 101, 200 ... */
    const char *one;      /* مصدر واحد */
    const char *two;      /* مصدران (nominative dual: the count is always a subject) */
    const char *few;      /* مصادر — 3 to 10 */
    const char *many;     /* مصدرًا — 11 to 99 */
} mz_ar_noun;

extern const mz_ar_noun mz_ar_source;             /* مصدر */
extern const mz_ar_noun mz_ar_independent_source; /* مصدر مستقل */
extern const mz_ar_noun mz_ar_article;            /* مقال */

/* Appends n with the noun in the form that agrees with it, Western digits:
 * 0 "لا مصدر", 1 "مصدر واحد", 2 "مصدران", 3 "3 مصادر", 11 "11 مصدرًا",
 * 100 "100 مصدر". 0, or -1 on out of memory. */
int mz_ar_count(mz_buf *b, size_t n, const mz_ar_noun *noun);

/* The form of a verb or adjective that follows n items of a non-human
 * noun as their predicate: one (يؤيد), two (يؤيدان), or the feminine
 * singular non-human plurals take for any other n (تؤيد). */
const char *mz_ar_agree(size_t n, const char *one, const char *two, const char *more);

#endif /* MZ_REASON_H */
