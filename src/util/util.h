/*
 * util.h — small shared helpers: error filling, growable byte buffers, file
 * reading with limits. Internal to libmizan and its front ends.
 */
#ifndef MZ_UTIL_H
#define MZ_UTIL_H

#include "mizan.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define MZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MZ_PRINTF(a, b)
#endif

/* Fills err (if non-NULL) with code and a formatted message; returns code so
 * callers can write `return mz_fail(err, MZ_ERR_IO, "...", ...);`. */
mz_status mz_fail(mz_error *err, mz_status code, const char *fmt, ...) MZ_PRINTF(3, 4);

/* Resets err to MZ_OK with an empty message (err may be NULL). */
void mz_error_clear(mz_error *err);

/* NULL-safe strdup/strndup (NULL in, NULL out). */
char *mz_strdup(const char *s);
char *mz_strndup(const char *s, size_t n);

/* Growable byte buffer, always NUL-terminated once anything was appended. */
typedef struct mz_buf {
    char *p;
    size_t len, cap;
} mz_buf;

int mz_buf_reserve(mz_buf *b, size_t extra); /* 0 ok, -1 out of memory */

/* Room for one more element in a growable array of elem-byte items holding
 * n of *cap: the capacity doubles (from first). array points at the array's
 * pointer (e.g. &v->items). 0, or -1 out of memory, the array unchanged. */
int mz_array_grow(void *array, size_t *cap, size_t n, size_t elem, size_t first);
int mz_buf_append(mz_buf *b, const void *data, size_t n);
int mz_buf_puts(mz_buf *b, const char *s);
int mz_buf_printf(mz_buf *b, const char *fmt, ...) MZ_PRINTF(2, 3);
void mz_buf_free(mz_buf *b);
/* Hands the contents to the caller (malloc'd, NUL-terminated; "" if empty). */
char *mz_buf_take(mz_buf *b);

/* Offset of the first escaped NUL (\u0000) in JSON text s[0..len), or len
 * when there is none (json_nul.c). Callers refuse such text: cJSON would end
 * the string there and silently drop the rest. */
size_t mz_json_escaped_nul(const char *s, size_t len);

/* The running program's folder (/proc/self/exe less its last name) into
 * out[cap] (exe_dir.c); false when it cannot be read or does not fit. */
bool mz_exe_dir(char *out, size_t cap);

/* The largest labelled data file (JSONL) train, eval and eval-claims read
 * whole: 2 GiB, some 600 times the baly2018 corpus. */
#define MZ_DATA_MAX_BYTES ((size_t)2 << 30)

/* Reads a whole file (path "-" = stdin) of at most max_bytes (0 = no limit).
 * *out is malloc'd and NUL-terminated. Errors: MZ_ERR_NOT_FOUND (also a
 * directory: no file by that name), MZ_ERR_IO,
 * MZ_ERR_TOO_LARGE, MZ_ERR_NOMEM. */
mz_status mz_read_file(const char *path, size_t max_bytes, char **out, size_t *len,
                       mz_error *err);
/* The same from an open stream, to its end (messages name it `name`). */
mz_status mz_read_stream(FILE *f, const char *name, size_t max_bytes, char **out, size_t *len,
                         mz_error *err);
/* Writes len bytes to path as a whole (`what` names it in messages: "model"):
 * a regular file is replaced by renaming a new one over it, so it is never
 * left half-written; a symbolic link is written through (its target is
 * replaced); a path that is not a regular file (/dev/stdout) is written
 * directly, and so is an existing file in a folder where no new file may be
 * made. MZ_ERR_IO, MZ_ERR_NOMEM. */
mz_status mz_write_file(const char *path, const char *p, size_t len, const char *what,
                        mz_error *err);

/* 95% percentile bootstrap over groups (bootstrap.c): draws n_groups of the
 * groups with replacement MZ_BOOT_RESAMPLES times, with a fixed seed, and
 * sets [*lo, *hi] from stat's values on the resamples; counts[g] is how many
 * times group g was drawn. 0 ok; -1 with fewer than two groups or out of
 * memory (then *lo and *hi are untouched). */
#define MZ_BOOT_RESAMPLES 1000
typedef double (*mz_boot_stat)(void *ctx, const unsigned *counts, size_t n_groups);
int mz_bootstrap_ci(size_t n_groups, mz_boot_stat stat, void *ctx, double *lo, double *hi);

#endif /* MZ_UTIL_H */
