/* html.c — a saved web page into an article: the story's text, one block
 * per line, and the page's own metadata (headline, canonical address, site
 * name, publication time). Parsing is libxml2's forgiving HTML parser; this
 * file chooses the story and reads the metadata, html_text.c reads an
 * element as text, html_ld.c reads the page's JSON-LD.
 *
 * Metadata: Open Graph tags first, then the page's JSON-LD description
 * of itself, then <title>, <h1>, <time>. The author: article:author when it
 * is a name (often a profile URL), else <meta name="author"> (or
 * dc.creator), else the JSON-LD author's name(s).
 *
 * The story is the page's articleBody (schema.org), else its largest
 * <article>, else <main>, else the block that holds most of its paragraph
 * text (scored as readability scores it), else <body>. What furniture is
 * left inside it (lists of links, "read also" lines) the boilerplate filter
 * removes at ingest like any text's. */
#include "store/db.h"
#include "store/html_int.h"
#include "text/text.h"
#include "util/util.h"

#include <libxml/HTMLparser.h>

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


/* ---- finding things in the tree */

typedef struct page {
    const xmlNode *body, *main, *article_body, *h1, *title, *time;
    const xmlNode *articles[64], *ld[8]; /* <article>s; JSON-LD scripts */
    size_t n_articles, n_ld;
    char *og_title, *og_site, *og_url, *canonical, *published;
    char *og_author, *meta_author; /* article:author (a name), meta author */
} page;

static void read_meta(const xmlNode *n, page *p)
{
    xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"name");
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"itemprop");
    if (!key)
        return;
    const char *k = (const char *)key;
    if (!strcasecmp(k, "og:title"))
        mz_html_keep_first(&p->og_title, mz_html_prop(n, "content"));
    else if (!strcasecmp(k, "og:site_name"))
        mz_html_keep_first(&p->og_site, mz_html_prop(n, "content"));
    else if (!strcasecmp(k, "og:url"))
        mz_html_keep_first(&p->og_url, mz_html_prop(n, "content"));
    else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
             !strcasecmp(k, "pubdate") || !strcasecmp(k, "date"))
        mz_html_keep_first(&p->published, mz_html_prop(n, "content"));
    else if (!strcasecmp(k, "article:author")) {
        char *v = mz_html_prop(n, "content");
        if (v && mz_author_is_url(v)) { /* a profile page names no one */
            free(v);
            v = NULL;
        }
        mz_html_keep_first(&p->og_author, v);
    } else if (!strcasecmp(k, "author") || !strcasecmp(k, "dc.creator") ||
               !strcasecmp(k, "dc:creator"))
        mz_html_keep_first(&p->meta_author, mz_html_prop(n, "content"));
    xmlFree(key);
}

/* Nesting the walkers below (recursive) accept; the parser, with
 * XML_PARSE_HUGE, builds trees of any depth. */
#define MAX_DEPTH 2048

/* Does the tree under root nest deeper than max? Walked without recursion. */
static bool deeper_than(const xmlNode *root, int max)
{
    int depth = 0;
    for (const xmlNode *n = root; n;) {
        if (n->children) {
            n = n->children;
            if (++depth > max)
                return true;
            continue;
        }
        while (n && !n->next && n != root) {
            n = n->parent;
            depth--;
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    return false;
}

static void survey(const xmlNode *n, page *p, int depth)
{
    for (; n && depth < 4096; n = n->next) { /* deeper than the parser goes */
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (mz_html_named(n, "meta"))
            read_meta(n, p);
        else if (mz_html_named(n, "link") && mz_html_attr_is(n, "rel", "canonical"))
            mz_html_keep_first(&p->canonical, mz_html_prop(n, "href"));
        else if (mz_html_named(n, "title") && !p->title)
            p->title = n;
        else if (mz_html_named(n, "body") && !p->body)
            p->body = n;
        else if (mz_html_named(n, "main") && !p->main)
            p->main = n;
        else if (mz_html_named(n, "h1") && !p->h1)
            p->h1 = n;
        else if (mz_html_named(n, "time") && !p->time)
            p->time = n;
        else if (mz_html_named(n, "article") && p->n_articles < sizeof p->articles / sizeof *p->articles)
            p->articles[p->n_articles++] = n;
        else if (mz_html_named(n, "script") && mz_html_attr_is(n, "type", "application/ld+json") &&
                 p->n_ld < sizeof p->ld / sizeof *p->ld)
            p->ld[p->n_ld++] = n;
        if (!p->article_body && mz_html_attr_is(n, "itemprop", "articleBody"))
            p->article_body = n;
        survey(n->children, p, depth + 1);
    }
}

static bool http_url(const char *s)
{
    return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8));
}

