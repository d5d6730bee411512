/*
 * events.c — what happened to what a number counts: killed, died, injured,
 * detained, released, moved (evacuated, displaced, carried), besieged;
 * and to buildings and places: destroyed, damaged, closed, opened (or resumed);
 * and recovered (an outbreak's cured, counted beside its dead); absent (an
 * exam's or a match's absentees, counted beside those who sat or played).
 *
 * One story's articles count the same noun for different events: in a
 * report of a bombing that killed "100 شخص", the buses carried "3000 شخص",
 * "5000 شخص" were evacuated and "8000 شخص" are still besieged. Grouped by
 * the noun alone, those values were set against each other and flagged as a
 * conflict (two of the last three conflicts on the baly2018 dev claims were
 * such). The event is the event word nearest the value in its clause: a few
 * words before it («مقتل 133 مدنيا», «أفرج … عن 40 أسيرا», «إجلاء 5000
 * شخص بينهم 1300 مقاتل»), else just after its noun («100 شخص قد قتلوا»,
 * «8000 شخص محاصرين», «لقي 26 شخصا مصرعهم»). Killed and died are apart
 * on purpose: وفاة and مصرع are what news writes for heat waves, floods and
 * road accidents, which a page's sidebar lists beside a raid's toll.
 *
 * The words are matched on their words.c keys (letter variants unified),
 * with a conjunction, a future سـ, the article or a preposition taken off
 * the front and a pronoun or plural ending off the back.
 */
#include "check/check.h"
#include "check/numbers.h" /* mz_num_is_number_word */

#include <pthread.h>
#include <string.h>

typedef struct event_word {
    const char *key;
    mz_event event;
} event_word;

