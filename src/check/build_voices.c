/*
 * build_voices.c — turns the checked articles into independent voices: near-
 * copies (MinHash over the stored bodies) and articles of one site are one
 * voice (a copy of another site's story with that story's site, voices.c), represented by its most related member, whose stance it takes; an
 * article a later version of it supersedes (versions.c) is listed last and
 * represents nothing.
 * Voices are ordered strongest first (weight = 1 - P(unrelated)).
 */
#include "check/check.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

double mz_member_weight(const mz_check_member *m, double coverage_full)
{
    double w = 1.0 - m->probs[MZ_UNRELATED];
    if (coverage_full > 0 && m->coverage < coverage_full)
        w *= m->coverage / coverage_full; /* the claim's terms are not there together */
    return w < 0 ? 0 : w;
}

static mz_status add_source(mz_check_voice *v, const char *src)
{
    if (!src || !*src)
        return MZ_OK;
    for (size_t i = 0; i < v->n_sources; i++)
        if (!strcasecmp(v->sources[i], src))
            return MZ_OK;
    char **ns = realloc(v->sources, (v->n_sources + 1) * sizeof *ns);
    if (!ns)
        return MZ_ERR_NOMEM;
    v->sources = ns;
    if (!(ns[v->n_sources] = mz_strdup(src)))
        return MZ_ERR_NOMEM;
    v->n_sources++;
    return MZ_OK;
}

/* The representative's site goes first: the reason names a voice by
 * sources[0] and quotes the representative, so a denial only one copy
 * carries is not put in the mouth of another site. */
static void source_first(mz_check_voice *v, const char *src)
{
    for (size_t i = 1; src && i < v->n_sources; i++)
        if (!strcasecmp(v->sources[i], src)) {
            char *s = v->sources[i];
            memmove(v->sources + 1, v->sources, i * sizeof *v->sources);
            v->sources[0] = s;
            return;
        }
}

static int by_weight(const void *a, const void *b)
{
    const mz_check_voice *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return x->members[0] < y->members[0] ? -1 : x->members[0] > y->members[0];
}

/* Moves the voice's superseded members behind the others, each part in its
 * order; returns how many are not superseded (all of them when every one
 * is, which versions.c's order rules out: one of them is the latest). */
static size_t superseded_last(const mz_check_result *r, mz_check_voice *vo)
{
    size_t live = 0;
    for (size_t i = 0; i < vo->n_members; i++)
        if (!r->members[vo->members[i]].superseded_by) {
            size_t t = vo->members[i];
            memmove(vo->members + live + 1, vo->members + live, (i - live) * sizeof *vo->members);
            vo->members[live++] = t;
        }
    return live ? live : vo->n_members;
}

void mz_check_weigh_voices(mz_check_result *r, const mz_verdict_params *vp)
{
    double coverage_full = vp->coverage_full;
    for (size_t v = 0; v < r->n_voices; v++) {
        mz_check_voice *vo = &r->voices[v];
        /* retrieval order, then the most related member moved to the front */
        size_t best = 0;
        for (size_t i = 1; i < vo->n_members; i++)
            for (size_t j = i; j > 0 && vo->members[j] < vo->members[j - 1]; j--) {
                size_t t = vo->members[j];
                vo->members[j] = vo->members[j - 1];
                vo->members[j - 1] = t;
            }
        /* superseded versions last (versions.c): the voice is one of the rest */
        size_t live = superseded_last(r, vo);
        for (size_t i = 1; i < live; i++)
            if (mz_member_weight(&r->members[vo->members[i]], coverage_full) >
                mz_member_weight(&r->members[vo->members[best]], coverage_full))
                best = i;
        /* a denial the site's own later report overtook is its history */
        best = mz_voice_later_word(r, vo, live, best, vp->min_related, coverage_full);
        size_t rep_i = vo->members[best];
        memmove(vo->members + 1, vo->members, best * sizeof *vo->members);
        vo->members[0] = rep_i;
        const mz_check_member *rep = &r->members[rep_i];
        source_first(vo, rep->source);
        for (int s = 0; s < MZ_N_STANCES; s++)
            vo->probs[s] = rep->probs[s];
        vo->stance = rep->stance;
        vo->weight = mz_member_weight(rep, coverage_full);
        vo->other_matter = vo->topic_only = false; /* mz_decide weighs them anew */
    }
    qsort(r->voices, r->n_voices, sizeof *r->voices, by_weight);
    for (size_t v = 0; v < r->n_voices; v++)
        for (size_t i = 0; i < r->voices[v].n_members; i++)
            r->members[r->voices[v].members[i]].voice = (int)v + 1;
    /* weighed again (mz_check_redecide, eval-claims' sweep) after the
     * numbers were collected: their values follow their article to its
     * voice's new place, else the reason named another voice's site */
    for (size_t q = 0; q < r->n_numbers; q++)
        for (size_t k = 0; k < r->numbers[q].n_values; k++) {
            mz_check_value *x = &r->numbers[q].values[k];
            for (size_t i = 0; i < r->n_members; i++)
                if (r->members[i].article_id == x->article_id) {
                    x->voice = r->members[i].voice;
                    break;
                }
        }
}


