/*
 * db.h — private to src/store (and its tests/benchmarks): the mz_db handle,
 * SQLite error mapping, schema migrations and the FTS5 tokenizer.
 */
#ifndef MZ_STORE_DB_H
#define MZ_STORE_DB_H

#include "mizan.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdbool.h>

struct mz_db {
    sqlite3 *sql;
    char *path;
    bool readonly; /* opened read-only, or the file is not writable */
    bool stale;    /* read-only on a store whose schema needs an upgrade */
    bool hot_journal; /* read-only on a store whose PATH-journal must be rolled back */
    struct mz_analyzer *an; /* mz_db_analyzer's, made on first use */
    int flags;   /* the flags it was opened with (mz_db_begin_fresh opens it again) */
    int busy_ms; /* how long a writer waits for another (mz_db_open_wait) */
    mz_wait_fn on_wait; /* told once when a wait lasts MZ_WAIT_TELL_MS (may be NULL) */
    void *wait_ctx;
    bool told;          /* on_wait was called */
    bool remade;        /* mz_db_begin_fresh made the store again: it was gone */
    double wait_from;   /* when the current wait began (ms, monotonic) */
    struct mz_df_cache *common; /* common_terms.c's decisions (df_cache.c); NULL until used */
};

/* How long a wait for another writer lasts before on_wait is told: a
 * short one (a commit) is not worth a line on the user's terminal. */
#define MZ_WAIT_TELL_MS 1000

/* The path the store was opened with (":memory:" for an in-memory one). */
static inline const char *mz_db_path(const mz_db *db)
{
    return db->path;
}

/* How long a writer waits for another writer before MZ_ERR_DB_LOCKED, by
 * default (mz_db_open; the server's requests): a client is answered 503
 * soon rather than held. The CLI waits longer (store.h: mz_db_open_wait). */
#define MZ_BUSY_TIMEOUT_MS 2000
/* The size PATH-wal is cut back to when a writer starts it again: a batch
 * written beside a reader's old snapshot grows it to the batch's size, and
 * it would keep that size until the last connection closed. */
#define MZ_WAL_SIZE_LIMIT (4 * 1024 * 1024)

/* Maps a SQLite result code to an mz_status and fills err with
 * "PATH: what: sqlite message". */
mz_status mz_db_fail(const mz_db *db, int rc, mz_error *err, const char *what);
/* Damage mizan finds itself, which SQLite does not report (a row without
 * a NOT NULL column): MZ_ERR_DB_CORRUPT, "PATH: what: database is damaged
 * (detail)", and the file kept as it is, as for SQLITE_CORRUPT. */
mz_status mz_db_damaged(const mz_db *db, mz_error *err, const char *what, const char *detail);
/* False once db was found damaged (SQLITE_CORRUPT, SQLITE_NOTADB, not a
 * mizan store): nothing is checkpointed into its file from then on, not
 * even when it closes, since the damage may be a PATH-wal of another store. */
bool mz_db_may_checkpoint(mz_db *db);

/* A malloc'd copy of column i of the current row; NULL for SQL NULL (or
 * out of memory). */
char *mz_col_dup(sqlite3_stmt *st, int i);
/* article.c: the row of a statement whose columns are id, title, body, url,
 * source, published, origin, author, into a, cleaned as ingest stores them now
 * (mz_article_get, the list, whose body column is NULL: not read). False,
 * a cleared, when out of memory. */
bool mz_article_from_row(sqlite3_stmt *st, mz_article *a);

/* Fails with MZ_ERR_DB_READONLY unless db may be written. */
mz_status mz_db_require_writable(const mz_db *db, mz_error *err);

/* BEGIN IMMEDIATE (takes the write lock up front, so a concurrent writer
 * is reported as MZ_ERR_DB_LOCKED before any work), COMMIT, ROLLBACK.
 * mz_db_begin also refuses (MZ_ERR_DB) a store whose file was removed or
 * replaced since it was opened (mz_db_discard_if_empty): what it wrote
 * would go to a file no one can open again. */
mz_status mz_db_begin(mz_db *db, mz_error *err);
/* mz_db_begin for a writer that has written nothing through db yet (an
 * ingest's first article): a store removed or replaced since db was opened
 * (the empty store a second first ingest, racing this one, removed) is
 * opened again at its path, as if this writer had started a moment later,
 * rather than refused. If no file was at the path then, db->remade is
 * set: this writer made the store, as a first ingest does, and one that
 * stores nothing removes it (mz_db_discard_if_empty) as that one would. */