static bool ends_with(const char *s, size_t len, const char *tail)
{
    size_t tl = strlen(tail);
    return len >= tl && !memcmp(s + len - tl, tail, tl);
}

/* "Headline - Site" or "Headline | Site" → "Headline", when the site's name
 * is known (og:site_name, or the JSON-LD publisher). */
static void drop_site_suffix(char *title, const char *site)
{
    static const char *const seps[] = {"-", "|", ":", "\u2013", "\u2014", "\u00bb", "\u00ab", NULL};
    if (!title || !site || !*site)
        return;
    size_t tl = strlen(title), sl = strlen(site);
    if (tl <= sl || strcmp(title + tl - sl, site))
        return;
    size_t e = tl - sl;
    while (e && title[e - 1] == ' ')
        e--;
    for (const char *const *sep = seps; *sep; sep++)
        if (ends_with(title, e, *sep)) {
            e -= strlen(*sep);
            while (e && title[e - 1] == ' ')
                e--;
            if (e) /* a title that is only the site's name stays */
                title[e] = '\0';
            return;
        }
}

/* line is one of the lines of text, whole. */
static bool has_line(const char *text, const char *line, size_t n)
{
    for (const char *t = text; (t = strstr(t, line)); t++)
        if ((t == text || t[-1] == '\n') && (t[n] == '\0' || t[n] == '\n'))
            return true;
    return false;
}

/* "Site | Headline" or "Headline - Section - Site" when the page does not
 * name its site: the part before the first separator, or after the last,
 * that the page shows as its headline (its <h1>, or a whole line of the
 * page's text) becomes the title, and *site the outer part, the site's name;
 * else nothing changes. */
static void split_title(char *title, const char *h1, const char *text, char **site)
{
    static const char *const seps[] = {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb ",
                                       " \u00ab ", NULL};
    if (!title)
        return;
    for (const char *const *sep = seps; *sep; sep++) {
        size_t sl = strlen(*sep);
        char *first = strstr(title, *sep), *last = first;
        for (char *q = first; q && (q = strstr(q + 1, *sep));)
            last = q;
        if (!first)
            continue;
        /* the headline after the last separator, the site first */
        const char *tail = last + sl;
        size_t tl = strlen(tail);
        if (*tail && ((h1 && !strcmp(h1, tail)) || has_line(text, tail, tl))) {
            *site = mz_strndup(title, (size_t)(strstr(title, *sep) - title));
            memmove(title, tail, tl + 1);
            return;
        }
        /* the headline before the first separator, the site last */
        size_t hl = (size_t)(first - title);
        char *head = mz_strndup(title, hl);
        bool shown = head && hl && ((h1 && !strcmp(h1, head)) || has_line(text, head, hl));
        free(head);
        if (shown) {
            *site = mz_strdup(last + sl);
            title[hl] = '\0';
            return;
        }
    }
}

/* The date line right under the headline in the page's text (its first
 * line that is the headline), as mz_date_line reads one under a title;
 * NULL when there is none. */
static char *date_under(const char *text, size_t len, const char *headline)
{
    if (!text)
        return NULL;
    size_t hl = strlen(headline);
    for (const char *t = text; hl && (t = strstr(t, headline)); t++)
        if ((t == text || t[-1] == '\n') && (t[hl] == '\0' || t[hl] == '\n'))
            return mz_date_line(t, len - (size_t)(t - text));
    return NULL;
}

static size_t story_len(const xmlNode *n)
{
    size_t len = 0;
    char *t = mz_html_text_of(n, false, &len);
    free(t);
    return len;
}