static const event_word event_words[] = {
    /* killed: the verb in its common persons, the noun, the casualties */
    {"قتل", MZ_EVENT_KILLED},     {"قتلت", MZ_EVENT_KILLED},    {"يقتل", MZ_EVENT_KILLED},
    {"تقتل", MZ_EVENT_KILLED},    {"مقتل", MZ_EVENT_KILLED},    {"قتيل", MZ_EVENT_KILLED},
    {"قتلي", MZ_EVENT_KILLED},    {"اغتيال", MZ_EVENT_KILLED},  {"اغتيل", MZ_EVENT_KILLED},
    {"اعدام", MZ_EVENT_KILLED},   {"اعدم", MZ_EVENT_KILLED},    {"اعدمت", MZ_EVENT_KILLED},
    {"استشهد", MZ_EVENT_KILLED},  {"استشهاد", MZ_EVENT_KILLED}, {"شهيد", MZ_EVENT_KILLED},
    {"شهداء", MZ_EVENT_KILLED},   {"ذبح", MZ_EVENT_KILLED},     {"بحياه", MZ_EVENT_KILLED},
    /* died */
    {"وفاه", MZ_EVENT_DIED},      {"توفي", MZ_EVENT_DIED},      {"توفيت", MZ_EVENT_DIED},
    {"توفوا", MZ_EVENT_DIED},     {"وفيات", MZ_EVENT_DIED},     {"موت", MZ_EVENT_DIED},
    {"مات", MZ_EVENT_DIED},       {"مصرع", MZ_EVENT_DIED},      {"حتف", MZ_EVENT_DIED},
    {"غرق", MZ_EVENT_DIED},
    /* recovered: an outbreak's bulletin gives the recovered beside the dead,
     * both «حالة» («تعافي 300 حالة … ووفاة 6 أشخاص، ليرتفع عدد الوفيات إلى 44
     * حالة»), and one quantity set 300 against 44 */
    {"تعافي", MZ_EVENT_RECOVERED}, {"تعافت", MZ_EVENT_RECOVERED}, {"يتعافي", MZ_EVENT_RECOVERED},
    {"تتعافي", MZ_EVENT_RECOVERED}, {"تعافوا", MZ_EVENT_RECOVERED}, {"متعافي", MZ_EVENT_RECOVERED},
    {"متعافين", MZ_EVENT_RECOVERED}, {"شفاء", MZ_EVENT_RECOVERED}, {"شفي", MZ_EVENT_RECOVERED},
    {"شفيت", MZ_EVENT_RECOVERED},
    /* missing: a flood's or a quake's story counts the missing beside the
     * dead («9 أشخاص لقوا حتفهم وإن 12 مفقودا»), and the missing took the
     * deaths before them. Not فقد, فقدان: «فقد 5 أشخاص حياتهم» is a death,
     * «فقدان 82 ألف أسرة لرجالها» a loss (baly2018 train). */
    {"مفقود", MZ_EVENT_MISSING},
    /* injured */
    {"اصيب", MZ_EVENT_INJURED},   {"يصاب", MZ_EVENT_INJURED},
    {"اصابه", MZ_EVENT_INJURED},  {"اصابات", MZ_EVENT_INJURED}, {"جريح", MZ_EVENT_INJURED},
    {"جرحي", MZ_EVENT_INJURED},   {"جرح", MZ_EVENT_INJURED},    {"مصاب", MZ_EVENT_INJURED},
    /* detained, captured, abducted */
    {"اعتقل", MZ_EVENT_DETAINED}, {"اعتقلت", MZ_EVENT_DETAINED}, {"يعتقل", MZ_EVENT_DETAINED},
    {"اعتقال", MZ_EVENT_DETAINED}, {"معتقل", MZ_EVENT_DETAINED}, {"احتجز", MZ_EVENT_DETAINED},
    {"احتجزت", MZ_EVENT_DETAINED}, {"احتجاز", MZ_EVENT_DETAINED}, {"محتجز", MZ_EVENT_DETAINED},
    {"اسر", MZ_EVENT_DETAINED},   {"اسرت", MZ_EVENT_DETAINED},  {"اختطف", MZ_EVENT_DETAINED},
    {"اختطاف", MZ_EVENT_DETAINED}, {"مختطف", MZ_EVENT_DETAINED}, {"خطف", MZ_EVENT_DETAINED},
    {"سجن", MZ_EVENT_DETAINED},   {"توقيف", MZ_EVENT_DETAINED}, {"قبض", MZ_EVENT_DETAINED},
    {"ضبط", MZ_EVENT_DETAINED},
    /* released: إطلاق alone also fires rockets, so سراح carries أطلق سراح */
    {"افرج", MZ_EVENT_RELEASED},  {"افرجت", MZ_EVENT_RELEASED}, {"يفرج", MZ_EVENT_RELEASED},
    {"تفرج", MZ_EVENT_RELEASED},  {"افراج", MZ_EVENT_RELEASED}, {"مفرج", MZ_EVENT_RELEASED},
    {"سراح", MZ_EVENT_RELEASED},
    /* moved: evacuated, displaced, left, entered, carried, returned */
    {"اجلاء", MZ_EVENT_MOVED},    {"اجلي", MZ_EVENT_MOVED},     {"اجلت", MZ_EVENT_MOVED},
    {"اخلاء", MZ_EVENT_MOVED},    {"نزوح", MZ_EVENT_MOVED},     {"نزح", MZ_EVENT_MOVED},
    {"نزحت", MZ_EVENT_MOVED},     {"خرجت", MZ_EVENT_MOVED},
    {"نازح", MZ_EVENT_MOVED},     {"تهجير", MZ_EVENT_MOVED},    {"مهجر", MZ_EVENT_MOVED},
    {"خروج", MZ_EVENT_MOVED},     {"خرج", MZ_EVENT_MOVED},      {"يخرج", MZ_EVENT_MOVED},
    {"مغادره", MZ_EVENT_MOVED},   {"غادر", MZ_EVENT_MOVED},     {"غادرت", MZ_EVENT_MOVED},
    {"تقل", MZ_EVENT_MOVED},      {"دخول", MZ_EVENT_MOVED},     {"دخلت", MZ_EVENT_MOVED},
    {"عوده", MZ_EVENT_MOVED},     {"لجوء", MZ_EVENT_MOVED},     {"لاجي", MZ_EVENT_MOVED},
    {"فرار", MZ_EVENT_MOVED},     {"ترحيل", MZ_EVENT_MOVED},
    /* made homeless: floods and earthquakes "تقتل 12 وتشرد 3 آلاف" */
    {"تشريد", MZ_EVENT_MOVED},    {"شرد", MZ_EVENT_MOVED},      {"تشرد", MZ_EVENT_MOVED},
    {"يشرد", MZ_EVENT_MOVED},     {"مشرد", MZ_EVENT_MOVED},
    /* besieged */
    {"محاصر", MZ_EVENT_BESIEGED}, {"حصار", MZ_EVENT_BESIEGED},  {"يحاصر", MZ_EVENT_BESIEGED},
    {"تحاصر", MZ_EVENT_BESIEGED}, {"حاصر", MZ_EVENT_BESIEGED},  {"حاصرت", MZ_EVENT_BESIEGED},
    /* what happens to buildings, vehicles, schools and crossings: a story
     * that counts 30 houses destroyed also counts 100 damaged, and one
     * that counts 14 schools closed counts 5 reopened. Not تدمر (Palmyra)
     * nor مدمر (a destroyer, the warship). */
    {"دمر", MZ_EVENT_DESTROYED},  {"دمرت", MZ_EVENT_DESTROYED}, {"يدمر", MZ_EVENT_DESTROYED},
    {"تدمير", MZ_EVENT_DESTROYED}, {"هدم", MZ_EVENT_DESTROYED},  {"هدمت", MZ_EVENT_DESTROYED},
    {"يهدم", MZ_EVENT_DESTROYED}, {"مهدم", MZ_EVENT_DESTROYED}, {"انهيار", MZ_EVENT_DESTROYED},
    {"انهار", MZ_EVENT_DESTROYED}, {"انهارت", MZ_EVENT_DESTROYED}, {"حرق", MZ_EVENT_DESTROYED},
    {"احرق", MZ_EVENT_DESTROYED}, {"احرقت", MZ_EVENT_DESTROYED}, {"احراق", MZ_EVENT_DESTROYED},
    {"احترق", MZ_EVENT_DESTROYED}, {"احترقت", MZ_EVENT_DESTROYED}, {"احتراق", MZ_EVENT_DESTROYED},
    /* not متضرر: «للمتضررين», those affected, are people */
    {"تضرر", MZ_EVENT_DAMAGED},   {"تضررت", MZ_EVENT_DAMAGED},  {"اضرار", MZ_EVENT_DAMAGED},
    {"تصدع", MZ_EVENT_DAMAGED},   {"تصدعت", MZ_EVENT_DAMAGED},
    {"اغلق", MZ_EVENT_CLOSED},    {"اغلقت", MZ_EVENT_CLOSED},   {"يغلق", MZ_EVENT_CLOSED},
    {"تغلق", MZ_EVENT_CLOSED},    {"اغلاق", MZ_EVENT_CLOSED},   {"مغلق", MZ_EVENT_CLOSED},
    {"اقفل", MZ_EVENT_CLOSED},    {"اقفلت", MZ_EVENT_CLOSED},   {"اقفال", MZ_EVENT_CLOSED},
    {"عطلت", MZ_EVENT_CLOSED},    {"تعطيل", MZ_EVENT_CLOSED},
    {"فتح", MZ_EVENT_OPENED},     {"فتحت", MZ_EVENT_OPENED},    {"يفتح", MZ_EVENT_OPENED},
    {"تفتح", MZ_EVENT_OPENED},    {"افتتح", MZ_EVENT_OPENED},   {"افتتحت", MZ_EVENT_OPENED},
    {"افتتاح", MZ_EVENT_OPENED},  {"يفتتح", MZ_EVENT_OPENED},
    /* resumed: «استأنفت الدراسة في 5 مدارس», «استؤنف العمل في المعبر»
     * (the appeal a court hears is not: appeal_not_resumption) */
    {"استانف", MZ_EVENT_OPENED},  {"استانفت", MZ_EVENT_OPENED}, {"يستانف", MZ_EVENT_OPENED},
    {"تستانف", MZ_EVENT_OPENED},  {"استيناف", MZ_EVENT_OPENED}, {"استونف", MZ_EVENT_OPENED},
    {"استونفت", MZ_EVENT_OPENED},
    /* acquitted: a trial's story counts the defendants it tried («مثل 14
     * متهما») and those it acquitted («برأت المحكمة 3 متهمين من أصل 14»);
     * with no event the 3 were set against the 14 as two sources' counts
     * of the defendants */
    {"برات", MZ_EVENT_ACQUITTED},  {"تبريه", MZ_EVENT_ACQUITTED},
    {"براءه", MZ_EVENT_ACQUITTED}, {"برااه", MZ_EVENT_ACQUITTED}, {"مبرا", MZ_EVENT_ACQUITTED},
    {"يبري", MZ_EVENT_ACQUITTED},
    /* absent: an exam's story counts the candidates («تقدم 412 ألف طالب»)
     * and those absent from a paper («وتغيب 3100 طالب عن الامتحان»), a
     * match's the players missing it; with no event the 3100 were set
     * against the 412 thousand as two counts of the students. Not غاب,
     * غابت: غابة (a forest, «الغابات») ends alike */
    /* rescued: a sinking's story counts the rescued beside the dead and the
     * missing («انتشال 12 جثة وإنقاذ 45 شخصا»); with no event a claim that 45
     * died met the 45 rescued as its figure. Not نجا, نجاة, ناجي: names too;
     * not ناجون: «وذكر ناجون أنه كان بين الركاب 15 طفلا» is who tells;
     * «فرق الإنقاذ» are the teams (rescue_teams) */
    {"انقاذ", MZ_EVENT_RESCUED},   {"انقذ", MZ_EVENT_RESCUED},   {"انقذت", MZ_EVENT_RESCUED},
    {"ينقذ", MZ_EVENT_RESCUED},    {"تنقذ", MZ_EVENT_RESCUED},
    {"تغيب", MZ_EVENT_ABSENT},     {"تغيبت", MZ_EVENT_ABSENT},   {"يتغيب", MZ_EVENT_ABSENT},
    {"متغيب", MZ_EVENT_ABSENT},    {"غياب", MZ_EVENT_ABSENT},    {"تخلف", MZ_EVENT_ABSENT},
    {"تخلفت", MZ_EVENT_ABSENT},    {"يتخلف", MZ_EVENT_ABSENT},
};

