/* html_text.c — an element of a parsed web page read as text, the way a
 * browser shows it: scripts, styles, forms, navigation, asides, footers,
 * hidden elements and elements whose class or id names page furniture
 * (share, related, comments, menu ...) are skipped; block elements and <br>
 * end a line; runs of white space fold to one space. Also the folding of
 * metadata values (attributes, JSON-LD strings). Used by html.c. */
#include "store/html_int.h"
#include "util/util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool mz_html_named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static bool in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (!strcasecmp(name, *list))
            return true;
    return false;
}

static const char *const never_text[] = {
    "script", "style",  "noscript", "template", "svg",    "math",  "iframe", "object",
    "embed",  "canvas", "video",    "audio",    "form",   "button", "select", "textarea",
    "input",  "nav",    "aside",    "footer",   "head",   "title", "dialog",
    "marquee",    /* a news ticker */
    "figcaption", /* a photo's caption, not the story */
    /* AMP's ad, embed, share, menu, consent and tracking components (with
     * their placeholder text); not its images or carousels */
    "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-analytics", "amp-pixel",
    "amp-social-share", "amp-sidebar", "amp-user-notification", "amp-consent", "amp-iframe",
    NULL};

static const char *const blocks[] = {
    "address", "article", "blockquote", "body",   "caption", "dd",      "details", "div",
    "dl",      "dt",      "figcaption", "figure", "h1",      "h2",      "h3",      "h4",
    "h5",      "h6",      "header",     "hgroup", "hr",      "html",    "legend",  "li",
    "main",    "ol",      "p",          "pre",    "section", "summary", "table",   "tbody",
    "td",      "tfoot",   "th",         "thead",  "tr",      "ul",      NULL};

/* Words of a class or id that name page furniture, not the story. */
static const char *const furniture[] = {
    "share",   "sharing",  "social",   "related",   "comments",   "comment", "sidebar",
    "menu",    "navbar",   "breadcrumb", "breadcrumbs", "newsletter", "subscribe", "advert",
    "ads",     "ad",       "banner",   "promo",     "cookie",     "popup",   "modal",
    "tags",    "footer",   "widget",   "trending",  "mostread",
    "also",    "ticker",   "author",   "bio",       "tools",      "rating",  "taboola",
    "outbrain", "consent", "gdpr",     "disqus",    "caption",    NULL};

/* Class names of text for screen readers only, never shown on the page
 * ("skip to content", "next story"). */
static const char *const screen_reader_only[] = {
    "sr-only", "screen-reader-text", "screen-reader-only", "visually-hidden", "visuallyhidden",
    "element-invisible", NULL};

/* Furniture words that also begin one-word compounds: "jp-relatedposts",
 * "sharedaddy", "socialicons", "commentslist". (Not "comment": a
 * "commentary" is an opinion piece.) */
static const char *const furniture_heads[] = {
    "related", "share", "social", "comments", "sidebar", "newsletter", "breadcrumb", "cookie", NULL};

/* Words after which a class name says what the element has or sits beside,
 * not what it is: "has-sidebar", "main-with-sidebar", "no-ads" hold the
 * story. */
static const char *const state_words[] = {"has", "with", "without", "no", NULL};

static bool furniture_word(const char *w)
{
    if (in_list(w, furniture))
        return true;
    for (const char *const *h = furniture_heads; *h; h++)
        if (!strncasecmp(w, *h, strlen(*h)))
            return true;
    return false;
}

/* One class name (or id) names furniture: one of its words before a state
 * word is a furniture word. Words are split at '-', '_' and where camelCase
 * starts one ("userComments", "relatedNews"); "post-share-buttons" has
 * "share". */
static bool furniture_name(const char *name)
{
    char w[64];
    size_t k = 0;
    for (const char *c = name;; c++) {
        bool camel = k && islower((unsigned char)c[-1]) && isupper((unsigned char)*c);
        if (!*c || *c == '-' || *c == '_' || camel) {
            w[k] = '\0';
            if (k && in_list(w, state_words))
                return false;
            if (k && furniture_word(w))
                return true;
            k = 0;
            if (!*c)
                return false;
            if (!camel)
                continue;
        }
        if (k + 1 < sizeof w)
            w[k++] = *c;
    }
}

/* True when one of the names in the attribute (split at white space) names
 * furniture. */
