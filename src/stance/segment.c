/*
 * segment.c — sentences cut from the token stream of an article. The tokens
 * are needed anyway, so this costs almost nothing, where a second pass of a
 * sentence splitter over the text cost a sixth of the prediction time.
 */
#include "stance/features_int.h"
#include "text/text.h"

#include <string.h>

/* Sentence offsets are those of their first and last token, so they are
 * trimmed; line breaks sit between tokens, never inside one, so counting
 * them in the gaps gives each sentence's line. The words of one ligature
 * (ﷺ: صلى الله عليه وسلم) share its span, so a gap can be empty or
 * "negative": a next token that starts before the last one ended. */
static bool punct_is(const char *text, const mz_token *t, const char *const *set)
{
    size_t n = t->end - t->start;
    for (; *set; set++)
        if (strlen(*set) == n && !memcmp(text + t->start, *set, n))
            return true;
    return false;
}

static const char *const terminators[] = {".", "!", "?", "\xd8\x9f", "\xd8\x9b", "\xe2\x80\xa6", NULL};
static const char *const closers[] = {"\xc2\xbb", "\xe2\x80\x9d", "\xe2\x80\x99", "\"", "'", ")",
                                      "]", ".", "!", "?", "\xd8\x9f", "\xe2\x80\xa6", NULL};

static size_t count_newlines(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    if (b <= a)
        return 0;
    for (const char *p = s + a, *e = s + b; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        n++;
    return n;
}

void mz_next_sentence(const char *text, const mz_tokens *tk, size_t *ti, size_t *prev_end,
                          size_t *line, size_t *tb, size_t *te, size_t *sline)
{
    size_t i = *ti;
    *line += count_newlines(text, *prev_end, tk->v[i].start);
    *tb = i;
    *sline = *line;
    for (;;) {
        const mz_token *t = &tk->v[i++];
        *prev_end = t->end;
        if (t->kind == MZ_TOK_PUNCT && punct_is(text, t, terminators)) {
            while (i < tk->n && tk->v[i].kind == MZ_TOK_PUNCT &&
                   !count_newlines(text, *prev_end, tk->v[i].start) && punct_is(text, &tk->v[i], closers))
                *prev_end = tk->v[i++].end;
            break;
        }
        if (i >= tk->n || count_newlines(text, t->end, tk->v[i].start))
            break;
    }
    *te = i;
    *ti = i;
}