/* event_words by key in a hash index (numbers_keys.c) built once:
 * find_event runs some twenty times for each word near each value, and a
 * scan of the list was a tenth of the numbers reader's time. */
#define N_EVENT_WORDS (sizeof event_words / sizeof *event_words)
static mz_key_index event_index;
static pthread_once_t event_once = PTHREAD_ONCE_INIT;

static void event_index_build(void)
{
    _Static_assert(N_EVENT_WORDS < 255 && 2 * N_EVENT_WORDS < MZ_KEY_SLOTS,
                   "event_words outgrew its index");
    mz_key_index_build(&event_index, &event_words[0].key, N_EVENT_WORDS, sizeof *event_words);
}

static mz_event find_event(const char *k, size_t n)
{
    pthread_once(&event_once, event_index_build);
    long i = mz_key_index_find(&event_index, &event_words[0].key, sizeof *event_words, k, n);
    return i < 0 ? MZ_EVENT_NONE : event_words[i].event;
}

static size_t letters(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static bool begins_with(const char *s, size_t n, const char *p)
{
    size_t pl = strlen(p);
    return n >= pl && !memcmp(s, p, pl);
}

/* The word as given, then with a pronoun, plural or dual ending off
 * ("مصرعهم", "قتلوا", "محاصرين"), keeping at least two letters. */
static mz_event find_event_endings(const char *k, size_t n)
{
    static const char *const endings[] = {"هما", "هم", "ها", "ه", "وا", "ون", "ين", "ات", "ان", "ا"};
    mz_event e = find_event(k, n);
    for (size_t i = 0; !e && i < sizeof endings / sizeof *endings; i++) {
        size_t el = strlen(endings[i]);
        if (n > el && !memcmp(k + n - el, endings[i], el) && letters(k, n - el) >= 2)
            e = find_event(k, n - el);
        /* أسرة (a family, keyed اسره) is not أسر (captured): "لكل أسرة",
         * "500 أسرة نازحة" */
        if (e == MZ_EVENT_DETAINED && !strcmp(endings[i], "ه") && n - el == strlen("اسر") &&
            !memcmp(k, "اسر", n - el))
            e = MZ_EVENT_NONE;
    }
    return e;
}

mz_event mz_event_of_word(const char *key, size_t len)
{
    /* front: و/ف, then سـ (future) or the article or a preposition */
    static const char *const fronts[] = {"وال", "فال", "بال", "لل", "ال", "س", "ب", "ل"};
    const char *k = key;
    size_t n = len;
    mz_event e = find_event_endings(k, n);
    if (e)
        return e;
    if ((begins_with(k, n, "و") || begins_with(k, n, "ف")) && letters(k, n) >= 4) {
        k += 2;
        n -= 2;
        if ((e = find_event_endings(k, n)))
            return e;
    }
    for (size_t i = 0; i < sizeof fronts / sizeof *fronts; i++)
        if (begins_with(k, n, fronts[i]) && letters(k + strlen(fronts[i]), n - strlen(fronts[i])) >= 3)
            return find_event_endings(k + strlen(fronts[i]), n - strlen(fronts[i]));
    return MZ_EVENT_NONE;
}

/* Punctuation between two words that ends a clause. */
bool mz_clause_break(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '|' ||
            c == '(' || c == ')')
            return true;
        /* ، ؛ ؟ (U+060C, U+061B, U+061F) */
        if (c == 0xD8 && i + 1 < to &&
            ((unsigned char)s[i + 1] == 0x8C || (unsigned char)s[i + 1] == 0x9B ||
             (unsigned char)s[i + 1] == 0x9F))
            return true;
    }
    return false;
}

