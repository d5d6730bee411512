/*
 * lexicon.c — cue words and phrases (denial, rumour, negation, attribution,
 * hedging, assertion). These are feature *detectors*: the model learns from
 * data how much each cue class weighs, in which scope; nothing here decides a
 * label. Entries are written as Arabic is written and normalized with the
 * text engine when the lexicon is built, so they match the normalized tokens
 * of any spelling (كذّب/كذب، أكد/اكد، شائعة/شايعه ...).
 */
#include "stance/stance.h"
#include "text/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static const struct entry {
    const char *text;
    mz_cue cue;
} entries[] = {
    /* denial / refutation: verbs in the forms news prose uses, and phrases */
    {"نفى", MZ_CUE_DENIAL}, {"نفت", MZ_CUE_DENIAL}, {"ينفي", MZ_CUE_DENIAL},
    {"تنفي", MZ_CUE_DENIAL}, {"ينفون", MZ_CUE_DENIAL}, {"نفوا", MZ_CUE_DENIAL},
    {"نفي", MZ_CUE_DENIAL}, {"نفيا", MZ_CUE_DENIAL}, {"نافيا", MZ_CUE_DENIAL},
    {"نافية", MZ_CUE_DENIAL}, {"نفاه", MZ_CUE_DENIAL}, {"نفته", MZ_CUE_DENIAL},
    {"تنفيه", MZ_CUE_DENIAL}, {"ينفيه", MZ_CUE_DENIAL}, {"كذب", MZ_CUE_DENIAL},
    {"كذبت", MZ_CUE_DENIAL}, {"يكذب", MZ_CUE_DENIAL}, {"تكذب", MZ_CUE_DENIAL},
    {"تكذيب", MZ_CUE_DENIAL}, {"فند", MZ_CUE_DENIAL}, {"فندت", MZ_CUE_DENIAL},
    {"يفند", MZ_CUE_DENIAL}, {"تفند", MZ_CUE_DENIAL}, {"تفنيد", MZ_CUE_DENIAL},
    {"دحض", MZ_CUE_DENIAL}, {"دحضت", MZ_CUE_DENIAL}, {"يدحض", MZ_CUE_DENIAL},
    {"تدحض", MZ_CUE_DENIAL}, {"أنكر", MZ_CUE_DENIAL}, {"أنكرت", MZ_CUE_DENIAL},
    {"ينكر", MZ_CUE_DENIAL}, {"تنكر", MZ_CUE_DENIAL}, {"إنكار", MZ_CUE_DENIAL},
    {"مغلوطة", MZ_CUE_DENIAL}, {"مغلوط", MZ_CUE_DENIAL}, {"خاطئة", MZ_CUE_DENIAL},
    {"عارية", MZ_CUE_DENIAL}, {"عار عن الصحة", MZ_CUE_DENIAL},
    {"عار من الصحة", MZ_CUE_DENIAL}, {"لا أساس له من الصحة", MZ_CUE_DENIAL},
    {"لا أساس لها من الصحة", MZ_CUE_DENIAL}, {"لا أساس لهذه", MZ_CUE_DENIAL},
    {"لا أساس", MZ_CUE_DENIAL}, {"لا صحة", MZ_CUE_DENIAL}, {"غير صحيح", MZ_CUE_DENIAL},
    {"غير صحيحة", MZ_CUE_DENIAL}, {"ليس صحيحا", MZ_CUE_DENIAL},
    {"غير دقيق", MZ_CUE_DENIAL}, {"غير دقيقة", MZ_CUE_DENIAL},
    {"جملة وتفصيلا", MZ_CUE_DENIAL}, {"لم يحدث", MZ_CUE_DENIAL},
    /* rumour / fabrication */
    {"شائعة", MZ_CUE_FAKE}, {"شائعات", MZ_CUE_FAKE}, {"إشاعة", MZ_CUE_FAKE},
    {"إشاعات", MZ_CUE_FAKE}, {"مزاعم", MZ_CUE_FAKE}, {"ادعاءات", MZ_CUE_FAKE},
    {"ادعاء", MZ_CUE_FAKE}, {"مفبرك", MZ_CUE_FAKE}, {"مفبركة", MZ_CUE_FAKE},
    {"فبركة", MZ_CUE_FAKE}, {"ملفق", MZ_CUE_FAKE}, {"ملفقة", MZ_CUE_FAKE},
    {"زائف", MZ_CUE_FAKE}, {"زائفة", MZ_CUE_FAKE}, {"كاذب", MZ_CUE_FAKE},
    {"كاذبة", MZ_CUE_FAKE}, {"أكاذيب", MZ_CUE_FAKE}, {"تضليل", MZ_CUE_FAKE},
    {"مضللة", MZ_CUE_FAKE}, {"مضلل", MZ_CUE_FAKE}, {"أخبار كاذبة", MZ_CUE_FAKE},
    {"افتراءات", MZ_CUE_FAKE}, {"فبركات", MZ_CUE_FAKE},
    /* fact-check phrasing */
    {"ما حقيقة", MZ_CUE_FAKE}, {"حقيقة الخبر", MZ_CUE_FAKE}, {"خبر كاذب", MZ_CUE_FAKE},
    {"عدم صحة", MZ_CUE_DENIAL}, {"زيف", MZ_CUE_FAKE}, {"مزيف", MZ_CUE_FAKE},
    {"مزيفة", MZ_CUE_FAKE},
    /* negation particles */
    {"لا", MZ_CUE_NEGATION}, {"لم", MZ_CUE_NEGATION}, {"لن", MZ_CUE_NEGATION},
    {"ليس", MZ_CUE_NEGATION}, {"ليست", MZ_CUE_NEGATION}, {"ليسوا", MZ_CUE_NEGATION},
    {"غير", MZ_CUE_NEGATION}, {"عدم", MZ_CUE_NEGATION}, {"دون", MZ_CUE_NEGATION},
    {"بدون", MZ_CUE_NEGATION}, {"رفض", MZ_CUE_NEGATION}, {"رفضت", MZ_CUE_NEGATION},
    /* attribution / reporting */
    {"نقلا عن", MZ_CUE_ATTRIB}, {"بحسب", MZ_CUE_ATTRIB}, {"حسب", MZ_CUE_ATTRIB},
    {"وفق", MZ_CUE_ATTRIB}, {"وفقا", MZ_CUE_ATTRIB}, {"طبقا", MZ_CUE_ATTRIB},
    {"ذكرت", MZ_CUE_ATTRIB}, {"ذكر", MZ_CUE_ATTRIB}, {"أفادت", MZ_CUE_ATTRIB},
    {"أفاد", MZ_CUE_ATTRIB}, {"نقلت", MZ_CUE_ATTRIB}, {"أوردت", MZ_CUE_ATTRIB},
    {"مصادر", MZ_CUE_ATTRIB}, {"مصدر", MZ_CUE_ATTRIB}, {"ناشطون", MZ_CUE_ATTRIB},
    {"ناشطين", MZ_CUE_ATTRIB}, {"نشطاء", MZ_CUE_ATTRIB}, {"تقارير", MZ_CUE_ATTRIB},
    {"أنباء", MZ_CUE_ATTRIB}, {"مراسل", MZ_CUE_ATTRIB}, {"وسائل إعلام", MZ_CUE_ATTRIB},
    {"وسائل الإعلام", MZ_CUE_ATTRIB}, {"مواقع التواصل", MZ_CUE_CIRCULATED},
    {"تداول", MZ_CUE_CIRCULATED}, {"تداولت", MZ_CUE_CIRCULATED}, {"يتداول", MZ_CUE_CIRCULATED},
    {"متداولة", MZ_CUE_CIRCULATED}, {"تناقل", MZ_CUE_CIRCULATED}, {"تناقلت", MZ_CUE_CIRCULATED},
    {"تداولته", MZ_CUE_CIRCULATED}, {"تناقلته", MZ_CUE_CIRCULATED}, {"تتداول", MZ_CUE_CIRCULATED},
    {"المتداولة", MZ_CUE_CIRCULATED}, {"منصات التواصل", MZ_CUE_CIRCULATED},
    {"تحدثت", MZ_CUE_ATTRIB}, {"روايات", MZ_CUE_ATTRIB}, {"شهود", MZ_CUE_ATTRIB},
    {"المرصد", MZ_CUE_ATTRIB}, {"صحيفة", MZ_CUE_ATTRIB}, {"وكالة", MZ_CUE_ATTRIB},
    /* hedging / modality */
    {"يزعم", MZ_CUE_HEDGE}, {"تزعم", MZ_CUE_HEDGE}, {"زعم", MZ_CUE_HEDGE},
    {"زعمت", MZ_CUE_HEDGE}, {"يعتقد", MZ_CUE_HEDGE}, {"ربما", MZ_CUE_HEDGE},
    {"قد", MZ_CUE_HEDGE}, {"يحتمل", MZ_CUE_HEDGE}, {"محتمل", MZ_CUE_HEDGE},
    {"احتمال", MZ_CUE_HEDGE}, {"مزعوم", MZ_CUE_HEDGE}, {"مزعومة", MZ_CUE_HEDGE},
    {"غير مؤكد", MZ_CUE_HEDGE}, {"غير مؤكدة", MZ_CUE_HEDGE}, {"لم يتسن", MZ_CUE_HEDGE},
    {"لم يتسنى", MZ_CUE_HEDGE}, {"لم يتم التأكد", MZ_CUE_HEDGE}, {"يبدو", MZ_CUE_HEDGE},
    {"يرجح", MZ_CUE_HEDGE}, {"مرجح", MZ_CUE_HEDGE}, {"تكهنات", MZ_CUE_HEDGE},
    {"تساؤلات", MZ_CUE_HEDGE}, {"هل", MZ_CUE_HEDGE}, {"أنباء عن", MZ_CUE_HEDGE},
    {"يشتبه", MZ_CUE_HEDGE}, {"يُشتبه", MZ_CUE_HEDGE},
    /* "neither confirmed nor denied": the denial word names what did not
     * happen, so the phrase is a hedge, not a denial (longest match wins) */
    {"تأكيد أو نفي", MZ_CUE_HEDGE}, {"تأكيد ولا نفي", MZ_CUE_HEDGE},
    {"لا تأكيد ولا نفي", MZ_CUE_HEDGE}, {"نفي أو تأكيد", MZ_CUE_HEDGE},
    {"تأكيدا أو نفيا", MZ_CUE_HEDGE}, {"نفيا أو تأكيدا", MZ_CUE_HEDGE},
    {"يؤكد أو ينفي", MZ_CUE_HEDGE}, {"تؤكد أو تنفي", MZ_CUE_HEDGE},
    {"يؤكد أو ينف", MZ_CUE_HEDGE}, {"تؤكد أو تنف", MZ_CUE_HEDGE},
    {"يؤكد ولم ينف", MZ_CUE_HEDGE}, {"تؤكد ولم تنف", MZ_CUE_HEDGE},
    {"يؤكد ولا ينفي", MZ_CUE_HEDGE}, {"تؤكد ولا تنفي", MZ_CUE_HEDGE},
    {"ينفي أو يؤكد", MZ_CUE_HEDGE}, {"تنفي أو تؤكد", MZ_CUE_HEDGE},
    /* assertion / confirmation */
    {"أكد", MZ_CUE_ASSERT}, {"أكدت", MZ_CUE_ASSERT}, {"يؤكد", MZ_CUE_ASSERT},
    {"تؤكد", MZ_CUE_ASSERT}, {"تأكيد", MZ_CUE_ASSERT}, {"أعلن", MZ_CUE_ASSERT},
    {"أعلنت", MZ_CUE_ASSERT}, {"يعلن", MZ_CUE_ASSERT}, {"تعلن", MZ_CUE_ASSERT},
    {"كشف", MZ_CUE_ASSERT}, {"كشفت", MZ_CUE_ASSERT}, {"ثبت", MZ_CUE_ASSERT},
    {"أثبت", MZ_CUE_ASSERT}, {"اعترف", MZ_CUE_ASSERT}, {"اعترفت", MZ_CUE_ASSERT},
    {"أقر", MZ_CUE_ASSERT}, {"أقرت", MZ_CUE_ASSERT}, {"رسميا", MZ_CUE_ASSERT},
    {"بالفعل", MZ_CUE_ASSERT}, {"تمكنت", MZ_CUE_ASSERT}, {"تمكن", MZ_CUE_ASSERT},
    /* reported statements and the dated wire style ("... said on Thursday") */
    {"قال", MZ_CUE_SAID}, {"قالت", MZ_CUE_SAID}, {"يقول", MZ_CUE_SAID},
    {"تقول", MZ_CUE_SAID}, {"صرح", MZ_CUE_SAID}, {"صرحت", MZ_CUE_SAID},
    {"السبت", MZ_CUE_TIME}, {"الأحد", MZ_CUE_TIME}, {"الاثنين", MZ_CUE_TIME},
    {"الإثنين", MZ_CUE_TIME}, {"الثلاثاء", MZ_CUE_TIME}, {"الأربعاء", MZ_CUE_TIME},
    {"الخميس", MZ_CUE_TIME}, {"الجمعة", MZ_CUE_TIME},
    /* contrast: the article gives another account */
    {"لكن", MZ_CUE_CONTRAST}, {"لكنه", MZ_CUE_CONTRAST}, {"لكنها", MZ_CUE_CONTRAST},
    {"إلا أن", MZ_CUE_CONTRAST}, {"غير أن", MZ_CUE_CONTRAST}, {"بينما", MZ_CUE_CONTRAST},
    {"في حين", MZ_CUE_CONTRAST}, {"رغم", MZ_CUE_CONTRAST}, {"الرغم", MZ_CUE_CONTRAST},
    {"ما زال", MZ_CUE_CONTRAST}, {"مازال", MZ_CUE_CONTRAST}, {"لا يزال", MZ_CUE_CONTRAST},
    {"لا تزال", MZ_CUE_CONTRAST}, {"فشل", MZ_CUE_CONTRAST}, {"فشلت", MZ_CUE_CONTRAST},
    {"تفشل", MZ_CUE_CONTRAST}, {"يفشل", MZ_CUE_CONTRAST}, {"تجاهل", MZ_CUE_CONTRAST},
    {"براءة", MZ_CUE_CONTRAST}, {"بل", MZ_CUE_CONTRAST},
    /* conflicting accounts: the article sets one version against another */
    {"تضاربت", MZ_CUE_CONFLICT}, {"تضارب", MZ_CUE_CONFLICT}, {"تتضارب", MZ_CUE_CONFLICT},
    {"يتضارب", MZ_CUE_CONFLICT}, {"متضاربة", MZ_CUE_CONFLICT}, {"متضارب", MZ_CUE_CONFLICT},
    {"متضاربتان", MZ_CUE_CONFLICT}, {"متضاربين", MZ_CUE_CONFLICT}, {"تباينت", MZ_CUE_CONFLICT},
    {"تتباين", MZ_CUE_CONFLICT}, {"متباينة", MZ_CUE_CONFLICT}, {"تناقضت", MZ_CUE_CONFLICT},
    {"متناقضة", MZ_CUE_CONFLICT}, {"روايتان", MZ_CUE_CONFLICT}, {"روايتين", MZ_CUE_CONFLICT},
    {"متناقضتان", MZ_CUE_CONFLICT}, {"متناقضتين", MZ_CUE_CONFLICT}, {"تعارضت", MZ_CUE_CONFLICT},
    {"متعارضة", MZ_CUE_CONFLICT}, {"متعارضتان", MZ_CUE_CONFLICT}, {"متعارضتين", MZ_CUE_CONFLICT},
    {"متباينتان", MZ_CUE_CONFLICT}, {"متباينتين", MZ_CUE_CONFLICT}, {"بين تأكيد ونفي", MZ_CUE_CONFLICT},
    /* one side's account: an accusation, "X talks of ..." (then, in the same
     * sentence or title, "and Y denies": the two accounts side by side) */
    {"يتهم", MZ_CUE_ACCUSE}, {"تتهم", MZ_CUE_ACCUSE}, {"يتهمون", MZ_CUE_ACCUSE},
    {"اتهم", MZ_CUE_ACCUSE}, {"اتهمت", MZ_CUE_ACCUSE}, {"اتهام", MZ_CUE_ACCUSE},
    {"اتهامات", MZ_CUE_ACCUSE}, {"يتحدث عن", MZ_CUE_ACCUSE}, {"تتحدث عن", MZ_CUE_ACCUSE},
    {"يتحدثون عن", MZ_CUE_ACCUSE},
    /* things went on as usual: how a report states the contrary of a claimed
     * event without denying anything («عمل الميناء كالمعتاد») */
    {"كالمعتاد", MZ_CUE_NORMAL}, {"كالعادة", MZ_CUE_NORMAL}, {"كما هو معتاد", MZ_CUE_NORMAL},
    {"بشكل اعتيادي", MZ_CUE_NORMAL}, {"بصورة اعتيادية", MZ_CUE_NORMAL},
    {"بشكل طبيعي", MZ_CUE_NORMAL}, {"بصورة طبيعية", MZ_CUE_NORMAL},
    {"كما في كل يوم", MZ_CUE_NORMAL}, {"على ما يرام", MZ_CUE_NORMAL},
    {"في موعده", MZ_CUE_NORMAL}, {"في موعدها", MZ_CUE_NORMAL}, {"على حاله", MZ_CUE_NORMAL},
    {"على حالها", MZ_CUE_NORMAL}, {"دون تغيير", MZ_CUE_NORMAL}, {"دون أي تغيير", MZ_CUE_NORMAL},
    {"دون أي تعديل", MZ_CUE_NORMAL}, {"من دون تعديل", MZ_CUE_NORMAL},
    {"المعتاد", MZ_CUE_NORMAL}, {"المعتادة", MZ_CUE_NORMAL},
};

