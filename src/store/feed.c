/* feed.c — an RSS or Atom feed (a saved feed.xml, a curl of /rss): each
 * item an article, its text the item's content (or description, summary)
 * read as a web page is, its title, link and date the item's, its source
 * the feed's own title. It used to be stored as one article whose text was
 * the feed's XML. Parsed with libxml2's XML parser; no network, no DTD. */
#include "store/html_int.h"
#include "store/store.h"
#include "util/util.h"

#include <libxml/parser.h>

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *mz_markup_root(const char *t, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3))
        i = 3;
    size_t end = len < 8192 ? len : 8192;
    while (i < end) {
        while (i < end && strchr(" \t\r\n", t[i]))
            i++;
        if (i + 1 >= end || t[i] != '<')
            return NULL;
        if (t[i + 1] != '?' && t[i + 1] != '!')
            return t + i + 1;
        /* <?xml ...?>, <!-- ... -->, <!DOCTYPE x> or <!DOCTYPE x [ ... ]> */
        const char *from = t + i, *stop = t + end, *close;
        if (end - i >= 4 && !memcmp(from, "<!--", 4)) {
            for (close = from + 4; close + 3 <= stop && memcmp(close, "-->", 3); close++)
                ;
            close = close + 3 <= stop ? close + 2 : NULL;
        } else {
            close = memchr(from, '>', (size_t)(stop - from));
            const char *subset = memchr(from, '[', (size_t)(stop - from));
            if (close && subset && subset < close) {
                close = memchr(subset, ']', (size_t)(stop - subset));
                close = close ? memchr(close, '>', (size_t)(stop - close)) : NULL;
            }
        }
        if (!close)
            return NULL;
        i = (size_t)(close - t) + 1;
    }
    return NULL;
}

bool mz_markup_root_is(const char *r, const char *t, size_t len, const char *name)
{
    size_t n = strlen(name);
    return r && (size_t)(r - t) + n < len && !strncasecmp(r, name, n) &&
           strchr(" \t\r\n>/", r[n]);
}

bool mz_feed_sniff(const char *text, size_t len)
{
    const char *r = mz_markup_root(text, len);
    return mz_markup_root_is(r, text, len, "rss") || mz_markup_root_is(r, text, len, "feed") ||
           mz_markup_root_is(r, text, len, "rdf:RDF");
}

/* The local name (no prefix) is what is matched: <content:encoded> is
 * "encoded", an Atom <entry> is "entry" whatever its namespace prefix. */
static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* An element's text (CDATA included), white space folded; NULL if none. */
static char *text_of(const xmlNode *n, size_t max)
{
    if (!n)
        return NULL;
    xmlChar *v = xmlNodeGetContent(n);
    char *s = v ? mz_html_fold_space((const char *)v, max) : NULL;
    xmlFree(v);
    if (s && !*s) {
        free(s);
        s = NULL;
    }
    return s;
}

static char *authors_of(const xmlNode *it);

/* Where an item's children are: RSS 2.0 <channel><item>, RSS 1.0 <item>s
 * beside the <channel>, Atom <entry>s in the <feed>. */
static int collect(const xmlNode *parent, mz_feed *f)
{
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (named(c, "channel")) {
            if (collect(c, f) != 0)
                return -1;
        } else if (named(c, "item") || named(c, "entry")) {
            if (mz_array_grow(&f->items, &f->cap, f->n, sizeof(xmlNode *), 16) != 0)
                return -1;
            ((const xmlNode **)f->items)[f->n++] = c;
        }
    }
    return 0;
}

mz_status mz_feed_parse(const char *text, size_t len, const char *what, mz_feed *f,
                        mz_error *err)
{
    memset(f, 0, sizeof *f);
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xmlInitParser);
    if (len > INT_MAX)
        return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: a feed over 2 GB", what);
    /* no network, no entity expansion; a DTD that declares entities is
     * refused below (expanding them is how an XML bomb goes off) */
    xmlDocPtr doc = xmlReadMemory(text, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOCDATA);
    if (!doc)
        return mz_fail(err, MZ_ERR_JSON, "%s: not a well-formed RSS or Atom feed (XML)", what);
    f->doc = doc;
    if (doc->intSubset && doc->intSubset->entities) {
        mz_feed_clear(f);
        return mz_fail(err, MZ_ERR_JSON, "%s: a feed that declares XML entities is not read",
                       what);
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (root && collect(root, f) != 0) {
        mz_feed_clear(f);
        return mz_fail(err, MZ_ERR_NOMEM, "%s: out of memory", what);
    }
    f->site = text_of(child(named(root, "feed") ? root : child(root, "channel"), "title"),
                      HTML_META_MAX);
    if (named(root, "feed")) /* Atom: the feed's author is its entries' */
        f->author = authors_of(root);
    return MZ_OK;
}

/* Atom's <link rel="alternate" href> (or one with no rel), else RSS's
 * <link> text, else a <guid> that is a permalink. */