/* أسر (families), bare or with a clitic or the article before it (the
 * prefixes mz_word_stem takes off). */
static bool is_families(const char *k, size_t n)
{
    char bare[64];
    mz_word_stem(k, n, 0, bare, sizeof bare);
    return !strcmp(bare, "اسر");
}

static bool key_ends_with(const char *k, const char *p)
{
    size_t kl = strlen(k), pl = strlen(p);
    return kl >= pl && !memcmp(k + kl - pl, p, pl);
}

static bool is_key(const mz_word *w, const char *key)
{
    return w && !strcmp(w->key, key);
}

/* فتح the name, not "opened": حركة فتح, جبهة فتح الشام (334 times in the
 * Baly train/dev articles); and «فتح (مسلحون) النار», opened fire, which
 * opens nothing a count counts. The neighbours may be NULL. */
static bool opens_nothing(const mz_word *prev, const mz_word *next, const mz_word *next2)
{
    return is_key(next, "الشام") || is_key(next, "النار") || is_key(next2, "النار") ||
           (prev && (key_ends_with(prev->key, "حركه") || key_ends_with(prev->key, "جبهه")));
}

/* استئناف the appeal, not "resumed": the appeal with the article («عند
 * الاستئناف», «محكمة الاستئناف»), a court's or prosecutor's («محكمة استئناف
 * القاهرة», «نيابات استئناف الإسكندرية») and an appealed ruling («استأنف
 * (المتهم) الحكم»). The neighbours may be NULL. */