mz_status mz_check_build_voices(mz_check_result *r, const mz_verdict_params *vp)
{
    size_t n = r->n_members;
    if (n == 0)
        return MZ_OK;
    mz_minhash *sigs = malloc(n * sizeof *sigs);
    const char **src = malloc(n * sizeof *src), **url = malloc(n * sizeof *url);
    size_t *voice_of = malloc(n * sizeof *voice_of);
    int *day = malloc(n * sizeof *day);
    int64_t *id = malloc(n * sizeof *id);
    mz_status rc = MZ_ERR_NOMEM;
    if (!sigs || !src || !url || !voice_of || !day || !id)
        goto done;
    for (size_t i = 0; i < n; i++) {
        mz_minhash_text(r->members[i].body ? r->members[i].body : "", r->members[i].body_len,
                        &sigs[i]);
        src[i] = r->members[i].source;
        url[i] = r->members[i].url;
        day[i] = mz_published_day(r->members[i].published);
        id[i] = r->members[i].article_id; /* ingest order: who ran a story first */
    }
    size_t nv = mz_group_voices(sigs, src, url, day, id, n, MZ_COPY_JACCARD, voice_of);
    if (nv == 0 || mz_mark_superseded(r, sigs) != MZ_OK)
        goto done;
    /* the members' topic marks, once the superseded versions are known (the
     * pool counts the latest alone) and before the voices are weighed: a
     * site's later report must tell more than the story's topic to be its
     * word (voice_later_word.c) */
    mz_mark_topic_denials(r);
    r->voices = calloc(nv, sizeof *r->voices);
    if (!r->voices)
        goto done;
    r->n_voices = nv;
    for (size_t v = 0; v < nv; v++) {
        mz_check_voice *vo = &r->voices[v];
        vo->members = malloc(n * sizeof *vo->members);
        if (!vo->members)
            goto done;
        for (size_t i = 0; i < n; i++)
            if (voice_of[i] == v) {
                vo->members[vo->n_members++] = i;
                if (add_source(vo, r->members[i].source) != MZ_OK)
                    goto done;
            }
        /* the sites that carried an exact copy of a member's text: they
         * name the voice too, after its articles' own (one voice all the
         * same: a copy is no independent source) */
        for (size_t i = 0; i < n; i++)
            if (voice_of[i] == v) {
                const mz_places *p = &r->members[i].places;
                for (size_t k = 0; k < p->n; k++)
                    if (add_source(vo, p->v[k].source) != MZ_OK)
                        goto done;
            }
    }
    mz_check_weigh_voices(r, vp);
    rc = MZ_OK;
done:
    free(sigs);
    free(src);
    free(url);
    free(voice_of);
    free(day);
    free(id);
    return rc;
}
