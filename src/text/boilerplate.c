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
    "print", "email", "share", "subscribe", "login", "مانع الاعلانات",
    "طباعه", "ارسل لصديق", "حجم الخط", "تصفح ايضا", "شاهد ايضا", "المزيد من", "تعليقات القراء",
    "لن يتم نشر", "الحقول المطلوبه", "الحقول المعلمه", "حفظ اسمي", "اسمك", "ارسال",
    "صوره ارشيفيه", "ارشيفيه", "مصدر الصوره", "حقوق الصوره", "getty images", "afp",
    "حسابك", "الاسم المستعار", "ملف شخصي", "ملفك الشخصي", "تسجيل الخروج", "نسيت كلمه",
    "اشترك الان", "اشتراك في النشره", "subscription", "newsletter", "cookies", "ملفات تعريف الارتباط",
    "شارك المقال", "شارك الخبر", "نشر في", "الكلمات الدلاليه", "كلمات مفتاحيه", "وسوم",
    "advertisement", "sponsored", "rss",
    /* the page speaking to its reader: news prose rarely says "you" */
    "يمكنك", "لديك", "حسابك", "الخاصه بك", "الرجاء", "يرجي", "انقر", "من فضلك", "اشتراكك",
    "تعليقك", "لصفحتنا", "تابعونا", "تابعوا", "شاركه", "شاركها",
};

/* Furniture phrases that are also everyday news words: a button's label
 * (ارسال "send", تبرع "donate", طباعه "print") and a widget's heading
 * (المزيد من "more from", نشر في "posted in") are also the story's "sending
 * troops", "donated", "printing", "more troops", "deployed in". They count
 * on a line of at most WEAK_MAX_WORDS words (a button, a menu) or beside
 * another phrase, never alone in a headline (روسيا تدرس إرسال قوات إلى
 * سوريا). */
static const char *const WEAK[] = {
    "ارسال", "تبرع", "طباعه", "المزيد من", "نشر في",
};
#define WEAK_MAX_WORDS 3

typedef struct line_info {
    size_t start, end; /* bytes, without the \n */
    size_t words, latin, stop, digits;
    size_t letters;    /* letters of any script */
    size_t hits;       /* furniture phrases found */
    size_t weak_hits;  /* of them, WEAK ones (not yet in hits) */
    size_t template_marks; /* { } | * characters */
    size_t punct;          /* punctuation tokens */
    bool section_word;     /* a word naming a site section (اخبار, اقتصاد...) */
    bool sentence_end; /* ends with . ! ? ؟ or a closing quote after one */
    bool repeated;     /* same text (or nearly) seen on an earlier line */
    uint64_t hash;
    char *norm;        /* normalized tokens joined by spaces */
    size_t norm_len;
} line_info;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

#define N_FURNITURE (sizeof FURNITURE / sizeof *FURNITURE)

/* The phrase list sorted by bytes, built once per call (no global state):
 * phrases that begin with a given word then form one contiguous block, and
 * a bit per hash of each first word lets most words skip the search. */
typedef struct phrase {
    const char *p;
    size_t len;
    bool weak; /* in WEAK */
} phrase;

typedef struct phrases {
    phrase v[N_FURNITURE];
    uint64_t first_word[16]; /* 1024-bit filter over first-word hashes */
} phrases;

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h & 1023;
}

static int by_bytes(const void *x, const void *y)
{
    return strcmp(((const phrase *)x)->p, ((const phrase *)y)->p);
}

static void sort_phrases(phrases *ps)
{
    memset(ps->first_word, 0, sizeof ps->first_word);
    for (size_t k = 0; k < N_FURNITURE; k++) {
        const char *p = FURNITURE[k];
        bool weak = false;
        for (size_t w = 0; w < sizeof WEAK / sizeof *WEAK; w++)
            weak |= strcmp(p, WEAK[w]) == 0;
        ps->v[k] = (phrase){p, strlen(p), weak};
        const char *sp = strchr(p, ' ');
        uint32_t h = word_hash(p, sp ? (size_t)(sp - p) : strlen(p));
        ps->first_word[h >> 6] |= 1ull << (h & 63);
    }
    qsort(ps->v, N_FURNITURE, sizeof *ps->v, by_bytes);
}

