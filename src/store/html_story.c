/* html_story.c — where the story is on a page that does not say (no
 * <article> or <main>, or one that is a teaser card of another story): the
 * densest block of paragraph text, scored as readability does. Part of the
 * web-page reader (html.c); not an API. */
#include "store/html_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MIN_PARAGRAPH 40 /* bytes of text: shorter ones are captions, links, bylines */
#define MAX_SCORED 512

typedef struct paragraph {
    const xmlNode *in; /* the element it is text of */
    size_t len;
} paragraph;

struct html_density {
    const xmlNode *node[MAX_SCORED];
    size_t score[MAX_SCORED], n, total;
    paragraph *para; /* every paragraph counted, for the share of one block */
    size_t n_para, cap_para;
    bool oom;
};
typedef struct html_density density;

static void credit(density *d, const xmlNode *n, size_t s)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return;
    for (size_t i = 0; i < d->n; i++)
        if (d->node[i] == n) {
            d->score[i] += s;
            return;
        }
    if (d->n < MAX_SCORED) {
        d->node[d->n] = n;
        d->score[d->n++] = s;
    }
}

/* A paragraph of len bytes, the text of the element in; its length counts
 * for holder and half of it for holder's parent. */
static void add_paragraph(density *d, const xmlNode *in, const xmlNode *holder, size_t len)
{
    if (len < MIN_PARAGRAPH)
        return;
    if (d->n_para == d->cap_para) {
        size_t cap = d->cap_para ? 2 * d->cap_para : 64;
        paragraph *p = realloc(d->para, cap * sizeof *p);
        if (!p) {
            d->oom = true;
            return;
        }
        d->para = p;
        d->cap_para = cap;
    }
    d->para[d->n_para++] = (paragraph){in, len};
    d->total += len;
    credit(d, holder, len);
    credit(d, holder ? holder->parent : NULL, len / 2);
}

static bool is_block(const xmlNode *n)
{
    static const char *const names[] = {
        "address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
        "br", NULL};
    for (const char *const *k = names; *k; k++)
        if (mz_html_named(n, *k))
            return true;
    return false;
}

static bool is_heading(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    return (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' && !s[2];
}

/* Bytes of a text node other than white space. */
static size_t text_ink(const xmlNode *n)
{
    size_t t = 0;
    for (const xmlChar *c = n->content; c && *c; c++)
        t += !isspace(*c);
    return t;
}

/* A run of inline text: a paragraph unless most of it is links. */
static size_t run_len(size_t ink, size_t link)
{
    return 2 * link > ink ? 0 : ink;
}

/* The run of text being read in an element: its bytes (other than white
 * space), those inside links, and whether a block or <br> came before. */
typedef struct text_run {
    const xmlNode *e;
    size_t ink, link;
    bool broken;
} text_run;

static void paragraphs(const xmlNode *e, const xmlNode *body, density *d, int depth);

/* Reads n and its siblings into r: text and inline elements (read through)
 * add to the run, a block or <br> ends it (a paragraph of r->e) and a
 * block's own paragraphs are scored. */
static void read_runs(const xmlNode *n, const xmlNode *body, density *d, text_run *r, bool in_link,
                      int depth)
{
    for (; n && depth < 4096; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            size_t t = text_ink(n);
            r->ink += t;
            r->link += in_link ? t : 0;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || mz_html_skipped(n, body, true))
            continue;
        if (!is_block(n)) {
            read_runs(n->children, body, d, r, in_link || mz_html_named(n, "a"), depth + 1);
            continue;
        }
        add_paragraph(d, r->e, r->e, run_len(r->ink, r->link));
        r->ink = r->link = 0;
        r->broken = true;
        if (!mz_html_named(n, "br"))
            paragraphs(n, body, d, depth + 1);
    }
}

/* Scores the paragraphs under the element e as readability does: an
 * element that holds only text and inline elements (a <p>, a <div> or <td>
 * of text) is a paragraph; its length counts for its parent and half of it
 * for its grandparent. In an element that also holds blocks or <br>s, each
 * run of text between them is a paragraph of that element, counting for
 * it and half for its parent. Headings are not paragraphs; nor are runs
 * of mostly links. One pass: each node is read once. */
static void paragraphs(const xmlNode *e, const xmlNode *body, density *d, int depth)
{
    if (depth >= 4096 || is_heading(e))
        return;
    text_run r = {e, 0, 0, false};
    read_runs(e->children, body, d, &r, false, depth + 1);
    add_paragraph(d, e, r.broken ? e : e->parent, run_len(r.ink, r.link));
}

bool mz_html_inside(const xmlNode *n, const xmlNode *ancestor)
{
    for (; n; n = n->parent)
        if (n == ancestor)
            return true;
    return false;
}

/* Bytes of the paragraphs counted that are text of n or of what is under it. */
size_t mz_html_held(const density *d, const xmlNode *n)
{
    size_t k = 0;
    for (size_t i = 0; i < d->n_para; i++)
        if (mz_html_inside(d->para[i].in, n))
            k += d->para[i].len;
    return k;
}

/* The element of the highest score; NULL when none scored. */
const xmlNode *mz_html_top_scored(const density *d)
{
    const xmlNode *best = NULL;
    size_t top = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->score[i] > top) {
            top = d->score[i];
            best = d->node[i];
        }
    return best;
}

static size_t depth_of(const xmlNode *n)
{
    size_t k = 0;
    for (; n; n = n->parent)
        k++;
    return k;
}

/* The block that holds the story on a page: the best-scored element, or
 * the nearest element around it that holds at least 60% of the page's
 * paragraph text (a story split over several blocks, between ads, stays
 * whole); NULL when only the body does. */
const xmlNode *mz_html_densest_block(const density *d, const xmlNode *body)
{
    const xmlNode *best = mz_html_top_scored(d);
    if (!best || best == body || !mz_html_inside(best, body))
        return NULL;
    /* at[k]: bytes of the paragraphs that meet best's line of ancestors at
     * depth k (the share of each ancestor in one pass, not one per step) */
    size_t db = depth_of(best);
    size_t *at = calloc(db + 1, sizeof *at);
    if (!at)
        return NULL;
    for (size_t i = 0; i < d->n_para; i++) {
        const xmlNode *a = d->para[i].in, *b = best;
        size_t da = depth_of(a), dbb = db;
        for (; da > dbb; da--)
            a = a->parent;
        for (; dbb > da; dbb--)
            b = b->parent;
        for (; a != b; da--) {
            a = a->parent;
            b = b->parent;
        }
        at[da] += d->para[i].len;
    }
    size_t sum = 0;
    const xmlNode *found = NULL;
    for (size_t k = db; k > 0 && best != body; k--, best = best->parent) {
        sum += at[k];
        if (10 * sum >= 6 * d->total) {
            found = best;
            break;
        }
    }
    free(at);
    return found;
}

html_density *mz_html_density(const xmlNode *body)
{
    density *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    paragraphs(body, body, d, 0);
    if (d->oom) {
        mz_html_density_free(d);
        return NULL;
    }
    return d;
}

size_t mz_html_total(const density *d)
{
    return d->total;
}

void mz_html_density_free(density *d)
{
    if (d) {
        free(d->para);
        free(d);
    }
}
