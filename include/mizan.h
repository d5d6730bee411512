/*
 * mizan.h — the one public header of libmizan, an engine that weighs Arabic
 * news against a claim.
 *
 * Building: C99 or later, or C++ (the declarations are extern "C"). Once
 * installed (make install), pkg-config gives the flags:
 *   cc prog.c $(pkg-config --cflags --libs mizan)              (libmizan.so)
 *   cc prog.c $(pkg-config --cflags mizan) \
 *      $(pkg-config --static --libs mizan | sed 's/-lmizan /-l:libmizan.a /')
 * In the source tree, link build/libmizan.a (make lib) and what it uses:
 *   cc -Iinclude prog.c build/libmizan.a \
 *      $(pkg-config --libs sqlite3 libcjson libxml-2.0) -lstemmer -lpthread -lm
 * Every global symbol of the library starts with mz_; libmizan.so exports
 * exactly the functions declared here (MZ_API), under the soname
 * libmizan.so.MZ_VERSION_MAJOR.
 *
 * Conventions (for every call below):
 *   - Handles (mz_db, mz_model) are opaque; create with mz_db_open / mz_model_load, free
 *     with the matching close/free call (NULL is accepted and does nothing; a handle
 *     freed twice is undefined, as for free()). No global state: two handles never share
 *     anything mutable, so one handle per thread is always safe. A loaded mz_model is
 *     immutable and may be shared by any number of threads.
 *   - Calls return an mz_status. On failure they fill the caller-owned
 *     mz_error (when non-NULL) with the code and a human-readable message,
 *     and leave their outputs zeroed. On success err is unspecified (it may
 *     still hold an earlier message): read it only after a status other than
 *     MZ_OK. The message is NUL-terminated UTF-8 of at most 511 bytes, cut
 *     between characters; a file name that is not UTF-8 appears in it with
 *     each invalid byte written \xNN. The library never prints or exits.
 *   - A NULL handle, input or output pointer is MZ_ERR_ARG, unless the call
 *     says it may be NULL (a text s may be NULL only with len 0).
 *   - Text is UTF-8. Offsets are byte offsets into the text as given (the
 *     article as stored, the file as read), so callers can highlight evidence
 *     in the original. JSON writers also give code-point offsets.
 *   - Result structs are plain data owned by the caller and released with the
 *     matching *_free / *_clear call, which also accepts zeroed structs and
 *     NULL. They hold no reference to the handle that made them: they stay
 *     valid after mz_db_close / mz_model_free. Strings and arrays the header
 *     calls malloc'd are released with free().
 */
#ifndef MIZAN_H
#define MIZAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header. A release that changes or removes anything
 * declared here raises MAJOR (and the soname, libmizan.so.MAJOR); one that
 * only adds raises MINOR; a fix raises PATCH. */
#define MZ_VERSION_MAJOR 1
#define MZ_VERSION_MINOR 0
#define MZ_VERSION_PATCH 0
#define MZ_VERSION_STRING "1.0.0"
#define MZ_VERSION MZ_VERSION_STRING /* the name earlier headers gave it */

/* Marks the functions libmizan.so exports; the library is built with
 * -fvisibility=hidden, so nothing else is. */
#if defined(__GNUC__) || defined(__clang__)
#define MZ_API __attribute__((visibility("default")))
#else
#define MZ_API
#endif

/* The version of the library linked at run time ("1.0.0"), which may be
 * newer than MZ_VERSION_STRING, the header's, with a shared library. Static
 * string, never NULL. */
MZ_API const char *mz_version(void);

/* ------------------------------------------------------------------ errors */

typedef enum mz_status {
    MZ_OK = 0,
    MZ_ERR_ARG,         /* invalid argument (empty claim, k out of range...) */
    MZ_ERR_NOMEM,       /* out of memory */
    MZ_ERR_IO,          /* file could not be read or written */
    MZ_ERR_UTF8,        /* invalid UTF-8 (message names the byte offset) */
    MZ_ERR_EMPTY,       /* empty input (no text after trimming) */
    MZ_ERR_BINARY,      /* binary input (NUL bytes) */
    MZ_ERR_TOO_LARGE,   /* input over the configured size limit */
    MZ_ERR_JSON,        /* malformed JSON / JSONL, missing or mistyped field */
    MZ_ERR_DB,          /* database error */
    MZ_ERR_DB_LOCKED,   /* database locked by another writer */
    MZ_ERR_DB_CORRUPT,  /* not a mizan database, or damaged */
    MZ_ERR_DB_READONLY, /* database opened read-only or file not writable */
    MZ_ERR_NOT_FOUND,   /* no such article / file */
    MZ_ERR_DUPLICATE,   /* article with the same normalized text exists */
    MZ_ERR_MODEL,       /* model file corrupt, wrong version or mismatched */
    MZ_ERR_INTERNAL     /* a bug: please report */
} mz_status;

