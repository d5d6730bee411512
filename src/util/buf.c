/* buf.c — growable byte buffers and string helpers. */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *mz_strdup(const char *s)
{
    return s ? mz_strndup(s, strlen(s)) : NULL;
}

char *mz_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int mz_buf_reserve(mz_buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->len)
        return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

int mz_array_grow(void *array, size_t *cap, size_t n, size_t elem, size_t first)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : first;
    if (nc < *cap || nc > SIZE_MAX / elem)
        return -1;
    void *old;
    memcpy(&old, array, sizeof old);
    void *v = realloc(old, nc * elem);
    if (!v)
        return -1;
    memcpy(array, &v, sizeof v);
    *cap = nc;
    return 0;
}

int mz_buf_append(mz_buf *b, const void *data, size_t n)
{
    if (mz_buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

int mz_buf_puts(mz_buf *b, const char *s)
{
    return mz_buf_append(b, s, strlen(s));
}

int mz_buf_printf(mz_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || mz_buf_reserve(b, (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void mz_buf_free(mz_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

char *mz_buf_take(mz_buf *b)
{
    char *p = b->p ? b->p : mz_strdup("");
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}
