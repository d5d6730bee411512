/*
 * numbers_change.c — a value the sentence tells as a change («ارتفع التضخم
 * بنسبة 2.5%», «تراجع الدينار بـ3%», «ارتفع المؤشر 15 نقطة») or as a level
 * («ارتفع التضخم إلى 18.5%», «سجل التضخم 18.5%», «استقر عند 1200 نقطة»).
 * A business story gives both of one quantity, and its copies and the
 * ministry's reply do too: a rise of 2.5 points set against a level of
 * 18.5% read as two sources contradicting each other. collect_numbers.c
 * sets a change against changes only and a level against levels only; a
 * value told as neither is set against both, as before.
 *
 * A change is a value right after «بنسبة», «بـ», «بمقدار» (or «قدره»,
 * «نسبتها») or one that counts points («نقطة», «نقاط»), with a word of
 * rising or falling a few words before it; the nearest such word gives its
 * direction. A level is a value right after «إلى» with such a word before
 * it (or «وصل»), or after «عند», or a few words after «بلغ», «سجل».
 * After a word of rising or falling, «من X إلى Y» is no range: X is the
 * earlier level (mz_number.earlier) and Y the level now. A value after
 * «مقارنة بـ» / «مقارنة مع» / «قياسا بـ» is the base of a comparison, an
 * earlier level too, never a change.
 */
#include "check/numbers.h"

#include <pthread.h>

#define CHANGE_REACH 6 /* words between the word of change and the value */

typedef struct change_word {
    const char *key;
    /* +1 a rise, -1 a fall, 0 a level verb (بلغ، سجل), 2 one of a level
     * only with «إلى» («وصل إلى 50»; «وصلت 75 حافلة» arrived) */
    signed char dir;
} change_word;

/* Keys (words.c: ة ه, ى ي, أ ا) with any و/ف, ب/ل or ال taken off. */
static const change_word change_words[] = {
    {"ارتفع", 1},   {"ارتفعت", 1},  {"يرتفع", 1},  {"ترتفع", 1},   {"ارتفاع", 1},
    {"ارتفاعا", 1}, {"زاد", 1},     {"زادت", 1},   {"يزيد", 1},    {"تزيد", 1},
    {"زياده", 1},   {"ازداد", 1},   {"ازدادت", 1}, {"نما", 1},     {"نمت", 1},
    {"ينمو", 1},    {"تنمو", 1},    {"نمو", 1},    {"نموا", 1},    {"صعد", 1},
    {"صعدت", 1},    {"يصعد", 1},    {"تصعد", 1},   {"صعود", 1},    {"قفز", 1},
    {"قفزت", 1},    {"يقفز", 1},    {"تقفز", 1},   {"قفزه", 1},    {"رفع", 1},
    {"رفعت", 1},    {"يرفع", 1},    {"ترفع", 1},   {"انخفض", -1},  {"انخفضت", -1},
    {"ينخفض", -1},  {"تنخفض", -1},  {"انخفاض", -1}, {"انخفاضا", -1}, {"تراجع", -1},
    {"تراجعت", -1}, {"يتراجع", -1}, {"تتراجع", -1}, {"تراجعا", -1}, {"هبط", -1},
    {"هبطت", -1},   {"يهبط", -1},   {"تهبط", -1},  {"هبوط", -1},   {"هبوطا", -1},
    {"خفض", -1},    {"خفضت", -1},   {"يخفض", -1},  {"تخفض", -1},   {"تخفيض", -1},
    {"تقلص", -1},   {"تقلصت", -1},  {"انكمش", -1}, {"انكماش", -1}, {"بلغ", 0},
    {"بلغت", 0},    {"يبلغ", 0},    {"تبلغ", 0},   {"سجل", 0},     {"سجلت", 0},
    {"يسجل", 0},    {"تسجل", 0},    {"وصل", 2},    {"وصلت", 2},    {"يصل", 2},
    {"تصل", 2},
};

#define N_CHANGE_WORDS (sizeof change_words / sizeof *change_words)
static mz_key_index change_index;
static pthread_once_t change_once = PTHREAD_ONCE_INIT;

static void change_index_build(void)
{
    _Static_assert(N_CHANGE_WORDS < 255 && 2 * N_CHANGE_WORDS < MZ_KEY_SLOTS,
                   "change_words outgrew its index");
    mz_key_index_build(&change_index, &change_words[0].key, N_CHANGE_WORDS, sizeof *change_words);
}

