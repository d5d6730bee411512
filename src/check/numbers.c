/*
 * numbers.c — quantities in Arabic news sentences and the noun they count.
 *
 * News reports the same event with different numbers ("400 متشدد" here,
 * "بين ثلاثة وأربعة آلاف" there); to compare them we need the value (digits or
 * spelled-out words, with multipliers and ranges) and what is counted. The
 * parser walks the sentence's words (words.c keys: letter variants unified,
 * digits in ASCII) and recognizes:
 *   - digit numbers: 400, ٤٠٠, 1,500, 3.5; percentages 85% ٨٥٪ "85 في المئة";
 *   - spelled-out numbers: units, teens, tens, hundreds joined by و
 *     (خمسة وعشرين = 25), multipliers (ثلاثة آلاف, 1.5 مليون, ألفين);
 *   - ranges: "بين X و Y", "X أو Y", "3-4", where two numbers of the same
 *     order joined by و cannot be a sum, and a trailing multiplier applies to
 *     both ends (بين ثلاثة وأربعة آلاف = 3000..4000);
 *   - dates: a day followed by a month name (Gregorian or Hijri), years
 *     (1900..2100) and Hijri years (1300..1500 with هـ or after a Hijri month)
 *     — numbers_dates.c reads them;
 *   - vague values: a plural of a unit («عشرات القتلى», «مئات الآلاف») is a
 *     floor with no ceiling — numbers_vague.c reads them; a dual noun
 *     («جنديين») is a count of two;
 *   - not quantities: page counters ("الصفحة 3 من 10"), numeric dates;
 *     and in "X من أصل Y noun" X is the part, Y the whole.
 * The noun is the next word that is not part of the number (after an
 * optional من), or for a percentage the word after من or the one before —
 * numbers_nouns.c finds it and keys it; the event (events.c) is what
 * happened to it: killed, evacuated….
 */
#include "check/numbers.h"
#include "text/text.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Teens: "احد عشر" 11, "اثنا عشر" 12 (the unit word before عشر/عشره). */
static const numword teen_units[] = {{"احد", 1, 0}, {"احدي", 1, 0}, {"اثنا", 2, 0},
                                      {"اثنتا", 2, 0}};

static double multiplier_at(const words *ws, size_t i);
static bool is_percent_words(const words *ws, size_t j);

static const numword *lookup(const char *key, const numword *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(key, table[i].key))
            return &table[i];
    return NULL;
}

static const numword *number_word(const mz_word *w, bool *had_waw)
{
    return mz_num_word_key(strip_conj(w->key, had_waw));
}

bool mz_num_is_number_word(const mz_word *w)
{
    bool waw;
    return number_word(w, &waw) != NULL;
}

static double parse_digits(const char *key, bool *percent)
{
    char buf[64];
    size_t n = 0;
    *percent = false;
    for (const char *p = key; *p && n + 1 < sizeof buf; p++) {
        if (*p == ',') {
            /* a thousands separator before a group of exactly three digits
             * (1,500 and 1,500,000); a decimal comma before one or two (2,5
             * and 2،5); a list before four or more (2018,2019: its first) */
            size_t g = 0;
            while (p[1 + g] >= '0' && p[1 + g] <= '9')
                g++;
            if (g >= 4)
                break;
            if (g != 3)
                buf[n++] = '.';
            continue;
        }
        if (*p == '%') {
            *percent = true;
            break;
        }
        buf[n++] = *p;
    }
    buf[n] = '\0';
    return strtod(buf, NULL);
}

/* How full stops stand in a digit key: 0 none, or a decimal point; 1 one
 * before exactly three digits after one to three ("18.000", thousands as
 * many Arab sites write them, unless a multiplier or a percent makes it a
 * decimal: "4.775 مليار"); 2 thousands marks ("1.200.000"); 3 a date
 * ("11.10.2017"). */
static int full_stops(const char *key)
{
    size_t lead = strspn(key, "0123456789");
    const char *p = key + lead;
    int stops = 0;
    bool threes = lead >= 1 && lead <= 3;
    while (*p == '.') {
        size_t g = strspn(p + 1, "0123456789");
        if (g == 0)
            break;
        threes = threes && g == 3;
        stops++;
        p += 1 + g;
    }
    if (stops >= 2)
        return threes ? 2 : 3;
    return stops == 1 && threes ? 1 : 0;
}

/* The value of a digit key read with its full stops as thousands marks. */
static double without_stops(const char *key)
{
    char buf[64];
    size_t n = 0;
    for (const char *p = key; *p && n + 1 < sizeof buf; p++)
        if (*p >= '0' && *p <= '9')
            buf[n++] = *p;
        else if (*p != '.')
            break;
    buf[n] = '\0';
    return strtod(buf, NULL);
}

/* What the bytes between two words say: only a dash (a range), or nothing. */
static bool dash_between(const char *s, size_t a, size_t b)
{
    bool dash = false;
    for (size_t i = a; i < b;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '-') {
            dash = true;
            i++;
        } else if (c == ' ') {
            i++;
        } else if (i + 3 <= b && (!memcmp(s + i, "\xE2\x80\x93", 3) ||
                                  !memcmp(s + i, "\xE2\x80\x94", 3))) {
            dash = true; /* en/em dash */
            i += 3;
        } else {
            return false;
        }
    }
    return dash;
}

/* The end of a percent sign written after a number ("85 %", with spaces or
 * the direction marks editors put beside it), or 0 when none follows. */
static size_t percent_sign_end(const char *s, size_t len, size_t end)
{
    size_t i = end;
    uint32_t cp;
    int n;
    uint32_t o[4]; /* spaces, and the direction marks editors put beside a % */
    while (i < len && (n = mz_utf8_decode(s, len, i, &cp)) > 0 &&
           (cp == ' ' || mz_normalize_cp(cp, o) == 0))
        i += (size_t)n;
    if (i < len && s[i] == '%')
        return i + 1;
    return i + 1 < len && !memcmp(s + i, "\xD9\xAA", 2) ? i + 2 : 0;
}