#define MAX_PHRASE 6
typedef struct phrase {
    uint64_t h[MAX_PHRASE];
    size_t n;
    mz_cue cue;
    int32_t next;       /* the next phrase with the same first word, or -1 */
} phrase;

/* Phrases are chained by their first word, so a common word that starts one
 * (في، على، من) costs a walk over its own few phrases, not over all. */
typedef struct slot {
    uint64_t h;         /* 0: empty */
    uint8_t cue;        /* single-word cue, or MZ_CUE_NONE */
    int32_t first;      /* the first phrase starting with this word, or -1 */
} slot;

#define TABLE_BITS 10

struct mz_lexicon {
    slot table[1u << TABLE_BITS];
    phrase *phrases;
    size_t n_phrases;
};

static slot *find_slot(const mz_lexicon *lx, uint64_t h)
{
    size_t mask = (1u << TABLE_BITS) - 1;
    size_t i = (size_t)(h ^ (h >> 29)) & mask;
    while (lx->table[i].h && lx->table[i].h != h)
        i = (i + 1) & mask;
    return (slot *)&lx->table[i];
}

static const slot *lookup(const mz_lexicon *lx, uint64_t h)
{
    if (!h)
        return NULL;
    const slot *s = find_slot(lx, h);
    return s->h ? s : NULL;
}

