/*
 * other_winner.c — the voices that name another winner of the claim's match
 * or title (winner.c reads who won). A claim «فاز نادي الجبل بكأس الساحل»
 * against «أحرز نادي الميناء كأس الساحل … بعد فوزه على نادي الجبل»: the
 * source tells the claim's final, with the other side the winner. Such a
 * voice, where no source names the claim's winner of it, is marked
 * (gives_other_winner) and the verdict weighs it as disagreeing
 * (verdict.c weigh_other_winner). Read only for a claim that names a
 * winner, with a loser or a title: other claims cost nothing.
 */
#include "check/winner.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 160

typedef struct side_keys {
    char win[128], lose[128], title[128];
} side_keys;

/* Reads a sentence's words (at most MAX_WORDS) and who won in it. */
static bool read_text(const char *s, size_t len, mz_word *ws, size_t *n, mz_winner_read *wr,
                      side_keys *k)
{
    mz_word_iter it;
    mz_words_init(&it, s, len);
    *n = 0;
    while (*n < MAX_WORDS && mz_words_next(&it, &ws[*n]))
        (*n)++;
    if (!mz_read_winner(ws, *n, wr))
        return false;
    mz_winner_side_key(ws, wr->win_a, wr->win_b, k->win, sizeof k->win);
    mz_winner_side_key(ws, wr->lose_a, wr->lose_b, k->lose, sizeof k->lose);
    mz_winner_side_key(ws, wr->title_a, wr->title_b, k->title, sizeof k->title);
    return true;
}

/* Whether sentence keys s tell the claim's match or title (claim keys c):
 * the claim's two sides, or its title (by name; a title without one, «فاز
 * باللقب», by the claim's winner as the sentence's loser). */
static bool same_contest(const side_keys *c, const side_keys *s)
{
    if (*c->lose)
        return *s->win && *s->lose &&
               ((!strcmp(s->win, c->win) && !strcmp(s->lose, c->lose)) ||
                (!strcmp(s->win, c->lose) && !strcmp(s->lose, c->win)));
    if (*c->title && *s->title)
        return !strcmp(c->title, s->title);
    return false;
}

mz_status mz_check_read_winners(mz_check_result *r)
{
    for (size_t i = 0; i < r->n_voices; i++)
        r->voices[i].gives_other_winner = false;
    if (!r->claim || !r->n_voices)
        return MZ_OK;
    mz_word *ws = malloc(MAX_WORDS * sizeof *ws);
    if (!ws)
        return MZ_ERR_NOMEM;
    size_t n;
    mz_winner_read cw, sw;
    side_keys ck, sk;
    if (!read_text(r->claim, strlen(r->claim), ws, &n, &cw, &ck) || !*ck.win ||
        (!*ck.lose && cw.title_a == cw.title_b)) {
        free(ws);
        return MZ_OK; /* the claim names no winner of a match or a title */
    }
    bool claim_winner = false;
    mz_sentences sents = {0};
    mz_status rc = MZ_OK;
    for (size_t vi = 0; vi < r->n_voices && !claim_winner && rc == MZ_OK; vi++) {
        mz_check_voice *v = &r->voices[vi];
        for (size_t mi = 0; mi < v->n_members && !claim_winner; mi++) {
            const mz_check_member *m = &r->members[v->members[mi]];
            if (m->superseded_by || !m->body)
                continue;
            sents.n = 0;
            if ((rc = mz_split_sentences(m->body, m->body_len, &sents)) != MZ_OK)
                break;
            for (size_t si = 0; si < sents.n && !claim_winner; si++) {
                const char *s = m->body + sents.v[si].start;
                size_t len = sents.v[si].end - sents.v[si].start;
                if (!read_text(s, len, ws, &n, &sw, &sk) || !same_contest(&ck, &sk) || !*sk.win)
                    continue;
                if (!strcmp(sk.win, ck.win)) {
                    claim_winner = true; /* a source names the claim's winner */
                } else if (!v->gives_other_winner) {
                    v->gives_other_winner = true;
                    v->winner_member = v->members[mi];
                    v->winner_start = sents.v[si].start;
                    v->winner_end = sents.v[si].end;
                    v->winner_name_start = sents.v[si].start + ws[sw.win_a].start;
                    v->winner_name_end = sents.v[si].start + ws[sw.win_b - 1].end;
                }
            }
        }
    }
    mz_sentences_clear(&sents);
    free(ws);
    if (claim_winner)
        for (size_t i = 0; i < r->n_voices; i++)
            r->voices[i].gives_other_winner = false;
    return rc;
}