/* «مليار ونصف» 1.5 billion, «ثلاثة ملايين ونصف» 3.5 million, «اثنين ونصف»
 * 2.5: a half (ونصف) or a quarter (وربع) after a number is of its last unit,
 * the multiplier it ends in (unit 0: none may follow); «مليار ونصف المليار»
 * names the unit again. They were dropped: «مليار ونصف دولار» was one
 * billion, counting nothing, and «اثنين ونصف بالمئة» the number 2. */
static void add_fraction(const words *ws, span *out, double unit)
{
    size_t j = out->last + 1;
    if (unit <= 0 || j >= ws->n)
        return;
    double f = eq(&ws->v[j], "ونصف") ? 0.5 : eq(&ws->v[j], "وربع") ? 0.25 : 0;
    if (f == 0)
        return;
    out->lo += f * unit;
    out->hi += f * unit;
    out->last = j;
    if (unit > 1 && j + 1 < ws->n && !strncmp(ws->v[j + 1].key, "ال", strlen("ال"))) {
        const numword *m = mz_num_word_key(ws->v[j + 1].key + strlen("ال"));
        if (m && m->order == 3 && m->value == unit)
            out->last = j + 1;
    }
}

static bool remainder_at(const words *ws, size_t j, double *value, size_t *last);

/* Parses a spelled-out number starting at word i (which must be a number
 * word without a leading و). Stops before a word that would make it a range. */
static bool parse_spelled(const words *ws, size_t i, span *out)
{
    bool waw;
    const numword *nw = number_word(&ws->v[i], &waw);
    const numword *teen = NULL;
    if (!nw) {
        bool ten_after = i + 1 < ws->n && (eq(&ws->v[i + 1], "عشر") || eq(&ws->v[i + 1], "عشره"));
        if (!ten_after)
            return false; /* a teen's unit only before عشر (most words: none) */
        teen = lookup(ws->v[i].key, teen_units, sizeof teen_units / sizeof *teen_units);
        if (!teen && ten_after && !strncmp(ws->v[i].key, "ال", 4)) {
            /* «الثلاثة عشر مليون», «الأحد عشر»: a teen with the article on
             * its unit (read as عشر alone, 10). Alone, الأحد and الاثنين are
             * days, and الثلاثة no count: the article is taken off only here. */
            const char *k = ws->v[i].key + 4;
            teen = lookup(k, teen_units, sizeof teen_units / sizeof *teen_units);
            const numword *unit = teen ? NULL : mz_num_word_key(k);
            if (unit && unit->order == 0 && unit->value >= 3 && unit->value <= 9)
                teen = unit;
        }
        if (!teen || !ten_after)
            return false;
    }
    double total = 0, cur = 0, last_unit = 0;
    int last_order = -1;
    size_t j = i;
    if (teen) {
        cur = teen->value + 10;
        last_order = 0;
        j = i + 2;
    }
    for (; j < ws->n; j++) {
        const numword *w = number_word(&ws->v[j], &waw);
        if (!w)
            break;
        if (j > i && !waw && w->value == 100 && last_order == 0 && cur >= 1 && cur <= 9) {
            cur *= 100; /* ثلاث مئة = 300: hundreds written apart */
            last_order = 2;
            continue;
        }
        if (j > i && !waw && w->order != 3 && !(w->value == 10 && last_order == 0))
            break; /* two bare numbers in a row: not one number */
        if (w->value == 10 && last_order == 0 && !waw && cur > 0 && cur < 10) {
            cur += 10; /* ثلاثة عشر = 13 */
            continue;
        }
        if (j > i && waw && last_order == 3 && w->order == 3)
            break; /* «مليار ومليار ونصف»: a second number (a range after بين), not a sum */
        if (w->order == 3) {
            cur = (cur == 0 ? 1 : cur) * w->value;
            total += cur;
            cur = 0;
            last_order = 3;
            last_unit = w->value >= 1e9 ? 1e9 : w->value >= 1e6 ? 1e6 : 1e3;
            continue;
        }
        if (j > i && waw && last_order >= 0 && last_order != 3 && w->order >= last_order &&
            !(last_order == 0 && w->order == 1))
            break; /* "ثلاثة وأربعة": same order joined by و is a range, not a sum */
        if (j > i && waw && last_order == 3 && w->order == 3)
            break;
        if (j > i && waw && last_order == 3 && j + 1 < ws->n) {
            /* "ثلاثة آلاف وأربعة آلاف": a second number of thousands, not a
             * sum (a range after بين); "مليون وخمسمئة ألف" adds a smaller unit */
            bool w2;
            const numword *next = number_word(&ws->v[j + 1], &w2);
            if (next && next->order == 3 && !w2 && next->value >= last_unit)
                break;
        }
        cur += w->value;
        last_order = w->order;
    }
    total += cur;
    bool after_bayn = i > 0 && (eq(&ws->v[i - 1], "بين") || eq(&ws->v[i - 1], "مابين"));
    if (j > i && last_order == 3 && !after_bayn && j < ws->n && eq(&ws->v[j], "و")) {
        /* «مليون و200 ألف», «ألف و200»: digits after the spelled unit, with
         * a smaller unit of their own (remainder_at, as after "5 آلاف");
         * after بين the و joins a range's two ends («بين مليار و700 مليون») */
        double rest;
        size_t rest_last;
        if (remainder_at(ws, j, &rest, &rest_last) && rest < last_unit) {
            total += rest;
            j = rest_last + 1;
        }
    }
    if (j == i || total <= 0)
        return false;
    if (j == i + 1 && (eq(&ws->v[i], "الاف") || eq(&ws->v[i], "ملايين") || eq(&ws->v[i], "مليارات")))
        return false; /* "آلاف المدنيين": thousands, not a number */
    out->lo = out->hi = total;
    out->first = i;
    out->last = j - 1;
    out->percent = false;
    /* «اثنين ونصف»: a half of a unit, for a number under a hundred only */
    add_fraction(ws, out, last_order == 3 ? last_unit : cur == total && total < 100 ? 1 : 0);
    return true;
}