/* Whether k[0, n) is a word of change; its direction in *dir. */
static bool change_lookup(const char *k, size_t n, signed char *dir)
{
    pthread_once(&change_once, change_index_build);
    long i = mz_key_index_find(&change_index, &change_words[0].key, sizeof *change_words, k, n);
    if (i >= 0)
        *dir = change_words[i].dir;
    return i >= 0;
}

/* Whether k[0, n) is a future سـ on an imperfect verb of change: «سينخفض»,
 * «ستتراجع», «سيبلغ» told as «ينخفض». Only the list's verbs (ي or ت after
 * the س), not any word that begins with س («سجل» is a verb of its own). */
static bool future_change(const char *k, size_t n, signed char *dir)
{
    return n > 6 && k[0] == '\xD8' && k[1] == '\xB3' &&                    /* س */
           ((k[2] == '\xD9' && k[3] == '\x8A') || (k[2] == '\xD8' && k[3] == '\xAA')) && /* ي ت */
           change_lookup(k + 2, n - 2, dir);
}

/* Whether w is a word of change (its direction in *dir): as it is, or
 * with و or ف, then ب or ل, then ال taken off («وارتفع», «بارتفاع»,
 * «الارتفاع»), three letters at least left; a verb's future سـ, after a
 * و or ف or none («سينخفض», «وسيرتفع»), is taken off too. */
static bool change_word_of(const mz_word *w, signed char *dir)
{
    const char *k = w->key;
    size_t n = w->key_len;
    if (change_lookup(k, n, dir) || future_change(k, n, dir))
        return true;
    if (n > 6 && k[0] == '\xD9' && (k[1] == '\x88' || k[1] == '\x81')) { /* و ف */
        k += 2, n -= 2;
        if (change_lookup(k, n, dir) || future_change(k, n, dir))
            return true;
    }
    if (n > 6 && ((k[0] == '\xD8' && k[1] == '\xA8') || (k[0] == '\xD9' && k[1] == '\x84'))) {
        k += 2, n -= 2; /* ب ل */
        if (change_lookup(k, n, dir))
            return true;
    }
    if (n > 8 && !memcmp(k, "\xD8\xA7\xD9\x84", 4)) /* ال */
        return change_lookup(k + 4, n - 4, dir);
    return false;
}

/* Whether w is a word a change's amount follows: «بنسبة», «بـ», «بمقدار». */
static bool amount_word(const mz_word *w)
{
    return eq(w, "ب") || eq(w, "بنسبه") || eq(w, "بمقدار") || eq(w, "قدره") || eq(w, "قدرها") ||
           eq(w, "نسبته") || eq(w, "نسبتها") || eq(w, "بواقع");
}

bool mz_num_counts_points(const mz_number *n)
{
    static const char *const points[] = {"نقطه", "نقاط"};
    char k[128];
    for (size_t i = 0; i < 2 && n->noun_key[0]; i++) {
        mz_noun_key(points[i], strlen(points[i]), k, sizeof k);
        if (!strcmp(k, n->noun_key))
            return true;
    }
    return false;
}

/* The nearest word of change or level within reach before word first, not
 * past a sentence's stop: its index, or ws->n. */
static size_t change_before(const char *s, const words *ws, size_t first, signed char *dir)
{
    for (size_t d = 1; d <= CHANGE_REACH && d <= first; d++) {
        size_t k = first - d;
        if (mz_num_stop_between(s, ws->v[k].end, ws->v[first].start))
            break;
        if (change_word_of(&ws->v[k], dir))
            return k;
    }
    return ws->n;
}

#define SUBJECT_REACH 12 /* words between a word of rising or falling and «إلى» */

/* For a value right after «إلى» (word first - 1), the word of rising or
 * falling its subject stands between: «ارتفع إجمالي الإصابات بالكوليرا في
 * محافظة الزيتونة إلى 5850 إصابة» puts 8 words between, past CHANGE_REACH,
 * and the total was told as neither a level nor a change. What stands
 * between is the subject's noun phrase: no clause's mark and no other
 * figure, SUBJECT_REACH words at most. Its index, or ws->n. */
