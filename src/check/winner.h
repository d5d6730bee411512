/*
 * winner.h — who won, as a sentence says it (winner.c), and the voices that
 * name another winner than the claim's (other_winner.c).
 */
#ifndef MZ_CHECK_WINNER_H
#define MZ_CHECK_WINNER_H

#include "check/check.h"

/* The sides a sentence names, as word spans [a, b) into its words; a == b
 * where it names none (a pronoun: «بعد فوزه على نادي الجبل»). */
typedef struct mz_winner_read {
    size_t win_a, win_b;
    size_t lose_a, lose_b;
    size_t title_a, title_b; /* «كأس الساحل», «باللقب» */
} mz_winner_read;

/* Reads who won in the n words of one sentence: «فاز/تغلب/انتصر X على Y»,
 * «فوز X على Y», «خسر/هُزم Y أمام X», «توج X باللقب», «أحرز X كأس …»,
 * «X يهزم Y». True when it names a winner or a loser, with the other side
 * or a title, in a sentence of a match or a title (a word of one: كأس،
 * مباراة، نادي، منتخب …): «سيطرت القوات على …» is no win. */
bool mz_read_winner(const mz_word *ws, size_t n, mz_winner_read *out);

/* The key a side is compared by: the stem of its first word after a word
 * of a team (نادي، منتخب، فريق) or a title (كأس، لقب); "" when none. */
void mz_winner_side_key(const mz_word *ws, size_t a, size_t b, char *out, size_t cap);

/* Marks the voices whose articles name another winner of the claim's match
 * or title than the claim's, where no source names the claim's
 * (mz_check_voice.gives_other_winner); nothing unless the claim names one. */
mz_status mz_check_read_winners(mz_check_result *r);

#endif