mz_status mz_lexicon_new(mz_lexicon **out, mz_error *err)
{
    *out = NULL;
    size_t n_entries = sizeof entries / sizeof entries[0];
    mz_lexicon *lx = calloc(1, sizeof *lx);
    if (lx)
        lx->phrases = calloc(n_entries, sizeof *lx->phrases);
    if (!lx || !lx->phrases) {
        mz_lexicon_free(lx);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory building the cue lexicon");
    }
    mz_tokens toks = {0};
    for (size_t e = 0; e < n_entries; e++) {
        mz_tokens_reset(&toks);
        if (mz_tokenize(entries[e].text, strlen(entries[e].text), false, &toks) != MZ_OK) {
            mz_tokens_clear(&toks);
            mz_lexicon_free(lx);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory building the cue lexicon");
        }
        if (toks.n == 0 || toks.n > MAX_PHRASE)
            continue;
        uint64_t h[MAX_PHRASE];
        for (size_t i = 0; i < toks.n; i++)
            h[i] = mz_hash64(mz_tok_text(&toks, i), toks.v[i].norm_len);
        slot *s = find_slot(lx, h[0]);
        if (!s->h)
            s->first = -1;
        s->h = h[0];
        if (toks.n == 1) {
            if (!s->cue) /* first listing wins (e.g. غير as negation vs in phrases) */
                s->cue = (uint8_t)entries[e].cue;
        } else {
            phrase *p = &lx->phrases[lx->n_phrases++];
            memcpy(p->h, h, toks.n * sizeof h[0]);
            p->n = toks.n;
            p->cue = entries[e].cue;
        }
    }
    mz_tokens_clear(&toks);
    /* chain the phrases by first word, in listing order (of two matches of
     * one length, the one listed first wins) */
    for (size_t p = lx->n_phrases; p-- > 0;) {
        slot *s = find_slot(lx, lx->phrases[p].h[0]);
        lx->phrases[p].next = s->first;
        s->first = (int32_t)p;
    }
    *out = lx;
    return MZ_OK;
}