static size_t change_across_subject(const char *s, const words *ws, size_t first,
                                    signed char *dir)
{
    for (size_t k = first - 1; k-- > 0 && first - 1 - k <= SUBJECT_REACH;) {
        if (mz_num_clause_between(s, ws->v[k].end, ws->v[k + 1].start) || ws->v[k].is_number ||
            mz_num_is_number_word(&ws->v[k]))
            break;
        if (change_word_of(&ws->v[k], dir))
            return (*dir == 1 || *dir == -1 || *dir == 2) ? k : ws->n;
    }
    return ws->n;
}

bool mz_num_moves_before(const char *s, const words *ws, size_t at)
{
    signed char dir = 0;
    return change_before(s, ws, at, &dir) < ws->n && (dir == 1 || dir == -1);
}

signed char mz_num_change_dir(const mz_word *w)
{
    signed char dir = 0;
    return change_word_of(w, &dir) ? dir : 0;
}

bool mz_num_change_word(const mz_word *w)
{
    signed char dir = 0;
    return change_word_of(w, &dir) && dir != 0;
}

signed char mz_num_change_before(const char *s, const words *ws, size_t at)
{
    signed char dir = 0;
    return change_before(s, ws, at, &dir) < ws->n && (dir == 1 || dir == -1) ? dir : 0;
}

/* The value after out[v] that a «من» at its word before makes it the
 * earlier level of: the next value, right after «إلى», within 4 words
 * («من 16% في سبتمبر إلى 18.5%»), not past a stop; found when none. */
static size_t from_to(const char *s, const words *ws, size_t v, size_t found)
{
    if (v + 1 >= found)
        return found;
    size_t to = ws->at_first[v + 1];
    if (to == 0 || !eq(&ws->v[to - 1], "الي") || to > ws->at_after[v] + 4 ||
        mz_num_stop_between(s, ws->v[ws->at_after[v] - 1].end, ws->v[to].start))
        return found;
    return v + 1;
}

#define UNIT_WORDS 2 /* the words of a change's unit: «نقطة أساس», «نقاط مئوية» */

/* Whether out[v], right after «إلى», is the level the change just before
 * it reached: «رفع البنك سعر الفائدة بمقدار 50 نقطة أساس إلى 27%». The
 * word of change may be past the reach from 27%; what stands between is
 * the change's own value and its unit, which the reach does not count
 * (the change's value was within reach of it). A bare number after it is
 * no level but the top of a rate written loosely as a range («لم ترتفع
 * أجورهم سوى بنسبة 15 إلى 25»). */
static bool reached_by_change(const char *s, const words *ws, const mz_number *out, size_t v)
{
    if (v == 0 || !out[v - 1].change || (out[v].kind == MZ_QTY_COUNT && !out[v].noun_key[0]))
        return false;
    size_t after = ws->at_after[v - 1], at = ws->at_first[v] - 1; /* the «إلى» */
    return after <= at && at - after <= UNIT_WORDS &&
           !mz_num_stop_between(s, ws->v[after - 1].end, ws->v[at].start);
}

/* What the level out[v] that the change out[v - 1] reached measures, when
 * it names nothing: «رفع سعر الفائدة الرئيسي بمقدار 150 نقطة أساس إلى
 * 18.25%» is a level of the rate, but the nouns reader looked two words
 * back from 18.25% and stopped at «أساس» (no article), so the level had no
 * noun and was no value at all, and a claim of a level of 19.75% met no
 * source's level. The level is of what the change is of: the change's own
 * noun when the change is a percentage of something («بنسبة 2% …»), else
 * what stands before the change's «بمقدار» / «بنسبة» (its unit, «نقطة»,
 * measures nothing). A percentage only: a count's noun is its own. */
static void noun_of_reached_level(const char *s, const words *ws, mz_number *out, size_t v)
{
    mz_number *n = &out[v];
    const mz_number *c = &out[v - 1];
    if (n->kind != MZ_QTY_PERCENT || n->noun_key[0])
        return;
    if (c->kind == MZ_QTY_PERCENT && c->noun_key[0]) {
        memcpy(n->noun, c->noun, sizeof n->noun);
        memcpy(n->noun_key, c->noun_key, sizeof n->noun_key);
        return;
    }
    size_t first = ws->at_first[v - 1];
    if (first > 0 && amount_word(&ws->v[first - 1]))
        first--;
    mz_num_noun_of_percent(ws, s, first, ws->at_after[v], n);
}

