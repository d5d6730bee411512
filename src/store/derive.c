/* derive.c — what the store works out from an article's text: its title
 * (first line), its source (url host, or an "المصدر:" line) and the hash that
 * identifies exact duplicates. */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 400 /* bytes; a "first line" longer than this is not a title */

/* Steps *p (< end) past the next line; [*s, *e) is that line trimmed of
 * white space (empty for a blank line). */
static void next_line(const char **p, const char *end, const char **s, const char **e)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *s = *p;
    *e = nl ? nl : end;
    *p = nl ? nl + 1 : end;
    mz_trim_span(s, e);
}

/* The end of [s, e) cut to TITLE_MAX bytes at a character boundary, and
 * trimmed again there: a title cut after a space would end in one, and
 * lose it when exported and ingested again. */
static const char *title_end(const char *s, const char *e)
{
    if (e - s > TITLE_MAX) {
        e = s + TITLE_MAX;
        while (e > s && ((unsigned char)*e & 0xC0) == 0x80)
            e--;
        mz_trim_span(&s, &e);
    }
    return e;
}

char *mz_first_line(const char *text, size_t len)
{
    const char *p = text, *end = text + len, *s, *e;
    while (p < end) {
        next_line(&p, end, &s, &e);
        if (s < e)
            return mz_strndup(s, (size_t)(title_end(s, e) - s));
    }
    return mz_strdup("");
}

char *mz_given_title(const char *title, size_t len)
{
    mz_buf b = {0};
    const char *p = title, *end = title + len, *s, *e;
    while (p < end) { /* lines joined by one space: a headline and its kicker */
        next_line(&p, end, &s, &e);
        if (s < e && ((b.len && mz_buf_puts(&b, " ")) || mz_buf_append(&b, s, (size_t)(e - s)))) {
            mz_buf_free(&b);
            return NULL;
        }
    }
    if (!b.p)
        return mz_strdup("");
    const char *t = b.p, *te = title_end(b.p, b.p + b.len);
    char *out = mz_strndup(t, (size_t)(te - t));
    mz_buf_free(&b);
    return out;
}

/* ---- titles of pages that open with a dateline
 *
 * Scraped pages often open with a dateline or site label on a line of its
 * own ("بلدي نيوز - الرقة (خاص)", "دمشق - سانا") and no headline at all: the
 * story starts on the next line. Such a line names who wrote and where, not
 * what happened, so the title is taken from the lead instead. Kept narrow on
 * purpose: a short unpunctuated line that ends in a press tag (in brackets
 * or after a dash), followed by a line of prose. */

#define DATELINE_MAX_WORDS 6
#define LEAD_MIN_WORDS 12
#define LEAD_TITLE_WORDS 20

/* Normalized (alef, taa marbuta, ...) as mz_normalize writes them. */
static const char *const press_tags[] = {
    "خاص", "حصري", "وكالات", "متابعات", "مراسلنا", "رويترز", "سانا", "الاناضول", "اف ب",
    "ا ف ب", "فرانس برس", "د ب ا", "ا ش ا", "واس", "وام", "قنا", "كونا", "بترا", "سبوتنيك",
};

static bool is_press_tag(const char *s, const char *e)
{
    mz_trim_span(&s, &e);
    for (size_t i = 0; i < sizeof press_tags / sizeof press_tags[0]; i++)
        if (strlen(press_tags[i]) == (size_t)(e - s) && !memcmp(s, press_tags[i], (size_t)(e - s)))
            return true;
    return false;
}

static size_t count_words(const char *s, const char *e)
{
    size_t n = 0;
    bool in_word = false;
    for (; s < e; s++) {
        bool space = *s == ' ' || *s == '\t';
        n += !space && !in_word;
        in_word = !space;
    }
    return n;
}

/* The first punctuation mark in [s, e): clause marks (, : ، ؛) and, when
 * any is set, sentence ends too (. ! ? ؟). */
static const char *find_punct(const char *s, const char *e, bool any)
{
    for (const char *p = s; p < e; p++) {
        if (*p == ',' || *p == ':' || (any && (*p == '.' || *p == '!' || *p == '?')))
            return p;
        if (p + 1 < e && (unsigned char)p[0] == 0xD8 &&
            ((unsigned char)p[1] == 0x8C || (unsigned char)p[1] == 0x9B ||
             (any && (unsigned char)p[1] == 0x9F)))
            return p;
    }
    return NULL;
}