static bool parse_from_waw(const words *ws, size_t j, span *out);

/* The rest of a number after its thousands, at word j: "و500" (و, then
 * digits, with a multiplier of their own: "و200 ألف") or "وخمسمئة". */
static bool remainder_at(const words *ws, size_t j, double *value, size_t *last)
{
    if (j >= ws->n)
        return false;
    if (eq(&ws->v[j], "و") && j + 1 < ws->n && ws->v[j + 1].is_number &&
        !strchr(ws->v[j + 1].key, '%')) {
        bool pct;
        *value = parse_digits(ws->v[j + 1].key, &pct);
        *last = j + 1;
        double mult = j + 2 < ws->n ? multiplier_at(ws, j + 2) : 0;
        bool waw;
        if (mult > 0 && !(number_word(&ws->v[j + 2], &waw) && waw)) {
            *value *= mult;
            *last = j + 2;
            double rest;
            size_t rest_last;
            if (remainder_at(ws, j + 3, &rest, &rest_last) && rest < mult) {
                *value += rest; /* «مليونين و749 ألف و140»: the thousands' own rest */
                *last = rest_last;
            }
        }
        return true;
    }
    bool waw;
    span t;
    if (number_word(&ws->v[j], &waw) && waw && parse_from_waw(ws, j, &t)) {
        *value = t.hi;
        *last = t.last;
        return true;
    }
    return false;
}

/* آلاف, ملايين, مليارات: the plural multiplies only 3 to 10, so after a
 * number written in full ("8000 آلاف") it repeats the unit, as news often
 * does, rather than multiplying it. */
static bool plural_multiplier(const mz_word *w)
{
    return eq(w, "الاف") || eq(w, "ملايين") || eq(w, "مليارات");
}

/* A number at word i (digits, optionally with a multiplier, or spelled out). */
static bool parse_one(const words *ws, const char *s, size_t len, size_t i, span *out)
{
    const mz_word *w = &ws->v[i];
    if (w->is_number) {
        bool pct;
        double v = parse_digits(w->key, &pct);
        out->first = out->last = i;
        out->percent = pct || percent_sign_end(s, len, w->end);
        bool waw = false; /* set with m (gcc cannot see it) */
        const numword *m = i + 1 < ws->n ? number_word(&ws->v[i + 1], &waw) : NULL;
        int stops = full_stops(w->key);
        if (stops == 2 ||
            (stops == 1 && !out->percent && !(m && m->order == 3 && !waw) &&
             !(i > 0 && mz_num_is_rate_word(&ws->v[i - 1])) && !is_percent_words(ws, i + 1)))
            v = without_stops(w->key); /* "18.000 شخص", "1.200.000 لاجئ" */
        if (!out->percent && m && m->order == 3 && !waw) {
            double unit = multiplier_at(ws, i + 1);
            if (!(plural_multiplier(&ws->v[i + 1]) && v >= unit))
                v *= unit; /* "3 آلاف", "1.5 مليون"; but "8000 آلاف" is 8,000 */
            out->last = i + 1;
            double rest;
            size_t rest_last;
            if (remainder_at(ws, i + 2, &rest, &rest_last) && rest < unit) {
                v += rest; /* "5 آلاف و500" = 5500, "3 آلاف وخمسمئة" = 3500 */
                out->last = rest_last;
            }
        }
        out->lo = out->hi = v;
        if (out->last == i + 1) /* "3 ملايين ونصف" */
            add_fraction(ws, out, multiplier_at(ws, i + 1));
        return true;
    }
    return parse_spelled(ws, i, out);
}

static bool is_percent_words(const words *ws, size_t j)
{
    if (j >= ws->n)
        return false;
    const mz_word *w = &ws->v[j];
    if (eq(w, "بالميه") || eq(w, "بالمايه"))
        return true;
    return eq(w, "في") && j + 1 < ws->n && (eq(&ws->v[j + 1], "الميه") || eq(&ws->v[j + 1], "المايه"));
}

/* «ارتفع المؤشر 1.2% أو 15 نقطة»: after «أو» (nx) a percentage a is
 * restated in points, b, the same change in another unit; no range 1.2–15%,
 * which a claim of 10% fitted. b is read as a value of its own, its points
 * a change of what the sentence names (numbers_change.c). */
static bool restated_in_points(const words *ws, const span *a, const mz_word *nx, const span *b)
{
    if (!a->percent || b->percent || !eq(nx, "او") || b->last + 1 >= ws->n)
        return false;
    const mz_word *unit = &ws->v[b->last + 1];
    return eq(unit, "نقطه") || eq(unit, "نقاط");
}

/* The unit of a multiplier word at word i (1e3, 1e6, 1e9), else 0. */
static double multiplier_at(const words *ws, size_t i)
{
    bool waw;
    const numword *m = number_word(&ws->v[i], &waw);
    if (!m || m->order != 3)
        return 0;
    return m->value >= 1e9 ? 1e9 : m->value >= 1e6 ? 1e6 : 1e3;
}

/* «ارتفع من 3 إلى 4 آلاف»: a multiplier written once, on Y's number, is
 * X's too, as in a range («من 3 إلى 4 آلاف مقاتل»). Only where X has none
 * of its own, Y's number stands before it (not «ألف» alone) and X with it
 * is of Y's order, within ten times either way: «من 800 إلى 1.2 مليون» is
 * 800, not 800 million. */
