/* file.c — whole-file reading with a size limit. */
#include "util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
        if (S_ISDIR(st.st_mode)) {
            fclose(f);
            return mz_fail(err, MZ_ERR_IO, "%s: is a directory", path);
        }
        if (max_bytes && (size_t)st.st_size > max_bytes) {
            fclose(f);
            return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: %lld bytes, over the limit of %zu bytes",
                           path, (long long)st.st_size, max_bytes);
        }
    }
    mz_buf b = {0};
    char chunk[65536];
    size_t n;
    mz_status rc = MZ_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && b.len + n > max_bytes) {
            rc = mz_fail(err, MZ_ERR_TOO_LARGE, "%s: over the limit of %zu bytes", path, max_bytes);
            break;
        }
        if (mz_buf_append(&b, chunk, n) != 0) {
            rc = mz_fail(err, MZ_ERR_NOMEM, "%s: out of memory", path);
            break;
        }
    }
    if (rc == MZ_OK && ferror(f))
        rc = mz_fail(err, MZ_ERR_IO, "%s: read error: %s", path, strerror(errno));
    if (!is_stdin)
        fclose(f);
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
