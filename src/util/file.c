/* file.c — whole-file reading with a size limit, and whole-file writing
 * that never leaves a half-written file in place of the old one. */
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

mz_status mz_read_file(const char *path, size_t max_bytes, char **out, size_t *len,
                       mz_error *err)
{
    *out = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return mz_fail(err, MZ_ERR_NOT_FOUND, "%s: no such file", path);
        return mz_fail(err, MZ_ERR_IO, "%s: %s", path, strerror(errno));
    }
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) { /* no such file there: exit 5, as for a missing one */
            fclose(f);
            return mz_fail(err, MZ_ERR_NOT_FOUND, "%s: is a directory, not a file", path);
        }
        if (max_bytes && (size_t)st.st_size > max_bytes) {
            fclose(f);
            return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: %lld bytes, over the limit of %zu bytes",
                           path, (long long)st.st_size, max_bytes);
        }
    }
    mz_status rc = mz_read_stream(f, path, max_bytes, out, len, err);
    if (!is_stdin)
        fclose(f);
    return rc;
}

mz_status mz_read_stream(FILE *f, const char *name, size_t max_bytes, char **out, size_t *len,
                         mz_error *err)
{
    *out = NULL;
    *len = 0;
    mz_buf b = {0};
    char chunk[65536];
    size_t n;
    mz_status rc = MZ_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && b.len + n > max_bytes) {
            rc = mz_fail(err, MZ_ERR_TOO_LARGE, "%s: over the limit of %zu bytes", name, max_bytes);
            break;
        }
        if (mz_buf_append(&b, chunk, n) != 0) {
            rc = mz_fail(err, MZ_ERR_NOMEM, "%s: out of memory", name);
            break;
        }
    }
    if (rc == MZ_OK && ferror(f))
        rc = mz_fail(err, MZ_ERR_IO, "%s: read error: %s", name, strerror(errno));
    if (rc != MZ_OK) {
        mz_buf_free(&b);
        return rc;
    }
    *len = b.len;
    *out = mz_buf_take(&b);
    if (!*out)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    return MZ_OK;
}

/* A new file beside the old one, renamed over it at the end: a write that
 * fails half-way (a full disk, a file size limit, a kill) leaves the old
 * file whole, where truncating it in place lost it (a trained model). */
mz_status mz_write_file(const char *path, const char *p, size_t len, const char *what,
                        mz_error *err)
{
    struct stat st;
    bool exists = stat(path, &st) == 0;
    char *real = exists && S_ISREG(st.st_mode) ? realpath(path, NULL) : NULL;
    const char *target = real ? real : path;
    char *tmp = NULL;
    int fd = -1;
    if (!exists || S_ISREG(st.st_mode)) {
        size_t cap = strlen(target) + 64;
        tmp = malloc(cap);
        if (!tmp) {
            free(real);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory writing the %s", what);
        }
        static atomic_uint counter; /* threads saving at once get different names */
        for (int tries = 0; fd < 0 && tries < 100; tries++) {
            snprintf(tmp, cap, "%s.tmp-%ld-%u", target, (long)getpid(),
                     atomic_fetch_add(&counter, 1u));
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd < 0 && errno != EEXIST)
                break;
        }
        if (fd >= 0 && exists)
            (void)fchmod(fd, st.st_mode & 07777); /* the old file's mode */
        if (fd < 0 && !(exists && (errno == EACCES || errno == EROFS || errno == EPERM))) {
            mz_status s = mz_fail(err, MZ_ERR_IO, "cannot write %s '%s': %s", what, path,
                                  strerror(errno));
            free(tmp);
            free(real);
            return s;
        }
        if (fd < 0) { /* no new file here: the old way, in place */
            free(tmp);
            tmp = NULL;
        }
    }
    if (fd < 0)
        fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const char *why = NULL;
    int saved = 0;
    if (fd < 0) {
        why = "open";
        saved = errno;
    }
    for (size_t off = 0; !why && off < len;) {
        ssize_t w = write(fd, p + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            why = "write";
            saved = w < 0 ? errno : EIO;
        } else {
            off += (size_t)w;
        }
    }
    if (!why && tmp && fsync(fd) != 0) {
        why = "fsync";
        saved = errno;
    }
    if (fd >= 0 && close(fd) != 0 && !why) {
        why = "close";
        saved = errno;
    }
    if (!why && tmp && rename(tmp, target) != 0) {
        why = "rename";
        saved = errno;
    }
    bool kept = tmp && exists; /* the old model was never touched */
    if (why && tmp)
        unlink(tmp);
    free(tmp);
    free(real);
    if (why)
        return mz_fail(err, MZ_ERR_IO, "cannot write %s '%s': %s%s", what, path, strerror(saved),
                       kept ? " (the old one is left as it was)" : "");
    return MZ_OK;
}
