/* text_shim.c — TEMPORARY stand-in for src/text until the text engine lands
 * on main. Deliberately crude; removed on the first merge of the real engine.
 * Never delivered to main. */
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

int mz_utf8_decode(const char *str, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    if (c < 0x80) { *cp = c; return 1; }
    int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (!n || i + (size_t)n > len) return 0;
    uint32_t v = c & (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

int mz_utf8_encode(uint32_t cp, char *o)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) { o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 63)); o[2] = (char)(0x80 | (cp & 63)); return 3; }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 63)); o[2] = (char)(0x80 | ((cp >> 6) & 63)); o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

size_t mz_utf8_cp_offset(const char *s, size_t off)
{
    size_t n = 0;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

mz_status mz_utf8_check(const char *s, size_t len, size_t *bad)
{
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        int n = mz_utf8_decode(s, len, i, &cp);
        if (!n) { if (bad) *bad = i; return MZ_ERR_UTF8; }
        i += (size_t)n;
    }
    return MZ_OK;
}

int mz_normalize_cp(uint32_t cp, uint32_t out[4])
{
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) return 0;
    switch (cp) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: cp = 0x0627; break;
    case 0x0649: case 0x0626: cp = 0x064A; break;
    case 0x0629: cp = 0x0647; break;
    case 0x0624: cp = 0x0648; break;
    default: break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) cp = '0' + (cp - 0x0660);
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    out[0] = cp;
    return 1;
}

mz_status mz_normalize(const char *s, size_t len, char **out, size_t *out_len, size_t **offsets, mz_error *err)
{
    *out = NULL; *out_len = 0; if (offsets) *offsets = NULL;
    size_t bad;
    if (mz_utf8_check(s, len, &bad)) return mz_fail(err, MZ_ERR_UTF8, "invalid UTF-8 at byte offset %zu", bad);
    mz_buf b = {0};
    size_t *offs = offsets ? malloc((len * 4 + 1) * sizeof *offs) : NULL;
    for (size_t i = 0; i < len;) {
        uint32_t cp, o[4];
        int n = mz_utf8_decode(s, len, i, &cp);
        int k = mz_normalize_cp(cp, o);
        for (int j = 0; j < k; j++) {
            char e[4];
            int m = mz_utf8_encode(o[j], e);
            for (int q = 0; q < m && offs; q++) offs[b.len + (size_t)q] = i;
            mz_buf_append(&b, e, (size_t)m);
        }
        i += (size_t)n;
    }
    if (offs) { offs[b.len] = len; *offsets = offs; }
    *out_len = b.len;
    *out = mz_buf_take(&b);
    return MZ_OK;
}

static int is_letter(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0660 && cp <= 0x0669) || cp == 0x0671 ||
           (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           (cp >= 0x064B && cp <= 0x065F) || cp == 0x0640 || cp == 0x0670;
}

mz_status mz_tokenize(const char *s, size_t len, bool with_punct, mz_tokens *t)
{
    (void)with_punct;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int n = mz_utf8_decode(s, len, i, &cp);
        if (!n) { i++; continue; }
        if (!is_letter(cp)) { i += (size_t)n; continue; }
        size_t st = i;
        mz_buf w = {0};
        int latin = cp < 0x80;
        while (i < len && (n = mz_utf8_decode(s, len, i, &cp)) && is_letter(cp)) {
            uint32_t o[4];
            int k = mz_normalize_cp(cp, o);
            for (int j = 0; j < k; j++) { char e[4]; mz_buf_append(&w, e, (size_t)mz_utf8_encode(o[j], e)); }
            i += (size_t)n;
        }
        if (!w.len) { mz_buf_free(&w); continue; }
        if (t->n == t->cap) { t->cap = t->cap ? t->cap * 2 : 64; t->v = realloc(t->v, t->cap * sizeof *t->v); }
        if (t->norm_used + w.len + 1 > t->norm_cap) { while (t->norm_used + w.len + 1 > t->norm_cap) t->norm_cap = t->norm_cap ? t->norm_cap * 2 : 1024; t->norm = realloc(t->norm, t->norm_cap); }
        memcpy(t->norm + t->norm_used, w.p, w.len + 1);
        t->v[t->n++] = (mz_token){latin ? MZ_TOK_LATIN : MZ_TOK_WORD, (uint32_t)st, (uint32_t)i, (uint32_t)t->norm_used, (uint32_t)w.len};
        t->norm_used += w.len + 1;
        mz_buf_free(&w);
    }
    return MZ_OK;
}

void mz_tokens_clear(mz_tokens *t) { free(t->v); free(t->norm); memset(t, 0, sizeof *t); }
void mz_tokens_reset(mz_tokens *t) { t->n = 0; t->norm_used = 0; }

struct mz_stemmer { char buf[1024]; };
mz_stemmer *mz_stemmer_new(bool sb) { (void)sb; return calloc(1, sizeof(mz_stemmer)); }
void mz_stemmer_free(mz_stemmer *st) { free(st); }

static int starts(const char *w, size_t len, const char *p) { size_t n = strlen(p); return len >= n && !memcmp(w, p, n); }
static int ends(const char *w, size_t len, const char *p) { size_t n = strlen(p); return len >= n && !memcmp(w + len - n, p, n); }

size_t mz_stem_light(const char *w, size_t len, char *out, size_t cap)
{
    static const char *pre[] = {"وال", "بال", "فال", "كال", "لل", "ال", "و", NULL};
    static const char *suf[] = {"ات", "ون", "ين", "ها", "ه", NULL};
    for (int i = 0; pre[i]; i++) if (starts(w, len, pre[i]) && len - strlen(pre[i]) >= 6) { w += strlen(pre[i]); len -= strlen(pre[i]); break; }
    for (int i = 0; suf[i]; i++) if (ends(w, len, suf[i]) && len - strlen(suf[i]) >= 6) { len -= strlen(suf[i]); break; }
    if (len >= cap) len = cap - 1;
    memcpy(out, w, len); out[len] = 0;
    return len;
}

const char *mz_stemmer_stem(mz_stemmer *st, const char *w, size_t len, size_t *out_len)
{
    *out_len = mz_stem_light(w, len, st->buf, sizeof st->buf);
    return st->buf;
}

bool mz_is_stopword(const char *w, size_t len)
{
    static const char *sw[] = {"في", "من", "على", "الى", "عن", "ان", "و", "ما", "هذا", "هذه", "التي", "الذي", "قال", "وقال", NULL};
    for (int i = 0; sw[i]; i++) if (strlen(sw[i]) == len && !memcmp(sw[i], w, len)) return true;
    return false;
}

mz_status mz_boilerplate_lines(const char *s, size_t len, bool **keep, size_t *n)
{
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) if (s[i] == '\n') lines++;
    *keep = malloc(lines);
    memset(*keep, 1, lines);
    *n = lines;
    return MZ_OK;
}

char *mz_boilerplate_strip(const char *s, size_t len, size_t *out_len)
{
    *out_len = len;
    return mz_strndup(s, len);
}
