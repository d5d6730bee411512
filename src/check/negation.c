/* negation.c — a claim worded as a negation: «لم يفرج لواء الوادي عن
 * الأسرى». The stance model was trained on claims that assert an event
 * (one of the 337 baly2018 claims is negated), and it reads the event, not
 * the negation: the report of the release came out as *agree* and the
 * faction's denial as *disagree*, so the claim was *refuted* by the very
 * denial that says it. So the articles are weighed against the event the
 * claim denies, and each stance is turned round: an article that reports
 * the event contradicts the claim, one that denies it supports it. An
 * article that says the event did not happen in the claim's own negated
 * words («لم يفرج») is left agreeing.
 */
#include "check/check.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Particles that negate the verb or sentence after them. ما is left out:
 * «ما لا يقل عن 800» and «ما زال» open as many claims as it negates, and
 * in news it is a relative or a consequence far more often than a negation:
 * of the 337 baly2018 claims 13 hold ما and none is negated by it (ما زالوا,
 * ما لا يقل, على ما يبدو, وهو ما يمثل, ما أدى, ما بين, إذا ما, كثيرا ما);
 * in their 2,324 articles the words most often after ما are بين, لا, هو,
 * أدى, بعد, يسمى, كان, إذا, زالت, لم, زال, هي, حدث, يجري, أسفر — «ما قتل»
 * as "did not kill" is the classical register, and «ما قتل في الغارة» (what
 * was killed) is the news one. */
static const char *const negators[] = {"لم", "لن", "لا", "ليس", "ليست", NULL};
/* Words after a negator that make a phrase which negates nothing the
 * claim asserts: لا يزال (still), لم يعد (no longer), لا يقل (no less
 * than), لا سيما (especially), لا بد (must). */
static const char *const not_negations[] = {"يزال", "تزال", "زال", "يعد", "تعد", "يقل",
                                            "تقل",  "سيما", "بد",  NULL};
/* Words before a negator that make it part of reported speech or a clause
 * («قال إن اللواء لم …»): the claim is then about what was said. */
static const char *const clause_words[] = {"ان", "قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت",
                                           "ذكر", "ذكرت", "نفي", "نفت", "افاد", "افادت", "كشف",
                                           "كشفت", "اوضح", "اوضحت", "صرح", "صرحت", "انه", "انها",
                                           NULL};

static bool in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return true;
    return false;
}

/* Words that end a subject: what follows them is a clause of its own
 * («المدنيون الذين لم يغادروا …»), so a negator after them negates that,
 * not the claim. */
static const char *const subject_ends[] = {"الذي", "التي",  "الذين", "اللذين", "اللتين", "اللواتي",
                                           "ما",   "لكن",   "بينما", "حيث",   "بعد",    "قبل",
                                           "اذا",  "لو",    "حتي",   "كما",   "عندما",  "منذ",
                                           "خلال", NULL};
/* Prepositions end a subject too, unless the claim opens with a noun with
 * the article: «أفرج … عن أسرى لم يحدد عددهم» puts the negator in a phrase
 * after the verb's object, where «الدفاع المدني في بلدة الريحان لم يسجل …»
 * has it after a subject that holds a place. */
static const char *const prepositions[] = {"في", "من", "عن", "علي", "الي", "مع", "ب", NULL};

#define SUBJECT_WORDS 5 /* the longest subject before a claim's negator */

/* The verbal nouns and participles among the event words (events.c): a
 * claim that opens with one opens with its subject, «إغلاق المعبر لم يتم»,
 * «حصار مضايا لم ينته», when verbal_noun_subject says so. */
static const char *const event_nouns[] = {
    "تدمير", "مهدم",  "انهيار", "احراق", "احتراق", "اضرار", "اغلاق", "مغلق", "اقفال",
    "تعطيل", "افتتاح", "حصار",  "مقتل",  "خروج",   "اغتيال", "اعتقال", "اختطاف", "اجلاء",
    "نزوح",  "تهجير", NULL};

