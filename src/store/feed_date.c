/* feed_date.c — an RSS date (RFC 822, as RFC 2822 reads it: «Tue, 10 Oct
 * 2017 14:03:00 GMT», «10 Oct 2017 14:03 +0300») as the ISO 8601 time the
 * rest of the store keeps: the same local time with its offset
 * («2017-10-10T14:03:00+03:00»; Z at UTC), as a page's
 * article:published_time gives it, and the date alone at midnight or with
 * no zone known («Tue, 10 Oct 2017 14:03:00», «… AST», «10 Oct 2017»). Feeds
 * stored it as written, so one store held two forms of date. Not moved to
 * UTC: the day the article names «أمس» from is the newsroom's, and a report
 * of 01:30 in Damascus is of the 10th, though in UTC it is the 9th
 * (check/days_resolve.c reads the date part). */
#include "store/store.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static void skip_space(const char **p)
{
    while (**p == ' ' || **p == '\t')
        (*p)++;
}

/* n digits (min..max of them) as a number; -1 if none. */
static int digits(const char **p, int min, int max)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++, n++;
    }
    return n >= min ? v : -1;
}

/* A word of letters; its length (0 if none). */
static size_t word(const char *p)
{
    size_t n = 0;
    while (isalpha((unsigned char)p[n]))
        n++;
    return n;
}

/* One of names (3 letters each), as its abbreviation or a longer word that
 * starts with it ("October"); its index, or -1. */
static int name_of(const char **p, const char *const *names, int n_names)
{
    size_t n = word(*p);
    for (int i = 0; n >= 3 && i < n_names; i++)
        if (!strncasecmp(*p, names[i], 3)) {
            *p += n;
            return i;
        }
    return -1;
}

/* The zone's offset east of UTC in minutes; false for none or an unknown
 * one (a local time of no known zone is not a time). */
static bool zone(const char **p, int *east)
{
    static const struct {
        const char *name;
        int east;
    } named[] = {{"GMT", 0},      {"UTC", 0},      {"UT", 0},       {"Z", 0},
                 {"EST", -5 * 60}, {"EDT", -4 * 60}, {"CST", -6 * 60}, {"CDT", -5 * 60},
                 {"MST", -7 * 60}, {"MDT", -6 * 60}, {"PST", -8 * 60}, {"PDT", -7 * 60}};
    const char *s = *p;
    if (*s == '+' || *s == '-') {
        int sign = *s == '-' ? -1 : 1;
        s++;
        int h = digits(&s, 2, 2);
        if (*s == ':') /* +03:00, as some feeds write it */
            s++;
        int m = digits(&s, 2, 2);
        if (h < 0 || m < 0 || h > 23 || m > 59)
            return false;
        *east = sign * (h * 60 + m);
        *p = s;
        return true;
    }
    size_t n = word(s);
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (n == strlen(named[i].name) && !strncasecmp(s, named[i].name, n)) {
            *east = named[i].east;
            *p = s + n;
            return true;
        }
    return false;
}

/* A zone's name the table does not hold («AST», «EEST»: capitals, up to
 * five); its length, 0 if none. */
static size_t unknown_zone(const char *p)
{
    size_t n = 0;
    while (n < 6 && p[n] >= 'A' && p[n] <= 'Z')
        n++;
    return n <= 5 && !isalpha((unsigned char)p[n]) ? n : 0;
}

int mz_rfc822_read(const char *s, char out[MZ_ISO_DATE_MAX])
{
    const char *p = s;
    skip_space(&p);
    if (word(p)) { /* the day's name is not checked against the date: feeds get it wrong */
        if (name_of(&p, days, 7) < 0 || *p != ',')
            return 0;
        p++;
        skip_space(&p);
    }
    int d = digits(&p, 1, 2);
    skip_space(&p);
    int mon = name_of(&p, months, 12);
    skip_space(&p);
    const char *y_at = p;
    int y = digits(&p, 2, 4);
    if (d < 1 || mon < 0 || y < 0 || p - y_at == 3)
        return 0;
    if (p - y_at == 2) /* RFC 2822's reading of a two-digit year */
        y += y < 50 ? 2000 : 1900;
    skip_space(&p);
    int hh = digits(&p, 1, 2), mm = -1, ss = 0;
    if (hh >= 0 && *p == ':') {
        p++;
        mm = digits(&p, 2, 2);
        if (*p == ':') {
            p++;
            ss = digits(&p, 2, 2);
        }
    }
    if (hh >= 0 && (hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60))
        return 0;
    skip_space(&p);
    /* No time, no zone or one not known: a local time of no known place is
     * no instant, but its day is the newsroom's, the one the list and «أمس»
     * need: the date alone, as published.c gives a date line's time of no
     * zone. It was kept as written. */
    int east = 0;
    bool zoned = hh >= 0 && zone(&p, &east);
    if (hh >= 0 && !zoned)
        p += unknown_zone(p);
    skip_space(&p);
    if (*p) /* a comment, "(EEST)", is all that may follow */
        if (*p != '(' || !strchr(p, ')') || strchr(p, ')')[1])
            return 0;
    /* The form is a date's, its day none (31 Feb): -1, so a `published`
     * given so is told, as an ISO date of no day is (published.c). */
    if (!mz_calendar_day(y, mon + 1, d) || y < 1 || y > 9999)
        return -1;
    if (!zoned || (hh == 0 && mm == 0 && ss == 0)) { /* midnight: a day, as feeds write dates */
        snprintf(out, MZ_ISO_DATE_MAX, "%04d-%02d-%02d", y, mon + 1, d);
        return 1;
    }
    char off[16] = "Z"; /* east is within ±23:59 (zone) */
    if (east)
        snprintf(off, sizeof off, "%c%02d:%02d", east < 0 ? '-' : '+', abs(east) / 60, abs(east) % 60);
    /* written whole first: the fields are in range (checked above), so it
     * fits out, but the compiler cannot tell (-Wformat-truncation at -O1) */
    char iso[96];
    int n = snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mon + 1, d, hh, mm,
                     ss > 59 ? 59 : ss, off);
    if (n < 0 || n >= MZ_ISO_DATE_MAX)
        return 0;
    memcpy(out, iso, (size_t)n + 1);
    return 1;
}

bool mz_rfc822_date(const char *s, char out[MZ_ISO_DATE_MAX])
{
    return mz_rfc822_read(s, out) == 1;
}