mz_status mz_db_begin_fresh(mz_db *db, mz_error *err);
mz_status mz_db_commit(mz_db *db, mz_error *err);
void mz_db_rollback(mz_db *db);

/* A read transaction around the statements of one answer (a search, a
 * page of the list), so that they all see the same store; none when the
 * caller has a transaction open. mz_db_read_begin returns whether it
 * began one, which mz_db_read_end is given. */
bool mz_db_read_begin(mz_db *db);
void mz_db_read_end(mz_db *db, bool began);

/* ---- schema.c */

/* The schema version this build writes. */
#define MZ_SCHEMA_VERSION 11

/* Reads the schema version: 0 for an empty database. Fails with
 * MZ_ERR_DB_CORRUPT when the database has tables but is not a mizan store. */
mz_status mz_schema_version(mz_db *db, int *version, mz_error *err);

/* Applies the migrations from the current version up to target (in one
 * transaction). Exposed for tests that build an old-version store. */
mz_status mz_schema_migrate(mz_db *db, int target, mz_error *err);

/* ---- article.c: validation and insertion of one article, used by
 * mz_article_add and by ingest (inside the caller's transaction). */

typedef struct mz_adder {
    mz_db *db;
    sqlite3_stmt *find, *insert, *index;
    int64_t next_id; /* the id of the next insert, above deleted ones; 0: max(id) + 1 */
    /* after an add that stored: what the user should hear of it ("" for
     * nothing), a `published` of no calendar day kept as written */
    char warning[512];
    /* after an add that found a duplicate: the copy came from another URL
     * or site than the stored text's and its place was recorded now
     * (places.c), not known before */
    bool place_added;
    sqlite3_stmt *place; /* INSERT OR IGNORE INTO article_places, prepared when first needed */
} mz_adder;

mz_status mz_adder_init(mz_adder *a, mz_db *db, mz_error *err);
void mz_adder_done(mz_adder *a);
/* Checks in->text (see mz_text_check), strips boilerplate (unless `stored`:
 * a body mizan stored before, from `mizan export`), derives title and
 * source, and inserts unless the same normalized text is stored already
 * (MZ_ERR_DUPLICATE, *id = the stored copy). */
mz_status mz_adder_add(mz_adder *a, const mz_article_input *in, bool stored, int64_t *id,
                       mz_error *err);
/* places.c: for a duplicate of stored article id (its row's url and source,
 * either NULL), records in's URL, or with none its source's site, as
 * another place the text was published, unless it is the row's own or
 * recorded already; a->place_added says whether it was new. */
/* mz_ingest_paths, also counting the duplicates whose place was recorded
 * as new (mz_place_note): *new_places, 0 after a rollback. Internal, so
 * that mz_ingest_report, which callers allocate, keeps its size. */
mz_status mz_ingest_paths_places(mz_db *db, const char *const *paths, size_t n_paths,
                                 const mz_ingest_options *opt, mz_ingest_report *rep,
                                 size_t *new_places, mz_error *err);
mz_status mz_place_note(mz_adder *a, int64_t id, const mz_article_input *in, const char *row_url,
                        const char *row_source, mz_error *err);

/* text_checks.c: rejects text that is not an article: NUL bytes (MZ_ERR_BINARY), invalid
 * UTF-8 (MZ_ERR_UTF8, with the byte offset; UTF-16 too, see mz_utf16_refuse),
 * nothing but whitespace (MZ_ERR_EMPTY). Messages start with "what: ". */
mz_status mz_text_check(const char *text, size_t len, const char *what, mz_error *err);

/* ---- text_checks.c */

/* True when text holds nothing but (Unicode) white space and direction marks. */
bool mz_text_blank(const char *s, size_t len);
/* Overwrites control characters (C0 but tab and line breaks, DEL, C1) and
 * bidi embeddings, overrides and isolates with spaces, byte for byte, so
 * offsets hold: a story has no use for them, an escape sequence in a title
 * would drive the terminal of whoever lists it, and an unclosed override
 * would reverse the rest of a report line. */
void mz_blank_controls(char *s, size_t len);
/* A copy of s (len bytes, NUL added) with each lone CR (not followed by LF)
 * made LF, or NULL with *copied false when s has none (or NULL with *copied
 * true when out of memory). Old Mac tools and some Windows exports end lines
 * with CR alone; read as one line, the whole story became its title. */
char *mz_lone_cr_to_lf(const char *s, size_t len, bool *copied);
/* Makes s one clean line, in place: mz_blank_controls, tabs and line breaks
 * made spaces, white space trimmed at both ends (a stored metadata field, a
 * sentence printed on a terminal). */