typedef struct mz_error {
    mz_status code;
    char msg[512];
} mz_error;

/* Short stable name of a status ("invalid_utf8", "db_locked", ...); "unknown"
 * for a value outside the enum. Never NULL. */
MZ_API const char *mz_status_name(mz_status s);

/* ------------------------------------------------------------------- text */

/* Checks that s[0..len) is valid UTF-8 (no overlongs, surrogates or code
 * points above U+10FFFF). Returns MZ_OK, or MZ_ERR_UTF8 with *bad_offset (if
 * non-NULL) set to the offset of the first invalid byte (on success: len).
 * NUL bytes are valid UTF-8. s NULL with len > 0: MZ_ERR_ARG. */
MZ_API mz_status mz_utf8_check(const char *s, size_t len, size_t *bad_offset);

/* Normalizes text for matching (diacritics and tatweel removed, alef/yaa/
 * taa-marbuta/hamza-seat variants unified, Arabic-Indic and Persian digits to
 * ASCII, presentation forms unfolded, Latin lowercased). On success *out is
 * a malloc'd NUL-terminated string of *out_len bytes. If offsets is non-NULL,
 * *offsets is a malloc'd array of *out_len + 1 entries: (*offsets)[i] is the
 * byte offset in s of the character that produced output byte i, and the last
 * entry is len. Errors: MZ_ERR_UTF8, MZ_ERR_NOMEM, MZ_ERR_ARG (out or out_len
 * NULL, or s NULL with len > 0). */
MZ_API mz_status mz_normalize(const char *s, size_t len, char **out, size_t *out_len,
                              size_t **offsets, mz_error *err);

/* --------------------------------------------------------------- articles */

typedef struct mz_db mz_db;

enum {
    MZ_OPEN_READONLY = 1 << 0, /* never write; fails if the file is missing */
    MZ_OPEN_NOCREATE = 1 << 1, /* fail with MZ_ERR_NOT_FOUND if missing */
    MZ_OPEN_UPGRADE = 1 << 2   /* only with READONLY: a store of an older schema
                                  is upgraded first (one write), then opened
                                  read-only. A writable open (no READONLY)
                                  always upgrades an older store itself, so
                                  UPGRADE without READONLY is MZ_ERR_ARG */
};

/* Opens (creating and migrating as needed) the SQLite store at path
 * (":memory:" for one in memory). flags: MZ_OPEN_* or'd, 0 for none.
 * Errors: MZ_ERR_ARG (NULL or empty path, a flag not listed above,
 * MZ_OPEN_UPGRADE without MZ_OPEN_READONLY),
 * MZ_ERR_DB_CORRUPT (not a mizan database), MZ_ERR_DB_READONLY,
 * MZ_ERR_DB_LOCKED, MZ_ERR_NOT_FOUND, MZ_ERR_NOMEM, MZ_ERR_DB (a directory,
 * a folder that does not exist, a schema newer than this library). */
MZ_API mz_status mz_db_open(const char *path, int flags, mz_db **out, mz_error *err);
MZ_API void mz_db_close(mz_db *db);

/* An article as stored. body is the article text after boilerplate removal;
 * evidence offsets for stored articles refer to body. */
typedef struct mz_article {
    int64_t id;
    char *title;
    char *body;
    char *url;       /* may be NULL */
    char *source;    /* site or outlet; derived from url when not given;
                        may be NULL */
    char *published; /* ISO 8601 or as given; may be NULL */
    char *origin;    /* file path or "jsonl:LINE" it came from; may be NULL */
    char *author;    /* who wrote it (the byline, one line; several names
                        joined by "، "); NULL when unknown. Added in 1.0.0 */
} mz_article;
MZ_API void mz_article_clear(mz_article *a);

/* Input for one article (fields not owned; NULL means absent). */
typedef struct mz_article_input {
    const char *text; /* required */
    size_t text_len;
    const char *title; /* NULL: first non-empty line of text */
    const char *url, *source, *published, *origin;
    /* The byline (added in 1.0.0): folded to one trimmed line, control
     * characters blanked; dropped (stored as unknown) when blank, a URL
     * (a profile page names no one) or over MZ_AUTHOR_MAX bytes. */
    const char *author;
} mz_article_input;
#define MZ_AUTHOR_MAX 300

