/*
 * cue_span.c — the words of an evidence sentence that its cue names.
 *
 * Evidence comes as whole sentences, and news sentences run long: seed 000's
 * "denial" is a 60-word sentence that reports the activists' account and
 * only then, after «إلّا أنّ», a council member's denial. A report cut to its
 * first 220 characters showed the account and hid the denial, so the label
 * read as a mistake. Finding the cue's words again (the lexicon as the
 * features read it, over the sentence alone) lets a report show the part
 * of a long sentence where the cue is, and a page mark it. It runs on the
 * few sentences a report shows, not for every pair a model reads.
 */
#include "stance/stance.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* Whether a lexicon cue gives the evidence its cue name (evidence.c). */
static bool names_cue(mz_cue c, const char *name)
{
    if (!strcmp(name, "denial"))
        return c == MZ_CUE_DENIAL || c == MZ_CUE_FAKE;
    if (!strcmp(name, "conflict"))
        return c == MZ_CUE_CONFLICT || c == MZ_CUE_DENIAL;
    if (!strcmp(name, "as_usual"))
        return c == MZ_CUE_NORMAL;
    if (!strcmp(name, "hedging"))
        return c == MZ_CUE_HEDGE || c == MZ_CUE_CONFLICT;
    if (!strcmp(name, "attribution"))
        return c == MZ_CUE_ATTRIB || c == MZ_CUE_ACCUSE || c == MZ_CUE_CIRCULATED;
    if (!strcmp(name, "assertion"))
        return c == MZ_CUE_ASSERT;
    return false; /* numbers and overlap name no words of the lexicon */
}

bool mz_cue_span(const mz_lexicon *lx, const char *text, size_t start, size_t end,
                 const char *cue, size_t *cue_start, size_t *cue_end)
{
    if (!lx || !text || !cue || start >= end)
        return false;
    mz_tokens tk = {0};
    bool found = false;
    if (mz_tokenize(text + start, end - start, true, &tk) != MZ_OK || tk.n == 0) {
        mz_tokens_clear(&tk);
        return false;
    }
    uint64_t *h = malloc(2 * tk.n * sizeof *h);
    if (!h) {
        mz_tokens_clear(&tk);
        return false;
    }
    uint64_t *h2 = h + tk.n;
    for (size_t i = 0; i < tk.n; i++) { /* as features.c reads a sentence */
        const char *w = mz_tok_text(&tk, i);
        bool punct = tk.v[i].kind == MZ_TOK_PUNCT;
        h[i] = punct ? 1 : mz_hash64(w, tk.v[i].norm_len);
        h2[i] = punct || tk.v[i].kind == MZ_TOK_NUMBER ? 0
                                                         : mz_lexicon_strip_hash(w, tk.v[i].norm_len);
    }
    for (size_t i = 0; i < tk.n && !found;) {
        size_t span; /* at least 1 */
        mz_cue c = mz_lexicon_match(lx, h, h2, tk.n, i, &span);
        if (c && names_cue(c, cue)) {
            *cue_start = start + tk.v[i].start;
            *cue_end = start + tk.v[i + span - 1].end;
            found = true;
        }
        i += span;
    }
    free(h);
    mz_tokens_clear(&tk);
    return found;
}

bool mz_cue_window(const char *text, size_t start, size_t end, size_t cs, size_t ce,
                   size_t max_chars, size_t *head_end, size_t *from)
{
    if (cs >= ce || cs < start || ce > end ||
        mz_utf8_cp_offset(text + start, ce - start) + 10 <= max_chars)
        return false; /* no words, or the opening shows them */
    size_t head = max_chars / 3, f = cs, back = 0;
    while (f > start && back < 40)
        back += ((unsigned char)text[--f] & 0xC0) != 0x80;
    while (f < cs && text[f] != ' ')
        f++; /* from a whole word */
    size_t h = start, n = 0;
    while (h < f && n < head)
        n += ((unsigned char)text[h++] & 0xC0) != 0x80;
    while (h < f && text[h] != ' ')
        h++; /* to a whole word */
    *head_end = h;
    *from = f;
    return true;
}