void mz_clean_line(char *s);
/* mz_clean_line on each of v[0..n) that is not NULL: the metadata of a row
 * read back (search hits, mz_article_get), which a store filled before
 * ingest cleaned it, or edited by SQL, may hold escape sequences. */
void mz_clean_lines(char *const *v, size_t n);
/* Narrows [*s, *e) to drop Unicode white space at both ends. */
void mz_trim_span(const char **s, const char **e);

/* ---- walk_skip.c */

/* True when a directory walk passes over dir/name: a saved page's X_files
 * folder, or a file that is never an article by its extension (image,
 * style, script, font, audio, video). */
bool mz_walk_skip(const char *dir, const char *name);

/* ---- derive.c (results malloc'd; NULL when absent or out of memory) */

/* The first non-blank line, trimmed, cut to 400 bytes at a character boundary. */
char *mz_first_line(const char *text, size_t len);
/* A title given with an article (a JSONL field, the API): its lines joined
 * by one space, trimmed, cut to the title limit. Malloc'd; NULL when out of
 * memory. */
char *mz_given_title(const char *title, size_t len);
/* The title of an article without one: its first line, unless that line is
 * only a dateline or site label ("بلدي نيوز - الرقة (خاص)"), then the first
 * clause of the lead that follows (at most 20 words). Either way at most
 * 400 bytes (+ "…" when cut at a word), cut at a character boundary. */
char *mz_derive_title(const char *text, size_t len);
/* The title ingest stores for an article with the given title (NULL: none)
 * and text: the given one cleaned, unless nothing of it is left; else the
 * one mz_derive_title finds in the text with its boilerplate lines removed,
 * as ingest stores the body. `mizan stance --article` reads a file so, to
 * give the label `mizan check` gives once it is stored. NULL when out of
 * memory. (article.c) */
char *mz_article_title(const char *given, const char *text, size_t len);
/* Whether an article's origin names a file it was read from (PATH,
 * PATH:LINE, PATH#ITEM): not one read from stdin ("stdin", "stdin:3",
 * "stdin#2"), nor a pipe named as a file (/dev/fd/63, /dev/stdin,
 * /proc/self/fd/0), nor added through the HTTP API ("api"), nor none. The file is
 * a report's receipt for an article with no URL. (article.c) */
bool mz_origin_is_file(const char *origin);
/* The host in a URL or a host[:port] (a span of s, *n bytes): past the
 * scheme and any user:password@, without the port or the DNS root's
 * trailing dot ("aljazeera.net." would otherwise be the site "net."). */
const char *mz_url_host(const char *s, size_t *n);
/* A URL as a reader compares it (url_key.c): one key for http and https,
 * "www." or not, a trailing slash, a fragment, tracking parameters (utm_*,
 * fbclid…), an escaped non-ASCII letter and the letter; other query
 * parameters kept, in order (?id=12 and ?id=13 are two pages). *out is
 * malloc'd, NULL for no URL (NULL, blank, "http://"); MZ_OK or
 * MZ_ERR_NOMEM. */
mz_status mz_url_key(const char *url, char **out);
/* The host of an http(s) URL, lowercased, without "www.", or NULL; on a
 * platform where accounts share the host (facebook.com, x.com, t.me,
 * youtube.com...) the host and the account: "facebook.com/aljazeera". */
char *mz_url_source(const char *url);
/* For a site name (len bytes) that is such a platform, and `after` the URL
 * text that follows its host: the bytes of "/account" to append to it
 * (0 when the site is not a platform or the URL names no account). */
size_t mz_url_account_len(const char *site, size_t len, const char *after);
/* The site of a source host (site.c): its registrable domain, a suffix of src of *len
 * bytes (m.almayadeen.net -> almayadeen.net, alquds.co.uk stays whole, a blog
 * host's subdomain is its own site; a name that is not a host stays whole). */
const char *mz_site_of(const char *src, size_t *len);
/* Whether two sources (a name, a host or a URL) are one site as mz_site_of
 * says, ASCII letters in any case: "mubasher.aljazeera.net" and
 * "https://www.aljazeera.net/news/1" are; NULL or empty is no site. (site.c) */
bool mz_same_site(const char *a, const char *b);
/* Whether src (a name, a host or a URL) is of the site site[0..len), one
 * mz_site_of gave: the site made once for a walk over many rows. */
