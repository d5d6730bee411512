/*
 * store.h — internal API of the article store for the other modules (check/,
 * bench/, tests). The public part (mz_db_open, mz_ingest_paths, mz_search...)
 * is in include/mizan.h. Keep these signatures stable: others build on them.
 */
#ifndef MZ_STORE_H
#define MZ_STORE_H

/* Room for an ISO 8601 time with its offset: "2017-10-10T14:03:00+03:00". */
#define MZ_ISO_DATE_MAX 32

#include "mizan.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- analyze.c: the analyzer the index uses (normalize, drop stopwords,
 * light-stem). Query terms must go through it to match indexed terms. */

typedef struct mz_terms {
    char **v;
    size_t n;
} mz_terms;

/* Analyzes text as the index does. Terms are in text order, repeats kept.
 * Errors: MZ_ERR_UTF8, MZ_ERR_NOMEM. */
mz_status mz_analyze(const char *text, size_t len, mz_terms *out, mz_error *err);
void mz_terms_clear(mz_terms *t);

/* ---- db.c: what the CLI needs beyond mz_db_open */

/* How a command waits for another writer: busy_ms (negative: the default,
 * MZ_BUSY_TIMEOUT_MS, 2 s; 0: not at all) and on_wait (may be NULL), called
 * once per handle, with ctx, the store's path and busy_ms, when a wait has
 * lasted a second: the CLI says on a terminal what it is waiting for, where
 * it used to hang silently for up to a minute. */
typedef void (*mz_wait_fn)(void *ctx, const char *path, int busy_ms);
typedef struct mz_wait {
    int busy_ms;
    mz_wait_fn on_wait;
    void *ctx;
} mz_wait;
/* mz_db_open waiting as w says (NULL: as mz_db_open). */
mz_status mz_db_open_wait(const char *path, int flags, const mz_wait *w, mz_db **out,
                          mz_error *err);

/* Removes the store's files (PATH, PATH-wal, PATH-shm) when it holds no
 * article: for `mizan ingest` that created the store and stored nothing.
 * Done under the write lock; a writer that waited for it, or opened the
 * file before, is refused by mz_db_begin instead of writing to the removed
 * file. *removed says whether PATH went. Only mz_db_close may follow. */
mz_status mz_db_discard_if_empty(mz_db *db, bool *removed, mz_error *err);

/* ---- article.c */

/* Adds n articles in one transaction (mz_article_add is this with n = 1).
 * status[i] is MZ_OK, or MZ_ERR_DUPLICATE for an exact copy of a stored
 * article, which is no failure; ids[i] is the new id or the copy's. When an
 * item fails otherwise, or the transaction itself does, nothing is kept and
 * that status is returned, with *failed (may be NULL) the item's index, or n
 * for the transaction. After MZ_OK, err holds the last duplicate's message. */
mz_status mz_articles_add(mz_db *db, const mz_article_input *in, size_t n, int64_t *ids,
                          mz_status *status, size_t *failed, mz_error *err);

/* ---- search.c */

typedef struct mz_scored {
    int64_t id;
    double score; /* negated FTS5 bm25: higher is better */
} mz_scored;

/* BM25 candidates for a disjunction (OR) of already analyzed terms: the k
 * best articles, best first. *out is malloc'd (NULL when none match). Terms
 * are used verbatim (not analyzed again); repeats are ignored. */
mz_status mz_store_candidates(mz_db *db, const char *const *terms, size_t n_terms, size_t k,
                              mz_scored **out, size_t *n_out, mz_error *err);

/* mz_search from the offset-th hit on (0 is mz_search): the hits offset ..
 * offset+k-1 of the ranking mz_search would give for offset + k, with
 * snippets for those only. offset 0..MZ_SEARCH_MAX_OFFSET, else MZ_ERR_ARG:
 * the first offset are ranked on each call. */
#define MZ_SEARCH_MAX_OFFSET 10000

/* A page of mz_articles_list as `mizan list` and GET /api/articles ask for
 * it: MZ_LIST_DEFAULT articles (limit 1..MZ_LIST_MAX) from offset
 * 0..MZ_LIST_MAX_OFFSET. */
#define MZ_LIST_DEFAULT 20
#define MZ_LIST_MAX_OFFSET 1000000000LL
mz_status mz_search_page(mz_db *db, const char *query, size_t offset, size_t k,
                         const char *hl_open, const char *hl_close, mz_hits *out, mz_error *err);

/* ---- stats.c */

/* Number of stored articles. */
mz_status mz_store_count(mz_db *db, int64_t *n, mz_error *err);