void mz_lexicon_free(mz_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->phrases);
    free(lx);
}

static bool tok_is(const uint64_t *h, const uint64_t *h2, size_t i, uint64_t want)
{
    return h[i] == want || (h2 && h2[i] == want);
}

mz_cue mz_lexicon_match(const mz_lexicon *lx, const uint64_t *h, const uint64_t *h2, size_t n,
                        size_t i, size_t *len)
{
    *len = 1;
    const slot *s = lookup(lx, h[i]);
    const slot *s2 = h2 ? lookup(lx, h2[i]) : NULL;
    /* the phrases starting with the word as written, then with its clitic stripped */
    const slot *starts[2] = {s, s2 != s ? s2 : NULL};
    size_t best = 0;
    mz_cue cue = MZ_CUE_NONE;
    for (int w = 0; w < 2; w++) {
        for (int32_t p = starts[w] ? starts[w]->first : -1; p >= 0; p = lx->phrases[p].next) {
            const phrase *ph = &lx->phrases[p];
            if (ph->n <= best || i + ph->n > n)
                continue;
            size_t k = 1; /* the first word matched through the slot */
            while (k < ph->n && tok_is(h, h2, i + k, ph->h[k]))
                k++;
            if (k == ph->n) {
                best = ph->n;
                cue = ph->cue;
            }
        }
    }
    if (best) {
        *len = best;
        return cue;
    }
    if (s && s->cue)
        return (mz_cue)s->cue;
    if (s2 && s2->cue)
        return (mz_cue)s2->cue;
    return MZ_CUE_NONE;
}

/* Arabic letters are two bytes in UTF-8 (U+0600..U+06FF). */
#define AR_WAW "\xd9\x88"
#define AR_FA "\xd9\x81"
#define AR_ALEF "\xd8\xa7"
#define AR_LAM "\xd9\x84"
#define AR_BA "\xd8\xa8"
#define AR_KAF "\xd9\x83"

uint64_t mz_lexicon_strip_hash(const char *w, size_t len)
{
    size_t skip = 0;
    if (len >= 10 && (!memcmp(w, AR_WAW AR_ALEF AR_LAM, 6) || !memcmp(w, AR_FA AR_ALEF AR_LAM, 6) ||
                      !memcmp(w, AR_BA AR_ALEF AR_LAM, 6) || !memcmp(w, AR_KAF AR_ALEF AR_LAM, 6)))
        skip = 6;
    else if (len >= 8 && (!memcmp(w, AR_ALEF AR_LAM, 4) || !memcmp(w, AR_LAM AR_LAM, 4)))
        skip = 4;
    else if (len >= 6 && (!memcmp(w, AR_WAW, 2) || !memcmp(w, AR_FA, 2)))
        skip = 2;
    if (!skip)
        return 0;
    return mz_hash64(w + skip, len - skip);
}
