/* analyze.c — the one analyzer shared by the FTS5 tokenizer and by queries:
 * tokens from the text engine, stopwords dropped, words light-stemmed. Using
 * the same code on both sides is what makes المفاوضات find والمفاوضات. */
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

int mz_analyze_each(mz_stemmer *st, mz_tokens *toks, const char *text, size_t len,
                    mz_term_fn fn, void *ctx)
{
    mz_tokens_reset(toks);
    if (mz_tokenize(text, len, false, toks) != MZ_OK)
        return -1;
    for (size_t i = 0; i < toks->n; i++) {
        const mz_token *t = &toks->v[i];
        const char *w = mz_tok_text(toks, i);
        size_t wl = t->norm_len;
        if (wl == 0 || wl > MZ_TERM_MAX)
            continue;
        if (t->kind == MZ_TOK_PUNCT)
            continue;
        if (t->kind == MZ_TOK_WORD) {
            if (mz_is_stopword(w, wl))
                continue;
            size_t sl;
            const char *s = mz_stemmer_stem(st, w, wl, &sl);
            if (s && sl > 0) {
                w = s;
                wl = sl;
            }
        }
        int rc = fn(ctx, w, wl, t->start, t->end);
        if (rc)
            return rc;
    }
    return 0;
}

struct collect {
    mz_terms *out;
    size_t cap;
};

static int collect_term(void *ctx, const char *term, size_t len, size_t start, size_t end)
{
    (void)start;
    (void)end;
    struct collect *c = ctx;
    if (c->out->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        char **v = realloc(c->out->v, cap * sizeof *v);
        if (!v)
            return -1;
        c->out->v = v;
        c->cap = cap;
    }
    char *s = mz_strndup(term, len);
    if (!s)
        return -1;
    c->out->v[c->out->n++] = s;
    return 0;
}

mz_status mz_analyze(const char *text, size_t len, mz_terms *out, mz_error *err)
{
    out->v = NULL;
    out->n = 0;
    size_t bad;
    if (mz_utf8_check(text, len, &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "invalid UTF-8 at byte offset %zu", bad);
    mz_stemmer *st = mz_stemmer_new(strstr(MZ_FTS_TOKENIZE, "snowball") != NULL);
    if (!st)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    mz_tokens toks = {0};
    struct collect c = {out, 0};
    int rc = mz_analyze_each(st, &toks, text, len, collect_term, &c);
    mz_tokens_clear(&toks);
    mz_stemmer_free(st);
    if (rc) {
        mz_terms_clear(out);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    return MZ_OK;
}

void mz_terms_clear(mz_terms *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    t->v = NULL;
    t->n = 0;
}
