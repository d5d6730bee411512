/*
 * date_line.c — the publication date a plain-text article states under its
 * title: a line of its own such as "11.10.2017 | 22:01" (seed 002),
 * "الأربعاء 11 أكتوبر 2017", "نشر في 2017/10/11" or "7 كانون الأول / ديسمبر
 * 2017".
 *
 * Only the lines just under the title are read, and only a line that is a
 * date and nothing else (a day name, a time, "نشر في" may go with it): a
 * site's header carries today's date before the title ("الأحد 21 يناير
 * 2018" on a page scraped that day about October 2017), and a date inside a
 * sentence or a photo caption («أيلول 2017 (رويترز)») is the story's, not
 * the article's. A wrong date beside a title misleads, so when in doubt
 * there is none. Numeric dates are read day first (11.10.2017 is 11
 * October), as Arabic news writes them, unless the year leads (2017/10/11).
 */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_LINES 3  /* lines read under the title */
#define LINE_MAX_BYTES 120

/* Month names (normalized: أ/إ/آ → ا, ة → ه, ى → ي) with their numbers. The
 * Levantine names كانون and تشرين take الاول/الثاني after them. */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"يناير", 1},  {"فبراير", 2},  {"مارس", 3},   {"ابريل", 4},   {"مايو", 5},
    {"يونيو", 6},  {"يوليو", 7},   {"اغسطس", 8},  {"سبتمبر", 9},  {"اكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12}, {"شباط", 2},   {"اذار", 3},    {"نيسان", 4},
    {"ايار", 5},   {"حزيران", 6},  {"تموز", 7},   {"اب", 8},      {"ايلول", 9},
    {"يونيه", 6},  {"يوليه", 7},   {"جانفي", 1},  {"فيفري", 2},   {"افريل", 4},
    {"ماي", 5},    {"جوان", 6},    {"جويليه", 7}, {"اوت", 8},
};

/* Words a date line may carry besides the date. */
static const char *const date_words[] = {
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "يوم",
    "نشر",   "في",      "بتاريخ",   "تاريخ",    "النشر",  "الساعه", "ص",     "م",
    "am",    "pm",      "gmt",      "utc",      "مساء",   "صباحا",
};

static bool is_date_word(const char *w)
{
    for (size_t i = 0; i < sizeof date_words / sizeof *date_words; i++)
        if (!strcmp(w, date_words[i]))
            return true;
    return false;
}

/* The month a word names (with the word after it for كانون/تشرين), setting
 * *two when it took both; 0 if none. */
static int month_of(const char *w, const char *next, bool *two)
{
    *two = false;
    bool first = next && !strcmp(next, "الاول"), second = next && !strcmp(next, "الثاني");
    if (!strcmp(w, "كانون") || !strcmp(w, "تشرين")) {
        if (!first && !second)
            return 0;
        *two = true;
        return !strcmp(w, "كانون") ? (first ? 12 : 1) : (first ? 10 : 11);
    }
    for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
        if (!strcmp(w, month_names[i].name))
            return month_names[i].month;
    return 0;
}

