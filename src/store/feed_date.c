/* feed_date.c — an RSS date (RFC 822, as RFC 2822 reads it: «Tue, 10 Oct
 * 2017 14:03:00 GMT», «10 Oct 2017 14:03 +0300») as the ISO 8601 UTC time
 * the rest of the store keeps («2017-10-10T14:03:00Z», the date alone at
 * midnight, as a Unix time given in JSONL is written). Feeds stored it as
 * written, so one store held two forms of date that neither sort nor
 * compare. */
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's). */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

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

bool mz_rfc822_date(const char *s, char out[MZ_ISO_DATE_MAX])
{
    const char *p = s;
    skip_space(&p);
    if (word(p)) { /* the day's name is not checked against the date: feeds get it wrong */
        if (name_of(&p, days, 7) < 0 || *p != ',')
            return false;
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
        return false;
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
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
        return false;
    skip_space(&p);
    int east;
    if (!zone(&p, &east))
        return false;
    skip_space(&p);
    if (*p) /* a comment, "(EEST)", is all that may follow */
        if (*p != '(' || !strchr(p, ')') || strchr(p, ')')[1])
            return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[mon] || (mon == 1 && d == 29 && !leap))
        return false;
    long long t = days_from_civil(y, mon + 1, d) * 86400 + hh * 3600 + mm * 60 + (ss > 59 ? 59 : ss) -
                  east * 60;
    long long day = t >= 0 ? t / 86400 : (t - 86399) / 86400, sec = t - day * 86400;
    int Y, M, D;
    civil_from_days(day, &Y, &M, &D);
    if (Y < 1 || Y > 9999)
        return false;
    if (sec == 0)
        snprintf(out, MZ_ISO_DATE_MAX, "%04d-%02d-%02d", Y, M, D);
    else
        snprintf(out, MZ_ISO_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", Y, M, D, (int)(sec / 3600),
                 (int)(sec / 60 % 60), (int)(sec % 60));
    return true;
}