static bool appeal_not_resumption(const mz_word *prev, const mz_word *w, const mz_word *next,
                                  const mz_word *next2)
{
    static const char *const ruling[] = {"الحكم", "حكم", "القرار", "الاحكام"};
    if (key_ends_with(w->key, "الاستيناف") || key_ends_with(w->key, "للاستيناف"))
        return true;
    if (prev && (key_ends_with(prev->key, "محكمه") || key_ends_with(prev->key, "نيابه") ||
                 key_ends_with(prev->key, "نيابات")))
        return true;
    for (size_t i = 0; i < sizeof ruling / sizeof *ruling; i++)
        if (is_key(next, ruling[i]) || is_key(next2, ruling[i]))
            return true;
    return false;
}

/* «عودة الدراسة», «عودة الدوام», «عودة العمل في المعبر»: what returns is
 * schooling or work, so a place reopens (as «استأنفت الدراسة»); «عودة
 * اللاجئين», «عودة 3 آلاف نازح» are people moving. The next word says it. */
static bool return_of_work(const mz_word *w, const mz_word *next)
{
    static const char *const work[] = {"الدراسه", "الدوام", "التدريس", "العمل"};
    if (!next || !key_ends_with(w->key, "عوده"))
        return false;
    for (size_t i = 0; i < sizeof work / sizeof *work; i++)
        if (is_key(next, work[i]))
            return true;
    return false;
}

