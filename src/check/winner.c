/*
 * winner.c — who won, as one sentence says it. A claim «فاز نادي الجبل
 * بكأس الساحل» against «أحرز نادي الميناء كأس الساحل … بعد فوزه على نادي
 * الجبل» names the other side the winner; a score reader sees no figure in
 * either, and the stance model reads the same words and calls it agreeing.
 *
 * The sides are word spans right after the verb or the noun of the result
 * (a team word, نادي/منتخب/فريق, and the name after it, or a name of one or
 * two words), compared by the stem of their first name word. Only a
 * sentence of a match or a title is read: «تغلب الجيش على المسلحين» and
 * «سيطرت القوات على …» are no win of a match.
 */
#include "check/winner.h"

#include <string.h>

/* Verbs after which the winner is named (و/ف before them allowed). */
static const char *const win_verbs[] = {"فاز",  "يفوز",  "تغلب", "يتغلب", "انتصر", "ينتصر",
                                        "احرز", "يحرز",  "توج",  "يتوج",  "تاهل",  "يتاهل"};
/* Verbs with the winner before and the loser after: «X يهزم Y»; at the
 * sentence's start, «هزم X Y»; «هُزم Y أمام X» (no diacritics: أمام tells). */
static const char *const beat_verbs[] = {"هزم", "يهزم", "اكتسح", "يكتسح", "سحق", "يسحق"};
/* Verbs and nouns with the loser after, the winner after أمام. */
static const char *const lose_words[] = {"خسر", "يخسر", "خساره", "هزيمه"};
/* Nouns of a win: «فوز X على Y», «بعد فوزه على Y». */
static const char *const win_nouns[] = {"فوز", "انتصار"};
static const char *const noun_prefixes[] = {"", "و", "ب", "ل", "وب", "ال", "بال"};
static const char *const pronouns[] = {"", "ه", "ها", "هم"};
/* Words of a team, before its name. */
static const char *const team_words[] = {"نادي", "النادي", "منتخب", "المنتخب", "فريق", "الفريق"};
/* Stems of a title: كأس، لقب، بطولة، دوري، ميدالية. */
static const char *const title_stems[] = {"كاس", "لقب", "بطوله", "دوري", "ميداليه"};
/* Stems of a match, one of which (or a title's, a team word) the sentence
 * must hold. */
static const char *const match_stems[] = {"مباراه", "مباريات", "نهائي",  "هدف",   "هدفين",
                                          "اهداف",  "ملعب",    "مونديال", "كره",    "الشوط",
                                          "شوط",    "منتخب",   "نادي",    "فريق",   "بنتيجه"};
/* Words that end a name. */
static const char *const stoppers[] = {"علي", "امام", "بعد",  "في",  "من",  "مقابل", "عن",
                                       "الي", "حساب", "الذي", "التي", "اليوم", "مساء",  "رغم"};

static bool in(const char *k, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(k, v[i]))
            return true;
    return false;
}
#define IN(k, v) in(k, v, sizeof v / sizeof *v)

/* Whether key k is w after a prefix و or ف (or none). */
static bool verb_is(const char *k, const char *const *v, size_t n)
{
    if (in(k, v, n))
        return true;
    return (!strncmp(k, "و", 2) || !strncmp(k, "ف", 2)) && in(k + 2, v, n);
}
#define VERB(k, v) verb_is(k, v, sizeof v / sizeof *v)

/* Whether k is a noun of a win, with a prefix and a pronoun: بفوزه;
 * *pron set when a pronoun names the winner. */
static bool win_noun(const char *k, bool *pron)
{
    for (size_t p = 0; p < sizeof noun_prefixes / sizeof *noun_prefixes; p++) {
        size_t pl = strlen(noun_prefixes[p]);
        if (strncmp(k, noun_prefixes[p], pl))
            continue;
        for (size_t w = 0; w < sizeof win_nouns / sizeof *win_nouns; w++) {
            size_t wl = strlen(win_nouns[w]);
            if (strncmp(k + pl, win_nouns[w], wl))
                continue;
            for (size_t s = 0; s < sizeof pronouns / sizeof *pronouns; s++)
                if (!strcmp(k + pl + wl, pronouns[s])) {
                    *pron = s > 0;
                    return true;
                }
        }
    }
    return false;
}

static void stem_of(const mz_word *w, char *out, size_t cap)
{
    mz_word_stem(w->key, w->key_len, 0, out, cap);
}

static bool title_word(const mz_word *w)
{
    char st[128];
    stem_of(w, st, sizeof st);
    return IN(st, title_stems);
}

