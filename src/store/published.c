/* published.c — a `published` given by hand or by a page (JSONL, JSON,
 * POST /api/articles, a page's metadata, a feed) as the store keeps dates:
 * ISO 8601. Forms the store reads elsewhere are read here by the same
 * parsers: an RSS date (feed_date.c: the local time with its offset) and
 * the dates a text's date line gives (date_line.c: «٢٠٢٦/٠٤/٠٦»,
 * «06/04/2026», «الاثنين 6 أبريل 2026», «6 نيسان 2026»), which become the
 * date alone: a time they carry names no zone, and a local time of no known
 * place is no instant (feed_date.c gives an RFC 822 date of no zone so
 * too); the day, the newsroom's, is what the list and «أمس» need. Stored as written they
 * were listed after every dated article and never resolved «أمس». */
#include "store/db.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static bool is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

mz_published_reading mz_published_read(const char *given, char out[MZ_ISO_DATE_MAX])
{
    const char *s = given;
    while (*s == ' ' || *s == '\t')
        s++;
    /* Already ISO 8601 ("2026-04-06", "2026-04-06T10:00:00+03:00", what
     * export writes back): kept as given, once its day is one. */
    if (is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) && s[7] == '-' &&
        is_digits(s + 8, 2) && (s[10] < '0' || s[10] > '9')) {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
        return mz_calendar_day(y, m, d) ? MZ_PUBLISHED_AS_GIVEN : MZ_PUBLISHED_NO_DAY;
    }
    int rfc = mz_rfc822_read(s, out);
    if (rfc)
        return rfc > 0 ? MZ_PUBLISHED_READ : MZ_PUBLISHED_NO_DAY;
    int y, m, d;
    int r = mz_date_text(s, &y, &m, &d);
    if (r < 0)
        return MZ_PUBLISHED_NO_DAY;
    if (r == 0)
        return MZ_PUBLISHED_AS_GIVEN;
    snprintf(out, MZ_ISO_DATE_MAX, "%04d-%02d-%02d", y, m, d);
    return MZ_PUBLISHED_READ;
}

void mz_published_no_day(const char *given, char *out, size_t cap)
{
    snprintf(out, cap,
             "published \"%.200s\" is no calendar day: stored as written, and «أمس» is not "
             "resolved from it",
             given);
}