/* The word of out[v]'s noun: the word after its number, or for a dual
 * («يومين», «جنديين»: one word, no figure) that word itself. The adjective
 * of what is new follows the dual directly, and «يومين إضافيين» (an
 * extension) was read as the strike's whole length. */
static size_t dual_noun_at(const words *ws, size_t v)
{
    size_t first = ws->at_first[v], after = ws->at_after[v];
    if (after == first + 1 && first < ws->n && !ws->v[first].is_number &&
        !mz_num_is_number_word(&ws->v[first]))
        return first;
    return after;
}

/* Whether out[v] counts what is new: «جديدة», «إضافية» right after its
 * noun, or one word after it («120 حالة إصابة جديدة»), not past a stop.
 * A dual is its own noun («تمديد الإضراب يومين إضافيين»: dual_noun_at). */
static bool counts_new(const char *s, const words *ws, const mz_number *n, size_t v)
{
    static const char *const news[] = {"جديد", "جديده", "جدد", "جديدين", "جديدتين",
                                       "اضافي", "اضافيه", "اضافيين", "اضافيتين"};
    size_t noun = dual_noun_at(ws, v);
    if (n->kind != MZ_QTY_COUNT || !n->noun_key[0] || noun >= ws->n)
        return false;
    for (size_t k = noun + 1; k <= noun + 2 && k < ws->n; k++) {
        if (mz_num_stop_between(s, ws->v[k - 1].end, ws->v[k].start))
            return false;
        for (size_t i = 0; i < sizeof news / sizeof *news; i++)
            if (eq(&ws->v[k], news[i]))
                return true;
    }
    return false;
}

/* A day's new count («سجلت الوزارة 120 إصابة جديدة، ليرتفع إجمالي
 * الإصابات إلى 5400») is what the total rose by, not a level of it: its
 * «سجلت» made it one, and the 120 new cases were set against the sources'
 * totals of 5400 as a conflict. It is a change, a rise, and fresh: two
 * reports' new counts published on two days are two days' counts
 * (mz_new_counts_apart). */
static void mark_new_count(mz_number *n)
{
    n->change = 1;
    n->level = false;
    n->fresh = true;
}

/* Whether the value whose first word is first is the base a figure is
 * compared with: right after «مقارنة بـ», «مقارنة مع», «بالمقارنة مع»,
 * «قياسا بـ» («إلى 36% بعد بدء الخفض، مقارنة بـ 38% قبله»). The «بـ» made
 * it a change's amount, and the fall of «الخفض» three words back a fall by
 * 38%; it is the earlier level the figure is set beside. */
bool mz_num_compared_with(const words *ws, size_t first)
{
    if (first < 2)
        return false;
    const mz_word *by = &ws->v[first - 1], *cmp = &ws->v[first - 2];
    if (eq(by, "ب"))
        return eq(cmp, "مقارنه") || eq(cmp, "قياسا");
    return eq(by, "مع") && (eq(cmp, "مقارنه") || eq(cmp, "بالمقارنه"));
}

/* Whether k is «في» and the word after it names no time: «في مصر», «في
 * القطاع الخاص», not «في العام الماضي», «في أيلول», «في 2022», «في المئة». */
static bool in_other_place(const words *ws, size_t k)
{
    static const char *const times[] = {
        "العام", "عام", "السنه", "سنه", "الشهر", "شهر", "الربع", "الفتره", "فتره", "الموسم",
        "النصف", "الاسبوع", "اليوم", "يوم", "الفصل", "الوقت", "وقت", "ذلك", "حينه", "حين", "نفس",
        "مثل", "مطلع", "بدايه", "نهايه", "اواخر", "اوايل", "منتصف", "المييه", "الميه", "المايه",
        "المءه", "المئه", "المائه", "الاشهر", "الشهور", "الاعوام", "السنوات", "المقابل", "المتوسط", "حينها"};
    /* the words after the noun that make it a time: «في انتخابات 2022», «في
     * الدورة السابقة», «في الموسم الماضي» are the same subject before */
    static const char *const earlier[] = {"السابق", "السابقه", "الماضي", "الماضيه", "الفايت",
                                          "الفايته", "المنصرم", "المنصرمه", "الاخير", "الاخيره",
                                          "الاولي", "الاول", "قبلها", "قبله"};
    if (k + 1 >= ws->n || !eq(&ws->v[k], "في"))
        return false;
    const mz_word *w = &ws->v[k + 1];
    if (w->is_number || ws->day_code[k + 1] || mz_num_is_number_word(w) ||
        mz_month_number(ws->v, ws->n, k + 1) || in_list(w->key, times, sizeof times / sizeof *times))
        return false;
    for (size_t j = k + 2; j < ws->n && j <= k + 3; j++)
        if (ws->v[j].is_number || in_list(ws->v[j].key, earlier, sizeof earlier / sizeof *earlier))
            return false;
    return true;
}