static void carry_multiplier(const words *ws, span *a, const span *b)
{
    double mult = multiplier_at(ws, b->last);
    if (mult == 0 || b->first == b->last || a->percent || b->percent ||
        multiplier_at(ws, a->last) > 0 || a->hi >= mult)
        return;
    double x = a->hi * mult;
    if (x > 10 * b->hi || 10 * x < b->lo)
        return;
    a->lo *= mult;
    a->hi = x;
}

/* Parses the spelled-out number at word j whose key starts with و. */
static bool parse_from_waw(const words *ws, size_t j, span *out)
{
    words *one = malloc(sizeof *one);
    if (!one)
        return false;
    one->n = 0;
    for (size_t k = j; k < ws->n && one->n < 8; k++)
        one->v[one->n++] = ws->v[k];
    mz_word *w = &one->v[0];
    memmove(w->key, w->key + 2, w->key_len - 1); /* drop و (2 bytes), keep the NUL */
    w->key_len -= 2;
    span t;
    bool ok = parse_spelled(one, 0, &t);
    free(one);
    if (!ok)
        return false;
    *out = t;
    out->first = j;
    out->last = j + t.last;
    return true;
}

/* Whether the bytes between two words are spaces around exactly one sep. */
static bool joined_by(const char *s, size_t a, size_t b, char sep)
{
    int seen = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] == sep)
            seen++;
        else if (s[i] != ' ')
            return false;
    }
    return seen == 1;
}

/* Digits that are part of a clock time or a numeric date ("19 : 23",
 * "05:39", "2017 / 09 / 27", "24/11/2017", "16 - 12 - 2014"): not counts. */
static bool time_or_date_part(const words *ws, const char *s, size_t i)
{
    const mz_word *w = &ws->v[i];
    if (!w->is_number)
        return false;
    if (full_stops(w->key) == 3)
        return true; /* 11.10.2017 */
    if (i > 0 && ws->v[i - 1].is_number &&
        (joined_by(s, ws->v[i - 1].end, w->start, ':') || joined_by(s, ws->v[i - 1].end, w->start, '/')))
        return true;
    if (i + 1 < ws->n && ws->v[i + 1].is_number &&
        (joined_by(s, w->end, ws->v[i + 1].start, ':') || joined_by(s, w->end, ws->v[i + 1].start, '/')))
        return true;
    /* three numbers joined by dashes: a date (two are a range, 3-4) */
    size_t l = i, r = i;
    while (l > 0 && ws->v[l - 1].is_number && dash_between(s, ws->v[l - 1].end, ws->v[l].start))
        l--;
    while (r + 1 < ws->n && ws->v[r + 1].is_number && dash_between(s, ws->v[r].end, ws->v[r + 1].start))
        r++;
    return r - l >= 2;
}

/* Word i as a part of a numeric date: its digits' value and count, or
 * false when it is not plain digits. */
static bool date_part(const mz_word *w, int *v, int *len)
{
    size_t n = strspn(w->key, "0123456789");
    if (!w->is_number || n == 0 || n > 4 || n != w->key_len)
        return false;
    *v = atoi(w->key);
    *len = (int)n;
    return true;
}

/* A numeric date starting at word i ("15/11/2017", "2017/11/15", "5/5",
 * "16 - 12 - 2014", "11.10.2017"): sets ws->day_code[i] to the day it
 * names (mz_num_numeric_day) and returns the words it spans; 0 when none
 * starts there. */
static size_t numeric_date(words *ws, const char *s, size_t i)
{
    int v[3], l[3], np = 0;
    const mz_word *w = &ws->v[i];
    if (w->is_number && full_stops(w->key) == 3) { /* 11.10.2017: one word */
        const char *p = w->key;
        while (np < 3 && *p >= '0' && *p <= '9') {
            size_t n = strspn(p, "0123456789");
            v[np] = atoi(p), l[np++] = (int)n;
            p += n + (p[n] == '.');
        }
    } else if (date_part(w, &v[0], &l[0])) {
        char sep = 0;
        np = 1;
        for (size_t k = i + 1; np < 3 && k < ws->n && date_part(&ws->v[k], &v[np], &l[np]); k++) {
            char here = joined_by(s, ws->v[k - 1].end, ws->v[k].start, '/') ? '/'
                        : dash_between(s, ws->v[k - 1].end, ws->v[k].start) ? '-'
                                                                              : 0;
            if (!here || (sep && here != sep))
                break;
            sep = here;
            np++;
        }
        if (np == 2 && sep != '/')
            np = 0; /* 3-4: a range */
    }
    int code = np >= 2 ? mz_num_numeric_day(v, l, np) : 0;
    if (code)
        ws->day_code[i] = code;
    return np >= 2 ? (size_t)(w->is_number && full_stops(w->key) == 3 ? 1 : np) : 0;
}

/* Words before a number that make it a year (عام 2000, منذ 2011). */
static const char *const year_words[] = {"عام", "العام", "لعام", "بعام", "وعام", "عامي", "سنه",
                                         "السنه", "لسنه", "منذ", "مواليد", "حتي", "وحتي",
                                         "مطلع", "اواخر", "اوايل", "نهايه", "بدايه", "خلال"};

/* Whether words [i, i + n) are the keys given, in order. */
static bool words_are(const words *ws, size_t i, const char *const *keys, size_t n)
{
    if (i + n > ws->n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!eq(&ws->v[i + k], keys[k]))
            return false;
    return true;
}

/* A bound written before the number at word `first`: "أكثر من", "أزيد من"
 * give X or more (1); "أقل من" X or less (-1); else 0. One a verb gives
 * («لا يتجاوز», «يزيد على») is mz_num_verb_bound's (numbers_ceiling.c). */
