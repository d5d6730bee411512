/*
 * numbers_score.c — a match's score («فاز على ضيفه 3-1», «خسر 1-3»,
 * «تعادل الفريقان 2-2»): two whole numbers joined by a dash after a word of
 * the result (فاز، تغلب، خسر، تعادل، هزم، بنتيجة). Read as a range, «1-3»
 * was one to three goals and «2-1» met «3-1»; a falling pair was dropped.
 * A score is a quantity of its own kind (MZ_QTY_SCORE) compared exactly.
 *
 * Its sides: a score is kept as the two numbers, fewer first (number,
 * number_max), so «فاز 3-1» and «خسر 1-3» — one result told from the two
 * sides — meet. Which side won is what the words say (فاز or خسر, and of
 * whom), not the order of the figures: Arabic news writes the home side
 * first as often as the winner first, so the order tells no side.
 */
#include "check/numbers.h"
#include "text/text.h"

#include <stdlib.h>

/* The words of a result, after a prefix (stems_prefixes): فاز، وفاز،
 * بنتيجة، النتيجة، بفوز، الخسارة، التعادل. */
static const char *const score_stems[] = {"فاز",   "فوز",   "تغلب", "خسر",   "خساره",
                                          "تعادل", "هزم",   "هزيمه", "نتيجه", "انتصر",
                                          "انتصار", "اكتسح", "سحق"};
static const char *const score_prefixes[] = {"", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "وب"};

/* The keys of nouns that follow a score (mz_num_noun_after's): its time,
 * its place, its round («مساء», «يوم», «الشوط», «ذهابا», «على ملعبه»). */
static const char *const after_score[] = {
    "مساء", "صباح", "ظهر", "عصر", "يله", "ليل", "يوم",  "امس", "خارج", "داخل", "شوط", "ذهاب",
    "اياب", "ملعب", "ارض", "لقاء", "مبارا", "جول", "دور", "حساب", "ركل", "وسط", "نهاي", "بداي",
    "اول",  "سبت", "احد", "اثن", "ثلاثاء", "اربعاء", "خميس", "جمع"};

/* Words a number right after names: «المادة 3-1», «الآية 3-1», «رقم 3-1». */
static const char *const not_score_before[] = {"الماده", "ماده",  "الايه", "ايه",   "الايات",
                                               "الفقره", "فقره",  "البند", "بند",   "رقم",
                                               "هاتف",   "الهاتف", "سوره",  "السوره", "الفصل"};

/* Whether w is a word of a match's result. */
static bool score_word(const mz_word *w)
{
    for (size_t p = 0; p < sizeof score_prefixes / sizeof *score_prefixes; p++) {
        size_t pl = strlen(score_prefixes[p]);
        if (strncmp(w->key, score_prefixes[p], pl))
            continue;
        for (size_t k = 0; k < sizeof score_stems / sizeof *score_stems; k++)
            if (!strncmp(w->key + pl, score_stems[k], strlen(score_stems[k])))
                return true;
    }
    return false;
}

/* Whether the bytes between two words are one dash, spaces around it. */
static bool score_dash(const char *s, size_t a, size_t b)
{
    int dashes = 0;
    for (size_t i = a; i < b;) {
        if (s[i] == ' ') {
            i++;
        } else if (s[i] == '-') {
            dashes++;
            i++;
        } else if (i + 3 <= b && !memcmp(s + i, "\xE2\x80\x93", 3)) {
            dashes++; /* en dash */
            i += 3;
        } else {
            return false;
        }
    }
    return dashes == 1;
}

/* A side's goals at word i: plain digits, three at most. */
static bool goals(const mz_word *w, int *g)
{
    size_t n = strspn(w->key, "0123456789");
    if (!w->is_number || n == 0 || n > 3 || n != w->key_len)
        return false;
    *g = atoi(w->key);
    return true;
}

/* Whether a word that is_word says yes to stands within a few words before
 * word at, in its clause. */
static bool said_before(const words *ws, const char *s, size_t at,
                        bool (*is_word)(const mz_word *))
{
    for (size_t k = at, seen = 0; k > 0 && seen < 10; k--, seen++) {
        if (mz_num_clause_between(s, ws->v[k - 1].end, ws->v[k].start))
            return false;
        if (is_word(&ws->v[k - 1]))
            return true;
    }
    return false;
}

/* Whether a word of the result stands within a few words before word at,
 * in its clause. */
static bool result_before(const words *ws, const char *s, size_t at)
{
    return said_before(ws, s, at, score_word);
}

/* Whether word i-1 corrects or rejects the pair at word i («والصحيح 3-1»,
 * «وليس 2-1»), or word i+2 the other way round («3-1 وليس 2-1»), and a
 * word of the result stands anywhere before it in the
 * sentence: «فاز الشعلة على الميناء 2-1، والصحيح 3-1» — the correction
 * may be a clause or more past the result. */