/* The event of w, its neighbours (the word before, the two after; NULL
 * past the ends) telling "تقل عن" (is less than) and فتح the name
 * (opens_nothing) from events. */
static mz_event event_in_context(const mz_word *prev, const mz_word *w, const mz_word *next,
                                 const mz_word *next2)
{
    mz_event e = mz_event_of_word(w->key, w->key_len);
    if (e == MZ_EVENT_MOVED && !strcmp(w->key, "تقل") && next &&
        (!strcmp(next->key, "عن") || !strcmp(next->key, "من")))
        return MZ_EVENT_NONE;
    if (e == MZ_EVENT_MOVED && return_of_work(w, next))
        return MZ_EVENT_OPENED;
    if (e == MZ_EVENT_OPENED &&
        (opens_nothing(prev, next, next2) || appeal_not_resumption(prev, w, next, next2)))
        return MZ_EVENT_NONE;
    /* «فرق الإنقاذ», «عمليات الإنقاذ»: the rescue with the article names the
     * teams or the work, and «انتشال 12 جثة» after it rescued no one */
    if (e == MZ_EVENT_RESCUED && (strstr(w->key, "الانقاذ") || !strcmp(w->key, "للانقاذ")))
        return MZ_EVENT_NONE;
    /* «مستشفى الشفاء» names a hospital: «5 أشخاص في مستشفى الشفاء» recovered nothing */
    if (e == MZ_EVENT_RECOVERED && prev &&
        (!strcmp(prev->key, "مستشفي") || !strcmp(prev->key, "ومستشفي") ||
         !strcmp(prev->key, "بمستشفي") || !strcmp(prev->key, "لمستشفي")))
        return MZ_EVENT_NONE;
    return e;
}

/* An event word at ws[i] (event_in_context). */
static mz_event event_at(const mz_word *ws, size_t n, size_t i)
{
    return event_in_context(i ? &ws[i - 1] : NULL, &ws[i], i + 1 < n ? &ws[i + 1] : NULL,
                            i + 2 < n ? &ws[i + 2] : NULL);
}

#define EVENT_BEFORE 6  /* words looked at before the value */
#define EVENT_AFTER 4   /* words looked at after it (its noun included) */
#define EVENT_CLAUSE 12 /* how far back the verb that opens the clause is looked for */

/* «قضوا» (perished) after the count of people it tells of: «16 شخصا قضوا».
 * Before a number it spends time («قضوا 5 سنوات»), so only here. */
static bool perished(const mz_word *w)
{
    return !strcmp(w->key, "قضوا") || !strcmp(w->key, "وقضوا");
}

/* «على الأقل» and «منهم» between a count and its verb do not take a word
 * of the window after it: «16 شخصا منهم على الأقل قضوا». */
static bool skipped_after(const mz_word *ws, size_t n, size_t i)
{
    return !strcmp(ws[i].key, "منهم") || !strcmp(ws[i].key, "الاقل") ||
           (!strcmp(ws[i].key, "علي") && i + 1 < n && !strcmp(ws[i + 1].key, "الاقل"));
}

/* Whether ws[i] is a number, in digits or in words. */
static bool count_word_at(const mz_word *ws, size_t i)
{
    return ws[i].is_number || mz_num_is_number_word(&ws[i]);
}

#define RANKS_REACH 6 /* words after the value where «في عداد …» is looked for */

/* What a count is said to be among, in its own clause: «8 أشخاص لا
 * يزالون في عداد المفقودين» (missing), «في عداد القتلى» (killed); the
 * counted noun itself when it names the missing, «12 مفقودا». Either says
 * the value's event before any verb near it: «9 أشخاص لقوا حتفهم وإن 12
 * مفقودا» gave the missing the deaths before them, and the 8 no event. */
