/*
 * df_cache.c — a connection's memory of the terms' row counts, read no
 * further than half the rows (common_terms.c), so that a server or a batch
 * of claims, which ask for the same common words again and again, walk
 * each word's doclist once while the store is unchanged; the ranking
 * (mz_bm25) weighs the kept terms by the same counts. The caller says what "unchanged" is: the
 * key given to mz_df_cache_begin; a different key forgets everything.
 */
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

/* Slots in the table; at most half are used, then it starts over (a
 * server meets new words without end). */
#define SLOTS 8192

typedef struct slot {
    char *term; /* NULL: empty */
    sqlite3_int64 n; /* rows counted, up to the cap */
} slot;

struct mz_df_cache {
    bool keyed;
    mz_df_key key;
    sqlite3_int64 rows; /* the rows indexed, under key; -1: not read */
    mz_doc_lens *lens;  /* their lengths (doc_lens.c); NULL: not read */
    size_t used;
    slot v[SLOTS];
};

static size_t hash(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h & (SLOTS - 1);
}

static void forget_terms(mz_df_cache *c)
{
    for (size_t i = 0; i < SLOTS && c->used; i++)
        if (c->v[i].term) {
            free(c->v[i].term);
            c->v[i].term = NULL;
            c->used--;
        }
    c->used = 0;
}

static void forget(mz_df_cache *c)
{
    forget_terms(c);
    mz_doc_lens_free(c->lens);
    c->lens = NULL;
}

void mz_df_cache_free(mz_df_cache *c)
{
    if (!c)
        return;
    forget(c);
    free(c);
}

void mz_df_cache_reset(mz_df_cache *c)
{
    if (!c)
        return;
    forget(c);
    c->keyed = false;
}

mz_df_cache *mz_df_cache_begin(mz_df_cache **pc, const mz_df_key *key)
{
    mz_df_cache *c = *pc;
    if (!c && !(c = *pc = calloc(1, sizeof *c)))
        return NULL;
    if (!c->keyed || memcmp(&c->key, key, sizeof *key)) {
        forget(c);
        c->key = *key;
        c->keyed = true;
        c->rows = -1;
    }
    return c;
}

sqlite3_int64 *mz_df_cache_rows(mz_df_cache *c)
{
    return &c->rows;
}

mz_doc_lens **mz_df_cache_lens(mz_df_cache *c)
{
    return &c->lens;
}

/* The slot of term, or the empty one where it would go. */
static slot *find(mz_df_cache *c, const char *term)
{
    for (size_t i = hash(term);; i = (i + 1) & (SLOTS - 1))
        if (!c->v[i].term || !strcmp(c->v[i].term, term))
            return &c->v[i];
}

sqlite3_int64 mz_df_cache_get(mz_df_cache *c, const char *term)
{
    slot *s = find(c, term);
    return s->term ? s->n : -1;
}

void mz_df_cache_put(mz_df_cache *c, const char *term, sqlite3_int64 n)
{
    if (c->used >= SLOTS / 2)
        forget_terms(c); /* the key stays, and the lengths under it */
    slot *s = find(c, term);
    if (s->term) {
        s->n = n;
        return;
    }
    if (!(s->term = strdup(term)))
        return; /* not remembered: asked again next time */
    s->n = n;
    c->used++;
}
