/* analyze.c — the one analyzer shared by the FTS5 tokenizer and by queries:
 * tokens from the text engine, stopwords dropped, words light-stemmed (then
 * Snowball). Using the same code on both sides is what makes المفاوضات find
 * والمفاوضات. */
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Word -> stem cache: open addressing over an arena of strings. Emptied
 * when full rather than evicting: simple, and a news corpus's working
 * vocabulary fits. */
#define CACHE_SLOTS (1u << 16) /* 1 MiB of slots, for an index connection */
#define SMALL_CACHE_SLOTS 512u  /* for one query: no megabyte per search */
#define STOPWORD UINT16_MAX

typedef struct slot {
    uint32_t hash; /* 0: empty */
    uint32_t key, stem; /* offsets into arena */
    uint16_t key_len, stem_len; /* stem_len STOPWORD: drop the word */
} slot;

struct mz_analyzer {
    mz_stemmer *st;
    mz_tokens toks;
    slot *slots;
    size_t n_slots, used; /* n_slots: a power of two */
    mz_buf arena;
};

static mz_analyzer *analyzer_new(bool snowball, size_t n_slots)
{
    mz_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->st = mz_stemmer_new(snowball);
    a->n_slots = n_slots;
    a->slots = calloc(n_slots, sizeof *a->slots);
    if (!a->st || !a->slots) {
        mz_analyzer_free(a);
        return NULL;
    }
    return a;
}

mz_analyzer *mz_analyzer_new(bool snowball)
{
    return analyzer_new(snowball, CACHE_SLOTS);
}

static bool index_snowball(void)
{
    return strstr(MZ_FTS_TOKENIZE, "snowball") != NULL;
}

mz_analyzer *mz_analyzer_for_index(void)
{
    return analyzer_new(index_snowball(), CACHE_SLOTS);
}

mz_analyzer *mz_db_analyzer(mz_db *db)
{
    if (!db->an)
        db->an = mz_analyzer_for_index();
    return db->an;
}

void mz_analyzer_free(mz_analyzer *a)
{
    if (!a)
        return;
    mz_stemmer_free(a->st);
    mz_tokens_clear(&a->toks);
    free(a->slots);
    mz_buf_free(&a->arena);
    free(a);
}

static uint32_t hash_word(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ? h : 1;
}

/* The stem of a normalized word that is not a stopword. */
static const char *stem_content(mz_analyzer *a, const char *w, size_t wl, size_t *len)
{
    const char *stem = mz_stemmer_stem(a->st, w, wl, len);
    if (!stem || *len == 0 || *len > MZ_TERM_MAX) {
        *len = wl;
        return w;
    }
    return stem;
}

/* The stem of a normalized word (NULL, *len = 0 for a stopword), from the
 * cache or computed and remembered. */
static const char *stem_word(mz_analyzer *a, const char *w, size_t wl, size_t *len, int *oom)
{
    uint32_t h = hash_word(w, wl);
    size_t mask = a->n_slots - 1;
    size_t i = h & mask;
    for (; a->slots[i].hash; i = (i + 1) & mask) {
        const slot *s = &a->slots[i];
        if (s->hash == h && s->key_len == wl && !memcmp(a->arena.p + s->key, w, wl)) {
            *len = s->stem_len == STOPWORD ? 0 : s->stem_len;
            return s->stem_len == STOPWORD ? NULL : a->arena.p + s->stem;
        }
    }
    const char *stem = NULL;
    size_t sl = 0;
    if (!mz_is_stopword(w, wl))
        stem = stem_content(a, w, wl, &sl);
    if (a->used >= a->n_slots / 4 * 3 || a->arena.len > (64u << 20)) {
        memset(a->slots, 0, a->n_slots * sizeof *a->slots);
        a->used = 0;
        a->arena.len = 0;
        i = h & mask;
    }
    /* stem may point into the stemmer's buffer: copy both before use */
    size_t key = a->arena.len;
    if (mz_buf_append(&a->arena, w, wl) || (stem && mz_buf_append(&a->arena, stem, sl))) {
        *oom = 1;
        return NULL;
    }
    a->slots[i] = (slot){h, (uint32_t)key, (uint32_t)(key + wl), (uint16_t)wl,
                         stem ? (uint16_t)sl : STOPWORD};
    a->used++;
    *len = sl;
    return stem ? a->arena.p + key + wl : NULL;
}

int mz_analyze_each(mz_analyzer *a, const char *text, size_t len, mz_term_fn fn, void *ctx)
{
    mz_tokens *toks = &a->toks;
    mz_tokens_reset(toks);
    if (mz_tokenize(text, len, false, toks) != MZ_OK)
        return -1;
    for (size_t i = 0; i < toks->n; i++) {
        const mz_token *t = &toks->v[i];
        const char *w = mz_tok_text(toks, i);
        size_t wl = t->norm_len;
        if (wl == 0 || wl > MZ_TERM_MAX || t->kind == MZ_TOK_PUNCT)
            continue;
        if (t->kind == MZ_TOK_WORD) {
            int oom = 0;
            const char *stem = stem_word(a, w, wl, &wl, &oom);
            if (oom)
                return -1;
            /* The cache is keyed by the normalized word, which the spelling
             * of a rare content word can share with a stopword (آلية and
             * إليه): that one is stemmed here, past the cache. */
            if (!stem && mz_stopword_spelled_as_content(text + t->start, t->end - t->start, w, t->norm_len))
                stem = stem_content(a, w, t->norm_len, &wl);
            if (!stem)
                continue; /* stopword */
            w = stem;
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
    if (mz_array_grow(&c->out->v, &c->cap, c->out->n, sizeof *c->out->v, 16) != 0)
        return -1;
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
    mz_analyzer *a = analyzer_new(index_snowball(), SMALL_CACHE_SLOTS);
    if (!a)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    struct collect c = {out, 0};
    int rc = mz_analyze_each(a, text, len, collect_term, &c);
    mz_analyzer_free(a);
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