static bool furniture_attr(const xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v)
        return false;
    bool hit = false;
    char *save = NULL;
    for (char *name = strtok_r((char *)v, " \t\n\r\f", &save); name && !hit;
         name = strtok_r(NULL, " \t\n\r\f", &save))
        hit = furniture_name(name) || in_list(name, screen_reader_only);
    xmlFree(v);
    return hit;
}

bool mz_html_attr_is(const xmlNode *n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    bool eq = v && !strcasecmp((const char *)v, value);
    xmlFree(v);
    return eq;
}

/* An inline style that hides the element (display: none). */
static bool styled_hidden(const xmlNode *n)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
    if (!v)
        return false;
    char squeezed[256];
    size_t k = 0;
    for (const xmlChar *c = v; *c && k + 1 < sizeof squeezed; c++)
        if (*c != ' ' && *c != '\t')
            squeezed[k++] = (char)tolower(*c);
    squeezed[k] = '\0';
    xmlFree(v);
    return strstr(squeezed, "display:none") != NULL;
}

/* ---- blocks that are mostly links */

/* The _private of an element marked as a list of links (libxml2 leaves
 * _private to the application). */
static char link_list_mark;

typedef struct link_count {
    size_t text, link; /* bytes of text other than white space; of it, inside <a> */
    size_t run;        /* of it, outside links and outside block elements */
    bool para;         /* a block under it (not marked) holds a paragraph */
} link_count;

/* Bytes of non-space text that make a paragraph (as html.c scores them). */
#define LINK_LIST_PARAGRAPH 40

static size_t ink(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += !(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f');
    return n;
}

/* Counts the text of n and its siblings (link text: inside an <a>), and
 * marks each block element among them, or under them, that holds no
 * paragraph (LINK_LIST_PARAGRAPH bytes of text outside links, in it or in
 * a block under it that is not marked) and more than half of whose text is
 * in links or in marked blocks. The headline (<h1>) is never marked. */
static link_count count_links(xmlNode *n, bool in_link)
{
    link_count all = {0, 0, 0, false};
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            size_t k = n->content ? ink((const char *)n->content) : 0;
            all.text += k;
            if (in_link)
                all.link += k;
            else
                all.run += k;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || in_list((const char *)n->name, never_text))
            continue;
        link_count c = count_links(n->children, in_link || mz_html_named(n, "a"));
        all.text += c.text;
        if (!in_list((const char *)n->name, blocks)) { /* inline: part of the run */
            all.link += c.link;
            all.run += c.run;
            all.para |= c.para;
            continue;
        }
        bool para = c.para || c.run >= LINK_LIST_PARAGRAPH;
        if (!para && c.text && 2 * c.link > c.text && !mz_html_named(n, "h1")) {
            n->_private = &link_list_mark;
            all.link += c.text; /* gone, as its links are */
        } else {
            all.link += c.link;
            all.para |= para;
        }
    }
    return all;
}

void mz_html_mark_link_lists(xmlNode *root)
{
    if (root)
        count_links(root, false);
}

void mz_html_drop(xmlNode *n)
{
    n->_private = &link_list_mark;
}

void mz_html_unmark_link_lists(xmlNode *root)
{
    for (xmlNode *n = root; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            if (n->_private == &link_list_mark)
                n->_private = NULL;
            mz_html_unmark_link_lists(n->children);
        }
}

bool mz_html_skipped(const xmlNode *n, const xmlNode *root, bool root_is_body)
{
    const char *name = (const char *)n->name;
    if (in_list(name, never_text))
        return true;
    if (n != root && n->_private == &link_list_mark)
        return true;
    if (root_is_body && !strcasecmp(name, "header")) /* the site's masthead */
        return true;
    if (xmlHasProp(n, (const xmlChar *)"hidden") || mz_html_attr_is(n, "aria-hidden", "true") ||
        styled_hidden(n))
        return true;
    return n != root && (furniture_attr(n, "class") || furniture_attr(n, "id"));
}

typedef struct text_out {
    mz_buf b;
    bool line_start, space, oom;
    bool link_ended; /* an <a> ended and no text came after it yet */
    int pre;         /* inside this many <pre>s: their line breaks are lines */
    int cdata;       /* "<![CDATA[" wrappers open in the text (below) */
} text_out;

static void end_line(text_out *o)
{
    if (!o->line_start && mz_buf_append(&o->b, "\n", 1) != 0)
        o->oom = true;
    o->line_start = true;
    o->space = false;
}

