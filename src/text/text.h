/*
 * text.h — the Arabic text engine (internal API). Pure functions over UTF-8
 * buffers; nothing here knows of storage or models. Every token and sentence
 * carries byte offsets into the original text so later stages can highlight
 * evidence as written.
 *
 * Modules: utf8.c (decode/validate), normalize.c (matching form + offset
 * map), tokenize.c, sentences.c, stem.c (light stemmer + Snowball),
 * stopwords.c, boilerplate.c (web-page furniture detection).
 */
#ifndef MZ_TEXT_H
#define MZ_TEXT_H

#include "mizan.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- utf8.c */

/* Decodes the code point at s[i] (i < len). Returns its byte length (1..4) and
 * sets *cp, or returns 0 if the sequence there is invalid. */
int mz_utf8_decode(const char *s, size_t len, size_t i, uint32_t *cp);
/* Decodes the code point at s[i] (i < len) like mz_utf8_decode, inlined for
 * the ASCII and two-byte (Arabic) cases that make up nearly all our text. */
static inline int mz_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
        return 2;
    }
    return mz_utf8_decode(s, len, i, cp);
}
/* Encodes cp into out (4 bytes room); returns the byte length. */
int mz_utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..byte_off) (s assumed valid UTF-8). */
size_t mz_utf8_cp_offset(const char *s, size_t byte_off);
/* Where to cut s[0..len) to show at most max_chars code points: len when it
 * all fits; else before the word the limit falls in (at the white space that
 * precedes it, trailing white space left out), so a quote ends «… الخروج
 * من…», not «… الخروج من ال…». A word that began more than
 * MZ_CUT_WORD_BACK code points before the limit (a long address, a run of
 * letters with no space) is cut at the limit itself. */
enum { MZ_CUT_WORD_BACK = 24 };
size_t mz_utf8_cut_words(const char *s, size_t len, size_t max_chars);
/* The white space the cuts below count and the reports fold (space, tab,
 * CR, LF): one definition, so what is counted is what is folded. */