/* All article ids in ascending order; *ids is malloc'd (NULL when empty). */
mz_status mz_store_ids(mz_db *db, int64_t **ids, size_t *n, mz_error *err);

/* ---- html.c: a saved web page into an article. */

typedef struct mz_html_article {
    char *text; /* the story, one block per line (malloc'd, like the rest) */
    size_t text_len;
    char *title, *url, *source, *published; /* NULL when the page does not say */
    char *author; /* article:author (a name), meta author, JSON-LD author; NULL: none */
} mz_html_article;

/* Whether a file is a web page: a .html/.htm/.xhtml name, or text that
 * starts (after a byte order mark and white space) with <!DOCTYPE html or
 * <html. */
bool mz_html_sniff(const char *path, const char *text, size_t len);
/* Reads the page's story and metadata (og:title, else <title>, else the
 * first <h1>; the canonical link or og:url; og:site_name; the publication
 * time). The page's declared charset is honoured (a Windows-1256 page comes
 * out as UTF-8); without one it must be UTF-8. Errors name `what`:
 * MZ_ERR_UTF8, MZ_ERR_BINARY, MZ_ERR_EMPTY (no text), MZ_ERR_TOO_LARGE,
 * MZ_ERR_NOMEM. */
mz_status mz_html_extract(const char *html, size_t len, const char *what, mz_html_article *out,
                          mz_error *err);
/* The same into an article input: in->text is the story; title, url,
 * source, published and author are filled from the page where in leaves them NULL
 * (fields given with the page win). page holds the strings until
 * mz_html_article_clear. */
mz_status mz_html_to_input(const char *html, size_t len, const char *what, mz_article_input *in,
                           mz_html_article *page, mz_error *err);
void mz_html_article_clear(mz_html_article *a);

/* ---- jsonl.c: one JSONL line into an article. */

/* The "schema" of a line `mizan export` writes: its "text" is a body the
 * store kept, already cleaned of site furniture, and is stored as it is
 * (cleaning it again could drop one more line). */
#define MZ_ARTICLE_SCHEMA "mizan.article/1"

typedef struct mz_jsonl_item {
    mz_article_input in;  /* strings point into the parsed tree, or the page */
    void *tree;           /* owned cJSON tree */
    mz_html_article page; /* the story read from an `html` field */
    char date[MZ_ISO_DATE_MAX]; /* `published` given as a Unix time or an RSS date, as ISO 8601 */
    bool stored;          /* "schema": MZ_ARTICLE_SCHEMA with "text": kept as it is */
    char *author;         /* the byline (mz_jsonl_author), in.author points here */
} mz_jsonl_item;

/* Parses one JSON object line (without its newline). The text is `text`, or
 * `article` (the baly2018 format), or the story of a web page in `html`
 * (one of them); `title`, `url`, `source`, `published` are optional strings
 * (null = absent; with `html`, absent ones come from the page); `published`
 * may be a Unix time (seconds or milliseconds); the author is read as
 * mz_jsonl_author reads it. Other fields are ignored. Errors (message
 * starts with "line N:"): MZ_ERR_UTF8, MZ_ERR_JSON, MZ_ERR_EMPTY, MZ_ERR_NOMEM. */
mz_status mz_jsonl_parse_line(const char *line, size_t len, size_t line_no, mz_jsonl_item *out,
                              mz_error *err);
/* The same from a parsed JSON value (a cJSON *, owned from now on: kept in
 * out->tree, or freed on failure); messages start with "where: ". */
mz_status mz_jsonl_from_object(void *tree, const char *where, mz_jsonl_item *out, mz_error *err);
/* The name a field is read under in a JSON object (a cJSON *): its usual
 * name when present, else the first other name scrapers use ("content",
 * "headline", "link", "site", "date", ...) that holds a string (or, for
 * the date, a number), else the usual name. POST /api/articles reads the
 * same names. */
typedef enum {
    MZ_FIELD_TEXT, MZ_FIELD_TITLE, MZ_FIELD_URL, MZ_FIELD_SOURCE, MZ_FIELD_PUBLISHED
} mz_jsonl_field;
const char *mz_jsonl_field_name(const void *obj, mz_jsonl_field f);
/* The source given as an object naming it, {"id": ..., "name": "..."}, as
 * NewsAPI writes it: that name (in obj), else NULL (it failed the line, or
 * the API's request, as "must be a string"). */
const char *mz_jsonl_source_name(const void *obj);
/* A date given as a JSON number (a Unix time in seconds or milliseconds)
 * as ISO 8601 UTC into buf (24 bytes will do); MZ_ERR_JSON ("where: field
 * \"name\" is not a date ...") for any other value. */
