/*
 * evidence_numbers.h — the number cue of an evidence sentence read like with
 * like (evidence_numbers.c), for mz_pick_evidence and its tests.
 */
#ifndef MZ_EVIDENCE_NUMBERS_H
#define MZ_EVIDENCE_NUMBERS_H

#include "check/check.h" /* mz_number */

#define MZ_EVIDENCE_NUMS 16 /* values read of a claim, and of a sentence */

/* A claim's values, read when first needed: set text, read false. On the
 * caller's stack for one mz_pick_evidence; nothing is kept across calls. */
typedef struct mz_evidence_claim {
    const char *text;
    bool read;
    size_t n;
    mz_number v[MZ_EVIDENCE_NUMS];
} mz_evidence_claim;

/* The number cue of sentence s[0, len) against the claim's values: 1
 * (number_match) when one of its values gives a claim value's number, -1
 * (number_mismatch) when none does and one disagrees with it, 0 when none
 * counts what a claim value counts (same kind, noun key and event: «37
 * تلميذا» against «30 مدرسة» is neither). The claim is read (into c) only
 * when the sentence gives a value and c has not been read yet. */
int mz_evidence_number_cue(mz_evidence_claim *c, const char *s, size_t len);

#endif /* MZ_EVIDENCE_NUMBERS_H */