/* First phrase >= the word w[0..wl). */
static size_t lower_bound(const phrase *ph, const char *w, size_t wl)
{
    size_t lo = 0, hi = N_FURNITURE;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t m = ph[mid].len < wl ? ph[mid].len : wl;
        int c = memcmp(ph[mid].p, w, m);
        if (c == 0)
            c = ph[mid].len < wl ? -1 : 0;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Counts the distinct phrases found in the line " w1 w2 ... wn ", matching
 * whole words only: at each word, only the phrases starting with that word
 * are tried. */
static void count_phrases(const phrases *ps, const char *line, size_t len, line_info *li)
{
    const phrase *ph = ps->v;
    bool seen[N_FURNITURE] = {false};
    for (size_t pos = 1; pos < len;) {
        const char *w = line + pos;
        const char *sp = memchr(w, ' ', len - pos);
        size_t wl = sp ? (size_t)(sp - w) : len - pos;
        uint32_t h = word_hash(w, wl);
        if (!(ps->first_word[h >> 6] & (1ull << (h & 63)))) {
            pos += wl + 1;
            continue; /* no phrase starts with this word */
        }
        for (size_t k = lower_bound(ph, w, wl); k < N_FURNITURE; k++) {
            const phrase *f = &ph[k];
            if (f->len < wl || memcmp(f->p, w, wl) != 0 || (f->len > wl && f->p[wl] != ' '))
                break; /* past the block of phrases that start with this word */
            if (!seen[k] && f->len <= len - pos && memcmp(f->p, w, f->len) == 0 &&
                (pos + f->len == len || line[pos + f->len] == ' ')) {
                seen[k] = true;
                if (f->weak)
                    li->weak_hits++;
                else
                    li->hits++;
            }
        }
        pos += wl + 1;
    }
}

/* Words that name a site section; a label of at most 3 such words above the
 * story ("الاخبار السياسية") is navigation, not the headline. */
static const char *const SECTION_WORDS[] = {
    "اخبار", "الاخبار", "اقتصاد", "الاقتصاد", "رياضه", "الرياضه", "منوعات", "تقارير",
    "مقالات", "محليات", "سياسه", "السياسيه", "ثقافه", "الرييسيه", "اراء", "الراي",
    "عاجل", "دوليه", "عربيه", "محلي", "دولي", "عربي", "تحقيقات", "حوارات",
};

static bool section_word(const char *w)
{
    for (size_t k = 0; k < sizeof SECTION_WORDS / sizeof *SECTION_WORDS; k++)
        if (strcmp(w, SECTION_WORDS[k]) == 0)
            return true;
    return false;
}

static mz_status analyse_line(const char *s, line_info *li, mz_tokens *toks, const phrases *ph)
{
    const char *p = s + li->start;
    size_t n = li->end - li->start;
    mz_tokens_reset(toks);
    if (mz_tokenize(p, n, true, toks) != MZ_OK)
        return MZ_ERR_NOMEM;
    /* Normalized line text: token forms joined by spaces (for phrases and
     * repeat detection; independent of spacing and diacritics). */
    size_t total = 1;
    for (size_t i = 0; i < toks->n; i++)
        total += toks->v[i].norm_len + 1;
    char *line = malloc(total + 1);
    if (!line)
        return MZ_ERR_NOMEM;
    size_t o = 0;
    line[o++] = ' ';
    for (size_t i = 0; i < toks->n; i++) {
        const mz_token *t = &toks->v[i];
        const char *w = mz_tok_text(toks, i);
        memcpy(line + o, w, t->norm_len);
        o += t->norm_len;
        line[o++] = ' ';
        switch (t->kind) {
        case MZ_TOK_WORD:
            li->words++;
            if (toks->n <= 4 && section_word(w))
                li->section_word = true;
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
            li->punct++;
            if (w[0] == '{' || w[0] == '}' || w[0] == '|' || w[0] == '*')
                li->template_marks++;
            break;
        }
    }
    line[o] = '\0';
    count_phrases(ph, line, o, li);
    if (li->hits > 0 || li->words <= WEAK_MAX_WORDS)
        li->hits += li->weak_hits;
    li->hash = fnv1a(line, o);
    li->norm = line;
    li->norm_len = o;
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

/* Lines longer than this many words are prose blobs: scrapers often glue
 * the page header and the story's first paragraph onto one line, so a long
 * line goes only if it is almost free of function words. */
#define LONG_LINE_WORDS 40

/* Is the line furniture? */
static bool furniture(const line_info *li)
{
    if (li->letters == 0)
        return true; /* dates, counters, rules of punctuation, empty lines */
    double stop_share = li->words ? (double)li->stop / (double)li->words : 0;
    if (li->words > LONG_LINE_WORDS)
        return li->template_marks * 2 >= li->words || /* template soup */
               (li->hits >= 3 && stop_share < 0.15) ||
               (stop_share < 0.10 && (li->hits >= 2 || li->template_marks >= 6));
    if (li->repeated)
        return true; /* captions and headlines repeated as text */
    bool sentence = li->sentence_end && stop_share >= 0.15 && li->words >= 15;
    if (li->template_marks >= 3 && !sentence)
        return true; /* { * signInForm * }, link lists with | separators */
    if (li->latin * 2 > li->words && !li->sentence_end)
        return true; /* English menus and widgets */
    if (li->hits >= 1 && li->words <= 12 &&
        !(li->sentence_end && stop_share >= 0.2 && li->words > WEAK_MAX_WORDS))
        return true;
    if (li->hits >= 2 && stop_share < 0.25)
        return true;
    if (li->hits >= 3)
        return true;
    return false;
}

/* A line repeats an earlier one if the texts are equal (anywhere in the
 * page), or if one of at least 5 words contains the other with at most 3
 * words of difference within NEAR_WINDOW lines: a photo caption printed
 * twice, once behind "camera icon". Exact repeats are found by sorting
 * hashes, near ones in a small window, so the work stays near-linear. */
#define NEAR_WINDOW 20

static bool near_copy(const line_info *a, const line_info *b)
{
    const line_info *lo = a->norm_len <= b->norm_len ? a : b;
    const line_info *hi = lo == a ? b : a;
    if (lo->words < 5 || hi->words - lo->words > 3 || hi->norm_len - lo->norm_len > 64)
        return false;
    return strstr(hi->norm, lo->norm) != NULL;
}

typedef struct line_key {
    uint64_t hash;
    size_t line;
} line_key;

static int by_hash_then_line(const void *x, const void *y)
{
    const line_key *a = x, *b = y;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

static mz_status mark_repeats(line_info *li, size_t n)
{
    line_key *order = malloc(n * sizeof *order);
    if (!order)
        return MZ_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = (line_key){li[i].hash, i};
    qsort(order, n, sizeof *order, by_hash_then_line);
    for (size_t k = 1; k < n; k++) {
        const line_info *a = &li[order[k - 1].line];
        line_info *b = &li[order[k].line];
        if (a->hash == b->hash && a->norm_len == b->norm_len && b->letters > 0 &&
            memcmp(a->norm, b->norm, b->norm_len) == 0)
            b->repeated = true; /* b comes later in the page than a */
    }
    free(order);
    for (size_t i = 0; i < n; i++) {
        if (li[i].letters == 0 || li[i].repeated)
            continue;
        size_t from = i > NEAR_WINDOW ? i - NEAR_WINDOW : 0;
        for (size_t j = from; j < i && !li[i].repeated; j++)
            li[i].repeated = near_copy(&li[i], &li[j]);
    }
    return MZ_OK;
}

/* Prose: a line that reads like a sentence of the story. */
static bool prose(const line_info *li)
{
    double stop_share = li->words ? (double)li->stop / (double)li->words : 0;
    return li->words >= 15 && li->hits == 0 && (li->sentence_end || stop_share >= 0.2);
}

/* The page footer: after the last line of prose, from the first furniture
 * line on, short lines are widgets and appeals ("سوريا بحاجة للصحافة
 * الحرة", "دولار واحد شهريًا يصنع الفرق") even without a known phrase. */
#define FOOTER_SHORT_WORDS 15

/* Section labels above the story: short, unpunctuated, naming a section. */
static void drop_section_labels(const line_info *li, bool *keep, size_t n)
{
    for (size_t i = 0; i < n && !prose(&li[i]); i++)
        if (li[i].section_word && li[i].words <= 3 && li[i].punct == 0 && li[i].digits == 0)
            keep[i] = false;
}

static void drop_footer(const line_info *li, bool *keep, size_t n)
{
    size_t last = n;
    for (size_t i = n; i-- > 0;)
        if (keep[i] && prose(&li[i])) {
            last = i;
            break;
        }
    if (last == n)
        return;
    size_t i = last + 1;
    while (i < n && (keep[i] || li[i].letters == 0))
        i++;
    for (; i < n; i++)
        if (li[i].words < FOOTER_SHORT_WORDS)
            keep[i] = false;
}

mz_status mz_boilerplate_lines(const char *s, size_t len, bool **keep, size_t *n_lines)
{
    *keep = NULL;
    *n_lines = 0;
    if (len == 0)
        s = ""; /* s may be NULL for an empty text */
    size_t n = 1;
    for (const char *p = s, *end = s + len; len && (p = memchr(p, '\n', (size_t)(end - p))); p++)
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
    phrases ph;
    sort_phrases(&ph);
    for (size_t i = 0; i < n && rc == MZ_OK; i++)
        rc = analyse_line(s, &li[i], &toks, &ph);
    mz_tokens_clear(&toks);
    if (rc != MZ_OK) {
        for (size_t i = 0; i < n; i++)
            free(li[i].norm);
        free(li);
        free(k);
        return rc;
    }
    if (mark_repeats(li, n) != MZ_OK) {
        for (size_t i = 0; i < n; i++)
            free(li[i].norm);
        free(li);
        free(k);
        return MZ_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = !furniture(&li[i]);
    drop_footer(li, k, n);
    drop_section_labels(li, k, n);
    size_t kept = 0, content = 0;
    for (size_t i = 0; i < n; i++) {
        kept += k[i];
        content += li[i].letters > 0;
    }
    if (kept == 0 && content > 0) /* never drop the whole article */
        for (size_t i = 0; i < n; i++)
            k[i] = true;
    for (size_t i = 0; i < n; i++)
        free(li[i].norm);
    free(li);
    *keep = k;
    *n_lines = n;
    return MZ_OK;
}

char *mz_boilerplate_strip(const char *s, size_t len, size_t *out_len)
{
    if (len == 0)
        s = "";
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
        size_t end = nl ? (size_t)(nl - s) : len, next = end + 1;
        if (end > at && s[end - 1] == '\r')
            end--; /* a CRLF file's lines are kept with LF, as every other's */
        if (keep[i]) {
            if (!first)
                out[o++] = '\n';
            memcpy(out + o, s + at, end - at);
            o += end - at;
            first = false;
        }
        at = next;
    }
    out[o] = '\0';
    free(keep);
    if (out_len)
        *out_len = o;
    return out;
}
