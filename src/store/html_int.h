/* html_int.h — shared by the web-page reader's files (html.c: the story
 * and the metadata; html_text.c: an element read as text). Not an API. */
#ifndef MZ_HTML_INT_H
#define MZ_HTML_INT_H

#include "store/store.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* n is an element of that (ASCII case-insensitive) name. */
bool html_named(const xmlNode *n, const char *name);
/* n's attribute attr equals value (ASCII case-insensitive). */
bool html_attr_is(const xmlNode *n, const char *attr, const char *value);
/* n and what is under it are not story text (scripts, menus, hidden or
 * furniture elements; a <header> when reading from <body>). root itself is
 * never skipped for its class or id. */
bool html_skipped(const xmlNode *n, const xmlNode *root, bool root_is_body);
/* The text under root, one block per line, no empty lines, no trailing
 * newline; malloc'd, NULL when out of memory. */
char *html_text_of(const xmlNode *root, bool root_is_body, size_t *len);
/* n's text on one line, at most MZ_HTML_META_MAX bytes; NULL when empty. */
char *html_line_of(const xmlNode *n);
/* An attribute's value, white space folded, at most MZ_HTML_META_MAX bytes. */
char *html_prop(const xmlNode *n, const char *attr);

#endif