static char *item_url(const xmlNode *it)
{
    for (const xmlNode *c = it->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        bool page = !rel || !strcmp((const char *)rel, "alternate");
        xmlFree(rel);
        char *href = page ? mz_html_prop(c, "href") : NULL;
        if (href && *href)
            return href;
        free(href);
        char *s = page ? text_of(c, HTML_META_MAX) : NULL;
        if (s)
            return s;
    }
    const xmlNode *guid = child(it, "guid");
    xmlChar *perma = guid ? xmlGetProp(guid, (const xmlChar *)"isPermaLink") : NULL;
    bool is_url = guid && (!perma || strcmp((const char *)perma, "false"));
    xmlFree(perma);
    return is_url ? text_of(guid, HTML_META_MAX) : NULL;
}

/* The byline of an item (or of an Atom feed, its entries' default): each
 * <dc:creator>, each Atom <author><name>, each RSS 2.0 <author>, which is
 * an address, "desk@example.com (سامر الحلبي)": the name in brackets, or
 * nothing. Joined by "، "; NULL when none (or out of memory: no author). */
static char *authors_of(const xmlNode *it)
{
    mz_buf b = {0};
    size_t n = 0;
    for (const xmlNode *c = it ? it->children : NULL; c; c = c->next) {
        char *name = NULL;
        if (named(c, "creator")) {
            name = text_of(c, HTML_META_MAX);
        } else if (named(c, "author") && child(c, "name")) {
            name = text_of(child(c, "name"), HTML_META_MAX);
        } else if (named(c, "author")) {
            char *v = text_of(c, HTML_META_MAX);
            char *open = v ? strchr(v, '(') : NULL, *close = open ? strrchr(open, ')') : NULL;
            if (v && !strchr(v, '@'))
                name = v, v = NULL; /* a name alone, as many feeds write it */
            else if (close)
                name = mz_strndup(open + 1, (size_t)(close - open - 1));
            free(v);
        }
        int rc = mz_author_append(&b, name, &n);
        free(name);
        if (rc) {
            mz_buf_free(&b);
            return NULL;
        }
    }
    return b.p;
}

mz_status mz_feed_item(const mz_feed *f, size_t i, const char *where, size_t max_bytes,
                       mz_feed_entry *out, mz_error *err)
{
    memset(out, 0, sizeof *out);
    const xmlNode *it = ((const xmlNode *const *)f->items)[i];
    /* the whole story first (content:encoded, Atom's content), then the
     * summary a feed of headlines gives */
    static const char *const bodies[] = {"encoded", "content", "description", "summary", NULL};
    xmlChar *body = NULL;
    for (size_t k = 0; bodies[k] && !body; k++) {
        const xmlNode *b = child(it, bodies[k]);
        body = b ? xmlNodeGetContent(b) : NULL;
        if (body && !*body) {
            xmlFree(body);
            body = NULL;
        }
    }
    if (!body)
        return mz_fail(err, MZ_ERR_EMPTY,
                       "%s: no text (no content, description or summary: a feed of headlines "
                       "only)", where);
    /* --max-bytes is a limit per article: an item's content over it is a
     * failed item, as a file or a JSONL text over it is (the feed itself
     * was refused whole at that size, though most of its items were small) */
    size_t body_len = strlen((const char *)body);
    if (max_bytes && body_len > max_bytes) {
        xmlFree(body);
        return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: content of %zu bytes, over the limit of %zu",
                       where, body_len, max_bytes);
    }
    out->title = text_of(child(it, "title"), HTML_META_MAX);
    if (out->title && strchr(out->title, '<')) { /* Atom's type="html": its text */
        mz_html_article t;
        mz_error e;
        if (mz_html_extract(out->title, strlen(out->title), where, &t, &e) == MZ_OK) {
            free(out->title);
            out->title = t.text; /* its lines are joined as a given title's are */
            t.text = NULL;
            mz_html_article_clear(&t);
        }
    }
    out->url = item_url(it);
    static const char *const dates[] = {"pubDate", "published", "date", "updated", NULL};
    for (size_t k = 0; dates[k] && !out->published; k++)
        out->published = text_of(child(it, dates[k]), HTML_META_MAX);
    char iso[MZ_ISO_DATE_MAX]; /* RSS's RFC 822 date as the store's ISO 8601 (Atom's is one) */
    if (out->published && mz_rfc822_date(out->published, iso)) {
        char *d = mz_strdup(iso);
        if (d) {
            free(out->published);
            out->published = d;
        }
    }
    out->in.title = out->title;
    out->in.url = out->url;
    out->in.published = out->published;
    out->in.source = f->site;
    out->author = authors_of(it);
    out->in.author = out->author ? out->author : f->author;
    /* the body is HTML (escaped or in CDATA) or plain text: read as a page */
    mz_status s = mz_html_to_input((const char *)body, body_len, where, &out->in,
                                   &out->page, err);
    xmlFree(body);
    if (s != MZ_OK)
        mz_feed_entry_clear(out);
    return s;
}

void mz_feed_entry_clear(mz_feed_entry *e)
{
    if (!e)
        return;
    free(e->title);
    free(e->url);
    free(e->published);
    free(e->author);
    mz_html_article_clear(&e->page);
    memset(e, 0, sizeof *e);
}

void mz_feed_clear(mz_feed *f)
{
    if (!f)
        return;
    xmlFreeDoc(f->doc);
    free(f->items);
    free(f->site);
    free(f->author);
    memset(f, 0, sizeof *f);
}
