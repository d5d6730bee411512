/* question.c — a claim worded as a question: «هل أفرج لواء الوادي عن
 * الأسرى؟». A newsroom pastes the question it was asked as often as the
 * statement; it was weighed word for word, هل and ؟ included, as if it
 * asserted something. A question asks whether a statement holds, and the
 * answer a journalist wants is the statement's verdict, so the articles are
 * weighed against the statement it asks about (هل, «هل صحيح أن», «هل حقا»,
 * the interrogative أ written on «أصحيح أن», «أحقا», «أفعلا», and the
 * question mark taken off), and the report's note says so: the
 * verdict reads "the statement is supported / refuted", not "yes" / "no".
 */
#include "check/check.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Phrases after هل that ask whether what follows is true: «هل صحيح أن …»,
 * «هل من الصحيح أن …», «هل حقا …» (keys, as the tokenizer writes them). */
static const char *const truly[][4] = {{"صحيح", "ان"}, {"من", "الصحيح", "ان"}, {"يصح", "ان"},
                                       {"حقا"},        {"فعلا"}};

/* The words of a «صحيح أن» phrase at token i, or 0. */
static size_t truly_at(const mz_tokens *t, size_t i)
{
    for (size_t p = 0; p < sizeof truly / sizeof *truly; p++) {
        size_t n = 0;
        while (n < 4 && truly[p][n] && i + n < t->n && !strcmp(mz_tok_text(t, i + n), truly[p][n]))
            n++;
        if (n && (n == 4 || !truly[p][n]))
            return n;
    }
    return 0;
}

/* «أصحيح أن …», «أحقا (أن) …», «أفعلا …»: the interrogative أ written on
 * the word (keys: أ is ا); the words of the phrase at token 0, or 0.
 * «أصحيح» asks only with أن after it. */
static size_t alef_question_at(const mz_tokens *t)
{
    static const char *const asks[] = {"اصحيح", "احقا", "افعلا"};
    if (t->n < 2)
        return 0;
    const char *w = mz_tok_text(t, 0);
    bool anna = !strcmp(mz_tok_text(t, 1), "ان");
    for (size_t p = 0; p < sizeof asks / sizeof *asks; p++)
        if (!strcmp(w, asks[p]))
            return p == 0 && !anna ? 0 : anna ? 2 : 1;
    return 0;
}

static bool question_mark_at(const char *s, size_t i)
{
    return s[i] == '?' || (i >= 1 && !memcmp(s + i - 1, "\xD8\x9F", 2)); /* ? or ؟ */
}

mz_status mz_claim_question(const char *claim, char **statement, mz_error *err)
{
    *statement = NULL;
    size_t len = strlen(claim), end = len;
    bool mark = false;
    while (end > 0 && (claim[end - 1] == ' ' || question_mark_at(claim, end - 1))) {
        if (claim[end - 1] != ' ') {
            mark = true;
            end -= claim[end - 1] == '?' ? 1 : 2;
        } else {
            end--;
        }
    }
    mz_tokens t = {0};
    if (mz_tokenize(claim, end, false, &t) != MZ_OK)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    size_t i = 0;
    if (t.n > 1 && !strcmp(mz_tok_text(&t, 0), "هل")) {
        i = 1;
        size_t n = truly_at(&t, 1);
        if (1 + n < t.n)
            i += n; /* «هل صحيح أن …» asks about what follows أن */
    } else {
        i = alef_question_at(&t); /* «أصحيح أن …», «أحقا …» */
        if (i >= t.n)
            i = 0;
    }
    mz_status s = MZ_OK;
    bool bare = t.n == 1 && !strcmp(mz_tok_text(&t, 0), "هل"); /* «هل؟» asks nothing */
    if ((i > 0 || mark) && i < t.n && !bare) {
        size_t from = t.v[i].start;
        *statement = mz_strndup(claim + from, end - from);
        if (!*statement)
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    mz_tokens_clear(&t);
    return s;
}
