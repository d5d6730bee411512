/*
 * check.c — mz_check(): retrieve, stance, voices, numbers, verdict.
 */
#include "check/check.h"
#include "check/winner.h"
#include "stance/stance.h"
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K_DEFAULT 20
#define K_MAX 200

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

mz_status mz_claim_prepare(const char *claim, char **trimmed, mz_error *err)
{
    *trimmed = NULL;
    if (!claim)
        return mz_fail(err, MZ_ERR_ARG, "the claim is empty");
    size_t len = strlen(claim), bad;
    if (mz_utf8_check(claim, len, &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "the claim is not valid UTF-8 (byte offset %zu)%s", bad,
                       mz_utf8_hint(claim, len));
    /* white space, and the zero-width and bidi marks pasted with a claim
     * (ZWSP, BOM, ALM, RLM...), as ingest trims an article's fields */
    const char *from = claim, *to = claim + len;
    mz_trim_span(&from, &to);
    size_t a = (size_t)(from - claim), b = (size_t)(to - claim);
    if (a >= b)
        return mz_fail(err, MZ_ERR_ARG, "the claim is empty");
    size_t chars = mz_utf8_cp_offset(claim + a, b - a);
    if (chars > MZ_CLAIM_MAX_CHARS)
        return mz_fail(err, MZ_ERR_ARG,
                       "the claim is %zu characters long; the limit is %d (give one claim, not an article)",
                       chars, MZ_CLAIM_MAX_CHARS);
    *trimmed = mz_strndup(claim + a, b - a);
    return *trimmed ? MZ_OK : mz_fail(err, MZ_ERR_NOMEM, "out of memory");
}

/* Moves a candidate's article into a member and runs the stance model. */
static mz_status fill_member(const mz_model *m, const char *claim, mz_candidate *c,
                             mz_check_member *out, mz_error *err)
{
    memset(out, 0, sizeof *out);
    out->article_id = c->id;
    out->retrieval_score = c->score;
    out->coverage = c->window;
    out->title = c->article.title;
    out->source = c->article.source;
    out->url = c->article.url;
    out->published = c->article.published;
    out->origin = c->article.origin;
    out->author = c->article.author;
    out->body = c->article.body;
    out->body_len = out->body ? strlen(out->body) : 0;
    c->article.title = c->article.source = c->article.url = c->article.published = NULL;
    c->article.origin = c->article.author = NULL;
    c->article.body = NULL;
    mz_stance_result sr = c->stance;
    if (!c->has_stance) {
        mz_status rc = mz_stance_predict_titled(m, claim, out->title, out->body ? out->body : "",
                                          out->body_len, &sr, err);
        if (rc != MZ_OK)
            return rc;
    }
    out->stance = sr.label;
    memcpy(out->probs, sr.probs, sizeof out->probs);
    out->n_evidence = sr.n_evidence > MZ_MAX_EVIDENCE ? MZ_MAX_EVIDENCE : sr.n_evidence;
    memcpy(out->evidence, sr.evidence, out->n_evidence * sizeof *out->evidence);
    out->has_denial = sr.has_denial;
    out->denial = sr.denial;
    out->denial_lead = sr.lead_denial;
    for (size_t i = 0; out->body && i < out->n_evidence; i++) {
        const mz_evidence *e = &out->evidence[i];
        if (e->end <= out->body_len)
            mz_cue_span(m->lexicon, out->body, e->start, e->end, e->cue, &out->cue_start[i],
                        &out->cue_end[i]);
    }
    if (out->body && out->has_denial && out->denial.end <= out->body_len)
        mz_cue_span(m->lexicon, out->body, out->denial.start, out->denial.end, "denial",
                    &out->denial_cue_start, &out->denial_cue_end);
    return MZ_OK;
}

/* Where else each member's text was published (store.h, places): one
 * query for all of them, not one a member. */
static mz_status members_places(mz_db *db, mz_check_result *r, mz_error *err)
{
    size_t n = r->n_members;
    int64_t *ids = malloc(n * sizeof *ids);
    mz_places *pl = calloc(n, sizeof *pl);
    mz_status rc = !ids || !pl ? mz_fail(err, MZ_ERR_NOMEM, "out of memory") : MZ_OK;
    for (size_t i = 0; rc == MZ_OK && i < n; i++)
        ids[i] = r->members[i].article_id;
    if (rc == MZ_OK && (rc = mz_ids_places(db, ids, n, pl, err)) == MZ_OK)
        for (size_t i = 0; i < n; i++)
            r->members[i].places = pl[i]; /* moved: the member owns them */
    free(ids);
    free(pl);
    return rc;
}

/* Distinct content words (stems, stopwords left out) of the claim, as the
 * index analyzes it; -1 on error. */
static int content_words(const char *claim, mz_error *err)
{
    mz_terms t = {0};
    if (mz_analyze(claim, strlen(claim), &t, err) != MZ_OK)
        return -1;
    int n = 0;
    for (size_t i = 0; i < t.n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !strcmp(t.v[i], t.v[j]);
        n += !seen;
    }
    mz_terms_clear(&t);
    return n;
}

/* The note on how the claim's wording was read: a question weighed as the
 * statement it asks about, a negation as the event it denies. Left unset
 * on out of memory, as other notes are. */
static void claim_form_note(mz_check_result *r, const char *statement, const char *event)
{
    mz_buf en = {0}, ar = {0};
    int rc = 0;
    if (statement) {
        rc |= mz_buf_printf(&en, "The claim is a question: the articles were weighed against "
                                 "the statement it asks about («%s»), and the verdict is that "
                                 "statement's.", statement);
        rc |= mz_buf_printf(&ar, "الادعاء سؤال: وُزنت المقالات بالعبارة التي يسأل عنها («%s»)، "
                                 "والحكم حكمها.", statement);
    }
    if (event) {
        rc |= mz_buf_printf(&en, "%sThe claim is a negation: the articles were weighed against the "
                                 "event it denies («%s») and each stance turned round: an article "
                                 "that reports the event contradicts the claim, one that denies it "
                                 "supports it.", statement ? " " : "", event);
        rc |= mz_buf_printf(&ar, "%sالادعاء منفي: وُزنت المقالات بالحدث الذي ينفيه («%s») ثم عُكس "
                                 "موقف كلٍّ منها: المقال الذي يورد الحدث يناقض الادعاء، والذي "
                                 "ينفيه يؤيده.", statement ? " " : "", event);
    }
    if (rc == 0) {
        r->note = mz_buf_take(&en);
        r->note_ar = mz_buf_take(&ar);
    }
    mz_buf_free(&en);
    mz_buf_free(&ar);
}

mz_status mz_check_tuned(mz_db *db, const mz_model *m, const char *claim,
                         const mz_check_options *opt, const mz_check_tuning *tune,
                         mz_check_result **out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the check result");
    *out = NULL;
    double t0 = now_ms();
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    if (!m)
        return mz_fail(err, MZ_ERR_ARG, "no stance model");
    size_t k = opt && opt->k ? opt->k : K_DEFAULT;
    if (k > K_MAX)
        return mz_fail(err, MZ_ERR_ARG, "k is %zu; it must be between 1 and %d", k, K_MAX);
    mz_check_result *r = calloc(1, sizeof *r);
    if (!r)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    char *statement = NULL;     /* the statement a question asks about */
    char *event = NULL;         /* the event a negated claim denies */
    mz_terms event_terms = {0}; /* its terms, as the index analyzes them */
    mz_status rc = mz_claim_prepare(claim, &r->claim, err);
    if (rc != MZ_OK)
        goto fail;
    /* A claim says who did what: one word («داعش», «الرقة») names a topic,
     * and every article about it would "report" it. The articles are still
     * retrieved and shown; mz_decide gives no verdict. */
    int words = content_words(r->claim, err);
    if (words < 0) {
        rc = err ? err->code : MZ_ERR_NOMEM;
        goto fail;
    }
    r->too_short = words == 1;
    /* a question is weighed as the statement it asks about (question.c); a
     * negated claim as the event it denies, stances turned round (negation.c) */
    if ((rc = mz_claim_question(r->claim, &statement, err)) != MZ_OK)
        goto fail;
    const char *asserted = statement ? statement : r->claim;
    if ((rc = mz_claim_negation(asserted, &event, err)) != MZ_OK ||
        (event && (rc = mz_analyze(event, strlen(event), &event_terms, err)) != MZ_OK))
        goto fail;
    const char *weighed = event ? event : asserted;
    int64_t stored = 0;
    if ((rc = mz_store_count(db, &stored, err)) != MZ_OK)
        goto fail;
    mz_candidate *cands = NULL;
    size_t n = 0;
    if (stored > 0) {
        rc = mz_retrieve(db, m, weighed, k, tune ? tune->rerank : NULL, &cands, &n,
                         &r->candidates, err);
        if (rc != MZ_OK)
            goto fail;
    }
    if (stored == 0) {
        r->note = mz_strdup("The database is empty: ingest articles first.");
        r->note_ar = mz_strdup("قاعدة البيانات فارغة: أضِف المقالات أولًا.");
    } else if (words == 0) {
        /* «في من على»: every article holds such words, so the index keeps
         * none of them; "no article shares a word" would be untrue */
        r->note = mz_strdup("The claim has no word to search for: words such as في، من، على are in "
                            "every article, so they are left out of the search. A claim to check "
                            "says who did what.");
        r->note_ar = mz_strdup("لا كلمة في الادعاء يُبحث بها: كلمات مثل في ومن وعلى ترد في كل مقال، "
                               "فتُترك في البحث. والادعاء الذي يُفحص يقول من فعل ماذا.");
    } else if (n == 0) {
        r->note = mz_strdup("No stored article shares a word with the claim.");
        r->note_ar = mz_strdup("لا يشترك أي مقال مخزَّن مع الادعاء في أي كلمة.");
    } else if (r->too_short) {
        r->note = mz_strdup("The claim is a single word: it names a topic, not something said of it. "
                            "A claim to check says who did what. The articles that mention it are "
                            "listed, with no verdict.");
        r->note_ar = mz_strdup("الادعاء كلمة واحدة: تسمّي موضوعًا ولا تقول عنه شيئًا، والادعاء الذي "
                               "يُفحص يقول من فعل ماذا. المقالات التي تذكره معروضة دون حكم.");
    } else if (event || statement) {
        claim_form_note(r, statement, event);
    }
    if (n > 0) {
        r->members = calloc(n, sizeof *r->members);
        if (!r->members) {
            mz_candidates_free(cands, n);
            rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            rc = fill_member(m, weighed, &cands[i], &r->members[i], err);
            r->n_members = i + 1; /* owns the moved strings even on failure */
            if (rc != MZ_OK)
                break;
            if (event)
                mz_turn_stance(&r->members[i], &event_terms);
        }
        mz_candidates_free(cands, n);
        if (rc == MZ_OK)
            rc = members_places(db, r, err);
        if (rc != MZ_OK)
            goto fail;
    }
    const mz_verdict_params *vp = tune && tune->verdict ? tune->verdict : &mz_verdict_default;
    rc = mz_check_build_voices(r, vp); /* with the members' topic marks (denial_topic.c) */
    if (rc != MZ_OK || (rc = mz_check_collect_numbers(r)) != MZ_OK ||
        (rc = mz_check_read_winners(r)) != MZ_OK ||
        (rc = mz_decide(r, tune ? tune->verdict : NULL)) != MZ_OK) {
        rc = mz_fail(err, rc, "out of memory");
        goto fail;
    }
    r->elapsed_ms = now_ms() - t0;
    free(statement);
    free(event);
    mz_terms_clear(&event_terms);
    *out = r;
    return MZ_OK;
fail:
    free(statement);
    free(event);
    mz_terms_clear(&event_terms);
    mz_check_result_free(r);
    return rc;
}

mz_status mz_check_redecide(mz_check_result *r, const mz_verdict_params *vp)
{
    mz_check_weigh_voices(r, vp);
    return mz_decide(r, vp);
}

mz_status mz_check(mz_db *db, const mz_model *m, const char *claim, const mz_check_options *opt,
                   mz_check_result **out, mz_error *err)
{
    return mz_check_tuned(db, m, claim, opt, NULL, out, err);
}