bool mz_calendar_day(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

static bool valid(int y, int m, int d, int y_min)
{
    return y >= y_min && y <= 2100 && mz_calendar_day(y, m, d);
}

/* A run of digits at *p: its value and length (0: none). */
static int digits(const char **p, int *len)
{
    int v = 0;
    *len = 0;
    while (**p >= '0' && **p <= '9' && *len < 6) {
        v = v * 10 + (**p - '0');
        (*p)++;
        (*len)++;
    }
    return v;
}

/* The word at p (up to a space, a digit or punctuation) copied into out
 * (cap bytes); returns where it ends, or NULL when there is no word there
 * or it does not fit. */
static const char *word_at(const char *p, char *out, size_t cap)
{
    const char *w = p;
    while (*p && *p != ' ' && !(*p >= '0' && *p <= '9') && *p != '|' && *p != ',' &&
           *p != '/' && *p != '(' && *p != ')' && *p != ':' &&
           !((unsigned char)*p == 0xD8 && (unsigned char)p[1] == 0x8C))
        p++;
    if (p == w || (size_t)(p - w) >= cap)
        return NULL;
    memcpy(out, w, (size_t)(p - w));
    out[p - w] = '\0';
    return p;
}

/* Reads one normalized line; true with *y *m *d when it is one date, as
 * written: whether that day exists is the caller's to check. */
static bool read_line(const char *s, int *y, int *m, int *d)
{
    int found = 0;
    size_t nw = 0; /* words read */
    int pending_day = 0; /* a day number waiting for its month name */
    const char *p = s;
    while (*p) {
        if (*p >= '0' && *p <= '9') {
            int l1, l2, l3;
            int a = digits(&p, &l1);
            char sep = *p;
            if (sep == ':') { /* a time: 22:01, 10:40:05 */
                p++;
                digits(&p, &l2);
                if (*p == ':') {
                    p++;
                    digits(&p, &l3);
                }
                continue;
            }
            if ((sep == '.' || sep == '/' || sep == '-') && p[1] >= '0' && p[1] <= '9') {
                p++;
                int b = digits(&p, &l2);
                if (*p != sep || !(p[1] >= '0' && p[1] <= '9'))
                    return false;
                p++;
                int c = digits(&p, &l3);
                if (l1 == 4 && l2 <= 2 && l3 <= 2)
                    *y = a, *m = b, *d = c;
                else if (l3 == 4 && l1 <= 2 && l2 <= 2)
                    *y = c, *m = b, *d = a;
                else
                    return false;
                found++;
                continue;
            }
            if (l1 <= 2 && !pending_day) {
                pending_day = a; /* "11 أكتوبر 2017" */
                continue;
            }
            if (l1 == 4 && pending_day < 0) { /* the year after day and month */
                *y = a;
                pending_day = 0;
                found++;
                continue;
            }
            return false;
        }
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '|' || c == ',' || c == '-' || c == '/' || c == '(' || c == ')' ||
            c == '.') {
            p++;
            continue;
        }
        if (c == 0xD8 && (unsigned char)p[1] == 0x8C) { /* ، */
            p += 2;
            continue;
        }
        char word[48], next[48];
        const char *after = word_at(p, word, sizeof word);
        if (!after || ++nw > 16) /* a stray mark, or not a date line's words */
            return false;
        p = after;
        const char *q = p; /* the word after it, for كانون الأول */
        while (*q == ' ')
            q++;
        const char *q_end = word_at(q, next, sizeof next);
        bool two;
        int mo = month_of(word, q_end ? next : NULL, &two);
        if (mo && pending_day > 0) {
            *m = mo;
            *d = pending_day;
            pending_day = -1; /* now the year */
            if (two)
                p = q_end;
            continue;
        }
        if (mo && pending_day < 0 && mo == *m) { /* "كانون الأول / ديسمبر" */
            if (two)
                p = q_end;
            continue;
        }
        if (!is_date_word(word))
            return false;
    }
    return found == 1 && pending_day == 0;
}

char *mz_date_line(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    int seen = 0; /* non-empty lines: the title, then HEAD_LINES under it */
    while (p < end && seen <= HEAD_LINES) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *s = p, *e = nl ? nl : end;
        p = nl ? nl + 1 : end;
        mz_trim_span(&s, &e);
        if (s == e)
            continue;
        if (seen++ == 0 || e - s > LINE_MAX_BYTES)
            continue; /* the title line, or prose */
        char *norm;
        size_t n;
        if (mz_normalize(s, (size_t)(e - s), &norm, &n, NULL, NULL) != MZ_OK)
            return NULL;
        int y = 0, m = 0, d = 0;
        bool yes = read_line(norm, &y, &m, &d) && valid(y, m, d, 1990);
        free(norm);
        if (yes) { /* valid(): 1990..2100, 1..12, 1..31 */
            char iso[32];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            return mz_strdup(iso);
        }
    }
    return NULL;
}

int mz_date_text(const char *s, int *y, int *m, int *d)
{
    char *norm;
    size_t n;
    *y = *m = *d = 0;
    if (mz_normalize(s, strlen(s), &norm, &n, NULL, NULL) != MZ_OK)
        return 0;
    bool yes = read_line(norm, y, m, d);
    free(norm);
    if (!yes)
        return 0;
    /* A field names the article's date and nothing else, so the span is
     * check/days_resolve.c's, 1900..2100; a line under a title is held to
     * 1990.. against misreading an old date the text cites. */
    return valid(*y, *m, *d, 1900) ? 1 : -1;
}