static bool stopper(const mz_word *w)
{
    return w->is_number || IN(w->key, stoppers) || title_word(w) ||
           VERB(w->key, win_verbs) || VERB(w->key, beat_verbs);
}

/* The name at word i: a team word and the word after it, or one or two
 * name words; its end in *b. False where none begins at i. */
static bool name_at(const mz_word *ws, size_t n, size_t i, size_t *b)
{
    if (i >= n || stopper(&ws[i]))
        return false;
    size_t j = i;
    if (IN(ws[i].key, team_words)) {
        j++;
        if (j >= n || stopper(&ws[j]))
            return false;
    }
    j++;
    if (j < n && !stopper(&ws[j]) && ws[j].key[0] != 0 && !IN(ws[i].key, team_words) &&
        strncmp(ws[j].key, "ب", 2) && strncmp(ws[j].key, "ل", 2))
        j++; /* a name of two words: «ريال مدريد» */
    *b = j;
    return true;
}

/* The title at word i: a title word and the name after it («كأس الساحل»),
 * or the title word alone («باللقب»). */
static bool title_at(const mz_word *ws, size_t n, size_t i, size_t *b)
{
    if (i >= n || !title_word(&ws[i]))
        return false;
    *b = i + 1 < n && !stopper(&ws[i + 1]) ? i + 2 : i + 1;
    return true;
}

/* Where a name right before word i > 0 begins: its team word, or i - 1. */
static size_t subject_at(const mz_word *ws, size_t i)
{
    return i >= 2 && IN(ws[i - 2].key, team_words) ? i - 2 : i - 1;
}

static bool match_sentence(const mz_word *ws, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char st[128];
        stem_of(&ws[i], st, sizeof st);
        if (IN(st, match_stems) || IN(ws[i].key, match_stems) || IN(st, title_stems) ||
            IN(ws[i].key, team_words))
            return true;
    }
    return false;
}

static void set(size_t *a, size_t *b, size_t x, size_t y)
{
    if (*a == *b) {
        *a = x;
        *b = y;
    }
}

bool mz_read_winner(const mz_word *ws, size_t n, mz_winner_read *o)
{
    memset(o, 0, sizeof *o);
    if (!match_sentence(ws, n))
        return false;
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        const char *k = ws[i].key;
        size_t e, e2;
        bool pron = false;
        if (VERB(k, win_verbs) || win_noun(k, &pron)) {
            /* «فاز X على Y», «فاز X بكأس …», «أحرز X كأس …», «فوزه على Y» */
            size_t at = i + 1, wa = at, wb = at;
            if (!pron && name_at(ws, n, at, &e)) {
                wb = e;
                at = e;
            }
            if (at < n && !strcmp(ws[at].key, "علي") && name_at(ws, n, at + 1, &e2)) {
                set(&o->win_a, &o->win_b, wa, wb);
                set(&o->lose_a, &o->lose_b, at + 1, e2);
                found = true;
            } else if (title_at(ws, n, at, &e2)) {
                set(&o->win_a, &o->win_b, wa, wb);
                set(&o->title_a, &o->title_b, at, e2);
                found = wa < wb || found;
            }
        } else if (VERB(k, beat_verbs) || VERB(k, lose_words)) {
            bool lose = VERB(k, lose_words);
            if (!name_at(ws, n, i + 1, &e))
                continue;
            if (e < n && !strcmp(ws[e].key, "امام") && name_at(ws, n, e + 1, &e2)) {
                /* «خسر Y أمام X», «هُزم Y أمام X» */
                set(&o->win_a, &o->win_b, e + 1, e2);
                set(&o->lose_a, &o->lose_b, i + 1, e);
                found = true;
            } else if (!lose && i > 0 && name_at(ws, n, subject_at(ws, i), &e2) && e2 == i) {
                /* «X يهزم Y» */
                set(&o->win_a, &o->win_b, subject_at(ws, i), i);
                set(&o->lose_a, &o->lose_b, i + 1, e);
                found = true;
            } else if (!lose && i == 0 && name_at(ws, n, e, &e2)) {
                /* «هزم X Y» */
                set(&o->win_a, &o->win_b, i + 1, e);
                set(&o->lose_a, &o->lose_b, e, e2);
                found = true;
            }
        }
    }
    if (found && o->win_a == o->win_b && o->lose_a == o->lose_b)
        found = false;
    return found;
}

void mz_winner_side_key(const mz_word *ws, size_t a, size_t b, char *out, size_t cap)
{
    out[0] = 0;
    for (size_t i = a; i < b; i++) {
        if (IN(ws[i].key, team_words) || title_word(&ws[i]))
            continue;
        stem_of(&ws[i], out, cap);
        return;
    }
}