/* The story's text: the page's articleBody, its largest <article>, its
 * <main>, its densest block, else its body; the whole body when the chosen
 * element holds no text. NULL when out of memory. */
static char *read_story(const page *p, const xmlNode *body, size_t *len)
{
    const xmlNode *root = p->article_body;
    if (!root && p->n_articles) {
        size_t best = 0;
        for (size_t i = 0; i < p->n_articles; i++) {
            size_t l = story_len(p->articles[i]);
            if (l > best) {
                best = l;
                root = p->articles[i];
            }
        }
    }
    if (!root)
        root = p->main;
    html_density *d = body ? mz_html_density(body) : NULL;
    const xmlNode *top = d ? mz_html_top_scored(d) : NULL;
    /* An <article> or <main> that holds under a third of the page's
     * paragraph text, when the best-scored block is elsewhere, is a teaser
     * (a card of another story), not the story; and then so are the page's
     * other <article>s: the story is the densest block without them. */
    if (root && root != p->article_body && top && !mz_html_inside(top, root) &&
        3 * mz_html_held(d, root) < mz_html_total(d)) {
        for (size_t i = 0; i < p->n_articles; i++)
            if (!mz_html_inside(top, p->articles[i]))
                mz_html_drop((xmlNode *)p->articles[i]);
        mz_html_density_free(d);
        d = mz_html_density(body);
        root = d ? mz_html_densest_block(d, body) : NULL;
    } else if (!root && d) {
        root = mz_html_densest_block(d, body);
    }
    mz_html_density_free(d);
    char *text = mz_html_text_of(root ? root : body, !root, len);
    if (text && !*len && root) { /* an empty <article>: the whole page */
        free(text);
        text = mz_html_text_of(body, true, len);
    }
    return text;
}

/* The charset a page declares near its top (<meta charset=...>, or a
 * Content-Type meta), lower-cased into out; false when it declares none. */
