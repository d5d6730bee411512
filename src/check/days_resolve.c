/*
 * days_resolve.c — the day a value is told of, made a date by the article's
 * publication date.
 *
 * News names days from the day it is written: «أمس», «اليوم», «أول أمس»,
 * «غدا», «الخميس الماضي», a bare «الخميس» (the last one), «23 من الشهر
 * الجاري», and numeric dates whose order (day or month first) scrapes mix:
 * «3/4». Read alone, one source's «أمس» and another's «الأحد 15 تشرين
 * الأول» could not be told one day or two. Where the article states when it
 * was published (members[].published: "2017-10-16", "2017-10-16T08:00:00Z",
 * "Mon, 16 Oct 2017 08:00:00 +0000"), such a day becomes a date ("d:15/10")
 * and is compared as one; where it does not, it is left as said (days.c
 * says which of those may be compared), and a numeric date of unknown order
 * names no day.
 */
#include "check/check.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_of(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_of(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 1 Saturday .. 7 Friday, as days.c numbers weekdays (1970-01-01 was a
 * Thursday, 6). */
static int weekday_of_days(long z)
{
    return (int)(((z % 7) + 7 + 5) % 7) + 1;
}

static bool valid_date(int y, int m, int d)
{
    static const int len[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > len[m - 1])
        return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

bool mz_published_date(const char *s, int *y, int *m, int *d)
{
    char sep1, sep2, iso[MZ_ISO_DATE_MAX];
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    /* RFC 822, as feeds write pubDate ("Mon, 16 Oct 2017 08:00:00 +0300"),
     * read as the store reads it: its own local date (feed_date.c) */
    if (mz_rfc822_date(s, iso))
        s = iso;
    /* "2017-10-16", "2017/10/16", "2017-10-16T08:00:00+03:00" */
    if (sscanf(s, "%4d%c%2d%c%2d", y, &sep1, m, &sep2, d) == 5 && sep1 == sep2 &&
        (sep1 == '-' || sep1 == '/'))
        return *y >= 1900 && *y <= 2100 && valid_date(*y, *m, *d);
    return false;
}

int mz_published_day(const char *published)
{
    int y, m, d;
    return mz_published_date(published, &y, &m, &d) ? y * 372 + m * 31 + d : 0;
}

static void write_day(long z, char *out, size_t cap)
{
    int y, m, d;
    civil_of(z, &y, &m, &d);
    snprintf(out, cap, "d:%d/%d", d, m);
}

/* The days since the epoch of day/month nearest before (or on) the day
 * published, z0; -1 if day/month is no date. */
static long last_such_day(long z0, int py, int day, int month)
{
    for (int y = py; y >= py - 1; y--)
        if (valid_date(y, month, day) && days_of(y, month, day) <= z0)
            return days_of(y, month, day);
    return -1;
}

/* Of a numeric date "A/B" whose order is not known: the reading that falls
 * within `window` days before (or on) the day published when the other
 * does not; -1 when none or both do. */
static long numeric_reading(long z0, int py, int a, int b, long window)
{
    long r1 = last_such_day(z0, py, a, b), r2 = last_such_day(z0, py, b, a);
    bool in1 = r1 >= 0 && z0 - r1 <= window, in2 = r2 >= 0 && z0 - r2 <= window;
    return in1 && !in2 ? r1 : in2 && !in1 ? r2 : -1;
}

void mz_day_resolve(const char *key, const char *published, char *out, size_t cap)
{
    int a, b, y, m, d;
    char kind = mz_day_parts(key, &a, &b);
    snprintf(out, cap, "%s", kind == 'n' ? "" : key);
    if (!kind || kind == 'd' || !mz_published_date(published, &y, &m, &d))
        return;
    long z0 = days_of(y, m, d);
    int pw = weekday_of_days(z0);
    switch (kind) {
    case 'o': /* أمس, اليوم, غدا */
        if (a >= -2 && a <= 2)
            write_day(z0 + a, out, cap);
        break;
    case 'w': { /* the last such weekday (0..6 days back; الماضي 1..7), المقبل 1..7 ahead */
        int back = (pw - a + 7) % 7, ahead = (a - pw + 7) % 7;
        if (a < 1 || a > 7)
            break;
        if (b > 0)
            write_day(z0 + (ahead ? ahead : 7), out, cap);
        else
            write_day(z0 - (b < 0 && !back ? 7 : back), out, cap);
        break;
    }
    case 'r': { /* 23 من الشهر الجاري */
        int mm = m + b, yy = y;
        if (mm < 1)
            mm += 12, yy--;
        if (mm > 12)
            mm -= 12, yy++;
        if (b >= -1 && b <= 1 && valid_date(yy, mm, a))
            snprintf(out, cap, "d:%d/%d", a, mm);
        break;
    }
    case 'n': { /* 3/4: the reading within a week of the day published, else a month */
        long z = numeric_reading(z0, y, a, b, 7);
        if (z < 0)
            z = numeric_reading(z0, y, a, b, 31);
        if (z >= 0)
            write_day(z, out, cap);
        break;
    }
    default:
        break;
    }
}
