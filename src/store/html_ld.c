/* html_ld.c — the news article a page describes about itself in JSON-LD
 * (<script type="application/ld+json">, schema.org): headline, publication
 * time, publisher, address and, on many Arabic news sites, the whole
 * articleBody as plain text. The object may be the script's top level, an
 * item of a top-level array, or an item of "@graph". */
#include "store/html_int.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

static const char *const article_types[] = {
    "NewsArticle",        "Article",           "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting",      "WebPage", NULL};

static bool is_article_type(const cJSON *t)
{
    if (cJSON_IsArray(t)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, t) if (is_article_type(e)) return true;
        return false;
    }
    if (!cJSON_IsString(t))
        return false;
    for (const char *const *k = article_types; *k; k++)
        if (!strcmp(t->valuestring, *k))
            return strcmp(*k, "WebPage") != 0; /* a WebPage holds no story of its own */
    return false;
}

/* The first article object in j (depth-limited: JSON-LD nests shallowly). */
static const cJSON *find_article(const cJSON *j, int depth)
{
    if (!j || depth > 4)
        return NULL;
    if (cJSON_IsArray(j)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, j)
        {
            const cJSON *a = find_article(e, depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (!cJSON_IsObject(j))
        return NULL;
    if (is_article_type(cJSON_GetObjectItemCaseSensitive(j, "@type")))
        return j;
    return find_article(cJSON_GetObjectItemCaseSensitive(j, "@graph"), depth + 1);
}

/* A string field, or the "name" / "@id" of an object field (publisher,
 * mainEntityOfPage), white space folded; NULL when absent. */
static char *field(const cJSON *o, const char *name, const char *inner)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (cJSON_IsArray(v))
        v = cJSON_GetArrayItem(v, 0);
    if (inner && cJSON_IsObject(v))
        v = cJSON_GetObjectItemCaseSensitive(v, inner);
    if (!cJSON_IsString(v) || !v->valuestring)
        return NULL;
    char *s = mz_html_fold_space(v->valuestring, HTML_META_MAX);
    if (s && !*s) {
        free(s);
        s = NULL;
    }
    return s;
}

/* The body is meant as plain text, but some sites put their story's HTML
 * in it (<p>…</p>, <br>, &quot;), and those tags would be stored as words:
 * a tag (< and a letter or /) or a named or numbered entity means markup. */
static bool looks_like_markup(const char *s)
{
    for (; *s; s++) {
        if (s[0] == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/'))
            return true;
        if (s[0] == '&') {
            const char *e = s + 1 + (s[1] == '#');
            size_t n = 0;
            while (isalnum((unsigned char)e[n]) && n < 10)
                n++;
            if (n && e[n] == ';')
                return true;
        }
    }
    return false;
}

/* The body's paragraphs, one a line: read as HTML when it holds markup.
 * Parsed without XML_PARSE_HUGE, libxml2 stops nesting at 256 levels, so
 * the text walk's recursion stays shallow. */
static char *body_text(const char *s)
{
    if (!looks_like_markup(s))
        return mz_html_fold_lines(s);
    htmlDocPtr doc = htmlReadMemory(s, (int)strnlen(s, INT32_MAX), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *body = root ? root->children : NULL;
    while (body && !(body->type == XML_ELEMENT_NODE && mz_html_named(body, "body")))
        body = body->next;
    char *text = body ? mz_html_text_of(body, true, NULL) : mz_html_fold_lines(s);
    xmlFreeDoc(doc);
    return text;
}

void mz_html_ld_read(const char *json, html_ld_article *out)
{
    cJSON *j = cJSON_Parse(json);
    const cJSON *a = find_article(j, 0);
    if (a) {
        mz_html_keep_first(&out->headline, field(a, "headline", NULL));
        mz_html_keep_first(&out->published, field(a, "datePublished", NULL));
        mz_html_keep_first(&out->publisher, field(a, "publisher", "name"));
        bool nomem; /* out of memory: no author, as a field() that failed */
        mz_html_keep_first(&out->author,
                           mz_json_author(cJSON_GetObjectItemCaseSensitive(a, "author"), &nomem));
        char *url = field(a, "url", NULL);
        mz_html_keep_first(&out->url, url ? url : field(a, "mainEntityOfPage", "@id"));
        /* the body keeps its paragraphs, one a line */
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(a, "articleBody");
        if (!out->body && cJSON_IsString(b) && b->valuestring)
            out->body = body_text(b->valuestring);
    }
    cJSON_Delete(j);
}

void mz_html_ld_article_clear(html_ld_article *a)
{
    free(a->headline);
    free(a->published);
    free(a->publisher);
    free(a->url);
    free(a->body);
    free(a->author);
    memset(a, 0, sizeof *a);
}
