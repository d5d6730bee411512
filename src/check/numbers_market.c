/*
 * numbers_market.c — the market an exchange rate is of (mz_number.market).
 * «وسجل الدولار 48.6 جنيها في السوق الرسمية اليوم، مقابل نحو 55 جنيها في
 * السوق الموازية»: 48.6 and 55 sat under one noun «جنيها», so a claim «سجل
 * الدولار 55 جنيها في السوق الرسمية» was SUPPORTED by the parallel market's
 * 55 (markets journey M7). A value is the official market's ('o') or the
 * parallel one's ('p') when its clause names the market: before it, within
 * MARKET_BACK words, «السوق / السعر / الصرف» with «الرسمي(ة)» or «الموازي(ة)»,
 * «السوداء», «غير الرسمي(ة)» («سعر الصرف الرسمي مستقر عند 48.6», «تراجع سعر
 * الدولار في السوق الموازية إلى 52»); else after it, within MARKET_AFTER
 * words, «في السوق …» / «بالسوق …» or «في البنوك» (official). Not past a
 * comma, a clause's mark or another number. A figure told as earlier right
 * after a value of its noun and market («إلى نحو 52 جنيها …، بعد أن كان نحو
 * 55 جنيها») is of that market. Values of two markets are two figures, as
 * two periods are (collect_numbers.c); a value with none meets both.
 */
#include "check/numbers.h"

#define MARKET_BACK 6
#define MARKET_AFTER 4

/* The market the adjective w names: 'o' «الرسمي(ة)», 'p' «الموازي(ة)»,
 * «السوداء»; 0 none. */
static char market_adjective(const mz_word *w)
{
    static const char *const official[] = {"الرسمي", "الرسميه"};
    static const char *const parallel[] = {"الموازي", "الموازيه", "السوداء", "السودا"};
    if (in_list(w->key, official, sizeof official / sizeof *official))
        return 'o';
    if (in_list(w->key, parallel, sizeof parallel / sizeof *parallel))
        return 'p';
    return 0;
}

/* Whether w names a market or its rate: «السوق», «السعر», «الصرف» (with
 * و or ب on it: «والسعر», «بالسوق»). */
static bool market_noun(const mz_word *w)
{
    static const char *const nouns[] = {"السوق", "السعر", "الصرف", "بالسوق", "بالسعر"};
    return in_list(strip_waw_fa(w), nouns, sizeof nouns / sizeof *nouns) ||
           in_list(w->key, nouns, sizeof nouns / sizeof *nouns);
}

/* The market the phrase whose adjective is word k names: «السوق الرسمية»,
 * «السوق غير الرسمية» (parallel); 0 none. */
static char market_phrase(const words *ws, size_t k)
{
    char m = market_adjective(&ws->v[k]);
    if (!m || k == 0)
        return 0;
    if (m == 'o' && k >= 2 && eq(&ws->v[k - 1], "غير") && market_noun(&ws->v[k - 2]))
        return 'p';
    bool black = eq(&ws->v[k], "السوداء") || eq(&ws->v[k], "السودا");
    if (black && !eq(&ws->v[k - 1], "السوق") && !eq(&ws->v[k - 1], "بالسوق"))
        return 0; /* «السوداء» of a market only, not «القائمة السوداء» */
    return market_noun(&ws->v[k - 1]) ? m : 0;
}

/* Whether s[from, to) holds a comma, a clause's mark or a stop. */
static bool market_break(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || (i + 1 < to && !memcmp(s + i, "،", 2)))
            return true;
    return mz_num_clause_between(s, from, to);
}

/* The market named after the value's words [first, after): «في السوق
 * الموازية», «بالسوق السوداء», «في البنوك». */
static char market_after(const char *s, const words *ws, size_t after, size_t hi)
{
    for (size_t k = after; k < hi && k < after + MARKET_AFTER; k++) {
        if (ws->v[k].is_number)
            return 0;
        char m = 0;
        if (eq(&ws->v[k], "في") && k + 1 < hi && eq(&ws->v[k + 1], "البنوك"))
            m = 'o';
        bool in = eq(&ws->v[k], "في") && k + 2 < hi && eq(&ws->v[k + 1], "السوق");
        if (in || (eq(&ws->v[k], "بالسوق") && k + 1 < hi)) {
            size_t adj = in ? k + 2 : k + 1;
            if (eq(&ws->v[adj], "غير") && adj + 1 < hi)
                adj++; /* «في السوق غير الرسمية» */
            m = market_phrase(ws, adj);
        }
        if (m || in || eq(&ws->v[k], "بالسوق")) /* the break looked for on a hit only */
            return m && !(k > after && market_break(s, ws->v[after].start, ws->v[k].start)) ? m : 0;
    }
    return 0;
}

const char *mz_market_name(char market)
{
    return market == 'o' ? "official" : market == 'p' ? "parallel" : "";
}

/* Whether a word of ws is one a market phrase turns on («الرسمي(ة)»,
 * «الموازي(ة)», «السوداء», «البنوك», with a و or ب on it or not): most
 * sentences have none, and no value of theirs need be looked around. */
static bool names_a_market(const words *ws)
{
    static const char *const marks[] = {"رسمي", "موازي", "سودا", "بنوك"};
    for (size_t k = 0; k < ws->n; k++) {
        const char *al = ws->v[k].key; /* the article, after و / ب at most */
        if (ws->v[k].key_len < 12)
            continue;
        if (memcmp(al, "ال", 4) && memcmp(al += 2, "ال", 4))
            continue;
        /* the mark's first letter before a whole compare: ر م س ب */
        const unsigned char *m = (const unsigned char *)al + 4;
        if (!((m[0] == 0xD8 && (m[1] == 0xB1 || m[1] == 0xB3 || m[1] == 0xA8)) ||
              (m[0] == 0xD9 && m[1] == 0x85)))
            continue;
        for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
            if (!strncmp(al + 4, marks[i], strlen(marks[i])))
                return true;
    }
    return false;
}

void mz_num_mark_market(const char *s, const words *ws, mz_number *out, size_t found)
{
    if (!found || !names_a_market(ws))
        return;
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        if (n->kind == MZ_QTY_DATE)
            continue;
        size_t first = ws->at_first[v], after = ws->at_after[v];
        size_t lo = v > 0 ? ws->at_after[v - 1] : 0, hi = v + 1 < found ? ws->at_first[v + 1] : ws->n;
        char m = 0;
        for (size_t k = first; k > lo && k + MARKET_BACK > first; k--) {
            if (ws->v[k - 1].is_number)
                break;
            char at = market_phrase(ws, k - 1); /* the break looked for on a hit only */
            if (at) {
                m = market_break(s, ws->v[k - 1].end, ws->v[first].start) ? 0 : at;
                break;
            }
        }
        if (!m && after < ws->n)
            m = market_after(s, ws, after, hi);
        if (!m && n->earlier && v > 0 && out[v - 1].market && !out[v - 1].earlier &&
            !strcmp(out[v - 1].noun_key, n->noun_key))
            m = out[v - 1].market; /* «إلى نحو 52 جنيها …، بعد أن كان نحو 55 جنيها» */
        n->market = m;
    }
}