typedef enum mz_on_error { MZ_ON_ERROR_ABORT = 0, MZ_ON_ERROR_SKIP } mz_on_error;

typedef struct mz_ingest_options {
    size_t max_bytes;     /* per file / per JSONL line text; 0 = 5 MB */
    mz_on_error on_error; /* abort: roll back everything, skip: keep going;
                             another value is MZ_ERR_ARG */
    /* Called once per input item (file or JSONL line) after it is processed;
     * status is MZ_OK, MZ_ERR_DUPLICATE (skipped) or the failure. origin is
     * the path as given (the file system's bytes, not always UTF-8), with
     * ":LINE" for a JSONL line; msg is as mz_error.msg, and for MZ_OK ""
     * or a warning about the article stored (a `published` of
     * no calendar day, "2026-13-45", kept as written). May be NULL. */
    void (*on_item)(void *ctx, const char *origin, mz_status status, const char *msg);
    void *ctx;
} mz_ingest_options;

typedef struct mz_ingest_report {
    size_t added, skipped, failed;
    size_t bytes; /* input bytes read */
} mz_ingest_report;

/* Ingests files (plain text: title = first non-empty line; *.jsonl: one
 * article per line), directories (recursively) and "-" (stdin, plain text or
 * JSONL by content). All of it is one transaction: with MZ_ON_ERROR_ABORT the
 * first failure rolls everything back and is returned; with MZ_ON_ERROR_SKIP
 * failures are counted and reported through on_item, the rest is committed,
 * and the call returns MZ_OK. Exact duplicates (same normalized text) are
 * skipped, never an error. opt NULL: the defaults; rep may be NULL. After a
 * failure that rolled back, rep counts nothing added or skipped. on_item's
 * msg is "" for MZ_OK, or a warning (above). The store's write lock is taken when the first article
 * is ready to store (not while stdin is awaited) and held to the end. */
MZ_API mz_status mz_ingest_paths(mz_db *db, const char *const *paths, size_t n_paths,
                                 const mz_ingest_options *opt, mz_ingest_report *rep,
                                 mz_error *err);

/* Adds one article in its own transaction. *id_out (if non-NULL) gets the new
 * id, or the id of the existing copy with MZ_ERR_DUPLICATE. */
MZ_API mz_status mz_article_add(mz_db *db, const mz_article_input *in, int64_t *id_out,
                                mz_error *err);

/* Fetches one article, as ingest stores it now: control characters and bidi
 * overrides that an older store may hold are blanked (the body byte for
 * byte, so offsets hold; each other field one trimmed line), and invalid
 * UTF-8 is repaired. Errors: MZ_ERR_NOT_FOUND, MZ_ERR_DB. */
MZ_API mz_status mz_article_get(mz_db *db, int64_t id, mz_article *out, mz_error *err);

/* An article's versions (added in 1.0.0, 28th session): the other rows
 * stored at its URL (as a reader compares URLs: http or https, "www.", a
 * tracking parameter... aside) whose text is a near copy of its own — a
 * corrected re-scrape beside the text it corrects — ordered by publication
 * day, else by id. superseded_by is the latest version, which replaces it
 * (0: none); corrects[0..n_corrects) are the earlier versions it replaces,
 * by id (NULL when none). A listing page whose URL holds different stories,
 * or an article with no URL, has none. What `mizan show` prints. Errors:
 * MZ_ERR_NOT_FOUND, MZ_ERR_DB; out is zeroed on failure. Free with
 * mz_article_versions_clear. */
typedef struct mz_article_versions {
    int64_t superseded_by;
    int64_t *corrects;
    size_t n_corrects;
} mz_article_versions;
MZ_API mz_status mz_article_versions_get(mz_db *db, int64_t id, mz_article_versions *out,
                                         mz_error *err);
MZ_API void mz_article_versions_clear(mz_article_versions *v);

/* Removes the articles with the given ids, and their index entries, in one
 * transaction: when one id is not stored (MZ_ERR_NOT_FOUND, naming it) or
 * the store fails, nothing is removed. What is removed is gone from the
 * file too (the index is rewritten, freed pages zeroed), which costs time in
 * proportion to the index: ~0.35 s at 10,000 articles. Errors: MZ_ERR_NOT_FOUND,
 * MZ_ERR_DB_READONLY, MZ_ERR_DB_LOCKED, MZ_ERR_DB. */
MZ_API mz_status mz_articles_delete(mz_db *db, const int64_t *ids, size_t n, mz_error *err);

