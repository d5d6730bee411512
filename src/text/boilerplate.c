/*
 * boilerplate.c — which lines of a web-scraped article are the story and
 * which are site furniture (menus, share/tag lines, comment prompts, sign-up
 * forms, donation appeals, related-article lists, copyright footers).
 *
 * Each line is scored from generic signals on its normalized text: known
 * furniture phrases, sentence-likeness (stopword share, punctuation), the
 * share of Latin and of template syntax ({ * ... * }, | separators), lines
 * with no letters (dates, counters, rules) and repeats within the article.
 * Phrases alone never condemn a long line that reads like prose: a story may
 * well quote "تويتر" or "جميع الحقوق". If every line would go, all stay.
 */
#include "text/tables.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* Furniture phrases, normalized (أ→ا, ة→ه, ى→ي, Latin lowercased). */
static const char *const FURNITURE[] = {
    "اترك تعليقا", "اضف تعليق", "اضافه تعليق", "التعليقات", "لا توجد تعليقات",
    "انقر لاضافه تعليق", "زر الذهاب الي الاعلي", "العوده الي الاعلي", "جميع الحقوق محفوظه",
    "جميع حقوق النشر", "حقوق النشر محفوظه", "الحقوق محفوظه", "اضغط هنا", "للمساهمه",
    "ادعم عنب بلدي", "تبرع", "camera icon", "tag icon", "tag :", "tags :", "مقالات متعلقه",
    "مواد متعلقه", "مواضيع ذات صله", "اخبار ذات صله", "عناوين ذات صله", "روابط ذات علاقه",
    "اخبار مرتبطه", "مواضيع قد تهمك", "قد يعجبك ايضا", "اقرا ايضا", "اقرا المزيد",
    "الاكثر قراءه", "الاكثر مشاهده", "الاكثر تداولا", "اختيار المحرر", "شارك هذا",
    "شاركه مع اصدقايك", "مشاركه عبر", "تابعنا علي", "تابعونا علي", "البريد الالكتروني",
    "بريدك الالكتروني", "بريدك الاليكتروني", "كلمه السر", "كلمه المرور", "تسجيل الدخول",
    "انشاء حساب", "اشترك في", "اشترك فى", "نشرتنا", "النشره البريديه", "your browser",
    "copyright", "powered by", "all rights reserved", "هل تعلم", "ابحث في", "نتيجه البحث",
    "خريطه الموقع", "من نحن", "اتصل بنا", "سياسه الخصوصيه", "شروط الاستخدام", "الصفحه الرئيسيه",
    "facebook", "twitter", "whatsapp", "telegram", "youtube", "instagram", "google +",
    "print", "email", "share", "subscribe", "login", "مانع الاعلانات", "الاعلانات",
    "طباعه", "ارسل لصديق", "حجم الخط", "تصفح ايضا", "شاهد ايضا", "المزيد من", "تعليقات القراء",
    "لن يتم نشر", "الحقول المطلوبه", "الحقول المعلمه", "حفظ اسمي", "اسمك", "ارسال",
    "صوره ارشيفيه", "ارشيفيه", "مصدر الصوره", "حقوق الصوره", "getty images", "afp",
};

typedef struct line_info {
    size_t start, end; /* bytes, without the \n */
    size_t words, latin, stop, digits;
    size_t letters;    /* letters of any script */
    size_t hits;       /* furniture phrases found */
    size_t template_marks; /* { } | * characters */
    bool sentence_end; /* ends with . ! ? ؟ or a closing quote after one */
    bool repeated;     /* same normalized text seen on an earlier line */
    uint64_t hash;
} line_info;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void count_phrases(const char *norm, line_info *li)
{
    for (size_t k = 0; k < sizeof FURNITURE / sizeof *FURNITURE; k++)
        if (strstr(norm, FURNITURE[k]))
            li->hits++;
}