static int bound_before(const words *ws, size_t first)
{
    static const char *const more[] = {"اكثر", "ازيد", "باكثر", "لاكثر", "واكثر", "وباكثر"};
    static const char *const less[] = {"اقل", "باقل", "لاقل", "واقل", "وباقل"};
    if (first < 2)
        return 0;
    const mz_word *p = &ws->v[first - 1], *v = &ws->v[first - 2];
    if (eq(p, "من")) /* with a clitic too: «ارتفعت بأكثر من 10%», «لأقل من عام» */
        return in_list(v->key, more, sizeof more / sizeof *more)   ? 1
               : in_list(v->key, less, sizeof less / sizeof *less) ? -1
                                                                   : 0;
    return 0;
}

/* "300 على الأقل", "300 مقاتل على الأقل": X or more, after the number or
 * its noun. */
static int bound_after(const words *ws, size_t after)
{
    static const char *const at_least[] = {"علي", "الاقل"};
    return words_are(ws, after, at_least, 2) || words_are(ws, after + 1, at_least, 2);
}

/* Whether key ("3,4": words.c writes the Arabic comma as ',') is two whole
 * numbers of 1..10, the second the larger. */
static bool whole_units_rising(const char *key)
{
    char *end;
    long a = strtol(key, &end, 10);
    if (end == key || *end != ',' || !(end[1] >= '0' && end[1] <= '9'))
        return false;
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    return *end == '\0' && a >= 1 && b > a && b <= 10;
}

/* The Arabic comma is a list mark (the Arabic decimal mark is ٫): "3،4"
 * between digits is a decimal comma only where a fraction is what is
 * meant, before a multiplier, a percent or a unit ("2،5 مليون", "3،5%",
 * "1،5 كلم"); else it joins two numbers, which read as 3.4: "قتل 3،4
 * أشخاص" is three or four (a range, as "3-4"), "المواد 12،5" two numbers.
 * آلاف counts whole thousands, 3 to 10 of them (a fraction takes ألف:
 * "2.8 ألف"), so "3،4 آلاف" is three or four thousand, as "بين ثلاثة
 * وأربعة آلاف"; ملايين is left decimal, as news writes "8.3 ملايين" too.
 * Word i is split at the comma; returns whether it was. */
static bool split_comma_list(words *ws, const char *s, size_t len, size_t i)
{
    mz_word *w = &ws->v[i];
    const char *comma = NULL;
    for (size_t b = w->start; w->is_number && b + 1 < w->end && !comma; b++)
        if (!memcmp(s + b, "\xD8\x8C", 2))
            comma = s + b;
    if (!comma || ws->n >= MAX_WORDS || strchr(w->key, '%') || percent_sign_end(s, len, w->end))
        return false;
    bool thousands = i + 1 < ws->n && eq(&ws->v[i + 1], "الاف") && whole_units_rising(w->key);
    if (i + 1 < ws->n && !thousands &&
        (multiplier_at(ws, i + 1) > 0 || is_percent_words(ws, i + 1) ||
         mz_num_is_measure_unit(&ws->v[i + 1])))
        return false;
    const char *k = strchr(w->key, ',');
    if (!k)
        return false;
    memmove(&ws->v[i + 2], &ws->v[i + 1], (ws->n - i - 1) * sizeof *ws->v);
    memmove(&ws->comma_split[i + 2], &ws->comma_split[i + 1], ws->n - i - 1);
    ws->n++;
    ws->comma_split[i] = true;
    ws->comma_split[i + 1] = false;
    mz_word *second = &ws->v[i + 1];
    *second = *w;
    second->start = (size_t)(comma - s) + 2;
    second->key_len = strlen(k + 1);
    memmove(second->key, k + 1, second->key_len + 1);
    w->end = (size_t)(comma - s);
    w->key_len = (size_t)(k - w->key);
    w->key[w->key_len] = '\0';
    return true;
}

/* Words before a page or item counter: "الصفحة 23 من أصل 24", "المقال رقم :
 * 70 من 72", "النتائج 1 إلى 22 من 22", "الصورة 4 من 12". */
static const char *const counter_words[] = {"صفحه", "الصفحه", "رقم", "النتايج", "الصوره",
                                            "صوره", "الشريحه", "شريحه", "الحلقه", "حلقه",
                                            "الجزء", "جزء"};
static const char *const page_nouns[] = {"صفحه", "صفحات", "الصفحات"};

/* Whether word k joins a counter's numbers: من, إلى, من أصل; returns the
 * next number's word, or 0. */
static size_t counter_join(const words *ws, size_t k)
{
    if (k >= ws->n || !(eq(&ws->v[k], "من") || eq(&ws->v[k], "الي")))
        return 0;
    k++;
    if (k < ws->n && eq(&ws->v[k], "اصل"))
        k++;
    return k < ws->n && ws->v[k].is_number ? k : 0;
}

/* A page or item counter at word i ("23 من أصل 24 صفحات" and the like, after
 * a counter word or before a page noun): page clutter of the scrape, not a
 * quantity of the news. Returns the word after it, or 0. */
static size_t page_counter(const words *ws, size_t i)
{
    if (!ws->v[i].is_number)
        return 0;
    size_t last = i, next;
    for (int joins = 0; joins < 2 && (next = counter_join(ws, last + 1)); joins++)
        last = next;
    if (last == i)
        return 0;
    if (i > 0 && in_list(ws->v[i - 1].key, counter_words,
                         sizeof counter_words / sizeof *counter_words))
        return last + 1;
    size_t k = last + 1 + (last + 1 < ws->n && eq(&ws->v[last + 1], "من"));
    if (k < ws->n && in_list(ws->v[k].key, page_nouns, sizeof page_nouns / sizeof *page_nouns))
        return k + 1;
    return 0;
}

/* "X من (أصل) Y noun": a part of a whole ("غرق 5 من أصل 12 راكبا", "أفرج عن
 * 3 من 7 محتجزين"). X counts the noun after Y, as Y does; the event is X's
 * (Y is marked a whole: it takes none). Returns whether a is such a part,
 * with n's noun filled; `after` is the word after a. */