typedef struct mz_stats {
    int64_t articles;
    /* Distinct sites, as `mizan list --source` and the check's voices read
     * them: the registrable domain of an article's URL, else of its source
     * (m.almayadeen.net is almayadeen.net; a platform account is its own
     * site; a name that is no host counts whole, ASCII case aside). Until
     * the 25th session: distinct source strings as stored. */
    int64_t sources;
    int64_t bytes;   /* total body bytes */
    int schema_version;
} mz_stats;
MZ_API mz_status mz_db_stats(mz_db *db, mz_stats *out, mz_error *err);

/* The stored articles, a page at a time: newest first by `published` where
 * it is a date (YYYY-MM-DD at its start; a time and zone, when given, order
 * one day's articles), then those with no date or one that is not a date;
 * equal dates and the undated ones by id descending (the latest added
 * first). source (NULL or "": every article) keeps those of one site, as the
 * claim check groups voices: the registrable domain of the article's source
 * or URL ("aljazeera.net" also lists mubasher.aljazeera.net), or a source
 * that is not a host name, whole (ASCII letters in any case). out->v gets
 * articles offset .. offset+limit-1 of that order, without their bodies (body
 * NULL); out->total counts all that match. limit 0..MZ_LIST_MAX (0: only the
 * total). Read-only. Errors: MZ_ERR_ARG, MZ_ERR_UTF8 (source), MZ_ERR_DB,
 * MZ_ERR_NOMEM. */
#define MZ_LIST_MAX 1000
typedef struct mz_article_list {
    mz_article *v;
    size_t n;
    size_t total;
} mz_article_list;
MZ_API mz_status mz_articles_list(mz_db *db, size_t offset, size_t limit, const char *source,
                                  mz_article_list *out, mz_error *err);
MZ_API void mz_article_list_clear(mz_article_list *l);

/* ----------------------------------------------------------------- search */

/* A span of text in code points: [start, end). */
typedef struct mz_mark {
    size_t start, end;
} mz_mark;

typedef struct mz_hit {
    int64_t id;
    double score;  /* higher is better (negated FTS5 bm25) */
    char *title;
    char *source;  /* may be NULL */
    char *url;     /* may be NULL */
    char *snippet; /* with matches wrapped in the markers given to mz_search */
    /* Each matched word of snippet, markers excluded, in order (NULL when
     * none): unlike the markers, they cannot be mistaken for brackets the
     * article itself holds ("[تحديث]"). */
    mz_mark *marks;
    size_t n_marks;
} mz_hit;

typedef struct mz_hits {
    mz_hit *v;
    size_t n;
} mz_hits;
MZ_API void mz_hits_clear(mz_hits *h);

/* Ranked full-text search (BM25 over the Arabic-aware FTS5 index) for the
 * k best articles. hl_open/hl_close wrap matched words in snippets (each
 * NULL on its own: "[" for hl_open, "]" for hl_close). A query with no
 * word to look for (only stopwords, punctuation or non-ASCII spaces) finds
 * nothing: MZ_OK and no hits.
 * Errors: MZ_ERR_ARG (empty query, k == 0 or over 10000), MZ_ERR_UTF8,
 * MZ_ERR_NOMEM, MZ_ERR_DB. */
MZ_API mz_status mz_search(mz_db *db, const char *query, size_t k, const char *hl_open,
                           const char *hl_close, mz_hits *out, mz_error *err);

/* ----------------------------------------------------------------- stance */

typedef enum mz_stance {
    MZ_AGREE = 0,
    MZ_DISAGREE,
    MZ_DISCUSS,
    MZ_UNRELATED,
    MZ_N_STANCES
} mz_stance;

/* "agree", "disagree", "discuss", "unrelated"; "unknown" for other values. */
MZ_API const char *mz_stance_name(mz_stance s);
/* Parses a stance name, in any letter case ("Agree", as AraStance and FNC-1
 * write it, is agree); returns MZ_N_STANCES if unknown. */
MZ_API mz_stance mz_stance_parse(const char *name);

typedef struct mz_model mz_model;

/* Loads a stance model file. path NULL: $MIZAN_MODEL, else the model shipped
 * with the program: ../share/mizan/stance.model from the executable's folder
 * (an installed program), models/stance.model beside or above it (the source
 * tree), else the one make install put in PREFIX/share/mizan (the path
 * `pkg-config --variable=model mizan` prints).
 * path is always a file: "-" is a file named "-", not standard input (only
 * mz_ingest_paths reads stdin), and a pipe or a device is refused unopened.
 * Errors: MZ_ERR_ARG (out NULL, path ""),
 * MZ_ERR_MODEL (no model file, not a regular file, bad magic, version, feature set or
 * checksum), MZ_ERR_IO, MZ_ERR_TOO_LARGE; with path NULL and the file
 * named by $MIZAN_MODEL, the message begins "$MIZAN_MODEL: ". */