static bool is_dateline(const char *s, const char *e)
{
    if (e - s > 160 || count_words(s, e) > DATELINE_MAX_WORDS || find_punct(s, e, true))
        return false;
    char *norm;
    size_t n;
    if (mz_normalize(s, (size_t)(e - s), &norm, &n, NULL, NULL) != MZ_OK)
        return false;
    const char *ne = norm + n, *tag = NULL;
    if (n > 2 && ne[-1] == ')') { /* "... (خاص)" */
        for (const char *p = ne - 2; p > norm && !tag; p--)
            if (*p == '(')
                tag = p + 1;
        ne--;
    } else { /* "دمشق - سانا" */
        for (const char *p = ne - 1; p > norm && !tag; p--)
            if (*p == '-')
                tag = p + 1;
    }
    bool yes = tag && tag > norm + 1 && is_press_tag(tag, ne);
    free(norm);
    return yes;
}

/* The lead's first sentence (as the text engine splits them: not after
 * "د." or inside 3.5), shortened to a clause or LEAD_TITLE_WORDS words. */
static char *lead_title(const char *s, const char *e)
{
    mz_sentences sents = {0};
    if (mz_split_sentences(s, (size_t)(e - s), &sents) != MZ_OK) {
        mz_sentences_clear(&sents);
        return NULL;
    }
    if (sents.n > 0) {
        e = s + sents.v[0].end;
        s += sents.v[0].start;
    }
    mz_sentences_clear(&sents);
    while (e > s && (e[-1] == '.' || e[-1] == '!' || e[-1] == '?'))
        e--; /* a title has no full stop */
    if (count_words(s, e) > LEAD_TITLE_WORDS) {
        const char *p = s, *clause;
        while ((clause = find_punct(p, e, false)) && count_words(s, clause) < 6)
            p = clause + 1;
        if (clause && count_words(s, clause) <= LEAD_TITLE_WORDS) {
            e = clause;
        } else { /* no usable clause: the first words, marked as cut */
            const char *cut = s; /* to the start of word LEAD_TITLE_WORDS + 1 */
            size_t words = 0;
            for (bool in_word = false; cut < e; cut++) {
                bool space = *cut == ' ' || *cut == '\t';
                if (!space && !in_word && ++words > LEAD_TITLE_WORDS)
                    break;
                in_word = !space;
            }
            mz_trim_span(&s, &cut);
            cut = title_end(s, cut); /* 20 words can still be long ones */
            mz_buf b = {0};
            if (mz_buf_append(&b, s, (size_t)(cut - s)) || mz_buf_puts(&b, "…")) {
                mz_buf_free(&b);
                return NULL;
            }
            return mz_buf_take(&b);
        }
    }
    mz_trim_span(&s, &e);
    return mz_strndup(s, (size_t)(title_end(s, e) - s));
}

char *mz_derive_title(const char *text, size_t len)
{
    const char *p = text, *end = text + len, *s, *e;
    do
        next_line(&p, end, &s, &e);
    while (s == e && p < end);
    if (s == e || !is_dateline(s, e))
        return mz_first_line(text, len);
    const char *ls, *le;
    do
        next_line(&p, end, &ls, &le);
    while (ls == le && p < end);
    if (count_words(ls, le) < LEAD_MIN_WORDS || !find_punct(ls, le, true))
        return mz_first_line(text, len);
    return lead_title(ls, le);
}

/* Hosts where every account publishes under one domain: there the account
 * (facebook.com/AlJazeera, t.me/channel, youtube.com/channel/ID) is the
 * source, or every post on the platform would be one source. */
static const char *const account_hosts[] = {"facebook.com", "fb.com", "twitter.com", "x.com",
                                            "instagram.com", "t.me", "telegram.me",
                                            "youtube.com", "tiktok.com", "threads.net"};

/* The length of a segment of a URL path at p: up to '/', '?' or '#'. */
static size_t segment(const char *p)
{
    return strcspn(p, "/?#");
}

size_t mz_url_account_len(const char *site, size_t len, const char *after)
{
    bool account_host = false;
    for (size_t i = 0; i < sizeof account_hosts / sizeof *account_hosts; i++)
        account_host |= strlen(account_hosts[i]) == len && !strncasecmp(site, account_hosts[i], len);
    if (!account_host || after[0] != '/')
        return 0;
    size_t n = segment(after + 1);
    if (n == 0)
        return 0;
    size_t total = 1 + n;
    /* youtube.com/channel/ID, /c/name, /user/name: the name is the next one */
    bool prefix = (n == 7 && !strncasecmp(after + 1, "channel", 7)) ||
                  (n == 1 && after[1] == 'c') || (n == 4 && !strncasecmp(after + 1, "user", 4));
    if (prefix && after[total] == '/' && segment(after + total + 1))
        total += 1 + segment(after + total + 1);
    return total;
}