static bool part_of_whole(words *ws, const char *s, size_t len, const span *a, size_t after,
                          mz_number *n)
{
    size_t k = after;
    if (k >= ws->n || !eq(&ws->v[k], "من"))
        return false;
    k++;
    if (k < ws->n && (eq(&ws->v[k], "اصل") || eq(&ws->v[k], "بين")))
        k++; /* "من أصل 12", "من بين 12" */
    span y;
    if (k >= ws->n || !parse_one(ws, s, len, k, &y) || y.percent || a->hi > y.lo)
        return false;
    size_t past = y.last + 1;
    mz_number whole;
    memset(&whole, 0, sizeof whole);
    if (mz_num_month_follows(ws, &past))
        return false; /* "3 من 5 مايو": a date */
    mz_num_noun_after(ws, s, y.last + 1, &whole);
    if (!whole.noun_key[0])
        return false;
    memcpy(n->noun, whole.noun, sizeof n->noun);
    memcpy(n->noun_key, whole.noun_key, sizeof n->noun_key);
    ws->whole[k] = true;
    return true;
}

/* A whole told after its part's own noun: «برأت المحكمة 3 متهمين من أصل 14
 * متهما» (part_of_whole reads «3 من أصل 14 متهما»). The 14 were tried, not
 * acquitted: like a whole there, it takes no event. «من أصل» alone — «من
 * بين 12 قتيلا» also tells of the 12 what happened to them. */
static bool whole_after_part(const words *ws, size_t first)
{
    return first >= 2 && eq(&ws->v[first - 1], "اصل") && eq(&ws->v[first - 2], "من");
}

/* «بالسجن بين عامين و5 سنوات»: a time unit in the dual right after بين is a
 * range's first end, two (of the unit the second end counts), when the
 * second end follows (و, إلى, حتى and a number, or «وسبع»). Read alone it
 * was no value, and the 5 stood as a lone figure against a sentence of 7. */
static bool dual_first_end(const words *ws, const char *s, size_t len, size_t i, span *a)
{
    if (i == 0 || i + 1 >= ws->n || !(eq(&ws->v[i - 1], "بين") || eq(&ws->v[i - 1], "مابين")) ||
        !mz_num_is_dual_time_unit(&ws->v[i]))
        return false;
    const mz_word *nx = &ws->v[i + 1];
    span b;
    bool waw = false;
    bool second = ((eq(nx, "و") || eq(nx, "الي") || eq(nx, "حتي")) && i + 2 < ws->n &&
                   parse_one(ws, s, len, i + 2, &b)) ||
                  (number_word(nx, &waw) && waw);
    if (!second)
        return false;
    memset(a, 0, sizeof *a);
    a->first = a->last = i;
    a->lo = a->hi = 2;
    return true;
}

/* Keeps a value found at words [first, after): into out while there is
 * room (found counts them all). */
static void keep(words *ws, mz_number *out, size_t cap, size_t *found, const mz_number *n,
                 size_t first, size_t after)
{
    if (*found < cap) {
        out[*found] = *n;
        ws->at_first[*found] = first;
        ws->at_after[*found] = after;
    }
    (*found)++;
}

