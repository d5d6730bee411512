/*
 * retrieve.c — candidates for a claim: BM25 over the whole store, then a
 * re-rank by sentence-level evidence.
 *
 * Every claim in a news collection shares its topic with hundreds of
 * articles (Syria, the war, the same actors), so BM25 over whole pages ranks
 * topical pages next to the ones that report the claim's event. The event is
 * the claim's terms *together*: the re-rank scores each of the pool's
 * articles by
 *   - window: the best window of two consecutive sentences' coverage of the
 *     claim's terms, each term weighted by its IDF within the pool (terms
 *     every candidate has — the shared topic — count little; numbers count
 *     extra);
 *   - proximity: the share of the claim's adjacent term pairs (actor +
 *     action) found within 3 words of each other in one sentence;
 *   - title: IDF-weighted coverage of the claim by the title;
 *   - the BM25 score relative to the pool's best;
 *   - with a stance model, its P(related): the learned sentence-level
 *     relatedness of the article to the claim (the same prediction is then
 *     reused as the article's stance, so it costs nothing extra for the k
 *     kept, and ~pool predictions in all).
 * The weights are chosen on train.jsonl (folds 1-3) with eval-claims.
 */
#include "check/check.h"
#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QTERMS 64 /* claim terms kept (bit masks of uint64_t) */
#define MAX_ALIASES 32
#define PROX_SPAN 3
#define MZ_TERM_CAP 130

const mz_rerank_params mz_rerank_default = {
    .pool = 100,
    .w_bm25 = 1.0,
    .w_window = 1.0,
    .w_prox = 0.25,
    .w_title = 0.5,
    .w_related = 0.0, /* measured: no recall gain on train (0.625 at best vs 0.622) */
};

/* The claim as matching terms (stems), in order, unique. */
typedef struct qterms {
    char *v[MAX_QTERMS];
    size_t len[MAX_QTERMS]; /* strlen(v[i]): compared first, for every word of the pool */
    bool number[MAX_QTERMS];
    size_t n;
    int pair_next[MAX_QTERMS]; /* index of the next term in claim order, or -1 */
    /* alias implications: an article term that stands for claim terms */
    char *alias[MAX_ALIASES];
    size_t alias_len[MAX_ALIASES];
    uint64_t alias_mask[MAX_ALIASES];
    size_t n_alias;
} qterms;

/* Claim, aliases, titles and bodies go through the index's own analyzer
 * (store/analyze.c: normalize, drop stopwords, stem, with a word -> stem
 * cache), so query and documents meet exactly as the index sees them. A
 * term is a number when its normalized form starts with a digit. */
static bool is_number(const char *w, size_t len)
{
    return len && w[0] >= '0' && w[0] <= '9';
}

static int find_term(const qterms *q, const char *w, size_t len)
{
    for (size_t i = 0; i < q->n; i++)
        if (q->len[i] == len && !memcmp(q->v[i], w, len))
            return (int)i;
    return -1;
}

struct qctx {
    qterms *q;
    int prev;
};

static int add_qterm(void *ctx, const char *w, size_t len, size_t start, size_t end)
{
    (void)start;
    (void)end;
    bool number = is_number(w, len);
    struct qctx *c = ctx;
    qterms *q = c->q;
    int i = find_term(q, w, len);
    if (i < 0 && q->n < MAX_QTERMS) {
        q->v[q->n] = mz_strndup(w, len);
        if (!q->v[q->n])
            return -1;
        q->len[q->n] = len;
        q->number[q->n] = number;
        q->pair_next[q->n] = -1;
        i = (int)q->n++;
    }
    if (i >= 0 && c->prev >= 0 && c->prev != i && q->pair_next[c->prev] < 0)
        q->pair_next[c->prev] = i;
    c->prev = i;
    return 0;
}

static void qterms_clear(qterms *q)
{
    for (size_t i = 0; i < q->n; i++)
        free(q->v[i]);
    for (size_t i = 0; i < q->n_alias; i++)
        free(q->alias[i]);
    q->n = 0;
    q->n_alias = 0;
}