MZ_API mz_status mz_model_load(const char *path, mz_model **out, mz_error *err);
MZ_API void mz_model_free(mz_model *m);

typedef struct mz_evidence {
    size_t start, end; /* byte offsets of the sentence in the article text */
    double score;      /* how strongly it bears on the claim, 0..1 */
    const char *cue;   /* static string: "conflict", "denial", "number_mismatch",
                          "as_usual", "hedging", "attribution", "number_match",
                          "assertion", "overlap" */
} mz_evidence;

#define MZ_MAX_EVIDENCE 5

typedef struct mz_stance_result {
    mz_stance label;
    double probs[MZ_N_STANCES];
    size_t n_evidence;
    mz_evidence evidence[MZ_MAX_EVIDENCE]; /* best first */
    /* A sentence of the article that denies the claim: a denial or rumour
     * cue (نفى، كذّب، "لا أساس له من الصحة"، مفبرك…) with at least 40% of the
     * claim's weighted words. Reported whatever the label (an article may
     * report a claim and quote its denial); the one covering most of the
     * claim, cue "denial". */
    bool has_denial;
    mz_evidence denial;
    /* The title or one of the first two sentences denies the claim: the
     * article is the denial's report, so P(agree) and P(discuss) were moved
     * to P(disagree). */
    bool lead_denial;
    /* The lead states the claim and a later sentence denies it: the
     * article reports the claim and quotes a denial, so P(disagree) was
     * moved to P(discuss). */
    bool quoted_denial;
} mz_stance_result;

/* The longest claim mz_stance_predict and mz_check take, in code points (for
 * mz_check, after trimming white space): one claim, not an article. */
#define MZ_CLAIM_MAX_CHARS 2000

/* Stance of an article toward a claim. title may be NULL (the article's first
 * line is then used); article may be NULL when article_len is 0. Thread-safe
 * for a shared model. Errors: MZ_ERR_ARG (empty claim or one over
 * MZ_CLAIM_MAX_CHARS, NULL model or out), MZ_ERR_UTF8, MZ_ERR_NOMEM. */
MZ_API mz_status mz_stance_predict(const mz_model *m, const char *claim,
                                   const char *title, const char *article,
                                   size_t article_len, mz_stance_result *out,
                                   mz_error *err);

/* ------------------------------------------------------------------ check */

typedef enum mz_verdict {
    MZ_SUPPORTED = 0,
    MZ_REFUTED,
    MZ_DISPUTED,
    MZ_NOT_ENOUGH_EVIDENCE
} mz_verdict;
/* "supported", "refuted", "disputed", "not_enough_evidence"; "unknown" for
 * other values. */
MZ_API const char *mz_verdict_name(mz_verdict v);

typedef struct mz_check_options {
    size_t k; /* candidates to retrieve; 0 = 20; at most 200 */
} mz_check_options;

typedef struct mz_check_result mz_check_result; /* see mz_check_result_json */

/* Checks a claim against the stored articles: retrieve, stance, group copies
 * into independent voices, weigh, decide. opt NULL: the defaults. Errors:
 * MZ_ERR_ARG (empty claim or one over MZ_CLAIM_MAX_CHARS, k over 200), MZ_ERR_UTF8, MZ_ERR_DB.
 * An empty store is not an error: the verdict is then "not_enough_evidence".
 * The result owns all its memory: it outlives db and m. */
MZ_API mz_status mz_check(mz_db *db, const mz_model *m, const char *claim,
                          const mz_check_options *opt, mz_check_result **out,
                          mz_error *err);
MZ_API mz_verdict mz_check_verdict(const mz_check_result *r);
MZ_API double mz_check_confidence(const mz_check_result *r);
/* Why: one or two sentences quoting the evidence, in English (reason) and
 * Arabic (reason_ar), built from the same counts, sites and quotes. Owned
 * by r; "" for NULL. */
MZ_API const char *mz_check_reason(const mz_check_result *r);
MZ_API const char *mz_check_reason_ar(const mz_check_result *r);
/* The whole report as JSON (schema documented in docs/json-schema.md),
 * malloc'd; pretty != 0 indents it. NULL on out-of-memory (or r NULL). */
MZ_API char *mz_check_result_json(const mz_check_result *r, int pretty);
MZ_API void mz_check_result_free(mz_check_result *r);

#ifdef __cplusplus
}
#endif
#endif /* MIZAN_H */
