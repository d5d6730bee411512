/* html_int.h — shared by the web-page reader's files (html.c: the story
 * and the metadata; html_story.c: the story's block on a page that does not
 * mark it; html_text.c: an element read as text; html_ld.c: the page's
 * JSON-LD). Not an API. */
#ifndef MZ_HTML_INT_H
#define MZ_HTML_INT_H

#include "store/store.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* Bytes kept of one metadata value (a title, a site name), cut between
 * characters. */
#define HTML_META_MAX 2000
/* s with white-space runs (line breaks too) folded to one space, trimmed,
 * cut at max bytes between characters; malloc'd, NULL when out of memory. */
char *mz_html_fold_space(const char *s, size_t max);
/* s with white space folded within each line, one line per non-empty line
 * of s; malloc'd, NULL when out of memory. */
char *mz_html_fold_lines(const char *s);

/* html_ld.c: the page's own JSON-LD description of its article. */
typedef struct html_ld_article {
    char *headline, *published, *publisher, *url, *body; /* NULL: not given */
    char *author; /* its author's name(s), joined (mz_json_author) */
} html_ld_article;
/* Reads one <script type="application/ld+json"> text; fields already set
 * in out are kept (the first description wins). Bad JSON is ignored. */
void mz_html_ld_read(const char *json, html_ld_article *out);
void mz_html_ld_article_clear(html_ld_article *a);

/* n is an element of that (ASCII case-insensitive) name. */
bool mz_html_named(const xmlNode *n, const char *name);
/* n's attribute attr equals value (ASCII case-insensitive). */
bool mz_html_attr_is(const xmlNode *n, const char *attr, const char *value);
/* n and what is under it are not story text (scripts, menus, hidden or
 * furniture elements, marked lists of links; a <header> when reading from
 * <body>). root itself is
 * never skipped for its class or id. */
bool mz_html_skipped(const xmlNode *n, const xmlNode *root, bool root_is_body);
/* Marks each block element under root (the headline, <h1>, aside) more
 * than half of whose text is inside links: a "read also" box, a list of
 * other stories, a paragraph that only links elsewhere. mz_html_skipped
 * skips marked elements; unmarking undoes it. The tree must be at most
 * MAX_DEPTH deep (the walk recurses). */
void mz_html_mark_link_lists(xmlNode *root);
void mz_html_unmark_link_lists(xmlNode *root);
/* Marks n as skipped, as a list of links is (a teaser of another story). */
void mz_html_drop(xmlNode *n);
/* The text under root, one block per line, no empty lines, no trailing
 * newline; malloc'd, NULL when out of memory. */
char *mz_html_text_of(const xmlNode *root, bool root_is_body, size_t *len);
/* n's text on one line, at most HTML_META_MAX bytes; NULL when empty. */
char *mz_html_line_of(const xmlNode *n);
/* An attribute's value, white space folded, at most HTML_META_MAX bytes. */
char *mz_html_prop(const xmlNode *n, const char *attr);
/* Metadata found twice: the first non-empty value stays in *slot, value is
 * freed otherwise. */
void mz_html_keep_first(char **slot, char *value);

/* html_story.c: the paragraphs of a page scored, to find its story's block. */
typedef struct html_density html_density;
/* Scores the paragraphs under body (skipped elements left out); NULL when
 * out of memory. */
html_density *mz_html_density(const xmlNode *body);
void mz_html_density_free(html_density *d);
/* The element of the highest score; NULL when none scored. */
const xmlNode *mz_html_top_scored(const html_density *d);
/* Bytes of paragraph text in all, and under n. */
size_t mz_html_total(const html_density *d);
size_t mz_html_held(const html_density *d, const xmlNode *n);
/* The block that holds the story: the best-scored element, or the nearest
 * element around it that holds at least 60% of the page's paragraph text
 * (a story split over several blocks, between ads, stays whole); NULL when
 * only the body does. */
const xmlNode *mz_html_densest_block(const html_density *d, const xmlNode *body);
/* n is ancestor or under it. */
bool mz_html_inside(const xmlNode *n, const xmlNode *ancestor);

#endif