/* Stems of one alias form, in order. */
typedef struct form_terms {
    char v[4][MZ_TERM_CAP];
    size_t n;
} form_terms;

static int collect_form(void *ctx, const char *w, size_t len, size_t start, size_t end)
{
    (void)start;
    (void)end;
    form_terms *f = ctx;
    if (f->n < 4 && len < MZ_TERM_CAP) {
        memcpy(f->v[f->n], w, len);
        f->v[f->n][len] = '\0';
        f->n++;
    }
    return 0;
}

/* Names written several ways (text/aliases.c): for each alias group the
 * claim uses, the other forms imply the claim's form: their last word sets
 * the claim form's bits. */
static mz_status add_aliases(mz_analyzer *an, qterms *q)
{
    for (size_t g = 0; g < mz_n_alias_groups; g++) {
        form_terms forms[MZ_ALIAS_FORMS];
        uint64_t used = 0; /* claim terms of a form the claim contains */
        size_t nf = 0;
        for (size_t k = 0; k < MZ_ALIAS_FORMS && mz_alias_groups[g][k]; k++, nf++) {
            forms[k].n = 0;
            const char *s = mz_alias_groups[g][k];
            if (mz_analyze_each(an, s, strlen(s), collect_form, &forms[k]) != 0)
                return MZ_ERR_NOMEM;
            uint64_t m = 0;
            size_t hit = 0;
            for (size_t t = 0; t < forms[k].n; t++) {
                int i = find_term(q, forms[k].v[t], strlen(forms[k].v[t]));
                if (i >= 0) {
                    m |= 1ULL << i;
                    hit++;
                }
            }
            if (forms[k].n && hit == forms[k].n)
                used |= m;
        }
        if (!used)
            continue;
        for (size_t k = 0; k < nf; k++) {
            if (!forms[k].n || q->n_alias >= MAX_ALIASES)
                continue;
            const char *last = forms[k].v[forms[k].n - 1];
            if (find_term(q, last, strlen(last)) >= 0)
                continue; /* the claim's own word: matched directly */
            q->alias[q->n_alias] = mz_strdup(last);
            if (!q->alias[q->n_alias])
                return MZ_ERR_NOMEM;
            q->alias_len[q->n_alias] = strlen(last);
            q->alias_mask[q->n_alias++] = used;
        }
    }
    return MZ_OK;
}

/* Per-sentence masks of the claim terms present and of the adjacent claim
 * pairs found close together. */
typedef struct sent_mask {
    uint64_t terms, pairs;
} sent_mask;

struct dctx {
    const qterms *q;
    const mz_sentences *sents;
    size_t cur;           /* current sentence */
    sent_mask *masks;     /* one per sentence */
    size_t pos;           /* token position within the sentence */
    size_t last_pos[MAX_QTERMS];
    bool seen[MAX_QTERMS];
    uint64_t all;         /* every claim term anywhere in the text */
};

static int doc_term(void *ctx, const char *w, size_t len, size_t start, size_t end)
{
    (void)end;
    struct dctx *c = ctx;
    while (c->cur + 1 < c->sents->n && start >= c->sents->v[c->cur].end) {
        c->cur++; /* moved into the next sentence: positions restart */
        c->pos = 0;
        memset(c->seen, 0, sizeof c->seen);
    }
    c->pos++;
    int i = find_term(c->q, w, len);
    if (c->sents->n == 0)
        return 0;
    if (i < 0) {
        for (size_t a = 0; a < c->q->n_alias; a++)
            if (c->q->alias_len[a] == len && !memcmp(c->q->alias[a], w, len)) {
                c->masks[c->cur].terms |= c->q->alias_mask[a];
                c->all |= c->q->alias_mask[a];
            }
        return 0;
    }
    sent_mask *m = &c->masks[c->cur];
    m->terms |= 1ULL << i;
    c->all |= 1ULL << i;
    /* a pair (a, b) with b = next(a) is close when both occur within the span */
    for (size_t a = 0; a < c->q->n; a++) {
        int b = c->q->pair_next[a];
        if (b < 0)
            continue;
        int other = (size_t)i == a ? b : (b == i ? (int)a : -1);
        if (other >= 0 && c->seen[other] && c->pos - c->last_pos[other] <= PROX_SPAN)
            m->pairs |= 1ULL << a;
    }
    c->seen[i] = true;
    c->last_pos[i] = c->pos;
    return 0;
}

