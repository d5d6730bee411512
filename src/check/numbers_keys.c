/*
 * numbers_keys.c — a hash index over a constant table's string keys, for
 * the word tables the numbers reader asks of nearly every word (number
 * words, event words): a linear scan with strcmp was a third of its cost.
 * Open addressing (FNV-1a, linear probes) over the entries' indexes; a
 * repeated key keeps its first entry, as a scan would. Each table builds
 * its index once, under its own pthread_once (any number of threads may
 * read numbers), and only reads it afterwards.
 */
#include "check/numbers.h"

#include <string.h>

void mz_key_index_build(mz_key_index *ix, const void *first, size_t n, size_t stride)
{
    for (size_t i = 0; i < n; i++) {
        const char *k = mz_key_at(first, stride, i);
        size_t len = strlen(k), h = mz_key_hash(k, len);
        while (ix->slot[h] && strcmp(mz_key_at(first, stride, ix->slot[h] - 1u), k))
            h = (h + 1) & (MZ_KEY_SLOTS - 1);
        if (!ix->slot[h]) {
            ix->slot[h] = (uint8_t)(i + 1);
            ix->len[h] = (uint8_t)len; /* keys are a few letters */
        }
    }
}