/* Appends s with white-space runs folded to one space; with lines, a line
 * break in s ends the line instead (JSON-LD paragraphs). */
static void add_text(text_out *o, const char *s, bool lines)
{
    for (; *s; s++) {
        /* CDATA is XML's: an HTML parser reads "<![CDATA[title]]>" (written
         * by XHTML templates and feeds turned into pages) as text, and the
         * wrapper became the stored title's first and last words; its
         * content is the text, the wrapper nothing */
        if (!strncmp(s, "<![CDATA[", 9)) {
            o->cdata++;
            s += 8;
            continue;
        }
        if (o->cdata && !strncmp(s, "]]>", 3)) {
            o->cdata--;
            s += 2;
            continue;
        }
        if (lines && *s == '\n') {
            end_line(o);
            continue;
        }
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
            o->space = true;
            continue;
        }
        if (o->space && !o->line_start && mz_buf_append(&o->b, " ", 1) != 0)
            o->oom = true;
        if (mz_buf_append(&o->b, s, 1) != 0)
            o->oom = true;
        o->line_start = o->space = o->link_ended = false;
    }
}

static void walk(const xmlNode *n, const xmlNode *root, bool root_is_body, text_out *o)
{
    for (; n && !o->oom; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                add_text(o, (const char *)n->content, o->pre > 0);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (mz_html_named(n, "br")) {
            end_line(o);
            continue;
        }
        if (mz_html_skipped(n, root, root_is_body))
            continue;
        bool block = in_list((const char *)n->name, blocks);
        bool link = mz_html_named(n, "a"), pre = mz_html_named(n, "pre");
        if (block)
            end_line(o);
        /* Links set side by side with no space between them (a row of
         * share buttons, sources, tags: «فيس بوكتويتر») are shown apart by
         * the site's style sheet; glued, their words would make words the
         * index would find and the reader never saw. */
        if (link && o->link_ended)
            o->space = true;
        o->pre += pre;
        walk(n->children, root, root_is_body, o);
        o->pre -= pre;
        if (block)
            end_line(o);
        if (link)
            o->link_ended = true;
    }
}

/* The buffer as a string: trailing line breaks dropped, cut at max bytes
 * between characters (a title cut inside a letter would be refused as
 * invalid UTF-8 at ingest); *len set when len is given. NULL when out of
 * memory. */
static char *finish(text_out *o, size_t max, size_t *len)
{
    if (o->oom) {
        mz_buf_free(&o->b);
        return NULL;
    }
    while (o->b.len && o->b.p[o->b.len - 1] == '\n')
        o->b.p[--o->b.len] = '\0';
    if (o->b.len > max) {
        size_t n = max;
        while (n && ((unsigned char)o->b.p[n] & 0xC0) == 0x80)
            n--;
        o->b.p[o->b.len = n] = '\0';
    }
    if (len)
        *len = o->b.len;
    return mz_buf_take(&o->b);
}

char *mz_html_text_of(const xmlNode *root, bool root_is_body, size_t *len)
{
    text_out o = {.line_start = true};
    if (root)
        walk(root->children, root, root_is_body, &o);
    return finish(&o, SIZE_MAX, len);
}

char *mz_html_fold_space(const char *s, size_t max)
{
    text_out o = {.line_start = true};
    add_text(&o, s, false);
    return finish(&o, max, NULL);
}

char *mz_html_fold_lines(const char *s)
{
    text_out o = {.line_start = true};
    add_text(&o, s, true);
    return finish(&o, SIZE_MAX, NULL);
}

void mz_html_keep_first(char **slot, char *value)
{
    if (!*slot && value && *value)
        *slot = value;
    else
        free(value);
}

/* An attribute's value with white space folded (a value may span lines),
 * at most HTML_META_MAX bytes. */
char *mz_html_prop(const xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v)
        return NULL;
    char *s = mz_html_fold_space((const char *)v, HTML_META_MAX);
    xmlFree(v);
    return s;
}

char *mz_html_line_of(const xmlNode *n)
{
    if (!n)
        return NULL;
    text_out o = {.line_start = true};
    walk(n->children, n, false, &o);
    char *s = finish(&o, HTML_META_MAX, NULL);
    if (s && !*s) {
        free(s);
        s = NULL;
    }
    for (char *c = s; c && *c; c++)
        if (*c == '\n')
            *c = ' ';
    return s;
}