/* A verb that opens a claim, which then puts its subject after it: an
 * event verb without the article («قتل», «أفرج»; «القتلى» is a noun), and
 * not right before a negator, where it is the subject itself: «فتح لم
 * تشارك» is Fatah, not "opened". Both kinds were no event words before the
 * 24th session, and such claims were read as the negations they are. */
static bool opens_with_verb(const char *w, const char *next)
{
    return strncmp(w, "ال", strlen("ال")) != 0 && strncmp(w, "وال", strlen("وال")) != 0 &&
           mz_event_of_word(w, strlen(w)) != MZ_EVENT_NONE && !in(w, event_nouns) &&
           !(next && in(next, negators));
}

static bool has_article(const char *w)
{
    return !strncmp(w, "ال", strlen("ال")) || !strncmp(w, "وال", strlen("وال"));
}

static bool ends_with(const char *w, const char *end)
{
    size_t n = strlen(w), e = strlen(end);
    return n >= e && !strcmp(w + n - e, end);
}

static size_t letters(const char *w)
{
    size_t c = 0;
    for (; *w; w++)
        c += ((unsigned char)*w & 0xC0) != 0x80;
    return c;
}

/* A pronoun on w that cannot stand for a singular verbal noun (feminine
 * when fem): plural or dual, or of the other gender. A suffix never goes
 * with the article, and a word of three letters ending so is mostly a word
 * of its own (مهم, فهم). */
static bool other_pronoun(const char *w, bool fem)
{
    if (has_article(w) || letters(w) < 4)
        return false;
    return ends_with(w, "هم") || ends_with(w, "هن") || ends_with(w, "هما") ||
           (!fem && ends_with(w, "ها"));
}

/* Whether the negator at i negates a claim that opens with a verbal noun
 * (event_nouns) and its genitive, «حصار مضايا لم ينته»: an indefinite
 * genitive takes a clause after it as its description, «مقتل مدنيين لم
 * تعرف هوياتهم» (the killing is asserted), a definite one as the phrase's
 * predicate. Definite: the phrase's last word has the article, or it is a
 * bare word with no plural ending (ين, ون, ات) — a name, or an indefinite
 * noun with none («مقتل شخص لم يكشف عن هويته») — and then only where the
 * negated verb ends the claim (but for بعد, حتى الآن). And the predicate
 * is the noun's: the verb (or ليس/ليست) agrees with it, singular, ي or
 * masculine for a noun without ة, ت or feminine for one with it (a verb
 * that does not has a subject of its own, «مقتل الجنود لم تعرف
 * هوياتهم»), and no pronoun after it goes back to another noun. */
static bool verbal_noun_subject(const mz_tokens *t, size_t i)
{
    const char *noun = mz_tok_text(t, 0), *last = mz_tok_text(t, i - 1);
    const char *neg = mz_tok_text(t, i), *verb = mz_tok_text(t, i + 1);
    bool fem = ends_with(noun, "ه");
    if (!strcmp(neg, "ليس") || !strcmp(neg, "ليست")) {
        if (fem != !strcmp(neg, "ليست"))
            return false;
    } else if (strncmp(verb, fem ? "ت" : "ي", strlen("ت")) || ends_with(verb, "وا")) {
        return false;
    }
    size_t j = i + 2;
    if (has_article(last)) {
        for (; j < t->n && j <= i + 5 && t->v[j].kind != MZ_TOK_PUNCT; j++)
            if (other_pronoun(mz_tok_text(t, j), fem))
                return false;
        return true;
    }
    static const char *const closing[] = {"بعد", "حتي", "الان", NULL};
    if (ends_with(last, "ين") || ends_with(last, "ون") || ends_with(last, "ات"))
        return false;
    for (; j < t->n; j++)
        if (t->v[j].kind != MZ_TOK_PUNCT && !in(mz_tok_text(t, j), closing))
            return false;
    return true;
}

/* The index of the negator that negates the claim: its first word, or the
 * one after the subject, a noun phrase of up to SUBJECT_WORDS words
 * («الحكومة لم تفرج …», «قوات سوريا الديمقراطية لم تتفاوض …»); -1 when none.
 * After a verb, a number, a relative pronoun or (but in a subject that
 * opens with the article) a preposition the negator is a clause's own:
 * «قتل مدنيون لم تعرف هوياتهم» asserts the killing. */