static bool corrected_score(const words *ws, size_t i)
{
    static const char *const fix[] = {"والصحيح", "والصواب", "فالصحيح", "والاصح",
                                      "وليس",    "ليس",     "وليست",   "ليست"};
    /* the word before the pair, or the one after it («3-1 وليس 2-1») */
    if (i < 1 || (!in_list(ws->v[i - 1].key, fix, sizeof fix / sizeof *fix) &&
                  !(i + 2 < ws->n && in_list(ws->v[i + 2].key, fix, sizeof fix / sizeof *fix))))
        return false;
    for (size_t k = i - 1; k-- > 0;)
        if (score_word(&ws->v[k]))
            return true;
    return false;
}

bool mz_num_score(const words *ws, const char *s, size_t i, mz_number *n, size_t *after)
{
    int a, b;
    if (i + 1 >= ws->n || !goals(&ws->v[i], &a) || !goals(&ws->v[i + 1], &b) ||
        !score_dash(s, ws->v[i].end, ws->v[i + 1].start))
        return false;
    if (i > 0 && (in_list(ws->v[i - 1].key, not_score_before,
                          sizeof not_score_before / sizeof *not_score_before) ||
                  ws->v[i - 1].is_number))
        return false;
    size_t past = i + 2;
    if (past < ws->n) {
        const mz_word *nx = &ws->v[past];
        const numword *nw = mz_num_word_key(nx->key);
        size_t month_at = past;
        /* «3-4 آلاف», «3-1-2026», «3-5 مايو», «2-3%»: a range, a date, a rate */
        if ((nw && nw->order == 3) || nx->is_number || mz_num_month_follows(ws, &month_at) ||
            strchr(ws->v[i + 1].key, '%'))
            return false;
    }
    if (!result_before(ws, s, i) && !corrected_score(ws, i))
        return false;
    /* «فاز الحزب بـ 3-4 مقاعد», «خسر الجيش 3-4 جنود»: a range of a noun;
     * a word of the match's time or place («2-1 مساء السبت», «3-1 ذهابا»)
     * or a verb («ليتصدر») after a score is none */
    memset(n, 0, sizeof *n);
    /* «4-0، سجلها الثلاثي»: the noun is past the clause */
    bool mark = past < ws->n && mz_num_clause_between(s, ws->v[i + 1].end, ws->v[past].start);
    if (past < ws->n && !mark)
        mz_num_noun_after(ws, s, past, n);
    if (n->noun_key[0] && strncmp(n->noun_key, "ي", strlen("ي")) &&
        !in_list(n->noun_key, after_score, sizeof after_score / sizeof *after_score))
        return false;
    memset(n, 0, sizeof *n);
    n->start = ws->v[i].start;
    n->end = ws->v[i + 1].end;
    n->number = a < b ? a : b;
    n->number_max = a < b ? b : a;
    n->kind = MZ_QTY_SCORE;
    strcpy(n->noun, "النتيجة");
    strcpy(n->noun_key, "score");
    *after = past;
    return true;
}

/* The coarse stem of a content word of a claim or a sentence: "" for a
 * number, a stopword or a word of the result (فاز and تغلب tell one match). */
static void score_stem(const mz_word *w, char *out, size_t cap)
{
    out[0] = '\0';
    if (w->is_number || mz_is_stopword(w->key, w->key_len) || score_word(w) ||
        !mz_word_stem(w->key, w->key_len, 1, out, cap))
        out[0] = '\0';
}

bool mz_num_score_of_claim(const char *claim, const char *s, size_t len, size_t vend)
{
    /* the sentence up to the score's clause's end: «فاز الشعلة على الوادي
     * 2-0، بفارق 6 نقاط عن الجبل الذي خسر أمام الميناء» names no match
     * with الميناء */
    while (vend < len && !mz_num_clause_mark(s, vend, len))
        vend++;
    len = vend;
    enum { MAX_STEMS = 64 };
    char have[MAX_STEMS][64];
    size_t n_have = 0, wanted = 0, missing = 0;
    mz_word_iter it;
    mz_word w;
    mz_words_init(&it, s, len);
    while (n_have < MAX_STEMS && mz_words_next(&it, &w)) {
        score_stem(&w, have[n_have], sizeof have[0]);
        if (have[n_have][0])
            n_have++;
    }
    mz_words_init(&it, claim, strlen(claim));
    while (mz_words_next(&it, &w)) {
        char stem[64];
        score_stem(&w, stem, sizeof stem);
        if (!stem[0])
            continue;
        wanted++;
        bool found = false;
        for (size_t i = 0; i < n_have && !found; i++)
            found = !strcmp(have[i], stem);
        missing += !found;
    }
    /* one word of a long claim may be told otherwise («في مباراة», «الجولة») */
    return missing <= (wanted ? (wanted - 1) / 4 : 0);
}