static bool declared_charset(const char *html, size_t len, char out[32])
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 <= n; i++) {
        if (strncasecmp(html + i, "charset", 7))
            continue;
        size_t j = i + 7;
        while (j < n && (html[j] == ' ' || html[j] == '='))
            j++;
        while (j < n && (html[j] == '"' || html[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k < 31 && (isalnum((unsigned char)html[j]) || strchr("-_.:", html[j])))
            out[k++] = (char)tolower((unsigned char)html[j++]);
        out[k] = '\0';
        if (k)
            return true;
    }
    return false;
}

/* Invalid UTF-8 in a page that is (or says it is) UTF-8: refused, with the
 * Windows-1256 hint when the text between the tags (the tags' own ASCII
 * letters would hide it) looks like that. */
static mz_status bad_utf8(const char *html, size_t len, size_t bad, const char *what,
                            mz_error *err)
{
    char *text = malloc(len + 1);
    size_t n = 0;
    bool in_tag = false;
    for (size_t i = 0; text && i < len; i++) {
        if (html[i] == '<')
            in_tag = true;
        else if (html[i] == '>')
            in_tag = false;
        else if (!in_tag)
            text[n++] = html[i];
    }
    mz_status s = mz_fail(err, MZ_ERR_UTF8,
                          "%s: invalid UTF-8 at byte offset %zu%s", what,
                          bad, text ? mz_utf8_hint(text, n) : "");
    free(text);
    return s;
}

bool mz_html_sniff(const char *path, const char *text, size_t len)
{
    size_t pl = path ? strlen(path) : 0;
    if ((pl > 5 && !strcasecmp(path + pl - 5, ".html")) ||
        (pl > 4 && !strcasecmp(path + pl - 4, ".htm")) ||
        (pl > 6 && !strcasecmp(path + pl - 6, ".xhtml")))
        return true;
    size_t i = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    return (len - i >= 14 && !strncasecmp(text + i, "<!doctype html", 14)) ||
           (len - i >= 5 && !strncasecmp(text + i, "<html", 5)) ||
           /* XHTML: <?xml ...?> and a DOCTYPE before <html> (stored as the
            * text "<?xml version=...>" before) */
           mz_markup_root_is(mz_markup_root(text, len), text, len, "html");
}

mz_status mz_html_to_input(const char *html, size_t len, const char *what, mz_article_input *in,
                           mz_html_article *page, mz_error *err)
{
    mz_status s = mz_html_extract(html, len, what, page, err);
    if (s != MZ_OK)
        return s;
    in->text = page->text;
    in->text_len = page->text_len;
    if (!in->title)
        in->title = page->title;
    if (!in->url)
        in->url = page->url;
    if (!in->source)
        in->source = page->source;
    if (!in->published)
        in->published = page->published;
    if (!in->author)
        in->author = page->author;
    return MZ_OK;
}

void mz_html_article_clear(mz_html_article *a)
{
    free(a->text);
    free(a->title);
    free(a->url);
    free(a->source);
    free(a->published);
    free(a->author);
    memset(a, 0, sizeof *a);
}

static void page_free(page *p)
{
    free(p->og_title);
    free(p->og_site);
    free(p->og_url);
    free(p->canonical);
    free(p->published);
    free(p->og_author);
    free(p->meta_author);
}

mz_status mz_html_extract(const char *html, size_t len, const char *what, mz_html_article *out,
                          mz_error *err)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX)
        return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: HTML page over 2 GB", what);
    mz_status s16 = mz_utf16_refuse(html, len, what, err);
    if (s16 != MZ_OK)
        return s16;
    bool nul = memchr(html, '\0', len) != NULL;
    if (nul)
        return mz_fail(err, MZ_ERR_BINARY, "%s: binary data (NUL byte), not an HTML page", what);
    /* Valid UTF-8 is read as UTF-8 whatever the page declares (a page saved
     * as UTF-8 often keeps its old windows-1256 meta; Arabic in 8-bit code
     * pages is essentially never valid UTF-8). Invalid UTF-8 in a page that
     * declares UTF-8, or nothing, is refused here: libxml2 would read the bad
     * byte as a switch to Latin-1 and turn the rest into mojibake. Other
     * declared charsets (windows-1256, iso-8859-6) libxml2 converts. */
    char charset[32];
    const char *encoding = "UTF-8";
    size_t bad;
    if (mz_utf8_check(html, len, &bad) != MZ_OK) {
        if (!declared_charset(html, len, charset) || !strcmp(charset, "utf-8") ||
            !strcmp(charset, "utf8"))
            return bad_utf8(html, len, bad, what, err);
        /* The page's own charset, named to libxml2 so that it is the one
         * used; one libxml2 cannot convert would be read as Latin-1. */
        xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(charset);
        if (!h)
            return mz_fail(err, MZ_ERR_UTF8,
                           "%s: the page declares charset '%s', which cannot be read here; "
                           "save it as UTF-8 (or windows-1256) first",
                           what, charset);
        xmlCharEncCloseFunc(h);
        encoding = charset;
    }
    /* libxml2 2.9 must be initialised once before threads use it (server
     * workers parse pages at once); htmlNewParserCtxt does not do it. */
    static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
    pthread_once(&xml_once, xmlInitParser);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    /* Without XML_PARSE_HUGE, libxml2 stops at 256 nested elements, silently
     * under NOERROR, and the story is cut; real pages pass 256 (a story
     * inside 300 unclosed <span>s). With it, our own limit (MAX_DEPTH,
     * checked after the parse) applies; a libxml2 that still stops early
     * says "Excessive depth", and that too is refused rather than cut. */
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, encoding,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            XML_PARSE_HUGE);
    const xmlError *last = xmlCtxtGetLastError(ctxt);
    bool too_deep = (last && last->message && strstr(last->message, "Excessive depth")) ||
                    (doc && deeper_than(xmlDocGetRootElement(doc), MAX_DEPTH));
    htmlFreeParserCtxt(ctxt);
    if (too_deep) {
        xmlFreeDoc(doc);
        return mz_fail(err, MZ_ERR_TOO_LARGE,
                       "%s: elements nested more than %d deep (browsers flatten them past 512); "
                       "too deep to read safely",
                       what, MAX_DEPTH);
    }
    if (!doc)
        return mz_fail(err, MZ_ERR_EMPTY, "%s: no HTML to read", what);
    page p = {0};
    html_ld_article ld = {0};
    survey(xmlDocGetRootElement(doc), &p, 0);
    for (size_t i = 0; i < p.n_ld; i++) {
        xmlChar *json = xmlNodeGetContent(p.ld[i]);
        if (json)
            mz_html_ld_read((const char *)json, &ld);
        xmlFree(json);
    }

    mz_status s = MZ_OK;
    const xmlNode *body = p.body ? p.body : xmlDocGetRootElement(doc);
    mz_html_mark_link_lists(xmlDocGetRootElement(doc));
    out->text = read_story(&p, body, &out->text_len);
    if (out->text && !out->text_len) { /* a page of nothing but links: read them */
        free(out->text);
        mz_html_unmark_link_lists(xmlDocGetRootElement(doc));
        out->text = read_story(&p, body, &out->text_len);
    }
    if (out->text && ld.body && *ld.body && 2 * out->text_len < strlen(ld.body)) {
        /* a page that renders its story with a script (its markup holds no
         * story, or only the site's links and footer): the JSON-LD copy */
        free(out->text);
        out->text = ld.body;
        out->text_len = strlen(ld.body);
        ld.body = NULL;
    }
    if (!out->text) {
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        goto done;
    }
    if (!out->text_len) {
        s = mz_fail(err, MZ_ERR_EMPTY, "%s: an HTML page with no text", what);
        goto done;
    }
    /* The page's own tags first, then its JSON-LD, then what the markup shows. */
    if (p.og_title)
        out->title = mz_strdup(p.og_title);
    else if (ld.headline)
        out->title = mz_strdup(ld.headline);
    else if (!(out->title = mz_html_line_of(p.title)))
        out->title = mz_html_line_of(p.h1);
    const char *site = p.og_site ? p.og_site : ld.publisher;
    drop_site_suffix(out->title, site);
    char *title_site = NULL, *h1 = NULL, *shown = NULL; /* shown: the page's text */
    size_t shown_len = 0;
    if (!site && out->title) {
        h1 = mz_html_line_of(p.h1);
        shown = mz_html_text_of(body, true, &shown_len);
        split_title(out->title, h1, shown ? shown : "", &title_site);
    }
    if (http_url(p.canonical))
        out->url = mz_strdup(p.canonical);
    else if (http_url(p.og_url))
        out->url = mz_strdup(p.og_url);
    else if (http_url(ld.url))
        out->url = mz_strdup(ld.url);
    out->source = mz_strdup(site);
    if (!out->source && !out->url)
        out->source = title_site; /* with an address, its host names the site */
    else
        free(title_site);
    if (p.published)
        out->published = mz_strdup(p.published);
    else if (ld.published)
        out->published = mz_strdup(ld.published);
    else if (p.time)
        out->published = mz_html_prop(p.time, "datetime");
    if (!out->published && out->title) {
        if (!shown)
            shown = mz_html_text_of(body, true, &shown_len);
        out->published = date_under(shown, shown_len, out->title);
        if (!out->published && !h1)
            h1 = mz_html_line_of(p.h1);
        if (!out->published && h1) /* og:title may word it otherwise */
            out->published = date_under(shown, shown_len, h1);
    }
    /* the first that names a writer: a page's meta author is often the
     * site's own name, while its JSON-LD names the correspondent; one the
     * store would drop (over MZ_AUTHOR_MAX, nothing left once cleaned) is
     * passed over too, else the page lost the writer named after it */
    const char *authors[] = {p.og_author, p.meta_author, ld.author};
    for (size_t i = 0; i < sizeof authors / sizeof *authors && !out->author; i++) {
        bool nomem;
        out->author = mz_author_clean(authors[i], out->source, out->url, &nomem);
        if (nomem) {
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            break;
        }
    }
    free(h1);
    free(shown);
done:
    if (s != MZ_OK)
        mz_html_article_clear(out);
    page_free(&p);
    mz_html_ld_article_clear(&ld);
    xmlFreeDoc(doc);
    return s;
}