static mz_status analyse_line(const char *s, line_info *li, mz_tokens *toks)
{
    const char *p = s + li->start;
    size_t n = li->end - li->start;
    mz_tokens_reset(toks);
    if (mz_tokenize(p, n, true, toks) != MZ_OK)
        return MZ_ERR_NOMEM;
    /* Normalized line text: token forms joined by spaces (for phrases and
     * repeat detection; independent of spacing and diacritics). */
    size_t total = 0;
    for (size_t i = 0; i < toks->n; i++)
        total += toks->v[i].norm_len + 1;
    char *line = malloc(total + 1);
    if (!line)
        return MZ_ERR_NOMEM;
    size_t o = 0;
    for (size_t i = 0; i < toks->n; i++) {
        const mz_token *t = &toks->v[i];
        const char *w = mz_tok_text(toks, i);
        memcpy(line + o, w, t->norm_len);
        o += t->norm_len;
        line[o++] = ' ';
        switch (t->kind) {
        case MZ_TOK_WORD:
            li->words++;
            li->letters += t->norm_len / 2;
            if (mz_is_stopword(w, t->norm_len))
                li->stop++;
            break;
        case MZ_TOK_LATIN:
            li->words++;
            li->latin++;
            li->letters += t->norm_len;
            break;
        case MZ_TOK_NUMBER:
            li->digits++;
            break;
        case MZ_TOK_PUNCT:
            if (w[0] == '{' || w[0] == '}' || w[0] == '|' || w[0] == '*')
                li->template_marks++;
            break;
        }
    }
    line[o] = '\0';
    count_phrases(line, li);
    li->hash = fnv1a(line, o);
    free(line);
    /* Sentence end: the last punctuation token(s). */
    for (size_t i = toks->n; i-- > 0;) {
        const mz_token *t = &toks->v[i];
        if (t->kind != MZ_TOK_PUNCT)
            break;
        const char *w = mz_tok_text(toks, i);
        if (strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0 ||
            strcmp(w, "؟") == 0 || strcmp(w, "…") == 0) {
            li->sentence_end = true;
            break;
        }
    }
    return MZ_OK;
}

/* Is the line furniture? */
static bool furniture(const line_info *li)
{
    if (li->letters == 0)
        return true; /* dates, counters, rules of punctuation, empty lines */
    if (li->template_marks >= 3)
        return true; /* { * signInForm * }, link lists with | separators */
    if (li->repeated && li->words <= 40)
        return true; /* captions and headlines repeated as text */
    if (li->latin * 2 > li->words && !li->sentence_end)
        return true; /* English menus and widgets */
    double stop_share = li->words ? (double)li->stop / (double)li->words : 0;
    if (li->hits >= 1 && li->words <= 12 && !(li->sentence_end && stop_share >= 0.2))
        return true;
    if (li->hits >= 2 && stop_share < 0.25)
        return true;
    if (li->hits >= 3 && li->words <= 60)
        return true;
    return false;
}

mz_status mz_boilerplate_lines(const char *s, size_t len, bool **keep, size_t *n_lines)
{
    *keep = NULL;
    *n_lines = 0;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n')
            n++;
    line_info *li = calloc(n, sizeof *li);
    bool *k = malloc(n * sizeof *k);
    if (!li || !k) {
        free(li);
        free(k);
        return MZ_ERR_NOMEM;
    }
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - s) : len;
        li[i].start = at;
        li[i].end = end;
        at = end + 1;
    }
    mz_tokens toks = {0};
    mz_status rc = MZ_OK;
    for (size_t i = 0; i < n && rc == MZ_OK; i++)
        rc = analyse_line(s, &li[i], &toks);
    mz_tokens_clear(&toks);
    if (rc != MZ_OK) {
        free(li);
        free(k);
        return rc;
    }
    /* Repeats: quadratic only in the number of lines, which is small. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i && !li[i].repeated; j++)
            if (li[j].hash == li[i].hash && li[i].letters > 0)
                li[i].repeated = true;
    size_t kept = 0, content = 0;
    for (size_t i = 0; i < n; i++) {
        k[i] = !furniture(&li[i]);
        kept += k[i];
        content += li[i].letters > 0;
    }
    if (kept == 0 && content > 0) /* never drop the whole article */
        for (size_t i = 0; i < n; i++)
            k[i] = true;
    free(li);
    *keep = k;
    *n_lines = n;
    return MZ_OK;
}

char *mz_boilerplate_strip(const char *s, size_t len, size_t *out_len)
{
    bool *keep;
    size_t n;
    if (mz_boilerplate_lines(s, len, &keep, &n) != MZ_OK)
        return NULL;
    char *out = malloc(len + 1);
    if (!out) {
        free(keep);
        return NULL;
    }
    size_t o = 0, at = 0;
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (keep[i]) {
            if (!first)
                out[o++] = '\n';
            memcpy(out + o, s + at, end - at);
            o += end - at;
            first = false;
        }
        at = end + 1;
    }
    out[o] = '\0';
    free(keep);
    if (out_len)
        *out_len = o;
    return out;
}
