/*
 * tables.h — per-code-point lookup tables (generated into tables.c by
 * gen_tables.py): the character class that drives tokenization and sentence
 * splitting, and the matching normalization of each BMP code point. Internal
 * to src/text.
 */
#ifndef MZ_TEXT_TABLES_H
#define MZ_TEXT_TABLES_H

#include <stddef.h>
#include <stdint.h>

enum mz_cclass {
    MZ_C_OTHER = 0, /* controls, unassigned: break words, never emitted */
    MZ_C_SPACE,     /* white space, line breaks, zero-width space */
    MZ_C_LETTER,    /* letters of Arabic and other non-Latin scripts */
    MZ_C_LATIN,     /* Latin letters */
    MZ_C_DIGIT,     /* decimal digits of any script */
    MZ_C_MARK,      /* combining marks and ignorable format characters (tatweel, RLM...) */
    MZ_C_PUNCT      /* punctuation and symbols */
};

extern const uint8_t mz_cclass_index[256];
extern const uint8_t mz_cclass_blocks[][256];
extern const uint8_t mz_norm_index[256];
extern const uint16_t mz_norm_blocks[][256];
extern const uint8_t mz_norm_pool[];

/* Class of a code point. Outside the BMP: emoji and pictographs are
 * punctuation, tag characters are ignorable, everything else is a letter. */
static inline int mz_cclass(uint32_t cp)
{
    if (cp < 0x10000)
        return mz_cclass_blocks[mz_cclass_index[cp >> 8]][cp & 0xFF];
    if (cp >= 0x1F000 && cp < 0x20000)
        return MZ_C_PUNCT;
    if (cp >= 0xE0000)
        return MZ_C_MARK;
    return MZ_C_LETTER;
}

/* Normalization entry of a code point: 0 unchanged, 1 dropped, else
 * mz_norm_pool + (entry - 2) holds a length byte and the replacement bytes. */
static inline unsigned mz_norm_entry(uint32_t cp)
{
    if (cp >= 0x10000)
        return cp >= 0xE0000 && cp < 0xE01F0 ? 1 : 0; /* tags, variation selectors */
    return mz_norm_blocks[mz_norm_index[cp >> 8]][cp & 0xFF];
}

#endif /* MZ_TEXT_TABLES_H */