static long claim_negator(const mz_tokens *t)
{
    const char *w0 = t->n ? mz_tok_text(t, 0) : "";
    bool definite = has_article(w0);
    for (size_t i = 0; i < t->n && i <= SUBJECT_WORDS; i++) {
        const char *w = mz_tok_text(t, i);
        if (t->v[i].kind == MZ_TOK_PUNCT || in(w, clause_words))
            return -1;
        if (in(w, negators))
            return i + 1 < t->n && !in(mz_tok_text(t, i + 1), not_negations) &&
                           (i == 0 || !in(w0, event_nouns) || verbal_noun_subject(t, i))
                       ? (long)i
                       : -1;
        if (t->v[i].kind == MZ_TOK_NUMBER || in(w, subject_ends) ||
            (!definite && in(w, prepositions)) ||
            (i == 0 && opens_with_verb(w, i + 1 < t->n ? mz_tok_text(t, i + 1) : NULL)))
            return -1;
    }
    return -1;
}

mz_status mz_claim_negation(const char *claim, char **event, mz_error *err)
{
    *event = NULL;
    mz_tokens t = {0};
    if (mz_tokenize(claim, strlen(claim), true, &t) != MZ_OK)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    long i = claim_negator(&t);
    mz_status s = MZ_OK;
    if (i >= 0) {
        size_t a = t.v[i].start, b = t.v[i].end, len = strlen(claim);
        while (b < len && claim[b] == ' ')
            b++;
        mz_buf out = {0};
        if (mz_buf_append(&out, claim, a) || mz_buf_append(&out, claim + b, len - b))
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        else
            *event = mz_buf_take(&out);
        mz_buf_free(&out);
    }
    mz_tokens_clear(&t);
    return s;
}

/* True when one of the terms of word (as the index analyzes it) is among
 * the event's terms. */
static bool shares_term(const char *word, size_t len, const mz_terms *ev)
{
    mz_terms w = {0};
    if (mz_analyze(word, len, &w, NULL) != MZ_OK)
        return false;
    bool found = false;
    for (size_t i = 0; i < w.n && !found; i++)
        for (size_t j = 0; j < ev->n && !found; j++)
            found = !strcmp(w.v[i], ev->v[j]);
    mz_terms_clear(&w);
    return found;
}

/* The sentence negates one of the event's words: a negator at most two
 * words before it («لم يفرج», «لم يتم الإفراج»). */
static bool negates_event(const char *body, const mz_evidence *e, const mz_terms *ev)
{
    mz_tokens t = {0};
    if (mz_tokenize(body + e->start, e->end - e->start, false, &t) != MZ_OK)
        return false;
    bool found = false;
    for (size_t i = 0; i < t.n && !found; i++) {
        if (!in(mz_tok_text(&t, i), negators) ||
            (i + 1 < t.n && in(mz_tok_text(&t, i + 1), not_negations)))
            continue;
        for (size_t j = i + 1; j < t.n && j <= i + 3 && !found; j++)
            found = shares_term(body + e->start + t.v[j].start, t.v[j].end - t.v[j].start, ev);
    }
    mz_tokens_clear(&t);
    return found;
}

void mz_turn_stance(mz_check_member *m, const mz_terms *event)
{
    for (size_t i = 0; m->stance == MZ_AGREE && m->body && i < m->n_evidence; i++)
        if (m->evidence[i].end <= m->body_len && negates_event(m->body, &m->evidence[i], event))
            return; /* it says what the claim says, negation and all */
    double p = m->probs[MZ_AGREE];
    m->probs[MZ_AGREE] = m->probs[MZ_DISAGREE];
    m->probs[MZ_DISAGREE] = p;
    if (m->stance == MZ_AGREE || m->stance == MZ_DISAGREE)
        m->stance = m->stance == MZ_AGREE ? MZ_DISAGREE : MZ_AGREE;
    /* its denial denies the event, so it speaks for the claim: not quoted
     * as a denial of it (the sentence stays among the evidence) */
    m->has_denial = m->denial_lead = false;
}