#define PLACE_REACH 3 /* words from a base's last to the «في» of its place («مليار دولار في») */

/* Whether the base of comparison out[v] is another place's: «في» and a word
 * of no time within PLACE_REACH words after it, not past a comma or a stop
 * («مقارنة بـ 5% في مصر»). Egypt's 5% is no earlier level of the claim's
 * subject (it was marked earlier, and a claim of 5% read as an earlier
 * figure); «مقارنة بـ 88 مليار دولار في العام الذي سبقه» is. */
static bool base_of_other_place(const char *s, const words *ws, size_t v)
{
    size_t after = ws->at_after[v];
    for (size_t k = after; k < ws->n && k < after + PLACE_REACH; k++) {
        if (mz_num_clause_between(s, ws->v[k - 1].end, ws->v[k].start) || ws->v[k].is_number)
            return false;
        if (eq(&ws->v[k], "في"))
            return in_other_place(ws, k);
    }
    return false;
}

void mz_num_mark_change(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        size_t first = ws->at_first[v];
        if (n->kind != MZ_QTY_DATE && counts_new(s, ws, n, v)) {
            mark_new_count(n);
            continue;
        }
        if (n->kind == MZ_QTY_DATE || first == 0)
            continue;
        if (mz_num_compared_with(ws, first)) { /* «مقارنة بـ 38%»: the base, no change */
            if (base_of_other_place(s, ws, v))
                n->part = true; /* another place's: set against nothing (numbers_parts.c) */
            else
                n->earlier = true;
            continue;
        }
        const mz_word *before = &ws->v[first - 1];
        if (eq(before, "عند")) { /* «استقر عند 1200 نقطة», «أغلق عند 18.5%» */
            n->level = true;
            continue;
        }
        signed char dir = 0;
        if (eq(before, "الي") && reached_by_change(s, ws, out, v)) {
            n->level = true; /* «بمقدار 50 نقطة أساس إلى 27%» */
            noun_of_reached_level(s, ws, out, v);
            continue;
        }
        if (change_before(s, ws, first, &dir) == ws->n) {
            if (eq(before, "الي") && change_across_subject(s, ws, first, &dir) < ws->n)
                n->level = true; /* «ارتفع إجمالي الإصابات … إلى 5850» */
            else if (amount_word(before)) /* «زيادة أجور عمال النقل … بنسبة 25%» */
                mz_num_change_of_masdar(s, ws, first, n);
            continue;
        }
        size_t to;
        if (eq(before, "من") && (dir == 1 || dir == -1) &&
            (to = from_to(s, ws, v, found)) < found) {
            /* «ارتفع التضخم من 16% إلى 18.5%»: 16 was the level, 18.5 is */
            mz_number *now = &out[to];
            n->earlier = true;
            now->level = true;
            if (n->kind == MZ_QTY_COUNT && !n->noun_key[0] && now->kind == MZ_QTY_PERCENT) {
                n->kind = MZ_QTY_PERCENT; /* «من 9.2 إلى 8.4 بالمئة»: a rate too */
                mz_num_noun_of_percent(ws, s, first, ws->at_after[v], n);
            }
            /* one quantity: what the one names, the other measures too */
            if (n->kind == now->kind && (!now->noun_key[0] || !n->noun_key[0])) {
                mz_number *from = now->noun_key[0] ? now : n, *into = from == n ? now : n;
                memcpy(into->noun, from->noun, sizeof into->noun);
                memcpy(into->noun_key, from->noun_key, sizeof into->noun_key);
            }
            continue;
        }
        if (eq(before, "الي") || !dir) /* «ارتفع إلى 18.5%», «سجل التضخم 18.5%» */
            n->level = true;
        else if (dir != 2 && (amount_word(before) || mz_num_counts_points(n)))
            n->change = dir;
    }
}