/* Whether the claim gives a count of n's noun, n no running total. */
static bool claims_count_of(const mz_number *n, const mz_number *claim_nums, size_t n_claim)
{
    if (n->kind != MZ_QTY_COUNT || mz_num_is_tally_key(n->of_key))
        return false; /* «ليرفع رصيده إلى 56 نقطة»: the table's, not the match's */
    for (size_t c = 0; c < n_claim; c++)
        if (claim_nums[c].kind == MZ_QTY_COUNT && !strcmp(claim_nums[c].noun_key, n->noun_key))
            return true;
    return false;
}

void mz_num_mark_other_match(const char *claim, const mz_number *claim_nums, size_t n_claim,
                             const char *s, size_t len, mz_number *nums, size_t n)
{
    bool score = false, counted = false;
    for (size_t i = 0; i < n; i++) {
        score = score || nums[i].kind == MZ_QTY_SCORE;
        counted = counted || claims_count_of(&nums[i], claim_nums, n_claim);
    }
    if (!score || !counted)
        return; /* most sentences: no score, or nothing the claim counts */
    for (size_t i = 0; i < n; i++)
        if (nums[i].kind == MZ_QTY_SCORE && mz_num_score_of_claim(claim, s, len, nums[i].end))
            return; /* the sentence tells the claim's match */
    for (size_t i = 0; i < n; i++)
        if (claims_count_of(&nums[i], claim_nums, n_claim))
            nums[i].other_story = true;
}

/* A side's goals in words at word i: «بثلاثة أهداف», «3 أهداف», «بهدفين»,
 * «بهدف», «هدف», «لهدفين» (ب or ل on the first word); *next is the word
 * after them. */
static bool goals_in_words(const words *ws, size_t i, int *g, size_t *next)
{
    if (i >= ws->n)
        return false;
    const char *k = ws->v[i].key;
    if (!strncmp(k, "ب", strlen("ب")) || !strncmp(k, "ل", strlen("ل")))
        k += strlen("ب"); /* ب and ل are two bytes each */
    *next = i + 1;
    if (!strcmp(k, "هدف") || !strcmp(k, "هدفا")) {
        *g = 1;
        return true;
    }
    if (!strcmp(k, "هدفين")) {
        *g = 2;
        return true;
    }
    int n;
    if (!goals(&ws->v[i], &n)) {
        const numword *nw = mz_num_word_key(k);
        if (!nw || nw->order != 0 || nw->value != (int)nw->value)
            return false;
        n = (int)nw->value;
    }
    if (i + 1 >= ws->n || !(eq(&ws->v[i + 1], "اهداف") || eq(&ws->v[i + 1], "هدفا")))
        return false;
    *g = n;
    *next = i + 2;
    return true;
}

static bool draw_word(const mz_word *w)
{
    return strstr(w->key, "تعادل") != NULL; /* تعادل, التعادل, وتعادلا */
}

/* Whether a word of a draw stands within a few words before word at, in
 * its clause. */
static bool draw_before(const words *ws, const char *s, size_t at)
{
    return said_before(ws, s, at, draw_word);
}

bool mz_num_score_words(const words *ws, const char *s, size_t i, mz_number *n,
                        size_t *after)
{
    int a = 0, b = -1;
    size_t j;
    const char *k = ws->v[i].key;
    if (!strcmp(k, "سلبي") || !strcmp(k, "سلبيا") || !strcmp(k, "السلبي")) {
        /* «تعادل سلبي», «تعادل الفريقان سلبيا»: 0-0 */
        if (!draw_before(ws, s, i))
            return false;
        b = 0;
        j = i + 1;
    } else {
        if (!goals_in_words(ws, i, &a, &j) || j >= ws->n)
            return false;
        size_t past;
        if (eq(&ws->v[j], "مقابل") && goals_in_words(ws, j + 1, &b, &past)) {
            j = past; /* «بثلاثة أهداف مقابل هدف» */
        } else if (!strncmp(ws->v[j].key, "ل", strlen("ل")) && goals_in_words(ws, j, &b, &past)) {
            j = past; /* «بثلاثة أهداف لهدفين» */
        } else if (eq(&ws->v[j], "دون") && j + 1 < ws->n && eq(&ws->v[j + 1], "رد")) {
            b = 0; /* «بهدفين دون رد» */
            j += 2;
        } else if (eq(&ws->v[j], "نظيف") || eq(&ws->v[j], "نظيفه") || eq(&ws->v[j], "نظيفين") ||
                   eq(&ws->v[j], "نظيفا")) {
            b = 0; /* «بهدف نظيف», «بثلاثة أهداف نظيفة» */
            j++;
        } else {
            return false;
        }
        if (!result_before(ws, s, i))
            return false;
    }
    memset(n, 0, sizeof *n);
    n->start = ws->v[i].start;
    n->end = ws->v[j - 1].end;
    n->number = a < b ? a : b;
    n->number_max = a < b ? b : a;
    n->kind = MZ_QTY_SCORE;
    strcpy(n->noun, "النتيجة");
    strcpy(n->noun_key, "score");
    *after = j;
    return true;
}
