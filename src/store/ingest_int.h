/*
 * ingest_int.h — what ingest.c (the run, the walk, files' texts) and
 * ingest_json.c (JSON documents, JSONL and streams) share: the state of one
 * mz_ingest_paths run, and the steps each takes of the other.
 */
#ifndef MZ_INGEST_INT_H
#define MZ_INGEST_INT_H

#include "store/db.h"
#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct ingest {
    mz_db *db;
    bool begun;   /* the write transaction is open and adder ready */
    mz_adder adder;
    const mz_ingest_options *opt;
    size_t max_bytes;
    mz_ingest_report *rep;
    size_t new_places; /* duplicates whose place was recorded (places.c) */
    mz_error *err; /* the error that stops the run */
    const char *warning; /* of the article just stored (mz_adder.warning), or NULL */
    struct stat own[3]; /* the store's own files (db, -wal, -shm), never ingested */
    int n_own;
    struct dir_id {
        dev_t dev;
        ino_t ino;
        bool used;
    } *dirs; /* every directory walked so far: an open-addressing hash set */
    size_t n_dirs, cap_dirs; /* cap_dirs is 0 or a power of two */
} ingest;

/* ---- ingest.c */

/* Records one item's outcome; returns non-OK when the run must stop. */
mz_status mz_ingest_done(ingest *g, const char *origin, mz_status s, const mz_error *e);
/* One article into the store (the transaction begun if need be), the
 * outcome recorded. */
mz_status mz_ingest_store(ingest *g, const char *origin, const mz_article_input *in,
                          bool stored);
/* A whole text read from a file or a stream: a feed, a web page or one
 * plain-text article, told apart by its name (path, or NULL) and how it
 * starts. */
mz_status mz_ingest_read_text(ingest *g, const char *name, const char *path,
                              const char *text, size_t len);

/* ---- ingest_json.c */

/* How large a whole document read at once may be (a .json file, a feed):
 * 8 times --max-bytes and 64 KB, as a JSONL line whose text is escaped. */
size_t mz_ingest_doc_limit(const ingest *g);

bool mz_ingest_jsonl_name(const char *path); /* *.jsonl, *.ndjson */
bool mz_ingest_json_name(const char *path);  /* *.json */
/* A .jsonl file that holds one JSON document (pretty-printed) instead of
 * lines: f is rewound. */
bool mz_ingest_json_inside(FILE *f);
/* A .json document: an article, an array of them, or an API's answer. */
mz_status mz_ingest_json_file(ingest *g, const char *path);
/* JSONL from f, one article per line, lines numbered from first_line + 1. */
mz_status mz_ingest_jsonl(ingest *g, const char *name, FILE *f, size_t first_line);
/* stdin or a pipe: JSONL, a JSON array, a page or a feed, or one text. */
mz_status mz_ingest_stream(ingest *g, FILE *f, const char *name);

#endif