bool mz_site_is(const char *site, size_t len, const char *src);
/* Whether an article's author names its own site rather than a writer
 * (site.c): the source's name, or the site of the source or URL with or
 * without its suffix, letters and digits compared («الجزيرة نت»,
 * «Aljazeera.net», «Al Jazeera» for aljazeera.net). */
bool mz_author_names_site(const char *author, const char *source, const char *url);
/* X of a short "المصدر: X" line of its own, or NULL. */
char *mz_source_line(const char *text, size_t len);
/* The publication date a plain text states on a line of its own just under
 * its title ("11.10.2017 | 22:01", "الأربعاء 11 أكتوبر 2017"), as
 * "YYYY-MM-DD"; NULL when there is none (or out of memory). date_line.c */
char *mz_date_line(const char *text, size_t len);
/* The same reading of one line given as a date (a `published` field:
 * "2026/04/06", "06/04/2026", "الاثنين 6 أبريل 2026", "6 نيسان 2026",
 * Arabic-Indic digits too; a time or a day name may go with it): 1 with
 * *y *m *d, -1 when it reads as a date of no calendar day ("31/02/2026",
 * a year outside 1900..2100), 0 when it is no such date. date_line.c */
int mz_date_text(const char *s, int *y, int *m, int *d);

/* ---- published.c: a `published` given, as the store keeps it. */
typedef enum {
    MZ_PUBLISHED_AS_GIVEN, /* ISO 8601 already, or no date read: stored as written */
    MZ_PUBLISHED_READ,     /* an RSS date or a date line's form: out holds its ISO 8601 */
    MZ_PUBLISHED_NO_DAY    /* a date of no calendar day (2026-13-45, 31/02/2026): as written */
} mz_published_reading;
mz_published_reading mz_published_read(const char *given, char out[MZ_ISO_DATE_MAX]);
/* What the user is told of a `published` read as MZ_PUBLISHED_NO_DAY, into
 * out[cap]: ingest's warning (after the item's origin) and the API's. */
void mz_published_no_day(const char *given, char *out, size_t cap);
/* 32 hex digits identifying the normalized text with white space folded:
 * texts differing only in diacritics, letter variants or spacing collide. */
mz_status mz_norm_hash(const char *text, size_t len, char out[33], mz_error *err);

/* ---- common_terms.c */

/* The terms BM25 gives weight: those in fewer than half of the indexed rows
 * (FTS5 clamps the others' weight to 1e-6), as pointers into terms (kept has
 * n slots). *n_kept == n when none was dropped, or when the row counts
 * could not be read: dropping them is only a speed-up. True when df (n
 * slots) holds the rows each kept[i] is in, counted as bm25() counts them
 * (every kept term is under the cap, so its count is whole): what
 * mz_bm25's DF wants; false when some count could not be read. */
bool mz_drop_common_terms(mz_db *db, const char *const *terms, size_t n, const char **kept,
                          size_t *n_kept, sqlite3_int64 *df);

/* The "mz_doc_count" FTS5 auxiliary function common_terms.c counts with
 * (registered with the tokenizer, mz_fts_register). */
int mz_fts_register_doc_count(fts5_api *api);
/* The "mz_bm25" FTS5 auxiliary function (bm25_counted.c): bm25() given
 * the phrases' document counts, registered with the tokenizer too. */
int mz_fts_register_bm25(fts5_api *api);

/* ---- doc_lens.c: every indexed row's length, for mz_bm25 */

/* articles_fts's columns (title, body): the varints of a docsize blob. */
#define MZ_FTS_COLUMNS 2
/* The pointer type mz_bm25's LENS argument is bound as. */
#define MZ_DOC_LENS_PTR "mz_doc_lens"
typedef struct mz_doc_lens mz_doc_lens;
/* The lengths of the n_rows rows of articles_fts_docsize (NULL when out
 * of memory, on a read failure, or when the table does not hold n_rows). */
mz_doc_lens *mz_doc_lens_read(sqlite3 *sql, sqlite3_int64 n_rows);
void mz_doc_lens_free(mz_doc_lens *l);
/* The row's terms (all columns), or -1: not read (ask FTS5). */
int mz_doc_lens_get(const mz_doc_lens *l, sqlite3_int64 id);
/* The lengths under the counts' key, read now if not yet and ranking
 * about rows_scored rows makes it worth it (a quarter of the rows); NULL
 * otherwise, and inside a write transaction. Valid until the next call
 * into common_terms.c or df_cache.c on this connection. */
const mz_doc_lens *mz_doc_lens_for(mz_db *db, sqlite3_int64 rows_scored);