static size_t extract(const char *s, size_t len, mz_number *out, size_t cap, bool scores)
{
    words *ws = malloc(sizeof *ws);
    if (!ws)
        return 0;
    ws->n = 0;
    ws->scores = scores;
    mz_word_iter it;
    mz_words_init(&it, s, len);
    while (ws->n < MAX_WORDS && mz_words_next(&it, &ws->v[ws->n]))
        ws->n++;
    /* the words' flags, not all MAX_WORDS: split_comma_list moves
     * comma_split along as it adds a word, and leaves the others alone */
    memset(ws->comma_split, 0, ws->n * sizeof *ws->comma_split);
    for (size_t i = 0; i < ws->n; i++)
        i += split_comma_list(ws, s, len, i);
    memset(ws->day_code, 0, ws->n * sizeof *ws->day_code);
    memset(ws->whole, 0, ws->n * sizeof *ws->whole);
    for (size_t i = 0, k; i < ws->n; i += k ? k : 1)
        k = numeric_date(ws, s, i);

    size_t found = 0;
    for (size_t i = 0; i < ws->n;) {
        span a;
        size_t past_counter = page_counter(ws, i);
        if (past_counter) {
            i = past_counter;
            continue;
        }
        mz_number in_words;
        size_t past_words;
        if (ws->scores && mz_num_score_words(ws, s, i, &in_words, &past_words)) {
            keep(ws, out, cap, &found, &in_words, i, past_words);
            i = past_words;
            continue;
        }
        size_t past_day;
        int day = mz_num_ordinal_day(ws, i, &past_day), month = day ? mz_num_month_follows(ws, &past_day) : 0;
        if (month) { /* "الخامس عشر من أيار": a date, not the number عشر */
            mz_number d;
            memset(&d, 0, sizeof d);
            d.start = ws->v[i].start;
            d.number = d.number_max = day;
            ws->day_code[i] = day * 1000 + month;
            size_t after = mz_num_finish_date(ws, past_day, month, &d);
            if (month <= 12) /* its day, as a digit date's: «الأول من كانون الأول» d:1/12 */
                snprintf(d.day, sizeof d.day, "d:%d/%d", day, month);
            keep(ws, out, cap, &found, &d, i, after);
            i = after;
            continue;
        }
        if (time_or_date_part(ws, s, i) ||
            !(parse_one(ws, s, len, i, &a) || dual_first_end(ws, s, len, i, &a))) {
            bool definite;
            if (!ws->v[i].is_number && mz_num_vague(ws, i, &a, &definite)) {
                mz_number v;
                if (mz_num_vague_value(ws, s, &a, definite, &v))
                    keep(ws, out, cap, &found, &v, a.first, a.last + 1);
                i = a.last + 1;
                continue;
            }
            mz_number two;
            if (mz_num_dual_count(ws, s, i, &two) || mz_num_dual_time(ws, s, i, &two))
                keep(ws, out, cap, &found, &two, i, i + 1);
            i++;
            continue;
        }
        mz_number score;
        size_t past_score;
        if (ws->scores && mz_num_score(ws, s, i, &score, &past_score)) {
            keep(ws, out, cap, &found, &score, i, past_score);
            i = past_score;
            continue;
        }
        /* Range: "بين X و Y", "X أو Y", "من X إلى Y", "X-Y" (a shared
         * multiplier after Y applies to X too); news also writes "بين X إلى Y". */
        size_t j = a.last + 1;
        bool after_bayn = a.first > 0 && (eq(&ws->v[a.first - 1], "بين") ||
                                          eq(&ws->v[a.first - 1], "مابين"));
        /* after a word of change «من X إلى Y» is a from–to, two values
         * (numbers_change.c marks X earlier, Y the level), not a range */
        bool min = a.first > 0 && eq(&ws->v[a.first - 1], "من");
        bool from_to = min && mz_num_moves_before(s, ws, a.first - 1);
        bool after_min = min && !from_to;
        span b;
        bool range = false;
        if (from_to && j + 1 < ws->n && eq(&ws->v[j], "الي") && parse_one(ws, s, len, j + 1, &b))
            carry_multiplier(ws, &a, &b);
        if (j < ws->n) {
            const mz_word *nx = &ws->v[j];
            bool waw;
            if (((eq(nx, "او")) || (eq(nx, "و") && after_bayn) ||
                 ((eq(nx, "الي") || eq(nx, "حتي")) && (after_min || after_bayn))) &&
                j + 1 < ws->n && parse_one(ws, s, len, j + 1, &b)) {
                range = !restated_in_points(ws, &a, nx, &b);
            } else if (after_bayn && number_word(nx, &waw) && waw) {
                /* "بين ثلاثة وأربعة آلاف": parse from "أربعة" on */
                range = parse_from_waw(ws, j, &b);
            } else if (nx->is_number && ws->v[a.last].is_number &&
                       dash_between(s, ws->v[a.last].end, nx->start)) {
                range = parse_one(ws, s, len, j, &b);
                if (range && b.hi < a.lo && a.first == a.last) {
                    /* a falling pair is a name or a score, not a range:
                     * «ماكس 737 - 8» (the 8 counted the aircraft), «فاز 3 - 1» */
                    i = b.last + 1;
                    continue;
                }
            } else if (a.first == a.last && ws->comma_split[a.first]) {
                /* "3،4 أشخاص" (split_comma_list): three or four, as "3-4";
                 * "12،5" falling is a list */
                range = parse_one(ws, s, len, j, &b) && b.lo > a.hi;
            }
        }
        if (range) {
            double mult = multiplier_at(ws, b.last);
            if (mult > 0 && multiplier_at(ws, a.last) == 0 && a.hi < mult)
                a.lo = a.hi = a.hi * mult;
            a.hi = b.hi;
            a.last = b.last;
            a.percent = a.percent || b.percent;
        }
        if (range && a.lo > a.hi) {
            double t = a.lo;
            a.lo = a.hi;
            a.hi = t;
        }
        mz_number n;
        memset(&n, 0, sizeof n);
        size_t first = a.first;
        if (range && first > 0 && (eq(&ws->v[first - 1], "بين") || eq(&ws->v[first - 1], "مابين")))
            first--; /* keep "بين" of a range in the value as written ("من بين 12" is none) */
        n.start = ws->v[first].start;
        n.end = ws->v[a.last].end;
        n.number = a.lo;
        n.number_max = a.hi;
        size_t after = a.last + 1;
        if (!a.percent && a.first > 0 && mz_num_is_rate_word(&ws->v[a.first - 1]) &&
            !is_percent_words(ws, after))
            a.percent = true; /* "بنسبة 3.5": a rate is a percentage, as "بنسبة 3.5%" */
        else if (!a.percent && is_percent_words(ws, after)) {
            a.percent = true;
            after += eq(&ws->v[after], "في") ? 2 : 1;
            n.end = ws->v[after - 1].end;
        }
        size_t sign_end = a.percent && n.end < len ? percent_sign_end(s, len, n.end) : 0;
        if (sign_end)
            n.end = sign_end;
        n.kind = a.percent ? MZ_QTY_PERCENT : MZ_QTY_COUNT;
        if (!a.percent && a.lo >= 1 && a.hi <= 31 && (month = mz_num_month_follows(ws, &after))) {
            ws->day_code[a.first] = (int)a.lo * 1000 + month;
            after = mz_num_finish_date(ws, after, month, &n);
            if (month <= 12) /* the day a named month's date is, as mz_day_near keys it */
                snprintf(n.day, sizeof n.day, "d:%d/%d", (int)a.lo, month);
        } else if (!a.percent && mz_num_clock_time(ws, a.first, &after)) {
            n.end = ws->v[after - 1].end;
            n.kind = MZ_QTY_DATE;
            strcpy(n.noun, "الساعة");
            strcpy(n.noun_key, "time");
        } else if (!a.percent && !range && mz_num_is_hijri_year(ws, &a, after)) {
            if (mz_num_is_hijri_mark(ws, after))
                n.end = ws->v[after].end;
            n.kind = MZ_QTY_DATE;
            strcpy(n.noun, "السنة");
            strcpy(n.noun_key, "year");
        } else if (!a.percent && !range && ws->v[a.first].is_number && a.first == a.last &&
                   a.lo >= 1900 && a.lo <= 2100 && floor(a.lo) == a.lo &&
                   !strchr(ws->v[a.first].key, ',')) {
            /* a year, unless it counts what news counts in the thousands
             * ("قتل 2000 شخص") and no year word comes before it */
            mz_num_noun_after(ws, s, after, &n);
            bool year_word = a.first > 0 && in_list(ws->v[a.first - 1].key, year_words,
                                                    sizeof year_words / sizeof *year_words);
            if (year_word || !n.noun_key[0] || !mz_num_is_counted_noun(&n)) {
                n.kind = MZ_QTY_DATE;
                strcpy(n.noun, "السنة");
                strcpy(n.noun_key, "year");
            }
        } else if (a.percent) {
            mz_num_noun_of_percent(ws, s, first, after, &n);
            if (!n.noun_key[0])
                mz_num_noun_of_measure_head(ws, s, first, &n);
            size_t period_at; /* «التضخم … على أساس شهري إلى 26.4%»: the noun before it */
            if (!n.noun_key[0] && (period_at = mz_num_period_phrase_before(ws, first)))
                mz_num_noun_of_percent(ws, s, period_at, after, &n);
        } else {
            /* "الأسرى الـ40", "الساعات الـ24": a number written with the
             * article follows the noun it counts ("الـ24 ساعة" precedes it) */
            bool with_article = a.first > 0 && eq(&ws->v[a.first - 1], "ال");
            if (with_article && a.first > 1 && mz_num_is_noun_candidate(&ws->v[a.first - 2]) &&
                mz_num_is_definite(&ws->v[a.first - 2]))
                mz_num_copy_noun(s, &ws->v[a.first - 2], &n);
            else if (range || !part_of_whole(ws, s, len, &a, after, &n))
                mz_num_noun_after(ws, s, after, &n);
            if (!n.noun_key[0])
                mz_num_noun_of_tally(ws, s, a.first, &n);
            if (mz_num_is_time_window(ws, with_article ? a.first - 1 : a.first, with_article, &n))
                n.kind = MZ_QTY_DATE;
        }
        if (n.kind != MZ_QTY_DATE && !range) {
            n.bound = bound_after(ws, after) ? 1 : bound_before(ws, a.first);
            if (!n.bound)
                n.bound = mz_num_verb_bound(ws, s, a.first);
        }
        bool whole = ws->whole[a.first] || whole_after_part(ws, a.first);
        if (n.kind != MZ_QTY_DATE && !whole)
            n.event = mz_num_casualty_noun(ws, s, after, &n);
        if (n.kind != MZ_QTY_DATE && !whole && !n.event)
            n.event = mz_event_near(s, ws->v, ws->n, first, after);
        keep(ws, out, cap, &found, &n, first, after);
        i = after > a.last + 1 ? after : a.last + 1;
    }
    for (size_t k = 0; k < found && k < cap; k++) /* dates are all read by now */
        if (out[k].kind != MZ_QTY_DATE)
            mz_day_near(s, ws->v, ws->n, ws->day_code, ws->at_first[k], ws->at_after[k],
                        out[k].day, sizeof out[k].day);
    mz_num_mark_earlier(s, ws, out, found < cap ? found : cap);
    mz_num_mark_change(s, ws, out, found < cap ? found : cap);
    mz_num_noun_of_compared(s, ws, out, found < cap ? found : cap); /* «مقارنة بـ 38%» */
    mz_num_event_of_answer(ws, out, found < cap ? found : cap); /* «54، والصحيح 45» */
    mz_num_event_of_among(ws, out, found < cap ? found : cap); /* «31 قتيلا، بينهم 9 أطفال» */
    mz_num_mark_last_period(s, ws, out, found < cap ? found : cap);
    mz_num_mark_points(s, ws, out, found < cap ? found : cap); /* «بارتفاع 7.2 نقطة» */
    mz_num_mark_basis(s, ws, out, found < cap ? found : cap); /* «150 نقطة أساس»: 1.5 */
    mz_num_mark_parts(ws, out, found < cap ? found : cap);
    mz_num_mark_of(s, ws, out, found < cap ? found : cap);
    mz_num_mark_demanded(s, ws, out, found < cap ? found : cap);
    mz_num_mark_attributed(s, ws, out, found < cap ? found : cap);
    mz_num_mark_moved(s, ws, out, found < cap ? found : cap);
    mz_num_mark_on_day(ws, out, found < cap ? found : cap);
    mz_num_mark_per(s, ws, out, found < cap ? found : cap);
    mz_num_mark_period(s, ws, out, found < cap ? found : cap); /* «على أساس شهري» */
    mz_num_mark_market(s, ws, out, found < cap ? found : cap); /* «في السوق الموازية» */
    mz_num_mark_last_month(s, ws, out, found < cap ? found : cap); /* «مقابل 24.9% في آب» */
    mz_num_mark_hearsay(s, ws, out, found < cap ? found : cap);
    mz_num_mark_out_of(s, ws, out, found < cap ? found : cap); /* «58 مقعدا من أصل 150» */
    free(ws);
    return found;
}

size_t mz_numbers_extract(const char *s, size_t len, mz_number *out, size_t cap)
{
    return extract(s, len, out, cap, false);
}

size_t mz_numbers_extract_scores(const char *s, size_t len, mz_number *out, size_t cap)
{
    return extract(s, len, out, cap, true);
}

bool mz_numbers_conflict(double a_lo, double a_hi, double b_lo, double b_hi)
{
    /* Overlap with a 10% tolerance on each side: 400 vs 420 agree, 400 vs
     * "between 3,000 and 4,000" do not. An open top takes its tolerance
     * from the bottom. */
    double tol_a = 0.1 * fabs(isinf(a_hi) ? a_lo : a_hi);
    double tol_b = 0.1 * fabs(isinf(b_hi) ? b_lo : b_hi);
    return a_hi + tol_a < b_lo - tol_b || b_hi + tol_b < a_lo - tol_a;
}