const char *mz_url_host(const char *s, size_t *n)
{
    const char *p = strstr(s, "://");
    p = p ? p + 3 : s;
    size_t len = strcspn(p, "/?#");
    const char *at = memchr(p, '@', len); /* user:password@host */
    if (at) {
        len -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    const char *colon = memchr(p, ':', len);
    if (colon && strspn(colon + 1, "0123456789") == len - (size_t)(colon + 1 - p))
        len = (size_t)(colon - p); /* a port */
    while (len > 1 && p[len - 1] == '.')
        len--;
    *n = len;
    return p;
}

char *mz_url_source(const char *url)
{
    if (!url)
        return NULL;
    size_t n;
    const char *p = mz_url_host(url, &n);
    if (n > 4 && !strncasecmp(p, "www.", 4)) {
        p += 4;
        n -= 4;
    }
    if (n == 0 || !memchr(p, '.', n) || memchr(p, ':', n))
        return NULL;
    const char *after = p + strcspn(p, "/?#"); /* the path, past any port */
    size_t m = n > 2 && !strncasecmp(p, "m.", 2) ? 2 : 0; /* m.facebook.com */
    size_t extra = mz_url_account_len(p + m, n - m, after);
    if (extra) {
        p += m;
        n -= m;
    }
    char *host = malloc(n + extra + 1);
    if (!host)
        return NULL;
    memcpy(host, p, n);
    memcpy(host + n, after, extra);
    host[n + extra] = '\0';
    for (char *c = host; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return host;
}

/* "المصدر: وكالة سانا" on a line of its own names the outlet of a plain
 * text file. Only a short value counts: scraped pages glue menus onto such
 * lines ("المصدر : وكالات آخر الأخبار وأبرزها ..."), and a wrong source is
 * worse than none (it groups articles into voices). */
char *mz_source_line(const char *text, size_t len)
{
    static const char label[] = "المصدر";
    const char *p = text, *end = text + len, *s, *e;
    while (p < end) {
        next_line(&p, end, &s, &e);
        size_t ll = sizeof label - 1;
        if ((size_t)(e - s) > ll && !memcmp(s, label, ll)) {
            const char *v = s + ll;
            while (v < e && *v == ' ')
                v++;
            if (v < e && *v == ':') {
                v++;
                mz_trim_span(&v, &e);
                int words = 1;
                for (const char *c = v; c < e; c++)
                    words += *c == ' ';
                if (e - v >= 2 && e - v <= 60 && words <= 4)
                    return mz_strndup(v, (size_t)(e - v));
            }
        }
    }
    return NULL;
}

/* 128-bit hash (two independent 64-bit FNV-1a style lanes) of the
 * normalized text with white-space runs collapsed, as 32 hex digits. Two
 * texts that differ only in diacritics, letter variants or spacing collide
 * on purpose: they are the same article. */
mz_status mz_norm_hash(const char *text, size_t len, char out[33], mz_error *err)
{
    char *norm;
    size_t nlen;
    mz_status s = mz_normalize(text, len, &norm, &nlen, NULL, err);
    if (s != MZ_OK)
        return s;
    uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    /* One ' ' stands for each white-space run between two words: none before
     * the first (leading white space is dropped) or after the last. White
     * space is Unicode's (no-break space...), as for mz_text_blank. */
    bool space = false, started = false;
    for (size_t i = 0; i < nlen;) {
        size_t n = 1;
        bool ws = isspace((unsigned char)norm[i]);
        if ((unsigned char)norm[i] >= 0x80) {
            uint32_t cp;
            int l = mz_utf8_decode(norm, nlen, i, &cp);
            n = l > 0 ? (size_t)l : 1;
            ws = l > 0 && mz_text_blank(norm + i, n);
        }
        if (ws) {
            space = true;
            i += n;
            continue;
        }
        if (space && started) {
            h1 = (h1 ^ ' ') * 0x100000001b3ULL;
            h2 = (h2 ^ ' ') * 0x9E3779B97F4A7C15ULL;
        }
        space = false;
        started = true;
        for (size_t end = i + n; i < end; i++) {
            unsigned char c = (unsigned char)norm[i];
            h1 = (h1 ^ c) * 0x100000001b3ULL;
            h2 = (h2 ^ c) * 0x9E3779B97F4A7C15ULL;
            h2 ^= h2 >> 29;
        }
    }
    free(norm);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
    return MZ_OK;
}

