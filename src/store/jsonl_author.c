/* jsonl_author.c — an article's author (its byline): read from a JSON
 * object under the names scrapers give it, or from a JSON-LD author, and
 * made the one clean line the store keeps. Free of SQLite, like jsonl.c,
 * so the fuzzers link it. */
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Names joined into one byline; more are a list of something else. */
#define AUTHOR_NAMES_MAX 16
#define AUTHOR_SEP "، "

bool mz_author_is_url(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) ||
           !strncasecmp(s, "www.", 4);
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!strchr(" \t\r\n", *s))
            return false;
    return true;
}

int mz_author_append(struct mz_buf *b, const char *name, size_t *n)
{
    if (!name || blank(name) || mz_author_is_url(name) || *n >= AUTHOR_NAMES_MAX)
        return 0;
    (*n)++;
    return (b->len && mz_buf_puts(b, AUTHOR_SEP)) || mz_buf_puts(b, name) ? -1 : 0;
}

/* One name (a string, or an object's "name") appended; an array's items,
 * one level deep. -1 out of memory. */
static int add_names(mz_buf *b, const cJSON *v, int depth, size_t *n)
{
    if (cJSON_IsArray(v) && depth == 0) {
        const cJSON *e;
        cJSON_ArrayForEach(e, v) if (add_names(b, e, 1, n)) return -1;
        return 0;
    }
    if (cJSON_IsObject(v))
        v = cJSON_GetObjectItemCaseSensitive(v, "name");
    return cJSON_IsString(v) ? mz_author_append(b, v->valuestring, n) : 0;
}

char *mz_json_author(const void *value, bool *nomem)
{
    *nomem = false;
    mz_buf b = {0};
    size_t n = 0;
    if (add_names(&b, value, 0, &n)) {
        mz_buf_free(&b);
        *nomem = true;
        return NULL;
    }
    return b.p; /* NULL when no name was found */
}

/* The names a byline goes by, canonical first: schema.org and most
 * scrapers write "author", newspaper3k "authors", others "byline", RSS
 * converted to JSON "creator" or "dc:creator". */
static const char *const author_names[] = {"author", "authors", "byline", "creator", "dc:creator",
                                           NULL};

char *mz_jsonl_author(const void *obj, const char *source, const char *url, bool *nomem)
{
    *nomem = false;
    for (size_t i = 0; author_names[i]; i++) {
        char *s = mz_json_author(cJSON_GetObjectItemCaseSensitive(obj, author_names[i]), nomem);
        if (*nomem)
            return NULL;
        /* one the store would drop (over MZ_AUTHOR_MAX, blank once its
         * controls are blanked, the site's own name) gives way to the
         * next, as a URL does */
        char *clean = s ? mz_author_clean(s, source, url, nomem) : NULL;
        free(s);
        if (clean || *nomem)
            return clean;
    }
    return NULL;
}

char *mz_author_clean(const char *s, const char *source, const char *url, bool *nomem)
{
    *nomem = false;
    if (!s)
        return NULL;
    char *a = mz_strdup(s);
    if (!a) {
        *nomem = true;
        return NULL;
    }
    mz_clean_line(a);
    /* runs of spaces (a page's indented markup) folded to one */
    char *w = a;
    for (const char *r = a; *r; r++)
        if (*r != ' ' || (w > a && w[-1] != ' '))
            *w++ = *r;
    *w = '\0';
    if (!*a || mz_author_is_url(a) || strlen(a) > MZ_AUTHOR_MAX ||
        mz_author_names_site(a, source, url)) {
        free(a);
        return NULL;
    }
    return a;
}