static mz_event ranks_of(const char *s, const mz_word *ws, size_t n, size_t after)
{
    if (after < n && mz_event_of_word(ws[after].key, ws[after].key_len) == MZ_EVENT_MISSING)
        return MZ_EVENT_MISSING;
    for (size_t i = after + 1; i + 1 < n && i <= after + RANKS_REACH; i++) {
        if (mz_clause_break(s, ws[i - 1].end, ws[i].start) || count_word_at(ws, i))
            break;
        if (!strcmp(ws[i].key, "عداد") && !mz_clause_break(s, ws[i].end, ws[i + 1].start))
            return mz_event_of_word(ws[i + 1].key, ws[i + 1].key_len);
    }
    return MZ_EVENT_NONE;
}

/* «الناجين», «ناجين», «الناجون»: the survivors, the rescued, only after
 * «عدد» (count_named_before); alone they are who tells («قال ناجون إن …»). */
static bool survivors(const mz_word *w)
{
    static const char *const keys[] = {"الناجين", "ناجين", "الناجون", "ناجون"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(w->key, keys[i]))
            return true;
    return false;
}

/* «عدد», «وعدد», «بعدد»: the key's length first, most words are not it. */
static bool count_word_noun(const mz_word *w)
{
    return (w->key_len == strlen("عدد") && !strcmp(w->key, "عدد")) ||
           (w->key_len == strlen("وعدد") && (!strcmp(w->key, "وعدد") || !strcmp(w->key, "بعدد")));
}

/* What «عدد X» before a count in its clause names it, as «في عداد X» after
 * it does: «أن عدد الناجين من غرق القارب … 54 شخصا» counts the rescued,
 * not the drowned (غرق nearer the count), «ارتفع عدد القتلى إلى 31» the
 * killed. The nearest «عدد» decides, none past another count; X an event
 * word or the survivors, else no event from it («عدد من الضحايا»). */
static mz_event count_named_before(const char *s, const mz_word *ws, size_t first)
{
    /* the «عدد» first (most counts have none), then its clause */
    size_t at = first;
    for (size_t b = 2; b <= EVENT_CLAUSE && b <= first && at == first; b++)
        if (count_word_noun(&ws[first - b]))
            at = first - b;
    if (at == first)
        return MZ_EVENT_NONE;
    for (size_t i = at + 1; i < first; i++)
        if (mz_clause_break(s, ws[i - 1].end, ws[i].start) || count_word_at(ws, i))
            return MZ_EVENT_NONE;
    if (mz_clause_break(s, ws[first - 1].end, ws[first].start))
        return MZ_EVENT_NONE;
    return survivors(&ws[at + 1]) ? MZ_EVENT_RESCUED
                                  : mz_event_of_word(ws[at + 1].key, ws[at + 1].key_len);
}

/* «على متن», «على متنه», «على متنها»: prev and w two words of one clause
 * (the caller's) */
static bool on_board(const mz_word *prev, const mz_word *w)
{
    return !strncmp(w->key, "متن", strlen("متن")) && w->key_len <= strlen("متنها") &&
           !strcmp(prev->key, "علي");
}

/* Whether the count at ws[first] is of those on board: «على متن(ه/ها)» in
 * its clause before it, no other count between. It wins over an event word
 * nearer the count: «غرق قارب كان على متنه نحو 120 مهاجرا» and «كان على متن
 * القارب الذي غرق … 200 مهاجر» count the passengers, not the drowned. */
static bool aboard_before(const char *s, const mz_word *ws, size_t first)
{
    for (size_t b = 1; b <= EVENT_CLAUSE && b <= first; b++) {
        size_t i = first - b;
        if (mz_clause_break(s, ws[i].end, ws[i + 1].start) || count_word_at(ws, i))
            return false;
        if (i > 0 && on_board(&ws[i - 1], &ws[i]) && !mz_clause_break(s, ws[i - 1].end, ws[i].start))
            return true;
    }
    return false;
}