/* What the re-rank needs of one pool article. */
typedef struct doc_feats {
    sent_mask *masks;
    size_t n_sents;
    uint64_t all, title;
} doc_feats;

static mz_status doc_features(mz_analyzer *an, const qterms *q, const mz_article *a, doc_feats *f)
{
    memset(f, 0, sizeof *f);
    const char *body = a->body ? a->body : "";
    size_t len = strlen(body);
    mz_sentences sents = {0};
    if (mz_split_sentences(body, len, &sents) != MZ_OK)
        return MZ_ERR_NOMEM;
    f->n_sents = sents.n;
    f->masks = calloc(sents.n ? sents.n : 1, sizeof *f->masks);
    if (!f->masks) {
        mz_sentences_clear(&sents);
        return MZ_ERR_NOMEM;
    }
    struct dctx c = {.q = q, .sents = &sents, .masks = f->masks};
    mz_status rc = mz_analyze_each(an, body, len, doc_term, &c) ? MZ_ERR_NOMEM : MZ_OK;
    f->all = c.all;
    mz_sentences_clear(&sents);
    if (rc == MZ_OK && a->title) {
        mz_sentences one = {0};
        mz_span32 whole = {0, (uint32_t)strlen(a->title)};
        one.v = &whole;
        one.n = 1;
        sent_mask tm = {0, 0};
        struct dctx t = {.q = q, .sents = &one, .masks = &tm};
        rc = mz_analyze_each(an, a->title, strlen(a->title), doc_term, &t) ? MZ_ERR_NOMEM : MZ_OK;
        f->title = t.all;
    }
    return rc;
}

static double mask_weight(uint64_t m, const double *w, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        if (m & (1ULL << i))
            s += w[i];
    return s;
}

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static int by_score(const void *a, const void *b)
{
    const mz_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->id < y->id ? -1 : x->id > y->id; /* stable tie-break */
}

void mz_candidates_free(mz_candidate *c, size_t n)
{
    if (!c)
        return;
    for (size_t i = 0; i < n; i++)
        mz_article_clear(&c[i].article);
    free(c);
}