/* ---- df_cache.c: the terms' row counts (to half the rows), per connection */

/* What the remembered decisions hold for: PRAGMA data_version (another
 * connection's commit moves it) and sqlite3_total_changes64 (this one's
 * writes move it). */
typedef struct mz_df_key {
    sqlite3_int64 data_version, changes;
} mz_df_key;
typedef struct mz_df_cache mz_df_cache;
/* *pc (made on first use), emptied if it was filled under another key;
 * NULL when out of memory. */
mz_df_cache *mz_df_cache_begin(mz_df_cache **pc, const mz_df_key *key);
/* Forgets everything, the key too (the connection was replaced). */
void mz_df_cache_reset(mz_df_cache *c);
void mz_df_cache_free(mz_df_cache *c);
/* The indexed rows under the key (-1 until the caller sets it). */
sqlite3_int64 *mz_df_cache_rows(mz_df_cache *c);
/* The rows' lengths under the key (NULL until the caller sets it; freed
 * with the rest). */
mz_doc_lens **mz_df_cache_lens(mz_df_cache *c);
/* The rows term is in, counted no further than half the rows (the count
 * common_terms.c stopped at), or -1 when not remembered. */
sqlite3_int64 mz_df_cache_get(mz_df_cache *c, const char *term);
void mz_df_cache_put(mz_df_cache *c, const char *term, sqlite3_int64 n);

/* ---- analyze.c */

/* Longest term indexed (bytes); longer runs are junk (URLs, base64...). */
#define MZ_TERM_MAX 128

/* The index's analyzer: tokens from the text engine, stopwords dropped,
 * words stemmed, with a word -> stem cache (news text repeats its words, and
 * stemming is most of the analyzer's cost). Not thread-safe: one per
 * connection / thread. */
typedef struct mz_analyzer mz_analyzer;
mz_analyzer *mz_analyzer_new(bool snowball);
/* The analyzer the index itself runs (MZ_FTS_TOKENIZE's settings), for code
 * that must read text as the index read it: retrieval, snippets. */
mz_analyzer *mz_analyzer_for_index(void);
/* The connection's own analyzer for index terms, made on first use and kept
 * until mz_db_close: its word -> stem cache then carries over from one check
 * or search to the next (a server thread, a batch of claims), where a fresh
 * one per call stemmed the same topic's words again every time. NULL when
 * out of memory. Like the connection, for one thread at a time. */
mz_analyzer *mz_db_analyzer(mz_db *db);
void mz_analyzer_free(mz_analyzer *a);

/* Calls fn for each index term of text[0..len) with its byte span in text.
 * fn returns non-zero to stop; that value is returned (else 0, or -1 when
 * out of memory). */
typedef int (*mz_term_fn)(void *ctx, const char *term, size_t term_len, size_t start,
                          size_t end);
int mz_analyze_each(mz_analyzer *a, const char *text, size_t len, mz_term_fn fn, void *ctx);

/* ---- snippet.c */

/* The passage of text[0..len) to show under a search hit: the run of 24
 * index terms holding the most distinct of the query's terms (analyzed, at
 * most MZ_SNIPPET_MAX_QUERY), as written, each matched word wrapped in open
 * and close, with "…" wherever text is left out, and control characters
 * blanked (mz_blank_controls: a store filled before ingest did so). Linear
 * in len. a is the index's analyzer (mz_analyzer_for_index), one for all
 * the hits of a search. *marks (malloc'd, NULL when none) gets the matched words'
 * code-point spans in the passage, an invalid byte counting as one code
 * point (as mz_utf8_repair makes it U+FFFD). malloc'd; NULL when out of
 * memory. */
#define MZ_SNIPPET_MAX_QUERY 64
char *mz_snippet(mz_analyzer *a, const char *text, size_t len, const char *const *terms,
                 size_t n_terms, const char *open, const char *close, mz_mark **marks,
                 size_t *n_marks);

/* ---- fts_tokenizer.c */

/* Registers the "mizan_ar" FTS5 tokenizer on a connection. Arguments (in
 * the table's tokenize= option): "light" (prefix/suffix light stemmer) or
 * "snowball" (light stemmer, then Snowball Arabic). A query string that starts
 * with MZ_FTS_RAW is taken as one already analyzed term. */
int mz_fts_register(sqlite3 *sql);
#define MZ_FTS_RAW "\x01"

/* The tokenizer configuration new stores are created with. */
#define MZ_FTS_TOKENIZE "mizan_ar snowball"

#endif /* MZ_STORE_DB_H */