mz_status mz_jsonl_unix_date(const void *value, const char *where, const char *name, char *buf,
                             size_t size, mz_error *err);
void mz_jsonl_item_clear(mz_jsonl_item *it);

/* ---- jsonl_author.c: an article's author (byline). */

/* The names one JSON value (a cJSON *) gives: a string, an object's
 * "name", or an array of those, joined by "، "; blank ones and URLs (a
 * profile page) skipped. malloc'd; NULL when none (*nomem: out of memory). */
char *mz_json_author(const void *value, bool *nomem);
/* The byline of an article object: "author", else "authors", "byline",
 * "creator", "dc:creator" (the first that names someone), as
 * mz_json_author, cleaned (mz_author_clean). A value that names no one,
 * that cleans to nothing, or that is the site's own name (the article's
 * source or url: mz_author_names_site) gives way to the next name, never
 * an error: those fields were ignored before the store kept authors. */
char *mz_jsonl_author(const void *obj, const char *source, const char *url, bool *nomem);
/* The author as the store keeps it: one line (mz_clean_line), runs of
 * spaces folded; NULL when s is NULL, blank, a URL, over MZ_AUTHOR_MAX
 * bytes, or the site's own name, the article's source or url telling the
 * site (mz_author_names_site; either may be NULL): a bad byline is
 * dropped, the article kept. malloc'd. */
char *mz_author_clean(const char *s, const char *source, const char *url, bool *nomem);
/* One name added to a byline being built (a struct mz_buf, util.h), after
 * "، " when it holds one already; nothing when name is NULL, blank, a URL,
 * or the byline holds 16 names (*n counts them). -1 out of memory. */
struct mz_buf;
int mz_author_append(struct mz_buf *b, const char *name, size_t *n);
/* s (after white space) starts with http://, https:// or www. */
bool mz_author_is_url(const char *s);

/* ---- json_doc.c: a .json file, an array of article objects or one object. */

typedef struct mz_json_doc {
    void *tree; /* owned cJSON tree: the array, or the one object */
    size_t n;   /* articles in it */
    bool envelope; /* they are the list an object wraps (mz_json_envelope) */
} mz_json_doc;

/* The list of articles an API's answer wraps (a cJSON *): an object with no
 * text, title or url of its own (under any of their names, or "html") whose one
 * array holds objects only (or nothing: no results) — NewsAPI's {"status": "ok",
 * "totalResults": 2, "articles": [...]}, {"data": [...]}; else NULL. A
 * member of obj, not detached. */
void *mz_json_envelope(void *obj);

/* Parses a whole document (an envelope, above, is its list). MZ_OK: *d holds n >= 0 items. MZ_ERR_NOT_FOUND
 * (no message): it is JSONL, one object followed by more; read it line by
 * line. Else MZ_ERR_UTF8, MZ_ERR_BINARY, MZ_ERR_JSON or MZ_ERR_NOMEM, the
 * message starting with "what: ". */
mz_status mz_json_doc_parse(const char *s, size_t len, const char *what, mz_json_doc *d,
                            mz_error *err);
/* Item i (from 0; each taken once) as an article, as mz_jsonl_from_object. */
mz_status mz_json_doc_item(mz_json_doc *d, size_t i, const char *where, mz_jsonl_item *out,
                           mz_error *err);
void mz_json_doc_clear(mz_json_doc *d);

/* ---- feed.c: an RSS or Atom feed, each item an article. */

/* Where the root element's name starts in markup text, past a byte order
 * mark, an XML declaration, comments and a DOCTYPE (with its internal
 * subset), looking at the first 8 KB; NULL when text is no such markup.
 * mz_markup_root_is: whether that root (r, NULL allowed) is the element
 * name, in any case. */
const char *mz_markup_root(const char *text, size_t len);
bool mz_markup_root_is(const char *r, const char *text, size_t len, const char *name);

/* Whether text is a feed: its root element (after an XML declaration,
 * comments and a DOCTYPE) is <rss>, <feed> or <rdf:RDF>. */
bool mz_feed_sniff(const char *text, size_t len);

typedef struct mz_feed {
    void *doc;    /* the parsed XML (an xmlDoc) */
    void *items;  /* its items (xmlNode *), in feed order */
    size_t n, cap;
    char *site;   /* the feed's own title: each item's source */
    char *author; /* an Atom feed's <author>: that of each entry naming none */
} mz_feed;

/* Parses a feed. MZ_OK with n >= 0 items; MZ_ERR_JSON (not well-formed
 * XML, or a DTD declaring entities), MZ_ERR_NOMEM, MZ_ERR_TOO_LARGE; the
 * message starts with "what: ". */