mz_status mz_retrieve(mz_db *db, const mz_model *m, const char *claim, size_t k,
                      const mz_rerank_params *p, mz_candidate **out, size_t *n_out,
                      size_t *n_pool, mz_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (n_pool)
        *n_pool = 0;
    if (!p)
        p = &mz_rerank_default;
    mz_terms terms = {0};
    mz_status rc = mz_analyze(claim, strlen(claim), &terms, err);
    if (rc != MZ_OK)
        return rc;
    if (terms.n == 0) {
        mz_terms_clear(&terms);
        return MZ_OK; /* only stopwords: nothing can match */
    }
    mz_scored *hits = NULL;
    size_t n_hits = 0;
    size_t pool = p->pool > k ? p->pool : k;
    rc = mz_store_candidates(db, (const char *const *)terms.v, terms.n, pool, &hits, &n_hits, err);
    mz_terms_clear(&terms);
    if (rc != MZ_OK)
        return rc;
    if (n_pool)
        *n_pool = n_hits;
    if (n_hits == 0) {
        free(hits);
        return MZ_OK;
    }

    mz_analyzer *an = mz_db_analyzer(db);
    qterms q = {.n = 0};
    mz_candidate *c = calloc(n_hits, sizeof *c);
    doc_feats *f = calloc(n_hits, sizeof *f);
    double *idf = NULL;
    if (!an || !c || !f) {
        rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        goto done;
    }
    struct qctx qc = {&q, -1};
    if (mz_analyze_each(an, claim, strlen(claim), add_qterm, &qc) != 0 ||
        add_aliases(an, &q) != MZ_OK) {
        rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        goto done;
    }
    /* Candidates deleted since the search (by a server's other client) are
     * left out as they come: the kept ones move down to c[kept]. */
    size_t kept = 0;
    for (size_t i = 0; i < n_hits; i++) {
        mz_candidate *ci = &c[kept];
        ci->id = hits[i].id;
        ci->bm25 = hits[i].score;
        rc = mz_article_get(db, hits[i].id, &ci->article, err);
        if (rc == MZ_ERR_NOT_FOUND) {
            mz_error_clear(err);
            mz_article_clear(&ci->article);
            memset(ci, 0, sizeof *ci);
            rc = MZ_OK;
            continue;
        }
        hits[kept] = hits[i];
        if (rc == MZ_OK)
            rc = doc_features(an, &q, &ci->article, &f[kept]);
        if (rc == MZ_OK && m && p->w_related > 0) {
            const char *body = ci->article.body ? ci->article.body : "";
            rc = mz_stance_predict(m, claim, ci->article.title, body, strlen(body),
                                   &ci->stance, err);
            ci->has_stance = rc == MZ_OK;
            ci->related = rc == MZ_OK ? 1.0 - ci->stance.probs[MZ_UNRELATED] : 0;
        }
        kept++;
        if (rc != MZ_OK) {
            if (rc == MZ_ERR_NOMEM)
                mz_fail(err, rc, "out of memory");
            goto done;
        }
    }
    n_hits = kept;
    if (n_pool)
        *n_pool = n_hits;
    if (n_hits == 0)
        goto done; /* every candidate was deleted meanwhile: none (rc is MZ_OK) */
    /* IDF of each claim term within the pool: the shared topic weighs little. */
    idf = calloc(q.n ? q.n : 1, sizeof *idf);
    if (!idf) {
        rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        goto done;
    }
    double total = 0;
    for (size_t t = 0; t < q.n; t++) {
        size_t df = 0;
        for (size_t i = 0; i < n_hits; i++)
            df += (f[i].all >> t) & 1;
        /* smoothed: in a small pool (five articles on one story) a word all
         * of them share still counts, less than a rare one */
        idf[t] = 1.0 + log(((double)n_hits + 1.0) / ((double)df + 1.0));
        if (q.number[t])
            idf[t] *= 1.5;
        total += idf[t];
    }
    if (total <= 0)
        total = 1;
    size_t n_pairs = 0;
    for (size_t t = 0; t < q.n; t++)
        n_pairs += q.pair_next[t] >= 0;
    double best_bm = hits[0].score > 0 ? hits[0].score : 1;
    for (size_t i = 0; i < n_hits; i++) {
        double win = 0;
        int prox = 0;
        size_t best_s = 0;
        for (size_t s = 0; s < f[i].n_sents; s++) {
            uint64_t m = f[i].masks[s].terms;
            if (s + 1 < f[i].n_sents)
                m |= f[i].masks[s + 1].terms;
            double w = mask_weight(m, idf, q.n) / total;
            if (w > win) {
                win = w;
                best_s = s;
            }
            int pr = popcount64(f[i].masks[s].pairs);
            if (pr > prox)
                prox = pr;
        }
        (void)best_s;
        c[i].window = win;
        c[i].proximity = n_pairs ? (double)prox / (double)n_pairs : 0;
        c[i].title_cov = mask_weight(f[i].title, idf, q.n) / total;
        c[i].score = p->w_bm25 * c[i].bm25 / best_bm + p->w_window * c[i].window +
                     p->w_prox * c[i].proximity + p->w_title * c[i].title_cov +
                     p->w_related * c[i].related;
    }
    qsort(c, n_hits, sizeof *c, by_score);
    size_t keep = n_hits < k ? n_hits : k;
    if (mz_pull_later_versions(c, n_hits, &keep) != MZ_OK) {
        rc = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t i = keep; i < n_hits; i++)
        mz_article_clear(&c[i].article);
    *out = c;
    *n_out = keep;
    c = NULL;
done:
    if (f)
        for (size_t i = 0; i < n_hits; i++)
            free(f[i].masks);
    free(f);
    free(idf);
    if (c)
        mz_candidates_free(c, n_hits);
    free(hits);
    qterms_clear(&q);
    return rc;
}