mz_event mz_event_near(const char *s, const mz_word *ws, size_t n, size_t first, size_t after)
{
    mz_event ranked = ranks_of(s, ws, n, after);
    if (ranked)
        return ranked;
    if (aboard_before(s, ws, first))
        return MZ_EVENT_ABOARD;
    mz_event named = count_named_before(s, ws, first);
    if (named)
        return named;
    /* an event word before another count is that count's first: «وبرأت
     * المحكمة 3 متهمين وحكمت على 10 متهمين آخرين بالسجن» — the 10 are
     * sentenced (بالسجن after them), not acquitted. It is kept for when no
     * word after the value tells its own («مقتل 5 أشخاص و3 أطفال»). */
    mz_event past_count = MZ_EVENT_NONE;
    bool passed = false;
    for (size_t back = 1; back <= EVENT_BEFORE && back <= first; back++) {
        size_t i = first - back;
        if (mz_clause_break(s, ws[i].end, ws[i + 1].start))
            break;
        passed = passed || count_word_at(ws, i);
        mz_event e = event_at(ws, n, i);
        if (e && !passed)
            return e;
        if (e) {
            past_count = e;
            break;
        }
    }
    for (size_t i = after, seen = 0; i < n && seen < EVENT_AFTER; i++) {
        if (mz_clause_break(s, ws[i - 1].end, ws[i].start))
            break;
        if (i > after && skipped_after(ws, n, i))
            continue;
        seen++;
        /* the counted noun أسر right after a value is families ("خمس أسر"),
         * not the verb captured */
        if (i == after && is_families(ws[i].key, ws[i].key_len))
            continue;
        if (i > after && perished(&ws[i]))
            return MZ_EVENT_DIED;
        mz_event e = event_at(ws, n, i);
        /* an event word right before another count is that count's:
         * «انتشال 12 جثة وإنقاذ 45 شخصا» — the 12 bodies were not rescued */
        if (e && i > after && i + 1 < n && count_word_at(ws, i + 1) &&
            !mz_clause_break(s, ws[i].end, ws[i + 1].start))
            break;
        if (e)
            return e;
    }
    if (past_count)
        return past_count;
    /* the verb that opens the clause governs the count at its end, past a
     * long subject: «وتحاصر قوات موالية للرئيس السوري بشار الأسد قرابة
     * 400 ألف شخص» (besieged, not "no event"); not past another number,
     * which was that verb's object («قتل القصف 38 مقاتلا ودمر 20 مركبة») */
    for (size_t b = 1; b <= EVENT_CLAUSE && b <= first; b++) {
        size_t i = first - b;
        if (count_word_at(ws, i))
            break;
        if (i == 0 || mz_clause_break(s, ws[i - 1].end, ws[i].start))
            return b > EVENT_BEFORE ? event_at(ws, n, i) : MZ_EVENT_NONE;
    }
    return MZ_EVENT_NONE;
}

unsigned mz_events_in(const char *s, size_t len)
{
    unsigned mask = 0;
    mz_word_iter it;
    /* each word v[1] is looked at with its neighbours (event_in_context) */
    mz_word v[4];
    bool has[4] = {false};
    mz_words_init(&it, s, len);
    has[2] = mz_words_next(&it, &v[2]);
    has[3] = has[2] && mz_words_next(&it, &v[3]);
    while (has[2]) {
        for (int i = 0; i < 3; i++)
            v[i] = v[i + 1], has[i] = has[i + 1];
        has[3] = has[2] && mz_words_next(&it, &v[3]);
        mask |= 1u << event_in_context(has[0] ? &v[0] : NULL, &v[1], has[2] ? &v[2] : NULL,
                                       has[3] ? &v[3] : NULL);
        /* «على متن القارب»: a claim of those on board names them (aboard_before) */
        if (has[0] && on_board(&v[0], &v[1]))
            mask |= 1u << MZ_EVENT_ABOARD;
        /* «كان بين ركاب القارب … 15 طفلا»: among those on board (numbers_among.c) */
        if (has[0] && (!strcmp(v[0].key, "بين") || !strcmp(v[0].key, "وبين")) &&
            (!strcmp(v[1].key, "ركاب") || !strcmp(v[1].key, "الركاب")))
            mask |= 1u << MZ_EVENT_ABOARD;
    }
    return mask & ~1u; /* MZ_EVENT_NONE is not an event */
}

const char *mz_event_name(mz_event e)
{
    static const char *const names[MZ_N_EVENTS] = {
        "",         "killed",   "died",    "injured", "detained", "released",
        "moved",    "besieged", "destroyed", "damaged", "closed",  "opened",
        "acquitted", "recovered", "missing", "absent", "rescued", "aboard"};
    return (unsigned)e < MZ_N_EVENTS ? names[e] : "";
}