mz_status mz_feed_parse(const char *text, size_t len, const char *what, mz_feed *f,
                        mz_error *err);

typedef struct mz_feed_entry {
    mz_article_input in;   /* points into the strings below and the feed */
    char *title, *url, *published;
    char *author;          /* dc:creator, Atom author name, RSS author's name */
    mz_html_article page;  /* the item's body read as a page */
} mz_feed_entry;

/* Item i as an article: its content:encoded, Atom content, description or
 * summary (the first there) read as HTML; its title, link (Atom's
 * alternate href) and date (pubDate, published, dc:date, updated) as
 * given; the feed's title as its source; its author(s) from dc:creator,
 * Atom's <author><name> (else the feed's), RSS's <author> name (an address
 * alone names no one). MZ_ERR_EMPTY ("where: no text")
 * for an item of a headline only; MZ_ERR_TOO_LARGE for one whose content
 * (its markup, before it is read) is over max_bytes (0: no limit); else as
 * mz_html_to_input. */
mz_status mz_feed_item(const mz_feed *f, size_t i, const char *where, size_t max_bytes,
                       mz_feed_entry *out, mz_error *err);
void mz_feed_entry_clear(mz_feed_entry *e);

/* ---- feed_date.c: an RSS date as the store keeps dates. */

/* An RFC 822 date («Tue, 10 Oct 2017 14:03:00 +0300»: day name optional,
 * seconds optional, a two-digit year read as RFC 2822 reads it, a zone as
 * an offset, +03:00 too, or GMT, UT, UTC, Z or a US zone) into out as ISO
 * 8601, the local time with its offset («2017-10-10T14:03:00+03:00», Z at
 * UTC; the date alone at midnight, and with no time, no zone or a zone's
 * name not known, «AST»). False, out untouched, for anything else: a day
 * that does not exist, words after it. */
bool mz_rfc822_date(const char *s, char out[MZ_ISO_DATE_MAX]);
/* As mz_rfc822_date, telling apart a string of the form whose day is none
 * («Tue, 31 Feb 2026»): 1 read, -1 that, 0 anything else. */
int mz_rfc822_read(const char *s, char out[MZ_ISO_DATE_MAX]);
/* Whether y-m-d (month 1..12) is a day of the Gregorian calendar
 * (date_line.c): the feeds' dates, the date lines and a `published` given. */
bool mz_calendar_day(int y, int m, int d);
void mz_feed_clear(mz_feed *f);

/* ---- places.c: where else a stored article was published (schema step
 * 11): exact copies of its text ingested from another URL or site. */
typedef struct mz_place {
    char *url, *source, *published; /* each may be NULL */
} mz_place;
typedef struct mz_places {
    mz_place *v;
    size_t n;
} mz_places;
/* The places of article id, the earliest recorded first (added_at, to the
 * second; then by place key); {0} when none; cleared on failure. */
mz_status mz_article_places(mz_db *db, int64_t id, mz_places *out, mz_error *err);
void mz_places_clear(mz_places *p);
/* Clears each of p[0..n) and frees the array p (NULL: nothing). */
void mz_places_free(mz_places *p, size_t n);
/* The places of each of the n articles ids into out[0..n), in one query,
 * each in mz_article_places's order; all cleared on failure.
 * mz_articles_places: the same for a page of mz_articles_list. */
mz_status mz_ids_places(mz_db *db, const int64_t *ids, size_t n, mz_places *out, mz_error *err);
/* The same for a page of search hits (h->v[i].id): one query. */
mz_status mz_hits_places(mz_db *db, const mz_hits *h, mz_places *out, mz_error *err);
/* The place at SITE (the first in p's order) of article a when a's own
 * source and URL are not of that site: why `list --source SITE` lists it,
 * an exact copy the site carried; NULL otherwise. */
const mz_place *mz_place_at(const mz_article *a, const mz_places *p, const char *site);
mz_status mz_articles_places(mz_db *db, const mz_article *v, size_t n, mz_places *out,
                             mz_error *err);
/* stats.c: the places recorded, the articles they are of, and the sites
 * known only as a place (no stored article's own source or URL is of that
 * site, as mz_stats.sources counts them). Not in mz_stats: a public struct,
 * whose size is the library's ABI. */
typedef struct mz_place_counts {
    int64_t places, articles, only_sites;
} mz_place_counts;
mz_status mz_places_stats(mz_db *db, mz_place_counts *out, mz_error *err);
/* The places recorded alone (a count: GET /api/health). */
mz_status mz_places_count(mz_db *db, int64_t *n, mz_error *err);

#endif /* MZ_STORE_H */
