/* fuzz_request_framing.c — what a request's header lines alone decide
 * (src/server/framing.c, which head.c asks with libmicrohttpd's headers):
 * the smuggling guard (two Content-Length, Transfer-Encoding with
 * Content-Length, two Transfer-Encoding, Host, Content-Type or
 * Content-Encoding, a Transfer-Encoding other than chunked, a header name
 * that is not a token), Host required of HTTP/1.1, the announced length, the
 * 413, and whether the router judges the request from its head.
 * Input: the method, a newline, the version, then one header a line as
 * "name:value" (a line with no ':' is a name with no value; lines are cut
 * at a NUL); --max-body is 1000.
 * Invariants: no crash; each outcome agrees with a reference written here
 * apart from framing.c (its own token table, its own case folding and
 * number reading): refused exactly when one of those holds, with the
 * message of the first in framing.h's order; the length is the one
 * Content-Length's when it is a whole number up to INT64_MAX; a body follows
 * exactly for a length above 0 or a Transfer-Encoding; too large exactly
 * past 1000; judged from the head exactly for a POST or a body to come. */
#include "server/framing.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_BODY = 1000 };

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* a equals b (lower case) without regard to ASCII case */
static bool named(const char *a, const char *b)
{
    if (!a)
        return false;
    size_t i = 0;
    for (; a[i] && b[i]; i++)
        if (lower(a[i]) != b[i])
            return false;
    return !a[i] && !b[i];
}

/* RFC 9110, 5.6.2: tchar */
static bool tchar(unsigned char c)
{
    static const char extra[] = "!#$%&'*+-.^_`|~";
    if ((c >= '0' && c <= '9') || (lower((char)c) >= 'a' && lower((char)c) <= 'z'))
        return true;
    for (size_t i = 0; i < sizeof extra - 1; i++)
        if ((unsigned char)extra[i] == c)
            return true;
    return false;
}

static bool token(const char *s)
{
    if (!s || !s[0])
        return false;
    for (size_t i = 0; i < strlen(s); i++)
        if (!tchar((unsigned char)s[i]))
            return false;
    return true;
}

/* s is 1..n digits whose value is at most INT64_MAX: into *v */
static bool number(const char *s, unsigned long long *v)
{
    if (!s || !s[0])
        return false;
    *v = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (*v > (9223372036854775807ULL - d) / 10)
            return false;
        *v = *v * 10 + d;
    }
    return true;
}

static void judge(const srv_header *h, size_t n, const char *method, const char *version)
{
    srv_framing f;
    srv_framing_check(h, n, method, version, MAX_BODY, &f);
    unsigned cl = 0, te = 0, host = 0, ct = 0, ce = 0, bad = 0, other_coding = 0;
    const char *length = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *v = h[i].value ? h[i].value : "";
        bad += !token(h[i].name);
        if (named(h[i].name, "content-length") && cl++ == 0)
            length = v;
        if (named(h[i].name, "transfer-encoding")) {
            te++;
            other_coding += !named(v, "chunked");
        }
        host += named(h[i].name, "host");
        ct += named(h[i].name, "content-type");
        ce += named(h[i].name, "content-encoding");
    }
    /* the first refusal that holds, in framing.h's order */
    const char *want = cl > 1                ? "more than one Content-Length"
                       : te > 1              ? "more than one Transfer-Encoding"
                       : te && cl            ? "both Transfer-Encoding and Content-Length"
                       : host > 1            ? "more than one Host"
                       : ct > 1              ? "more than one Content-Type"
                       : ce > 1              ? "more than one Content-Encoding"
                       : other_coding        ? "a Transfer-Encoding other than chunked"
                       : bad                 ? "a malformed header name"
                       : !host && version && !strcmp(version, "HTTP/1.1")
                           ? "needs a Host header"
                           : NULL;
    if (!want != !f.refusal || (want && !strstr(f.refusal, want)))
        abort();
    unsigned long long len = 0;
    bool has = cl == 1 && number(length, &len);
    len = has ? len : 0; /* number() may have read some digits */
    if (f.has_length != has || f.length != len || f.chunked != (te > 0))
        abort();
    bool follows = len > 0 || te > 0;
    if (f.body_follows != follows || f.too_large != (has && len > MAX_BODY) ||
        f.route_from_head != ((method && !strcmp(method, "POST")) || follows))
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *s = malloc(size + 1);
    srv_header *h = malloc((size + 1) * sizeof *h); /* lines: at most one a byte, + 1 */
    if (!s || !h) {
        free(s);
        free(h);
        return 0;
    }
    memcpy(s, data, size);
    s[size] = '\0';
    char *line[3] = {s, NULL, NULL}; /* method, version, the headers */
    for (int i = 1; i < 3 && line[i - 1]; i++)
        if ((line[i] = strchr(line[i - 1], '\n')))
            *line[i]++ = '\0';
    size_t n = 0;
    for (char *p = line[2]; p;) {
        char *next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        char *colon = strchr(p, ':');
        if (colon)
            *colon++ = '\0';
        h[n++] = (srv_header){p, colon};
        p = next;
    }
    judge(h, n, line[0], line[1]);
    free(h);
    free(s);
    return 0;
}
