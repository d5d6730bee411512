/*
 * normalize.c — the matching form of Arabic text: diacritics, tatweel and
 * invisible marks dropped, letter variants unified, digits to ASCII,
 * presentation forms unfolded, Latin lowercased. The rules live in
 * gen_tables.py; here we only walk the text and keep the offset map.
 */
#include "text/tables.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

int mz_normalize_cp(uint32_t cp, uint32_t out[4])
{
    unsigned e = mz_norm_entry(cp);
    if (e == 0) {
        out[0] = cp;
        return 1;
    }
    if (e == 1)
        return 0;
    /* Replacement bytes are valid UTF-8 from the generator. The few ligatures
     * longer than 4 code points (U+FDFA, U+FDFB) are cut at 4 here;
     * mz_normalize and the tokenizer emit them whole. */
    const uint8_t *p = mz_norm_pool + (e - 2);
    size_t n = p[0], i = 0;
    int k = 0;
    while (i < n && k < 4) {
        uint32_t c;
        int l = mz_utf8_decode((const char *)p + 1, n, i, &c);
        if (l == 0)
            break;
        out[k++] = c;
        i += (size_t)l;
    }
    return k;
}

typedef struct norm_out {
    char *s;
    size_t *off; /* NULL if offsets are not wanted */
    size_t len, cap;
} norm_out;

static int norm_grow(norm_out *o, size_t need)
{
    if (o->len + need + 1 <= o->cap)
        return 0;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->len + need + 1)
        cap *= 2;
    char *s = realloc(o->s, cap);
    if (!s)
        return -1;
    o->s = s;
    if (o->off) {
        size_t *off = realloc(o->off, cap * sizeof *off);
        if (!off)
            return -1;
        o->off = off;
    }
    o->cap = cap;
    return 0;
}

static int norm_put(norm_out *o, const void *bytes, size_t n, size_t src)
{
    if (norm_grow(o, n) < 0)
        return -1;
    memcpy(o->s + o->len, bytes, n);
    if (o->off)
        for (size_t k = 0; k < n; k++)
            o->off[o->len + k] = src;
    o->len += n;
    return 0;
}

mz_status mz_normalize(const char *s, size_t len, char **out, size_t *out_len,
                       size_t **offsets, mz_error *err)
{
    if (!out || !out_len || (!s && len)) {
        if (out)
            *out = NULL;
        if (out_len)
            *out_len = 0;
        if (offsets)
            *offsets = NULL;
        return mz_fail(err, MZ_ERR_ARG, "mz_normalize: no text or no output");
    }
    *out = NULL;
    *out_len = 0;
    if (offsets)
        *offsets = NULL;
    norm_out o = {0};
    if (offsets) {
        o.off = malloc(64 * sizeof *o.off);
        if (!o.off)
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory normalizing text");
    }
    o.s = malloc(64);
    if (!o.s) {
        free(o.off);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory normalizing text");
    }
    o.cap = 64;
    size_t i = 0;
    mz_hamza_run hamza = {0};
    while (i < len) {
        uint32_t cp;
        int n = mz_utf8_decode(s, len, i, &cp);
        if (n == 0) {
            free(o.s);
            free(o.off);
            return mz_fail(err, MZ_ERR_UTF8, "invalid UTF-8 at byte offset %zu", i);
        }
        unsigned e = mz_norm_entry(cp);
        size_t at = o.len;
        int rc = 0;
        if (e == 0)
            rc = norm_put(&o, s + i, (size_t)n, i);
        else if (e > 1)
            rc = norm_put(&o, mz_norm_pool + (e - 2) + 1, mz_norm_pool[e - 2], i);
        if (rc < 0) {
            free(o.s);
            free(o.off);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory normalizing text");
        }
        mz_hamza_step(&hamza, cp, o.s, at, o.len);
        i += (size_t)n;
    }
    o.s[o.len] = '\0';
    if (o.off)
        o.off[o.len] = len;
    *out = o.s;
    *out_len = o.len;
    if (offsets)
        *offsets = o.off;
    return MZ_OK;
}