static inline bool mz_blank_byte(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
/* The same, with the limit counted as the text is shown once its white
 * space is folded (leading blanks dropped, each run one space): a scrape's
 * "\n\n    " is one character of the quote, not six. */
size_t mz_utf8_cut_words_folded(const char *s, size_t len, size_t max_chars);
/* A malloc'd copy of the NUL-terminated s with every invalid byte replaced
 * by U+FFFD, for text that must be shown but cannot be refused (a file path
 * in an origin or a JSON report, text read back from a store edited outside
 * mizan). NULL for NULL or out of memory. */
char *mz_utf8_repair(const char *s);
/* ---- encoding_hint.c */

/* For an error message about s[0..len) that failed mz_utf8_check: "" or a
 * hint, starting with "; ", naming what the text looks like (UTF-16,
 * Windows-1256 or ISO-8859-6, the legacy Arabic code pages of many news
 * archives) with the iconv command that converts it. */
const char *mz_utf8_hint(const char *s, size_t len);
/* True when s starts with a UTF-16 byte order mark (either byte order). */
bool mz_utf16_bom(const char *s, size_t len);
/* 'L' or 'B' when s[0..len) reads as UTF-16 (little or big endian) without a
 * byte order mark: most of its 2-byte units are ASCII or Arabic (0x00xx,
 * 0x06xx) in one byte order and not the other; else 0. */
int mz_utf16_guess(const char *s, size_t len);
/* MZ_ERR_UTF8 ("what: not UTF-8; it is UTF-16 text ...: convert it with
 * `iconv ...`") when s is UTF-16: a byte order mark, or NUL bytes in the
 * pattern of UTF-16 (Notepad's "Unicode"); else MZ_OK. Text in another
 * encoding is invalid_utf8 with the command that converts it, whichever
 * encoding (Windows-1256 too), not "binary", and in whatever form it comes
 * (a text, a page, a JSON or JSONL file, training data, claims). */
mz_status mz_utf16_refuse(const char *s, size_t len, const char *what, mz_error *err);
/* The same, for a caller that has looked for the first NUL byte of s
 * already: nul is it, or NULL when s holds none. */
mz_status mz_utf16_refuse_at(const char *s, size_t len, const char *nul, const char *what,
                             mz_error *err);

/* ---- normalize.c */

/* Normalizes one code point for matching. Returns the number of code points
 * written to out (0: dropped, e.g. a diacritic; 2: a ligature such as U+FEFB
 * lam-alef unfolded; at most 4). */
int mz_normalize_cp(uint32_t cp, uint32_t out[4]);

/* A hamza seated on yaa or on the line before waw is the same letter as
 * the waw-seated one: Egyptian print writes مسئول / شئون / رءوف where most
 * outlets write مسؤول / شؤون / رؤوف. ؤ normalizes to و, so a hamza on
 * another seat before a waw does too (both spellings become مسوول);
 * elsewhere ئ stays ي (رئيس). A run of such hamzas before the waw all turn,
 * so that normalizing twice changes nothing (ءئو -> ووو, not ءوو).
 * Call mz_hamza_step for each code point cp whose normalized bytes were just
 * written to out[at..end) (nothing for a dropped mark: the run goes on),
 * or only where mz_hamza_maybe says it can matter.
 * ء and ئ normalize to 2 bytes, as و does. */
typedef struct mz_hamza_run {
    size_t at; /* where the run's normalized bytes start */
    bool on;
} mz_hamza_run;

static inline bool mz_hamza_maybe(const mz_hamza_run *r, uint32_t cp)
{
    return r->on || cp - 0x0621u < 6u || cp - 0xFE80u < 13u; /* ء..ئ, their presentation forms */
}

static inline void mz_hamza_step(mz_hamza_run *r, uint32_t cp, char *out, size_t at, size_t end)
{
    if (end == at)
        return;
    /* a hamza by what it became (ء, also from ﺀ) or by what it was (ئ, ﺉ..ﺌ) */
    bool hamza = end - at == 2 && ((out[at] == '\xD8' && out[at + 1] == '\xA1') || cp == 0x0626 ||
                                   (cp >= 0xFE89 && cp <= 0xFE8C));
    if (hamza) {
        if (!r->on)
            r->at = at;
        r->on = true;
        return;
    }
    if (r->on && end - at >= 2 && out[at] == '\xD9' && out[at + 1] == '\x88') /* و, or starts with it */
        for (size_t k = r->at; k + 1 < at; k += 2) {
            out[k] = '\xD9';
            out[k + 1] = '\x88';
        }
    r->on = false;
}

/* ---- tokenize.c */

typedef enum mz_tok_kind {
    MZ_TOK_WORD = 0, /* Arabic (or other letter) word */
    MZ_TOK_LATIN,    /* Latin-script run, lowercased */
    MZ_TOK_NUMBER,   /* 11, 85%, 3-4, 2017, 1.5, ١٥ (normalized to ASCII) */
    MZ_TOK_PUNCT     /* punctuation mark (، ؛ ؟ « » “ ” … . ! etc.) */
} mz_tok_kind;

typedef struct mz_token {
    mz_tok_kind kind;
    uint32_t start, end;   /* byte offsets in the original text */
    uint32_t norm, norm_len; /* normalized form: toks->norm + norm, norm_len bytes */
} mz_token;

typedef struct mz_tokens {
    mz_token *v;
    size_t n, cap;
    char *norm; /* normalized token texts, each NUL-terminated */
    size_t norm_used, norm_cap;
} mz_tokens;

/* Is the Arabic comma before s[j] a decimal comma, joining the number that
 * starts at s[start] (2،5, 12،75)? Not in a list (2018،2019, 3،4،5): 1-2
 * digits at s[j], no other comma after them or before the number. The
 * tokenizer (which then writes the comma as a decimal point: 3،4 → 3.4) and
 * the claim check's words (src/check/words.c) join the digits into one word
 * through it, so both see the same words; they do not read it alike. The
 * number reader (src/check/numbers.c, split_comma_list) takes such a comma
 * for a decimal mark only before a multiplier, a percent or a unit
 * («2،5 مليون», «3،5%», «1،5 كلم»); elsewhere it splits the word into two
 * numbers, a range when they rise («3،4 أشخاص» = 3 to 4, «3،4 آلاف» = 3,000
 * to 4,000), where the tokenizer's token stays 3.4. */
bool mz_decimal_comma(const char *s, size_t len, size_t start, size_t j);

/* Tokenizes s[0..len) (valid UTF-8 expected; invalid bytes are skipped),
 * appending to toks. Words and numbers get their normalized form.
 * with_punct: also emit MZ_TOK_PUNCT tokens. Returns MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_tokenize(const char *s, size_t len, bool with_punct, mz_tokens *toks);
/* The same, validating as it goes instead of skipping invalid bytes: at the
 * first one it stops with MZ_ERR_UTF8 and *bad_offset = the offset
 * mz_utf8_check would report (the tokens before it are kept). Saves a
 * separate pass over text that is tokenized anyway. */
mz_status mz_tokenize_checked(const char *s, size_t len, bool with_punct, mz_tokens *toks,
                              size_t *bad_offset);
static inline const char *mz_tok_text(const mz_tokens *t, size_t i)
{
    return t->norm + t->v[i].norm;
}
void mz_tokens_clear(mz_tokens *toks); /* frees; toks may be reused after */
void mz_tokens_reset(mz_tokens *toks); /* empties, keeps memory */

/* ---- sentences.c */

typedef struct mz_span32 {
    uint32_t start, end; /* byte offsets, trimmed of surrounding whitespace */
} mz_span32;

typedef struct mz_sentences {
    mz_span32 *v;
    size_t n, cap;
} mz_sentences;

/* Splits into sentences at . ؟ ? ! ؛ … and line breaks, keeping quotes with
 * their sentence and not splitting after abbreviations or inside numbers
 * (3.5). Empty sentences are not emitted. Appends to out (set out->n = 0 to
 * reuse its memory). Returns MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_split_sentences(const char *s, size_t len, mz_sentences *out);
void mz_sentences_clear(mz_sentences *s);

/* ---- stem.c */

/* Light stemmer over a *normalized* word: strips clitic prefixes (و ف ب ك ل
 * ال وال بال فال كال لل) then common suffixes (ات ون ين ان ها هم هما كم نا ية ه ي)
 * keeping a stem of at least 2-3 letters. Writes at most cap-1 bytes and a
 * NUL to out; returns the stem length. Reentrant. */
size_t mz_stem_light(const char *w, size_t len, char *out, size_t cap);

/* Light stemming followed by Snowball's Arabic stemmer (libstemmer). A
 * Snowball stemmer is not thread-safe: one mz_stemmer per thread. */
typedef struct mz_stemmer mz_stemmer;
mz_stemmer *mz_stemmer_new(bool snowball);
void mz_stemmer_free(mz_stemmer *st);
/* Stems a normalized word; the result is valid until the next call on st. */
const char *mz_stemmer_stem(mz_stemmer *st, const char *w, size_t len, size_t *out_len);

/* ---- stopwords.c */

/* True if the normalized word is a Modern Standard Arabic news stopword
 * (particles, pronouns, auxiliaries, reporting glue such as قال/وقال). */
bool mz_is_stopword(const char *norm, size_t len);
/* mz_is_stopword for a word as written (raw: its bytes in the text) with
 * its normalized form: false where the spelling shows a content word that
 * normalizes like a stopword (آلية is not إليه, إمام is not أمام). */
bool mz_is_stopword_as_written(const char *raw, size_t raw_len, const char *norm, size_t len);
/* Its spelling test alone, for a word already known to be a stopword by its
 * normalized form (the index analyzer's cache says so). */
bool mz_stopword_spelled_as_content(const char *raw, size_t raw_len, const char *norm, size_t len);

/* Names news writes several ways (aliases.c): each row is one name's forms
 * (up to MZ_ALIAS_FORMS, NULL-padded), as written in news. */
#define MZ_ALIAS_FORMS 4
extern const char *const mz_alias_groups[][MZ_ALIAS_FORMS];
extern const size_t mz_n_alias_groups;

/* ---- boilerplate.c */

/* Marks the lines of a web-scraped article that are site furniture rather
 * than the story: comment prompts (اترك تعليقاً), "back to top", share/tag
 * lines, donation appeals, search-box help, menus, photo captions repeated as
 * text, related-article lists. keep[i] is set for line i (lines split at \n)
 * that belong to the story; *n_lines gets the line count. keep is malloc'd.
 * Returns MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_boilerplate_lines(const char *s, size_t len, bool **keep, size_t *n_lines);

/* Convenience: the story text with furniture lines dropped (malloc'd,
 * NUL-terminated, lines joined with \n). Returns NULL on out-of-memory. */
char *mz_boilerplate_strip(const char *s, size_t len, size_t *out_len);

#endif /* MZ_TEXT_H */
