/* test_numbers.c — quantities in Arabic sentences (digits, spelled-out
 * numbers, ranges, percentages, dates) and conflicts between voices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

/* Extracts and checks the first quantity of s. */
static mz_number first(const char *s, size_t *n)
{
    mz_number v[8];
    *n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(*n >= 1);
    return v[0];
}

static void assert_value(const char *s, const char *written, double lo, double hi,
                         mz_qty_kind kind, const char *noun)
{
    size_t n;
    mz_number x = first(s, &n);
    assert_int_equal(x.end - x.start, strlen(written));
    assert_memory_equal(s + x.start, written, strlen(written));
    assert_true(x.number == lo);
    assert_true(x.number_max == hi);
    assert_int_equal(x.kind, kind);
    assert_string_equal(x.noun, noun);
}

static void test_digits_and_nouns(void **state)
{
    (void)state;
    assert_value("خرج 400 متشدد من المدينة", "400", 400, 400, MZ_QTY_COUNT, "متشدد");
    assert_value("تمكنت من قتل 11 إرهابياً في الحي", "11", 11, 11, MZ_QTY_COUNT, "إرهابياً");
    assert_value("قرابة ٣٠٠ عنصر من التنظيم", "٣٠٠", 300, 300, MZ_QTY_COUNT, "عنصر");
    assert_value("نزوح نحو 1.5 مليون لاجئ", "1.5 مليون", 1.5e6, 1.5e6, MZ_QTY_COUNT, "لاجئ");
    assert_value("دخلت 1,200 شاحنة", "1,200", 1200, 1200, MZ_QTY_COUNT, "شاحنة");
    assert_value("دخلت 1,200,000 حبة", "1,200,000", 1.2e6, 1.2e6, MZ_QTY_COUNT, "حبة");
    /* a comma before anything but a three-digit group is a decimal comma,
     * and the Arabic comma between digits is one too */
    assert_value("نزوح 2،5 مليون لاجئ", "2،5 مليون", 2.5e6, 2.5e6, MZ_QTY_COUNT, "لاجئ");
    assert_value("نزوح 2,25 مليون لاجئ", "2,25 مليون", 2.25e6, 2.25e6, MZ_QTY_COUNT, "لاجئ");
    /* a list is not one number: 2018،2019 are two years, 2018,2019 reads as its first */
    mz_number v[8];
    const char *years = "في الأعوام 2018،2019 و2020،2021";
    size_t ny = mz_numbers_extract(years, strlen(years), v, 8);
    assert_true(ny >= 3);
    assert_true(v[0].number == 2018 && v[1].number == 2019);
    const char *list = "المواد 3،4،5";
    assert_int_equal(mz_numbers_extract(list, strlen(list), v, 8), 3);
    assert_true(v[1].number == 4 && v[2].number == 5);
    const char *glued = "نحو 2018,2019";
    assert_true(mz_numbers_extract(glued, strlen(glued), v, 8) == 1 && v[0].number == 2018);
    /* the noun's key meets both seats of hamza */
    size_t n;
    mz_number a = first("قتل 3 مسئولين", &n), b = first("قتل 3 مسؤولين", &n);
    assert_string_equal(a.noun_key, b.noun_key);
}

static void test_spelled_out(void **state)
{
    (void)state;
    assert_value("أفرج اللواء عن أربعين أسيرا", "أربعين", 40, 40, MZ_QTY_COUNT, "أسيرا");
    assert_value("قتل خمسة وعشرين مدنياً", "خمسة وعشرين", 25, 25, MZ_QTY_COUNT, "مدنياً");
    assert_value("أكثر من ثلاثة آلاف وخمسمئة شخص", "ثلاثة آلاف وخمسمئة", 3500, 3500,
                 MZ_QTY_COUNT, "شخص");
    assert_value("عاد ثلاثة عشر طفلا", "ثلاثة عشر", 13, 13, MZ_QTY_COUNT, "طفلا");
    assert_value("وصل أحد عشر جنديا", "أحد عشر", 11, 11, MZ_QTY_COUNT, "جنديا");
    assert_value("قتل مئة وخمسون مدنيا", "مئة وخمسون", 150, 150, MZ_QTY_COUNT, "مدنيا");
    assert_value("تجمع ألفي مقاتل", "ألفي", 2000, 2000, MZ_QTY_COUNT, "مقاتل");
    /* diacritics do not hide a number word */
    assert_value("أُفرِج عن ثَلاثَةِ آلافٍ مُعتقل", "ثَلاثَةِ آلافٍ", 3000, 3000, MZ_QTY_COUNT, "مُعتقل");
    /* nor does tatweel, and Persian digits read as digits (the text
     * engine's normalization, normalize.c) */
    assert_value("أفرج اللواء عن أربعيـــن أسيرا", "أربعيـــن", 40, 40, MZ_QTY_COUNT, "أسيرا");
    assert_value("وصل ۴۰ جنديا", "۴۰", 40, 40, MZ_QTY_COUNT, "جنديا");
    /* "thousands of" is no number: a vague value, a floor (test_vague_values) */
    size_t n;
    mz_number x = first("نزح آلاف المدنيين", &n);
    assert_true(n == 1 && x.vague && x.number == 2000 && x.bound == 1);
}

static void test_ranges(void **state)
{
    (void)state;
    assert_value("يقدر عددهم بين ثلاثة وأربعة آلاف مقاتل", "بين ثلاثة وأربعة آلاف", 3000, 4000,
                 MZ_QTY_COUNT, "مقاتل");
    assert_value("بين 3 و4 آلاف عنصر", "بين 3 و4 آلاف", 3000, 4000, MZ_QTY_COUNT, "عنصر");
    assert_value("3-4 آلاف مسلح", "3-4 آلاف", 3000, 4000, MZ_QTY_COUNT, "مسلح");
    assert_value("سقط ثلاثة أو أربعة قتلى", "ثلاثة أو أربعة", 3, 4, MZ_QTY_COUNT, "قتلى");
    assert_value("من 200 إلى 250 أسيرا", "200 إلى 250", 200, 250, MZ_QTY_COUNT, "أسيرا");
    /* "بين 10 إلى 15", as news often writes it, was 10 with no noun and 15
     * قتيلا, so a report of 10 قتلى conflicted with it */
    assert_value("سقط بين 10 إلى 15 قتيلا", "بين 10 إلى 15", 10, 15, MZ_QTY_COUNT, "قتيلا");
    assert_value("بين ثلاثة إلى أربعة آلاف مقاتل", "بين ثلاثة إلى أربعة آلاف", 3000, 4000,
                 MZ_QTY_COUNT, "مقاتل");
}

static void test_percent_and_dates(void **state)
{
    (void)state;
    assert_value("حصل على 85% من الأصوات", "85%", 85, 85, MZ_QTY_PERCENT, "الأصوات");
    assert_value("بنسبة ٨٥٪ من الناخبين", "٨٥٪", 85, 85, MZ_QTY_PERCENT, "الناخبين");
    assert_value("ارتفعت البطالة إلى 12 في المئة", "12 في المئة", 12, 12, MZ_QTY_PERCENT, "البطالة");
    size_t n;
    const char *s = "قتل خمسة وعشرين مدنياً يوم 11 تشرين الأول 2017";
    mz_number v[8];
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_int_equal(v[1].kind, MZ_QTY_DATE);
    assert_true(v[1].number == 11);
    assert_memory_equal(s + v[1].start, "11 تشرين الأول 2017", strlen("11 تشرين الأول 2017"));
    mz_number y = first("في عام 2017 بدأت المعركة", &n);
    assert_int_equal(y.kind, MZ_QTY_DATE);
    assert_string_equal(y.noun_key, "year");
}

/* A day of a month named by where it stands — "الخميس 23 من الشهر الجاري",
 * "في 5 الجاري", "10 من الشهر الماضي" — is a date: it counted الشهر (or
 * the noun after it) as a quantity. Its day key is kept apart from named
 * months ("r:DAY/OFFSET"): the current month is not known. */
static void test_dates_of_the_current_month(void **state)
{
    (void)state;
    assert_value("وقعت السيول يوم الخميس 23 من الشهر الجاري في البلدة", "23 من الشهر الجاري", 23,
                 23, MZ_QTY_DATE, "التاريخ");
    assert_value("انطلقت المفاوضات في 5 الجاري بوساطة عشائرية", "5 الجاري", 5, 5, MZ_QTY_DATE,
                 "التاريخ");
    assert_value("بدأ الحصار في 10 من الشهر الماضي", "10 من الشهر الماضي", 10, 10,
                 MZ_QTY_DATE, "التاريخ");
    assert_value("تجري الانتخابات في 3 من هذا الشهر", "3 من هذا الشهر", 3, 3, MZ_QTY_DATE,
                 "التاريخ");
    size_t n;
    assert_string_equal(first("قتل 8 أشخاص في 23 من الشهر الجاري", &n).day, "r:23/0");
    assert_string_equal(first("قتل 8 أشخاص في 2 من الشهر المقبل", &n).day, "r:2/1");
    assert_string_equal(first("قتل 8 أشخاص في 17 الجاري", &n).day, "r:17/0");
    /* as the terminal report writes them */
    char text[32];
    mz_day_text("r:23/0", text, sizeof text);
    assert_string_equal(text, "23 of this month");
    mz_day_text("r:5/-1", text, sizeof text);
    assert_string_equal(text, "5 of last month");
    mz_day_text("d:5/112", text, sizeof text);
    assert_string_equal(text, "5/12 AH");
    mz_day_text("w:7", text, sizeof text);
    assert_string_equal(text, "Friday");
    mz_day_text("", text, sizeof text);
    assert_string_equal(text, "");
    /* a named month and the current one are not compared, two current ones are */
    assert_false(mz_other_days("r:23/0", "d:23/11"));
    assert_true(mz_other_days("r:23/0", "r:25/0"));
    /* a number after the month is its year only when it reads as one */
    mz_number v[4];
    const char *two = "قتل يوم 3 مايو 12 شخصا في القصف";
    assert_int_equal(mz_numbers_extract(two, strlen(two), v, 4), 2);
    assert_memory_equal(two + v[0].start, "3 مايو", strlen("3 مايو"));
    assert_true(v[1].number == 12 && v[1].kind == MZ_QTY_COUNT);
    assert_string_equal(v[1].day, "d:3/5");
    const char *rel = "قتل الخميس 23 من الشهر الجاري 5 أشخاص";
    assert_int_equal(mz_numbers_extract(rel, strlen(rel), v, 4), 2);
    assert_true(v[1].number == 5 && v[1].kind == MZ_QTY_COUNT);
    assert_value("قتل في 11 تشرين الأول 1439 هـ", "11 تشرين الأول 1439", 11, 11, MZ_QTY_DATE,
                 "التاريخ");
    /* a count of months is still a count */
    assert_value("استمر الحصار 5 أشهر", "5", 5, 5, MZ_QTY_COUNT, "أشهر");
}

static void test_noun_keys_group_forms(void **state)
{
    (void)state;
    size_t n;
    mz_number a = first("أطلق سراح 25 أسيرا", &n);
    mz_number b = first("أفرج عن أربعين من الأسرى", &n);
    mz_number c = first("الإفراج عن 40 أسيراً", &n);
    assert_string_equal(a.noun_key, c.noun_key);
    assert_string_equal(b.noun, "الأسرى");
    assert_string_equal(b.noun_key, a.noun_key); /* a broken plural meets its singular */
    mz_number k1 = first("سقط 12 قتيلا", &n), k2 = first("ارتفع العدد إلى 15 من القتلى", &n);
    assert_string_equal(k1.noun_key, k2.noun_key);
    mz_number d = first("قتل 11 مقاتلا", &n), e = first("بين ثلاثة وأربعة آلاف من المقاتلين", &n);
    assert_string_equal(d.noun_key, e.noun_key);
    /* women: نساء is the plural of امرأة ("5 نساء", "12 امرأة" were apart) */
    mz_number w1 = first("قتل 5 نساء في القصف", &n), w2 = first("قتلت 12 امرأة في القصف", &n);
    assert_string_equal(w1.noun_key, w2.noun_key);
    /* a noun's own first ك is not the clitic "like": كيلومتر keeps it, and a
     * battalion (كتيبة) is not a تيبة */
    mz_number km = first("قطعت القافلة 120 كيلومترا", &n);
    assert_string_equal(km.noun_key, "كيلومتر");
    char k1b[64], k2b[64];
    mz_noun_key("كتيبه", strlen("كتيبه"), k1b, sizeof k1b);
    mz_noun_key("بكتيبه", strlen("بكتيبه"), k2b, sizeof k2b);
    assert_string_equal(k1b, k2b);
    assert_string_equal(k1b, "كتيب");
}

static void test_conflicts(void **state)
{
    (void)state;
    assert_false(mz_numbers_conflict(400, 400, 420, 420));   /* within 10% */
    assert_true(mz_numbers_conflict(400, 400, 3000, 4000));  /* the example */
    assert_false(mz_numbers_conflict(3000, 4000, 3500, 3500));
    assert_true(mz_numbers_conflict(25, 25, 40, 40));
    assert_false(mz_numbers_conflict(85, 85, 85, 85));
}

/* A year-like number that counts people, money or weapons is a count:
 * "قتل 2000 شخص" is not the year 2000, and "2,000" is never a year. */
static void test_counts_that_look_like_years(void **state)
{
    (void)state;
    assert_value("قتل 2000 شخص في الهجوم", "2000", 2000, 2000, MZ_QTY_COUNT, "شخص");
    assert_value("قتل 2,000 شخص", "2,000", 2000, 2000, MZ_QTY_COUNT, "شخص");
    assert_value("نزح 1950 مدنيا من البلدة", "1950", 1950, 1950, MZ_QTY_COUNT, "مدنيا");
    assert_value("بلغت الكلفة 2050 دولارا", "2050", 2050, 2050, MZ_QTY_COUNT, "دولارا");
    /* troops, officers, pilgrims, settlers: «وجود نحو 2000 عسكري أميركي» was the year 2000 */
    assert_value("وجود نحو 2000 عسكري أميركي في البلاد", "2000", 2000, 2000, MZ_QTY_COUNT, "عسكري");
    assert_value("نشر 2000 شرطي في شوارع المدينة", "2000", 2000, 2000, MZ_QTY_COUNT, "شرطي");
    assert_value("انشق 1900 ضابط عن الجيش", "1900", 1900, 1900, MZ_QTY_COUNT, "ضابط");
    assert_value("وصل 2000 حاج إلى المطار", "2000", 2000, 2000, MZ_QTY_COUNT, "حاج");
    assert_value("اقتحم 2000 مستوطن باحات المسجد", "2000", 2000, 2000, MZ_QTY_COUNT, "مستوطن");
    /* years stay years, whatever follows */
    size_t n;
    assert_int_equal(first("في عام 2000 قتل 5 أشخاص", &n).kind, MZ_QTY_DATE);
    assert_int_equal(first("منذ 2011 شخص واحد فقط", &n).kind, MZ_QTY_DATE);
    assert_int_equal(first("2017 مقتل قائد التنظيم", &n).kind, MZ_QTY_DATE);
    assert_int_equal(first("حتى 2016 شهدت المدينة", &n).kind, MZ_QTY_DATE);
}

/* Clock times and numeric dates are not counts: "19 : 23 بتوقيت القدس" and
 * "2017 / 09 / 27 انتشر خبر" gave the counts 23 بتوقيت and 27 انتشر, and
 * conflicts between them. */
static void test_times_and_numeric_dates(void **state)
{
    (void)state;
    mz_number v[8];
    const char *t1 = "آخر تحديث الساعة 19 : 23 بتوقيت القدس";
    const char *t2 = "نشر في 05:39 بتوقيت غرينتش";
    const char *t3 = "2017 / 09 / 27 انتشر خبر وفاة الممثل";
    const char *t4 = "اليوم الثلاثاء 16 - 12 - 2014 يشهد الحي اشتباكات";
    const char *t5 = "بتاريخ 24/11/2017 قتل 3 أشخاص";
    assert_int_equal(mz_numbers_extract(t1, strlen(t1), v, 8), 0);
    assert_int_equal(mz_numbers_extract(t2, strlen(t2), v, 8), 0);
    assert_int_equal(mz_numbers_extract(t3, strlen(t3), v, 8), 0);
    assert_int_equal(mz_numbers_extract(t4, strlen(t4), v, 8), 0);
    assert_int_equal(mz_numbers_extract(t5, strlen(t5), v, 8), 1);
    assert_true(v[0].number == 3);
    assert_string_equal(v[0].noun, "أشخاص");
    /* a range with a dash is still a range */
    assert_value("3-4 آلاف مسلح", "3-4 آلاف", 3000, 4000, MZ_QTY_COUNT, "مسلح");
}

/* Hijri dates: a year marked هـ/هجرية or after a Hijri month is a year, and
 * a day before a Hijri month is a date; a bare 1400 before a noun counts. */
static void test_hijri_dates(void **state)
{
    (void)state;
    assert_value("في جمادى الأولى 1439 زار الوفد", "1439", 1439, 1439, MZ_QTY_DATE, "السنة");
    assert_value("الموافق 1438 هـ قتل", "1438 هـ", 1438, 1438, MZ_QTY_DATE, "السنة");
    assert_value("صدر في 1439 هجرية", "1439 هجرية", 1439, 1439, MZ_QTY_DATE, "السنة");
    assert_value("في 27 رمضان 1438 أعلن", "27 رمضان 1438", 27, 27, MZ_QTY_DATE, "التاريخ");
    assert_value("قتل 1400 شخص", "1400", 1400, 1400, MZ_QTY_COUNT, "شخص");
    /* a month of two words is one date with its year: ذو القعدة is the
     * eleventh month and ذو الحجة the twelfth (both were the eleventh, so
     * values told of the 5th of each met as one day) */
    assert_value("في 5 ذي الحجة 1438 قتل", "5 ذي الحجة 1438", 5, 5, MZ_QTY_DATE, "التاريخ");
    assert_value("في 5 جمادى الآخرة 1439 قتل", "5 جمادى الآخرة 1439", 5, 5, MZ_QTY_DATE,
                 "التاريخ");
    size_t n;
    assert_string_equal(first("قتل 3 أشخاص في 5 ذي الحجة", &n).day, "d:5/112");
    assert_string_equal(first("قتل 3 أشخاص في 5 ذو القعدة", &n).day, "d:5/111");
    assert_string_equal(first("قتل 3 أشخاص في 5 ربيع الآخر", &n).day, "d:5/104");
}

/* Digits with a spelled-out thousand and a remainder are one number, and so
 * are hundreds written apart (ثلاث مئة, the spelling most style guides use). */
static void test_compound_numbers(void **state)
{
    (void)state;
    assert_value("قتل 5 آلاف و500 شخص", "5 آلاف و500", 5500, 5500, MZ_QTY_COUNT, "شخص");
    assert_value("نزح 40 ألفا و500 مدني", "40 ألفا و500", 40500, 40500, MZ_QTY_COUNT, "مدني");
    assert_value("نزح 3 آلاف وخمسمئة مدني", "3 آلاف وخمسمئة", 3500, 3500, MZ_QTY_COUNT, "مدني");
    assert_value("قتل ثلاث مئة شخص", "ثلاث مئة", 300, 300, MZ_QTY_COUNT, "شخص");
    assert_value("أفرج عن أربع مئة وخمسين معتقلا", "أربع مئة وخمسين", 450, 450, MZ_QTY_COUNT,
                 "معتقلا");
    assert_value("قتل مئتي شخص", "مئتي", 200, 200, MZ_QTY_COUNT, "شخص");
    /* a range of thousands is still a range, spelled out too (it was read
     * as the sum, 7000) */
    assert_value("بين ثلاثة آلاف وأربعة آلاف مقاتل", "بين ثلاثة آلاف وأربعة آلاف", 3000, 4000,
                 MZ_QTY_COUNT, "مقاتل");
    assert_value("نزح مليون وخمسمئة ألف شخص", "مليون وخمسمئة ألف", 1.5e6, 1.5e6, MZ_QTY_COUNT, "شخص");
    assert_value("بين 3 آلاف و4 آلاف عنصر", "بين 3 آلاف و4 آلاف", 3000, 4000, MZ_QTY_COUNT, "عنصر");
    /* a spelled multiplier, then و and digits with their own smaller unit:
     * «مليون و200 ألف صوت» was two numbers, the million counting nothing
     * and 200 ألف votes, and the bound before it was lost */
    assert_value("حصد الحزب مليون و200 ألف صوت", "مليون و200 ألف", 1.2e6, 1.2e6, MZ_QTY_COUNT,
                 "صوت");
    assert_value("أدلى مليونان و900 ألف ناخب بأصواتهم", "مليونان و900 ألف", 2.9e6, 2.9e6,
                 MZ_QTY_COUNT, "ناخب");
    assert_value("شارك ألف و200 مراقب", "ألف و200", 1200, 1200, MZ_QTY_COUNT, "مراقب");
    {
        size_t n;
        mz_number x = first("حصد أكثر من مليون و200 ألف صوت", &n);
        assert_int_equal(n, 1);
        assert_true(x.number == 1.2e6);
        assert_int_equal(x.bound, 1);
        /* the thousands' own rest: 2,749,140 (it was 749,140) */
        assert_value("يبلغ عددهم مليونين و 749 ألف و 140 لاجئا", "مليونين و 749 ألف و 140", 2749140,
                     2749140, MZ_QTY_COUNT, "لاجئا");
        assert_value("قتل 5 آلاف و 200 و 3 أشخاص", "5 آلاف و 200", 5200, 5200, MZ_QTY_COUNT, "");
        /* after بين, و joins a range's two ends */
        x = first("يمنح ما بين مليار و 700 مليون دولار", &n);
        assert_true(x.number == 7e8 && x.number_max == 1e9);
        /* a second million is a second number, not a part of the first */
        mz_number w[4];
        const char *two = "بين مليون و2 مليون نازح";
        assert_true(mz_numbers_extract(two, strlen(two), w, 4) >= 1);
        assert_true(w[0].number == 1e6 && w[0].number_max == 2e6);
    }
    /* a teen with the article on its unit (it was عشر alone: 10, and
     * «عشر مليون» 10 million against a claim's 13 million, train R-83) */
    assert_value("ونفت الشركة أنها دفعت الثلاثة عشر مليون يورو", "الثلاثة عشر مليون", 13e6, 13e6,
                 MZ_QTY_COUNT, "يورو");
    assert_value("وصل الأحد عشر لاعبا إلى الملعب", "الأحد عشر", 11, 11, MZ_QTY_COUNT, "لاعبا");
    assert_value("وعاد الخمسة عشر صيادا إلى الميناء", "الخمسة عشر", 15, 15, MZ_QTY_COUNT, "صيادا");
    {
        /* alone, the article's word is a day or no count */
        mz_number d[4];
        const char *sunday = "وصل الأحد 11 لاعبا إلى الملعب";
        assert_int_equal(mz_numbers_extract(sunday, strlen(sunday), d, 4), 1);
        assert_true(d[0].number == 11);
    }
    /* two counts joined by و stay two */
    mz_number v[4];
    const char *two = "قتل 5 أشخاص و3 أطفال";
    assert_int_equal(mz_numbers_extract(two, strlen(two), v, 4), 2);
}

/* A number written in full before a plural multiplier is not multiplied:
 * "8000 آلاف" is how news writes 8,000 (the plural آلاف only multiplies 3 to
 * 10), and was read as 8,000,000, a conflict with every "8 آلاف". */
static void test_full_number_before_multiplier(void **state)
{
    (void)state;
    assert_value("نزح 8000 آلاف شخص", "8000 آلاف", 8000, 8000, MZ_QTY_COUNT, "شخص");
    assert_value("رصد 3000000 ملايين دولار", "3000000 ملايين", 3e6, 3e6, MZ_QTY_COUNT, "دولار");
    assert_value("بين 3000 و4000 آلاف عنصر", "بين 3000 و4000 آلاف", 3000, 4000, MZ_QTY_COUNT,
                 "عنصر");
    /* a multiplier after a smaller number still multiplies */
    assert_value("نزح 8 آلاف شخص", "8 آلاف", 8000, 8000, MZ_QTY_COUNT, "شخص");
    assert_value("نزح 800 ألف شخص", "800 ألف", 8e5, 8e5, MZ_QTY_COUNT, "شخص");
}

/* The noun of a number with none of its own. */
static void assert_no_noun(const char *s)
{
    size_t n;
    mz_number x = first(s, &n);
    assert_string_equal(x.noun_key, "");
}

/* What a number counts follows it directly (or after من, فقط, على الأقل);
 * a function word, a verb of the next clause or a phrase after a
 * preposition is not it. "قتل 40 في الغارة" counted raids, "مقتل 40 وإصابة
 * 60" injuries, "أكد أن 30% تضررت" the verb أكد: values of different things
 * met under one noun and were flagged as conflicts. */
static void test_noun_is_not_a_verb_or_function_word(void **state)
{
    (void)state;
    assert_no_noun("قتل 40 في الغارة");
    assert_no_noun("نقل 40 إلى المستشفى");
    assert_no_noun("قتل 40 منهم");
    assert_no_noun("قتل 40 بينهم 10 أطفال");
    assert_no_noun("قتل 7 عندما سقطت قذيفة");
    assert_no_noun("أسفرت الغارة عن مقتل 40 وإصابة 60");
    assert_no_noun("قتل 5 وجرح 20 في القصف");
    assert_no_noun("أصيب 20 آخرون");
    assert_no_noun("أكد أن 30% تضررت");
    assert_no_noun("قال إن 85% يؤيدون القرار");
    /* nouns whose و is a root letter, and the words allowed in between */
    assert_value("عين 3 وزراء جدد", "3", 3, 3, MZ_QTY_COUNT, "وزراء");
    assert_value("سجلت 40 وفاة", "40", 40, 40, MZ_QTY_COUNT, "وفاة");
    assert_value("قتل 40 على الأقل من المدنيين", "40", 40, 40, MZ_QTY_COUNT, "المدنيين");
    assert_value("أفرج عن 40 فقط من الأسرى", "40", 40, 40, MZ_QTY_COUNT, "الأسرى");
}

/* "ارتفع عدد القتلى إلى 40": the number has no noun after it; what it counts
 * is named after عدد or حصيلة before it, and went unreported. */
static void test_noun_named_by_tally(void **state)
{
    (void)state;
    size_t n;
    mz_number a = first("ارتفع عدد القتلى إلى 40", &n);
    mz_number b = first("بلغت حصيلة القتلى 25 بحسب المرصد", &n);
    mz_number c = first("سقط 40 قتيلا", &n);
    assert_string_equal(a.noun, "القتلى");
    assert_string_equal(b.noun, "القتلى");
    assert_string_equal(a.noun_key, c.noun_key);
    mz_number v[4];
    const char *two = "بلغ عدد القتلى 40 وعدد الجرحى 60";
    assert_int_equal(mz_numbers_extract(two, strlen(two), v, 4), 2);
    assert_string_equal(v[1].noun, "الجرحى");
}

/* A time window ("خلال 24 ساعة", "منذ 3 أيام", "الساعات الـ24 الماضية") says
 * when, like a date: reports of one story written hours apart give other
 * windows, and those were flagged as conflicting counts of hours (and "الـ24
 * الماضية" counted the adjective الماضية). A duration that is the fact itself
 * ("هدنة 72 ساعة") stays a count. */
static void test_time_windows(void **state)
{
    (void)state;
    mz_number v[4];
    const char *s = "قتل 12 شخصا خلال 24 ساعة";
    assert_int_equal(mz_numbers_extract(s, strlen(s), v, 4), 2);
    assert_int_equal(v[1].kind, MZ_QTY_DATE);
    assert_string_equal(v[1].noun, "ساعة");
    assert_value("منذ 3 أيام يحاصر الجيش المدينة", "3", 3, 3, MZ_QTY_DATE, "أيام");
    assert_value("خلال الساعات الـ24 الماضية قتل 5 أشخاص", "24", 24, 24, MZ_QTY_DATE, "الساعات");
    assert_value("خلال الـ48 ساعة الماضية", "48", 48, 48, MZ_QTY_DATE, "ساعة");
    assert_value("أعلنت هدنة 72 ساعة", "72", 72, 72, MZ_QTY_COUNT, "ساعة");
    /* past a word of approximation or a bound, still a window (a claim's
     * «بعد أقل من 24 ساعة» was a count of hours no source gave, dev V-204) */
    assert_value("واغتيل بعد أقل من 24 ساعة من وصوله إلى المدينة", "24", 24, 24, MZ_QTY_DATE, "ساعة");
    assert_value("تجري البلاد أول انتخابات منذ نحو عشرة أعوام", "عشرة", 10, 10, MZ_QTY_DATE,
                 "أعوام");
    assert_value("أمهل الجيش المسلحين أقل من 48 ساعة", "48", 48, 48, MZ_QTY_COUNT, "ساعة");
    /* a number written with the article counts the noun before it, when that
     * noun has the article too; a verb or bare noun before it does not count */
    assert_value("أفرج عن الأسرى الـ40 أمس", "40", 40, 40, MZ_QTY_COUNT, "الأسرى");
    assert_value("خارج المحافظات ال - 3 الكردية", "3", 3, 3, MZ_QTY_COUNT, "المحافظات");
    assert_value("المعامل التي ستنتج الـ700 ميغاوات", "700", 700, 700, MZ_QTY_COUNT, "ميغاوات");
    /* a day of a month named after من شهر is a date */
    assert_value("اليوم السبت الـ25 من شهر تشرين الثاني", "25 من شهر تشرين الثاني", 25, 25,
                 MZ_QTY_DATE, "التاريخ");
}

/* A time of day after الساعة says when: "الساعة 3 فجرا" counted فجرا (with
 * the event of the clause: 3 killed at dawn), and "الساعة الـ10" was a
 * window of hours, listed with "خلال 24 ساعة" as one quantity. */
static void test_clock_times(void **state)
{
    (void)state;
    assert_value("سقطت القذائف في تمام الساعة 3 فجرا على الحي", "3 فجرا", 3, 3, MZ_QTY_DATE,
                 "الساعة");
    assert_value("اندلع الحريق عند الساعة الـ10 صباحاً", "10 صباحاً", 10, 10, MZ_QTY_DATE,
                 "الساعة");
    assert_value("يبدأ حظر التجول من الساعة 6 من مساء الجمعة", "6 من مساء", 6, 6, MZ_QTY_DATE,
                 "الساعة");
    assert_value("والساعة 11 قرعت الأجراس", "11", 11, 11, MZ_QTY_DATE, "الساعة");
    mz_number v[4];
    const char *s = "عند الساعة الـ10 صباحا أعلن عن مقتل 4 جنود خلال 24 ساعة";
    assert_int_equal(mz_numbers_extract(s, strlen(s), v, 4), 3);
    assert_string_equal(v[1].noun, "جنود");
    assert_int_equal(v[2].kind, MZ_QTY_DATE);
    assert_string_not_equal(v[0].noun_key, v[2].noun_key); /* a time is not a window */
    /* hours counted are still hours */
    assert_value("أعلنت هدنة لمدة 72 ساعة", "72", 72, 72, MZ_QTY_COUNT, "ساعة");
}

/* The word نسبة ("a rate of") is not what a percentage measures: every
 * "بنسبة X%" was one quantity, so unrelated rates were flagged as a conflict. */
static void test_percent_rate_word(void **state)
{
    (void)state;
    assert_value("ارتفعت البطالة بنسبة 20%", "20%", 20, 20, MZ_QTY_PERCENT, "البطالة");
    size_t n;
    mz_number a = first("ارتفعت الأسعار بنسبة 5%", &n), b = first("انخفضت البطالة بنسبة 20%", &n);
    assert_string_not_equal(a.noun_key, b.noun_key);
}

/* «نسبة X» in the value's clause names what the percentage measures, however
 * far the clause runs from it: «نسبة المشاركة في الانتخابات البرلمانية التي
 * جرت الأحد الماضي بلغت 41.3%» measured «الأحد» (a weekday, from «الماضي»),
 * and the same turnout with the election's adjective measured «الانتخابات»,
 * so one figure stood in three quantities and a claim's wrong turnout was
 * set against none of them. Another number, a comma or a new clause between
 * them ends the reach: the second rate is then its own. */
static void test_percent_of_the_rate_phrase(void **state)
{
    (void)state;
    assert_value("أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية التي جرت الأحد الماضي بلغت 41.3%",
                 "41.3%", 41.3, 41.3, MZ_QTY_PERCENT, "المشاركة");
    assert_value("قالت مصادر إن نسبة المشاركة في الانتخابات البرلمانية بلغت 43.1%", "43.1%", 43.1,
                 43.1, MZ_QTY_PERCENT, "المشاركة");
    assert_value("بلغت نسبة المشاركة في الانتخابات البرلمانية في زيلان 41.3%", "41.3%", 41.3, 41.3,
                 MZ_QTY_PERCENT, "المشاركة");
    assert_value("بلغت نسبة النمو في الربع الثالث 3.5%", "3.5%", 3.5, 3.5, MZ_QTY_PERCENT, "النمو");
    /* من names it first; and a comma, a number or فيما ends the reach */
    assert_value("حصل الحزب على نسبة مرتفعة بلغت 31.5% من الأصوات", "31.5%", 31.5, 31.5,
                 MZ_QTY_PERCENT, "الأصوات");
    mz_number v[4];
    const char *two = "بلغت نسبة البطالة 12% وارتفع التضخم إلى 5%";
    assert_int_equal(mz_numbers_extract(two, strlen(two), v, 4), 2);
    assert_string_equal(v[0].noun, "البطالة");
    assert_string_equal(v[1].noun, "التضخم");
    const char *comma = "ارتفعت نسبة البطالة، فيما بلغ التضخم 5%";
    assert_int_equal(mz_numbers_extract(comma, strlen(comma), v, 4), 1);
    assert_string_equal(v[0].noun, "التضخم");
    const char *fima = "ارتفعت نسبة البطالة فيما بلغ التضخم في العاصمة 5%";
    assert_int_equal(mz_numbers_extract(fima, strlen(fima), v, 4), 1);
    assert_string_equal(v[0].noun, "التضخم");
}

/* What a percentage measures is not the verb before it: "ارتفع 5%" and
 * "حصل 85%" counted the verbs, so every story's "ارتفع X%" met as one
 * quantity. A word before it must carry the article; after من, "كامل" or
 * "إجمالي" is not it either. */
static void test_percent_not_a_verb(void **state)
{
    (void)state;
    assert_no_noun("ارتفع سعر الصرف أمس ثم ارتفع 5% خلال أسبوع");
    assert_no_noun("حصد 85% بحسب النتائج الأولية");
    assert_no_noun("فاز سالم على منافسه بعد أن نال 52%");
    assert_value("تراجعت البطالة بنسبة 7% هذا العام", "7%", 7, 7, MZ_QTY_PERCENT, "البطالة");
    assert_value("بلغت نسبة الإقبال 61% في العاصمة", "61%", 61, 61, MZ_QTY_PERCENT, "الإقبال");
    assert_value("نال 52% من إجمالي الأصوات", "52%", 52, 52, MZ_QTY_PERCENT, "الأصوات");
    assert_value("يسيطر على 30 % من كامل المحافظة", "30 %", 30, 30, MZ_QTY_PERCENT, "المحافظة");
    /* a rate written without its sign is a percentage too: "بنسبة 3.5" was a
     * count with no noun, so it never met "بنسبة 3.5%" */
    size_t n;
    mz_number a = first("ارتفع التضخم بنسبة 3.5 خلال العام", &n);
    mz_number b = first("ارتفع التضخم بنسبة 3.5% خلال العام", &n);
    assert_int_equal(a.kind, MZ_QTY_PERCENT);
    assert_string_equal(a.noun_key, b.noun_key);
    assert_true(a.number == b.number);
}

/* Right-to-left editors put direction marks (RLM U+200F, ALM U+061C)
 * beside a percent sign or inside a number; the number reads through them. */
static void test_direction_marks(void **state)
{
    (void)state;
    assert_value("حصل على 85\u200F% من الأصوات", "85\u200F%", 85, 85, MZ_QTY_PERCENT, "الأصوات");
    assert_value("حصل على 85 \u200F٪ من الأصوات", "85 \u200F٪", 85, 85, MZ_QTY_PERCENT,
                 "الأصوات");
    assert_value("قتل 1\u061C,500 شخص", "1\u061C,500", 1500, 1500, MZ_QTY_COUNT, "شخص");
    /* a mark after a number that ends there stays outside it */
    assert_value("قتل 40\u200F شخصاً", "40", 40, 40, MZ_QTY_COUNT, "شخصاً");
}

/* "أكثر من 300", "ما لا يقل عن 300", "300 على الأقل" give a lower bound, and
 * "أقل من 300" an upper one: "أكثر من 300 مقاتل" agrees with "400 مقاتل" but
 * was flagged as conflicting with it (300 and 400 are more than 10% apart). */
static void test_bounds(void **state)
{
    (void)state;
    size_t n;
    assert_int_equal(first("قتل أكثر من 300 مقاتل", &n).bound, 1);
    assert_int_equal(first("قتل ما لا يقل عن 300 مقاتل", &n).bound, 1);
    assert_int_equal(first("قتل ما يزيد على 300 مقاتل", &n).bound, 1);
    assert_int_equal(first("قتل 300 مقاتل على الأقل", &n).bound, 1);
    assert_int_equal(first("قتل 300 على الأقل من المقاتلين", &n).bound, 1);
    assert_int_equal(first("قتل أقل من 300 مقاتل", &n).bound, -1);
    /* with a clitic on the bound word: «بأقل من 1%» was 1% as such */
    assert_int_equal(first("ارتفعت البطالة بأقل من 1% في آذار", &n).bound, -1);
    assert_int_equal(first("ارتفعت الأسعار بأكثر من 10%", &n).bound, 1);
    assert_int_equal(first("استمر الحصار لأكثر من 300 يوم", &n).bound, 1);
    assert_int_equal(first("قتل 40 شخصا وأكثر من 300 مقاتل", &n).bound, 0);
    assert_int_equal(first("قتل ما لا يزيد عن 300 مقاتل", &n).bound, -1);
    assert_int_equal(first("قتل نحو 300 مقاتل", &n).bound, 0);
    assert_int_equal(first("قتل 300 مقاتل", &n).bound, 0);
    /* a bound is open on one side */
    assert_false(mz_numbers_conflict(300, INFINITY, 400, 400));
    assert_false(mz_numbers_conflict(4000, 4000, 300, INFINITY));
    assert_true(mz_numbers_conflict(300, INFINITY, 100, 100));
    assert_true(mz_numbers_conflict(100, 100, 300, INFINITY));
    assert_false(mz_numbers_conflict(0, 300, 100, 100));
    assert_true(mz_numbers_conflict(0, 300, 400, 400));
}

/* Two voices, one sentence each, through mz_check_collect_numbers, for a
 * claim (NULL: one that counts fighters, مقاتل). */
static bool voices_conflict_for(const char *claim, const char *a, const char *b)
{
    mz_check_result *r = two_voices(claim ? claim : "قتل مقاتل في الهجوم على البلدة", a, NULL, b, NULL);
    bool conflict = r->numbers[0].conflict;
    mz_check_result_free(r);
    return conflict;
}

static bool voices_conflict(const char *a, const char *b)
{
    return voices_conflict_for(NULL, a, b);
}

/* The Arabic comma between digits is a decimal comma only before a
 * multiplier, a percent or a unit; else "3،4 أشخاص" (three or four) read
 * as 3.4 people. Two numbers rising are a range, as "3-4"; falling, a list. */
static void test_arabic_comma_between_digits(void **state)
{
    (void)state;
    assert_value("أصيب 3،4 أشخاص بجروح طفيفة", "3،4", 3, 4, MZ_QTY_COUNT, "أشخاص");
    assert_value("احترق 10،15 منزلا في القرية", "10،15", 10, 15, MZ_QTY_COUNT, "منزلا");
    assert_value("يسكن المخيم 1،5 مليون نازح", "1،5 مليون", 1.5e6, 1.5e6, MZ_QTY_COUNT, "نازح");
    assert_value("تراجع الإنتاج 2،5% في الربع الأول", "2،5%", 2.5, 2.5, MZ_QTY_PERCENT,
                 "الإنتاج");
    assert_value("يبعد السد 4،5 كلم عن البلدة", "4،5", 4.5, 4.5, MZ_QTY_COUNT, "كلم");
    /* before آلاف, which counts only whole thousands (3 to 10 of them), two
     * whole numbers rising are a range, as "بين ثلاثة وأربعة آلاف"; before
     * the singular ألف, مليون (and ملايين, which news writes after 8.3 as
     * well) the comma stays decimal */
    assert_value("نزح 3،4 آلاف شخص من البلدة", "3،4 آلاف", 3000, 4000, MZ_QTY_COUNT, "شخص");
    assert_value("نزح ٣،٤ آلاف شخص من البلدة", "٣،٤ آلاف", 3000, 4000, MZ_QTY_COUNT, "شخص");
    assert_value("نزح 3،5 ألف شخص من البلدة", "3،5 ألف", 3500, 3500, MZ_QTY_COUNT, "شخص");
    assert_value("يعيش 3،4 ملايين لاجئ في البلاد", "3،4 ملايين", 3.4e6, 3.4e6, MZ_QTY_COUNT,
                 "لاجئ");
    assert_value("نزح 4،3 آلاف شخص من البلدة", "4،3 آلاف", 4300, 4300, MZ_QTY_COUNT, "شخص");
    mz_number v[4];
    const char *list = "وفق الفقرتين 12،5 من القرار";
    assert_int_equal(mz_numbers_extract(list, strlen(list), v, 4), 2);
    assert_true(v[0].number == 12 && v[1].number == 5);
    /* three or four wounded agree with four */
    assert_false(voices_conflict_for("انفجار يصيب 4 أشخاص", "أصيب 3،4 أشخاص في الانفجار",
                                     "أصيب 4 أشخاص في الانفجار"));
    assert_true(voices_conflict_for("انفجار يصيب 4 أشخاص", "أصيب 3،4 أشخاص في الانفجار",
                                    "أصيب 40 شخصا في الانفجار"));
}

/* A dual time unit as a range's first end is two of the unit the second end
 * counts: «بالسجن بين عامين و5 سنوات» was read as a lone 5 years, set against
 * a sentence of 5 or 7 years as if it were one, where it is 2 to 5 years. */
static void test_dual_first_end_of_a_range(void **state)
{
    (void)state;
    const char *court = "وبرأت المحكمة 3 متهمين وحكمت على 10 متهمين آخرين بالسجن بين عامين و5 سنوات";
    mz_number v[8];
    size_t n = mz_numbers_extract(court, strlen(court), v, 8);
    assert_int_equal(n, 3);
    assert_true(v[2].number == 2 && v[2].number_max == 5);
    assert_int_equal(v[2].end - v[2].start, strlen("بين عامين و5"));
    assert_memory_equal(court + v[2].start, "بين عامين و5", v[2].end - v[2].start);
    assert_string_equal(v[2].noun, "سنوات");
    assert_value("حكم عليهم بالسجن بين سنتين وسبع سنوات", "بين سنتين وسبع", 2, 7,
                 MZ_QTY_COUNT, "سنوات");
    assert_value("تراوحت الأحكام بين شهرين و6 أشهر", "بين شهرين و6", 2, 6, MZ_QTY_COUNT,
                 "أشهر");
    /* two years with no second end begins no range: it is two years
     * (test_numbers_units.c), and «عامي 2019 و2021» are two dates */
    const char *alone = "وقضى عامين في السجن بين عامي 2019 و2021";
    n = mz_numbers_extract(alone, strlen(alone), v, 8);
    assert_int_equal(n, 3);
    assert_true(v[0].number == 2 && v[0].number_max == 2);
    assert_memory_equal(alone + v[0].start, "عامين", v[0].end - v[0].start);
    for (size_t k = 1; k < n && k < 8; k++)
        assert_int_equal(v[k].kind, MZ_QTY_DATE);
    /* 3 years lies within two to five: no conflict between the two */
    assert_false(voices_conflict_for("حكم على المتهمين بالسجن 3 سنوات",
                                     "حكمت المحكمة على المتهمين بالسجن بين عامين و5 سنوات",
                                     "حكمت المحكمة على المتهمين بالسجن 3 سنوات"));
}

/* A day written as an ordinal ("في الخامس عشر من أيار", "الحادي والعشرين
 * من أيار", "الأول من رمضان") is a date: "الخامس عشر من أيار" read as the
 * 10th of May (عشر taken for a number), and the others named no day. */
static void test_ordinal_days(void **state)
{
    (void)state;
    size_t n;
    mz_number v[4];
    const char *s = "قتل 3 أشخاص في الخامس عشر من أيار";
    assert_int_equal(mz_numbers_extract(s, strlen(s), v, 4), 2);
    assert_string_equal(v[0].day, "d:15/5");
    assert_int_equal(v[1].kind, MZ_QTY_DATE);
    assert_true(v[1].number == 15);
    assert_memory_equal(s + v[1].start, "الخامس عشر من أيار", v[1].end - v[1].start);
    assert_string_equal(first("قتل 3 أشخاص في الحادي والعشرين من أيار", &n).day, "d:21/5");
    assert_string_equal(first("قتل 3 أشخاص في الأول من رمضان", &n).day, "d:1/109");
    assert_string_equal(first("قتل 3 أشخاص في الثاني من كانون الثاني", &n).day, "d:2/1");
    assert_string_equal(first("قتل 3 أشخاص في العشرين من الشهر الجاري", &n).day, "r:20/0");
    assert_string_equal(first("قتل 3 أشخاص في الثلاثين من حزيران 2017", &n).day, "d:30/6");
    /* an ordinal that names no day of a month is no date */
    assert_string_equal(first("قتل 3 أشخاص في الخامس من القرى", &n).day, "");
    const char *jan = "في كانون الثاني 2017 قتل 3 أشخاص";
    assert_int_equal(mz_numbers_extract(jan, strlen(jan), v, 4), 2);
    assert_true(v[1].number == 3);
}

/* A noun in the dual is a count of two: "مقتل جنديين", "قتل شخصان", "أفرج
 * عن رهينتين" counted nothing, so a claim of two soldiers killed never met
 * a report of five. Only nouns whose plural is broken (جنود, أشخاص): on
 * them -ان/-ين is a dual, where on مدنيين or مقاتلين it is the plural. */
static void test_dual_is_two(void **state)
{
    (void)state;
    assert_value("مقتل جنديين تركيين في عفرين", "جنديين", 2, 2, MZ_QTY_COUNT, "جنديين");
    assert_value("قتل شخصان في الانفجار", "شخصان", 2, 2, MZ_QTY_COUNT, "شخصان");
    assert_value("أفرج المسلحون عن رهينتين", "رهينتين", 2, 2, MZ_QTY_COUNT, "رهينتين");
    size_t n;
    mz_number a = first("مقتل جنديين تركيين", &n), b = first("مقتل 5 جنود أتراك", &n);
    assert_string_equal(a.noun_key, b.noun_key);
    assert_int_equal(a.event, MZ_EVENT_KILLED);
    a = first("أفرج المسلحون عن رهينتين", &n);
    b = first("أفرج المسلحون عن 3 رهائن", &n);
    assert_string_equal(a.noun_key, b.noun_key);
    assert_true(voices_conflict_for("مقتل جنديين تركيين في عفرين", "قتل جنديان تركيان",
                                    "قتل 5 جنود أتراك"));
    /* a sound plural is no dual */
    mz_number v[4];
    const char *pl = "قتل مدنيين ومقاتلين في الغارة";
    assert_int_equal(mz_numbers_extract(pl, strlen(pl), v, 4), 0);
    /* رجلين is two men, but two legs after a preposition or a limb's
     * wound: «ببتر في رجلين» counted two men injured */
    const char *legs[] = {"أصيب الطفل ببتر في رجلين جراء القصف على البلدة",
                          "وقال الطبيب إن الطفل بات يقف على رجلين صناعيتين",
                          "أصيب شاب بكسر في رجليه وبتر رجلين لطفل آخر"};
    for (size_t i = 0; i < sizeof legs / sizeof *legs; i++)
        assert_int_equal(mz_numbers_extract(legs[i], strlen(legs[i]), v, 4), 0);
    assert_value("أفرج الخاطفون عن رجلين من أبناء البلدة", "رجلين", 2, 2, MZ_QTY_COUNT, "رجلين");
    assert_value("قتل رجلين برصاص مجهولين في البلدة", "رجلين", 2, 2, MZ_QTY_COUNT, "رجلين");
}

/* A match's goals: «سجل المهاجم هدفين» counted nothing, and «3 أهداف» was
 * a quantity of its own beside «17 هدفا», so a claim of three goals met no
 * report of two. The dual is two goals, and أهداف is the plural of هدف. */
static void test_goals_in_the_dual(void **state)
{
    (void)state;
    assert_value("وسجل المهاجم كريم العابد هدفين في الشوط الأول", "هدفين", 2, 2, MZ_QTY_COUNT,
                 "هدفين");
    size_t n;
    mz_number a = first("سجل المهاجم هدفين", &n), b = first("سجل المهاجم 3 أهداف", &n),
              c = first("رفع رصيده إلى 17 هدفا", &n);
    assert_string_equal(a.noun_key, b.noun_key);
    assert_string_equal(b.noun_key, c.noun_key);
    assert_true(voices_conflict_for("سجل المهاجم كريم العابد 3 أهداف في المباراة",
                                    "وسجل المهاجم كريم العابد هدفين في المباراة",
                                    "سجل المهاجم كريم العابد 4 أهداف في المباراة"));
}

/* A full stop before groups of three digits is a thousands mark, as many
 * Arab sites write it ("18.000 شخص", "1.200.000 لاجئ": 18 and 1.2 people
 * before); before a multiplier, a percent or after a rate word it stays
 * decimal ("4.775 مليار", "2.375 بالمائة"), and a date written with full
 * stops ("11.10.2017") is not a count. */
static void test_full_stop_thousands(void **state)
{
    (void)state;
    assert_value("دخل 18.000 شخص إلى المخيم", "18.000", 18000, 18000, MZ_QTY_COUNT, "شخص");
    assert_value("يعيش 1.200.000 لاجئ في البلاد", "1.200.000", 1.2e6, 1.2e6, MZ_QTY_COUNT, "لاجئ");
    assert_value("سقطت 1.200 قذيفة على المدينة", "1.200", 1200, 1200, MZ_QTY_COUNT, "قذيفة");
    assert_value("بلغت قيمة العقد 4.775 مليار ريال", "4.775 مليار", 4.775e9, 4.775e9,
                 MZ_QTY_COUNT, "ريال");
    assert_value("ارتفع المؤشر 2.375 بالمائة", "2.375 بالمائة", 2.375, 2.375, MZ_QTY_PERCENT,
                 "المؤشر");
    assert_value("ارتفع التضخم بنسبة 2.375 خلال العام", "2.375", 2.375, 2.375, MZ_QTY_PERCENT,
                 "التضخم");
    assert_value("ارتفع التضخم 12.125% خلال العام", "12.125%", 12.125, 12.125, MZ_QTY_PERCENT,
                 "التضخم");
    assert_value("نزوح نحو 1.5 مليون لاجئ", "1.5 مليون", 1.5e6, 1.5e6, MZ_QTY_COUNT, "لاجئ");
    mz_number v[4];
    const char *date = "في 11.10.2017 قتل 5 أشخاص";
    assert_int_equal(mz_numbers_extract(date, strlen(date), v, 4), 1);
    assert_true(v[0].number == 5);
}

/* Page clutter is not a quantity: "الصفحة 23 من أصل 24 صفحات", "المقال رقم :
 * 70 من 72 من العدد", "النتائج 1 إلى 22 من 22" counted pages, issues and
 * topics. And in "X من (أصل) Y noun" the part X counts the noun and takes
 * the event: "غرق 5 من أصل 12 راكبا" drowned 5 riders, of the 12 on
 * board; X counted أصل and the 12 drowned, and "أفرج عن 3 من 7 محتجزين"
 * set 7 released against another voice's 3. */
static void test_page_counters_and_parts(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "الصفحة 23 من أصل 24 صفحات", "هذا المقال رقم : 70 من 72 من العدد سجلت القوات",
        "النتائج 1 إلى 22 من 22 الموضوع", "صفحة 3 من 10 التالي", "الصورة 4 من 12",
        "الحلقة 5 من 30", "عرض 3 من أصل 9 صفحات"};
    mz_number v[8];
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
        assert_int_equal(mz_numbers_extract(pages[i], strlen(pages[i]), v, 8), 0);
    const char *part = "غرق 5 من أصل 12 راكبا في النهر";
    assert_int_equal(mz_numbers_extract(part, strlen(part), v, 8), 2);
    assert_true(v[0].number == 5 && v[1].number == 12);
    assert_string_equal(v[0].noun, "راكبا");
    assert_string_equal(v[1].noun, "راكبا");
    assert_int_equal(v[0].event, MZ_EVENT_DIED);
    assert_int_equal(v[1].event, MZ_EVENT_NONE); /* the whole: no event of its own */
    assert_value("أفرج المسلحون عن 3 من 7 محتجزين لديهم", "3", 3, 3, MZ_QTY_COUNT, "محتجزين");
    const char *claim = "أفرج المسلحون عن 3 محتجزين";
    assert_false(voices_conflict_for(claim, "أفرج المسلحون عن 3 من 7 محتجزين لديهم",
                                     "أفرج المسلحون عن 3 محتجزين"));
    assert_true(voices_conflict_for(claim, "أفرج المسلحون عن 3 من 7 محتجزين لديهم",
                                    "أفرج المسلحون عن 7 محتجزين"));
    /* "من بين" as "من أصل", and a broken plural of riders meets its singular */
    const char *among = "نجا 2 من بين 12 راكبا";
    assert_int_equal(mz_numbers_extract(among, strlen(among), v, 8), 2);
    assert_string_equal(v[0].noun, "راكبا");
    assert_memory_equal(among + v[1].start, "12", v[1].end - v[1].start);
    assert_true(voices_conflict_for("غرق 5 ركاب في النهر", "غرق 5 ركاب في النهر",
                                    "غرق 12 راكبا في النهر"));
    /* a date or a larger first number is no part */
    assert_value("قتل 8 من المدنيين في 5 مايو", "8", 8, 8, MZ_QTY_COUNT, "المدنيين");
}

/* Only a quantity the claim counts is flagged: pages carry other incidents'
 * tolls beside the story ("مقتل 133 مدنيا" in a report of a raid on a
 * bridge), and those are listed, not set against each other. */
static void test_conflicts_bear_on_claim(void **state)
{
    (void)state;
    const char *a = "قتل 14 مدنيا في قصف على البلدة", *b = "قتل 133 مدنيا في غارات";
    assert_true(voices_conflict_for("قصف يقتل مدنيين في البلدة", a, b)); /* مدنيين counts them */
    assert_true(voices_conflict_for("مقتل 14 شخصا في قصف", "قتل 14 شخصا", "قتل 40 شخصا"));
    assert_false(voices_conflict_for("طائرات حربية تقصف جسر البلدة", a, b));
}

/* A claim that names what is counted by its broken plural (الأسرى,
 * القتلى, الأشخاص) counts it: only the values' singular keys were compared
 * with the claim's stems, so such a claim was not on the values' quantity,
 * and their conflict was never flagged. */
static void test_claim_broken_plural_counts(void **state)
{
    (void)state;
    assert_true(voices_conflict_for("أفرجت الفصائل عن الأسرى في صفقة التبادل",
                                    "أفرجت الفصائل عن 40 أسيرا", "أفرجت الفصائل عن 250 أسيرا"));
    assert_true(voices_conflict_for("سقوط قتلى في قصف على السوق", "سقط 7 قتلى في القصف",
                                    "سقط 70 قتيلا في القصف"));
    assert_false(voices_conflict_for("سقوط قتلى في قصف على السوق", "سقط 7 قتلى في القصف",
                                     "سقط 7 قتلى في القصف"));
}

/* A feminine nisba is not its noun: «دولية» (international) keyed as
 * «دولة» (the coarse stem took «يه» off), so a claim about «لجنة تحقيق
 * دولية» counted the Council's «15 دولة» against another source's «11 دولة»
 * (train R-282). It keeps its ي now, and meets its masculine (دولي). */
static void test_nisba_is_not_its_noun(void **state)
{
    (void)state;
    const char *a = "ويضم مجلس الأمن 15 دولة دائمة وغير دائمة", *b = "وصوتت 11 دولة لصالح القرار";
    assert_false(voices_conflict_for("فشل مشروع قرار لتمديد عمل لجنة تحقيق دولية", a, b));
    assert_true(voices_conflict_for("فشل مشروع قرار تدعمه دول غربية", a, b));
    char k1[64], k2[64], k3[64];
    mz_noun_key("الدوليه", strlen("الدوليه"), k1, sizeof k1);
    mz_noun_key("دولي", strlen("دولي"), k2, sizeof k2);
    mz_noun_key("دوله", strlen("دوله"), k3, sizeof k3);
    assert_string_equal(k1, k2);
    assert_string_not_equal(k1, k3);
}

/* An adjective with the article after a word with the article describes
 * that word and counts nothing: a claim of «الدعم العسكري» counted the
 * soldiers (عسكري) of two sources as a conflict (train R-210). A plural
 * nisba («العسكريين») and a plural written with ى («الجنود الأسرى») still
 * count. */
static void test_claims_adjective_counts_nothing(void **state)
{
    (void)state;
    const char *a = "يوجد نحو ألفي عسكري في البلاد", *b = "أفادت مصادر بوجود 4 آلاف عسكري في البلاد";
    assert_false(voices_conflict_for("واشنطن تعدل الدعم العسكري لشركائها في البلاد", a, b));
    assert_true(voices_conflict_for("واشنطن تزيد عدد العسكريين في البلاد", a, b));
    assert_true(voices_conflict_for("أفرجت الحركة عن الجنود الأسرى", "أفرجت الحركة عن 40 أسيرا",
                                    "أفرجت الحركة عن 250 أسيرا"));
}

/* Tolls of different days are not set against each other: "5 killed on
 * Friday" and "30 killed on Sunday" (or a timeline's 15 and 17 May) were
 * one noun and one event, flagged as sources in conflict. The day is a
 * date or weekday in the value's clause; the same day in two calendars
 * (أيار, مايو) is one day, and a value with no day named is compared. */
static void test_conflicts_of_other_days(void **state)
{
    (void)state;
    const char *claim = "قصف الطيران يقتل مدنيين في البلدة";
    assert_false(voices_conflict_for(claim, "قتل 5 مدنيين يوم الجمعة في قصف البلدة",
                                     "وفي يوم الأحد قتل 30 مدنيا في البلدة"));
    assert_false(voices_conflict_for(claim, "في 15 أيار قتل 3 مدنيين بقصف على البلدة",
                                     "قتل 30 مدنيا في البلدة في 17 أيار"));
    assert_true(voices_conflict_for(claim, "قتل 5 مدنيين يوم الجمعة في قصف البلدة",
                                    "قتل 30 مدنيا في قصف البلدة الجمعة"));
    assert_true(voices_conflict_for(claim, "في 15 أيار قتل 3 مدنيين بقصف على البلدة",
                                    "قتل 30 مدنيا في البلدة في 15 مايو"));
    assert_true(voices_conflict_for(claim, "قتل 5 مدنيين يوم الجمعة في قصف البلدة",
                                    "قتل 30 مدنيا في قصف البلدة"));
    /* a day past a clause break is another clause's */
    size_t n;
    assert_string_equal(first("قتل 8 أشخاص، وفي 17 أيار جرى تشييعهم", &n).day, "");
    assert_string_equal(first("قتل 8 أشخاص في 17 تشرين الثاني", &n).day, "d:17/11");
    assert_string_equal(first("قتل 8 أشخاص يوم الخميس", &n).day, "w:6");
}

/* Two values the claim's own value allows both do not set it in doubt:
 * "at least 60 killed" has a raid's 60 and a week's 133 on its side, and
 * the two were flagged as sources in conflict. A value outside the
 * claim's still conflicts. */
static void test_conflicts_the_claim_allows(void **state)
{
    (void)state;
    const char *claim = "قتل ما لا يقل عن 60 مدنيا في غارات على البلدة";
    assert_false(voices_conflict_for(claim, "غارات تقتل 60 مدنيا في البلدة",
                                     "مقتل 133 مدنيا بغارات على البلدة"));
    assert_true(voices_conflict_for(claim, "غارات تقتل 60 مدنيا في البلدة",
                                    "مقتل 20 مدنيا بغارات على البلدة"));
    assert_false(voices_conflict_for("قتل بين 50 و70 مدنيا في البلدة", "قتل 50 مدنيا في البلدة",
                                     "قتل 70 مدنيا في البلدة"));
    /* the claim's exact value allows only itself */
    assert_true(voices_conflict_for("غارات تقتل 60 مدنيا في البلدة", "غارات تقتل 60 مدنيا",
                                    "مقتل 133 مدنيا بغارات على البلدة"));
}

/* A voice that gives the claim's own value has it: its other figure of the
 * noun counts something else (an earlier raid's missiles, the patients
 * already evacuated of those waiting, another buyer's aircraft), and was
 * flagged against another voice's claim value as sources in conflict
 * (train ). A voice that gives only
 * another figure still conflicts. */
static void test_conflicts_beside_the_claims_value(void **state)
{
    (void)state;
    const char *claim = "قالت دمشق إن دفاعاتها الجوية أسقطت ثلاثة من الصواريخ";
    const char *one = "وأعلنت القيادة أن الدفاعات الجوية أسقطت ثلاثة صواريخ فوق المطار";
    const char *both = "وأعلنت القيادة أن الدفاعات الجوية أسقطت ثلاثة صواريخ فوق المطار . "
                       "وكانت طائرات قد أطلقت قبل أسبوعين ستة صواريخ على مخازن للذخيرة";
    assert_false(voices_conflict_for(claim, one, both));
    assert_false(voices_conflict_for(claim, both, one));
    assert_true(voices_conflict_for(claim, one, "وأطلقت الطائرات ستة صواريخ على المطار"));
    /* «عشرات» allows the claim's 51 but does not give it */
    assert_true(voices_conflict_for("قتل 51 مدنيا في غارات على المدينة",
                                    "قتل 800 مدني في غارات على المدينة",
                                    "قتل 24 مدنيا في غارة على المدينة . "
                                    "وهدمت الجرافات منازل عشرات المدنيين في القرية"));
    /* the figure beside it is still not the claim's */
    mz_check_result *r = two_voices(claim, one, NULL, both, NULL);
    assert_int_equal(r->numbers[0].n_values, 3);
    assert_true(r->numbers[0].values[2].off_claim);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

/* A voice gives the claim's number only where it tells it of what the
 * claim tells it of: the majority a government needs («وهي 76 مقعدا»)
 * allowed a claim of over 80 seats and made the commission's 54 a figure
 * of something else; so did a list of other parties' seats for a claim
 * about another party's. */
static void test_conflicts_beside_another_things_value(void **state)
{
    (void)state;
    const char *claim = "حصل حزب التجديد على أكثر من 80 مقعدا في البرلمان";
    const char *boast = "وقال رئيس حزب التجديد إن الحزب حصل على أكثر من 80 مقعدا";
    assert_true(voices_conflict_for(claim, boast,
                                    "وحصل حزب التجديد على 54 مقعدا . ولم يحصل أي حزب على "
                                    "الأغلبية اللازمة لتشكيل الحكومة، وهي 76 مقعدا"));
    const char *list = "وجاء حزب التجديد أولا بـ54 مقعدا، وتحالف العدالة ثانيا بـ38 مقعدا";
    assert_true(voices_conflict_for("حصل تحالف العدالة على 54 مقعدا في البرلمان",
                                    "وقال تحالف العدالة إنه حصل على 54 مقعدا", list));
    /* the voice that gives the claim's number in its clause still does */
    assert_false(voices_conflict_for(claim, boast,
                                      "وحصل حزب التجديد على 84 مقعدا . "
                                      "وحصل تحالف العدالة على 38 مقعدا"));
    /* a clause after an ASCII comma with no space starts at its first
     * letter (it had lost the letter's first byte, and with it «حصل») */
    mz_claim_stems cs;
    mz_claim_stems_of(claim, &cs);
    const char *tight = "وفي النتائج,حصل على 84 مقعدا";
    const char *v = strstr(tight, "84");
    assert_true(mz_num_clause_names_claim(&cs, tight, strlen(tight), (size_t)(v - tight),
                                          (size_t)(v - tight) + 2, "مقعدا"));
}

/* Whether the k-th value of s is told as an earlier figure. */
static bool earlier_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k].earlier;
}

/* A story of a revised count quotes the figure it replaces: «يوجد نحو
 * ألفي عسكري … وكان الجيش أعلن في وقت سابق أن له نحو 500 عسكري». Set
 * against each other, every voice that carried the revision looked like a
 * source contradicting another (a Reuters story of 2017, flagged in the
 * train claims ). An earlier figure is now set against
 * earlier figures only, and is not "not the claim's". */
static void test_earlier_figures(void **state)
{
    (void)state;
    /* the marker, before or after the value, commas around it or not */
    assert_true(earlier_of("وأعلن الجيش , في وقت سابق , أن له نحو 500 عسكري في سوريا", 0));
    assert_true(earlier_of("وتدرس الإدارة نشر ألفي جندي بعد نشر 500 جندي في وقت سابق", 1));
    assert_false(earlier_of("وتدرس الإدارة نشر ألفي جندي بعد نشر 500 جندي في وقت سابق", 0));
    assert_true(earlier_of("وكان عدد القتلى سابقا 30 شخصا", 0));
    assert_true(earlier_of("وقالت وسائل إعلام آنذاك إن 17 شخصا قتلوا", 0));
    assert_true(earlier_of("وكانت الحصيلة السابقة 12 قتيلا", 0));
    /* «بعد أن كانت» marks what follows it, not the new figure before it */
    assert_false(earlier_of("ارتفعت حصيلة القتلى إلى 40 قتيلا بعد أن كانت 30", 0));
    assert_true(earlier_of("ارتفعت حصيلة القتلى إلى 40 قتيلا بعد أن كانت 30", 1));
    /* no marker, a marker too far, or past a full stop */
    assert_false(earlier_of("قتل 40 شخصا في القصف على البلدة", 0));
    assert_false(earlier_of("قتل 40 شخصا في القصف. وكان الجيش قد أعلن ذلك في وقت سابق", 0));
    assert_false(earlier_of("قال الرئيس السابق إن 500 عسكري وصلوا", 0));

    const char *claim = "يوجد نحو ألفي عسكري أمريكي في سوريا";
    const char *now = "أكد مسؤولان أنه يوجد نحو ألفي عسكري أمريكي في سوريا";
    const char *then = "وكان الجيش الأمريكي أعلن في وقت سابق أن له نحو 500 عسكري في سوريا";
    assert_false(voices_conflict_for(claim, now, then));
    /* nor "no source gives the claim's number" over a lone earlier figure */
    mz_check_result *r = two_voices(claim, then, NULL, then, NULL);
    assert_true(r->numbers[0].has_claim_value);
    assert_true(r->numbers[0].values[0].earlier);
    assert_false(r->numbers[0].values[0].off_claim);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    /* two earlier figures of one count still meet, and a newer one that
     * differs from the claim's is still flagged */
    assert_true(voices_conflict_for(claim, then,
                                    "وكان الجيش أعلن في وقت سابق أن له نحو 1500 عسكري في سوريا"));
    assert_true(voices_conflict_for(claim, now, "يوجد نحو 500 عسكري أمريكي في سوريا"));
}

/* The event of the k-th quantity of s. */
static mz_event event_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k].event;
}

/* What happened to what is counted: the event word nearest the value in
 * its clause, before it or after its noun. */
static void test_events(void **state)
{
    (void)state;
    assert_int_equal(event_of("مقتل 133 مدنيا بغارات على دير الزور", 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of("وكان نحو 100 شخص قد قتلوا خلال تفجير", 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of("ارتفع عدد القتلى إلى 40", 0), MZ_EVENT_KILLED);
    const char *s = "أسفر الهجوم عن مقتل 40 شخصا وإصابة 60 آخرين";
    assert_int_equal(event_of(s, 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_INJURED);
    s = "وجرى الجمعة إجلاء 5000 شخص بينهم 1300 مقاتل من البلدتين";
    assert_int_equal(event_of(s, 0), MZ_EVENT_MOVED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_MOVED);
    assert_int_equal(event_of("وأنه سيخرج من مضايا والزبداني ما يقارب 2000 شخص", 0),
                     MZ_EVENT_MOVED);
    assert_int_equal(event_of("إذ ما زال داخل البلدة قرابة 8000 شخص محاصرين", 0),
                     MZ_EVENT_BESIEGED);
    assert_int_equal(event_of("قال ناشطون إن اللواء أطلق سراح 25 أسيرا", 0), MZ_EVENT_RELEASED);
    /* what happens to buildings and places */
    s = "دمر القصف 30 منزلا وتضرر 100 منزل آخر";
    assert_int_equal(event_of(s, 0), MZ_EVENT_DESTROYED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_DAMAGED);
    s = "أغلقت المديرية 14 مدرسة ثم أعادت فتح 5 مدارس";
    assert_int_equal(event_of(s, 0), MZ_EVENT_CLOSED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_OPENED);
    assert_int_equal(event_of("واحترقت 14 محلا تجاريا في السوق", 0), MZ_EVENT_DESTROYED);
    assert_int_equal(event_of("وتعرض 12 مبنى لأضرار جسيمة", 0), MZ_EVENT_DAMAGED);
    /* تدمر is Palmyra, مدمرات warships, المتضررين people affected */
    assert_int_equal(event_of("تقدم الجيش 20 كيلومترا نحو تدمر", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("أرسلت البحرية 3 مدمرات إلى المنطقة", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("وزعت الجمعية 500 خيمة على المتضررين", 0), MZ_EVENT_NONE);
    /* فتح is also a name (حركة فتح, جبهة فتح الشام) and opens fire (فتح
     * النار): none of them opens anything a count counts */
    assert_int_equal(event_of("وقالت جبهة فتح الشام إن 12 من مقاتليها قتلوا", 0),
                     MZ_EVENT_KILLED);
    assert_int_equal(event_of("وأكدت حركة فتح أن 20 من أعضائها اعتقلوا", 0), MZ_EVENT_DETAINED);
    assert_int_equal(event_of("وفتح مسلحون النار على 30 شخصا في السوق", 0), MZ_EVENT_NONE);
    assert_int_equal(mz_events_in("مقاتلو جبهة فتح الشام", strlen("مقاتلو جبهة فتح الشام")), 0);
    assert_int_equal(mz_events_in("فتحت القوات النار", strlen("فتحت القوات النار")), 0);
    assert_int_equal(mz_events_in("أعيد فتح المعبر", strlen("أعيد فتح المعبر")),
                     1u << MZ_EVENT_OPENED);
    /* resumed is reopened: «استأنفت الدراسة في 5 مدارس» was no event, so the
     * 5 schools met a claim's 14 closed; the appeal a court hears is not */
    s = "أغلقت المديرية 14 مدرسة ثم استأنفت الدراسة في 5 مدارس";
    assert_int_equal(event_of(s, 0), MZ_EVENT_CLOSED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_OPENED);
    assert_int_equal(event_of("واستؤنف العمل في 3 معابر حدودية", 0), MZ_EVENT_OPENED);
    assert_int_equal(event_of("وتستأنف 12 مدرسة الدوام يوم الأحد", 0), MZ_EVENT_OPENED);
    /* «عودة الدراسة» is schooling resumed, not people returning: the 5
     * schools were "moved" and met no reopening */
    assert_int_equal(event_of("وأعلنت المديرية عودة الدراسة في 5 مدارس", 0), MZ_EVENT_OPENED);
    assert_int_equal(event_of("ومع عودة الدوام إلى 12 مدرسة يوم الأحد", 0), MZ_EVENT_OPENED);
    assert_int_equal(event_of("وبدأت عودة 3 آلاف نازح إلى قراهم", 0), MZ_EVENT_MOVED);
    /* acquitted: a trial's defendants («مثل 14 متهما») and those acquitted
     * («برأت المحكمة 3 متهمين») are two counts of one noun; with no event
     * the 3 were set against another source's 14 as a CONFLICT */
    assert_int_equal(event_of("وبرأت المحكمة 3 متهمين وحكمت على 10 متهمين آخرين بالسجن", 0),
                     MZ_EVENT_ACQUITTED);
    assert_int_equal(event_of("وبرأت المحكمة 3 متهمين وحكمت على 10 متهمين آخرين بالسجن", 1),
                     MZ_EVENT_DETAINED);
    assert_int_equal(event_of("وقضت المحكمة بتبرئة 4 موظفين من تهمة الاختلاس", 0),
                     MZ_EVENT_ACQUITTED);
    assert_int_equal(event_of("وأيدت محكمة الاستئناف براءة 3 متهمين في القضية", 0),
                     MZ_EVENT_ACQUITTED);
    assert_int_equal(event_of("ومثل 14 متهما أمام المحكمة بتهم الاختلاس", 0), MZ_EVENT_NONE);
    /* the whole after the part's own noun takes no event: the 14 were
     * tried, 3 of them acquitted (it read acquitted, and set against a
     * claim's 5 acquitted) */
    s = "وبرأت المحكمة 3 متهمين من أصل 14 متهما";
    assert_int_equal(event_of(s, 0), MZ_EVENT_ACQUITTED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_NONE);
    assert_int_equal(event_of("غرق 5 ركاب من أصل 12 راكبا", 1), MZ_EVENT_NONE);
    /* by land is not acquitted: «برا» is no event word */
    assert_int_equal(event_of("ووصل 300 شخص برا إلى الحدود", 0), MZ_EVENT_NONE);
    assert_false(voices_conflict_for("مثل 20 متهما أمام المحكمة في قضية الميناء",
                                     "ومثل 14 متهما أمام المحكمة في قضية الميناء",
                                     "وبرأت المحكمة 3 متهمين في قضية الميناء"));
    assert_int_equal(event_of("بعد عودة اللاجئين إلى 5 قرى حدودية", 0), MZ_EVENT_MOVED);
    assert_int_equal(event_of("قضت محكمة استئناف القاهرة بسجنه 5 سنوات", 0),
                     MZ_EVENT_DETAINED);
    assert_int_equal(event_of("حكم عليه بالسجن 7 سنوات وارتفع عند الاستئناف إلى 15 سنة", 1),
                     MZ_EVENT_NONE);
    assert_int_equal(event_of("واستأنف المتهم الحكم القاضي بسجنه 3 سنوات", 0),
                     MZ_EVENT_DETAINED);
    assert_int_equal(mz_events_in("طلب استئناف الحكم", strlen("طلب استئناف الحكم")), 0);
    assert_int_equal(event_of("أفرج لواء الوادي يوم الجمعة عن 40 أسيرا", 0), MZ_EVENT_RELEASED);
    assert_int_equal(event_of("وأعلنت الشرطة اعتقال 12 شخصا", 0), MZ_EVENT_DETAINED);
    /* died is not killed: heat waves and floods */
    assert_int_equal(event_of("تسببت موجة الحر في وفاة أكثر من ألفي شخص", 0), MZ_EVENT_DIED);
    assert_int_equal(event_of("لقي 26 شخصا على الأقل مصرعهم في السيول", 0), MZ_EVENT_DIED);
    /* a count of casualties says its own event: "و2500 جريح" took the
     * killing of the "328 قتيلا" before it; a count of detainees does not
     * ("أفرج عن 40 معتقلا" is a release), nor a part of casualties ("توفي
     * 3 من الجرحى") */
    s = "ارتفعت حصيلة ضحايا الزلزال إلى 328 قتيلا و2500 جريح";
    assert_int_equal(event_of(s, 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_INJURED);
    assert_int_equal(event_of("قتل 5 أشخاص وسقط 20 جريحا", 1), MZ_EVENT_INJURED);
    assert_int_equal(event_of("أفرج المسلحون عن 40 معتقلا", 0), MZ_EVENT_RELEASED);
    assert_int_equal(event_of("توفي 3 من الجرحى متأثرين بجراحهم", 0), MZ_EVENT_DIED);
    /* made homeless is moved: "وتشرد 3 آلاف" took the killing before it */
    s = "سيول تقتل 12 شخصا وتشرد 3 آلاف من السكان";
    assert_int_equal(event_of(s, 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_MOVED);
    assert_int_equal(event_of("قتل 5 أشخاص وشرد القصف 200 عائلة", 1), MZ_EVENT_MOVED);
    assert_int_equal(event_of("أدى القصف إلى تشريد 400 عائلة", 0), MZ_EVENT_MOVED);
    assert_int_equal(event_of("بات 300 شخص مشردين بعد الزلزال", 0), MZ_EVENT_MOVED);
    /* none: no event word, a clause break, "لا تقل عن" (not less than) */
    assert_int_equal(event_of("حضر 300 شخص المؤتمر", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("قتل الجندي، وحضر 300 شخص جنازته", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("بكلفة لا تقل عن 30 مليون دولار", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("صادرات الغاز 85%", 0), MZ_EVENT_NONE);
    /* أسرة and أسر are families, not captured (أسر); the verb still is */
    assert_int_equal(event_of("دفعت الحكومة 500 ريال لكل أسرة متضررة", 0), MZ_EVENT_NONE);
    /* (the homes of 1200 families damaged: the event is the homes') */
    assert_int_equal(event_of("تضررت منازل 1200 أسرة في الحي", 0), MZ_EVENT_DAMAGED);
    assert_int_equal(event_of("وصلت المساعدات إلى خمس أسر في القرية", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("أسر المسلحون 40 جنديا قرب الحدود", 0), MZ_EVENT_DETAINED);
    assert_int_equal(event_of("أعلن الجيش أسر 7 مقاتلين", 0), MZ_EVENT_DETAINED);
    /* the verb that opens the clause, past a long subject (train R-24: the
     * besieged were no event, and met the evacuated); not past a number,
     * its own object */
    assert_int_equal(event_of("وتحاصر قوات موالية للحكومة في ريف العاصمة منذ أشهر قرابة 400 ألف "
                              "شخص",
                              0),
                     MZ_EVENT_BESIEGED);
    assert_int_equal(event_of("قتل القصف 38 مقاتلا في أطراف البلدة الشرقية ثم استولى على 20 "
                              "آلية",
                              1),
                     MZ_EVENT_NONE);
    assert_int_equal(event_of("قتل القصف 38 مقاتلا في أطراف البلدة الشرقية ثم دمر 20 آلية", 1),
                     MZ_EVENT_DESTROYED);
    /* «قضوا» after the count, past «منهم على الأقل»; before a number it
     * spends time */
    assert_int_equal(event_of("وقالت المنظمة إن 16 شخصا منهم على الأقل قضوا قبل إجلائهم", 0),
                     MZ_EVENT_DIED);
    assert_int_equal(event_of("وقال إن 53 مدنيا على الأقل بينهم أطفال قتلوا في الغارات", 0),
                     MZ_EVENT_KILLED);
    assert_int_equal(event_of("قضوا 5 سنوات في المنفى", 0), MZ_EVENT_NONE);
}

/* An outbreak's bulletin counts the recovered beside the dead, both «حالة»:
 * «تعافي 300 حالة … ووفاة 6 أشخاص، ليرتفع عدد الوفيات إلى 44 حالة». The
 * 300 had no event and was one quantity with the 44 deaths. */
static void test_recovered(void **state)
{
    (void)state;
    const char *s = "أعلنت مديرية الصحة تعافي 300 حالة من الكوليرا خلال يوم الخميس، ووفاة 6 أشخاص، "
                    "ليرتفع عدد الوفيات إلى 44 حالة.";
    assert_int_equal(event_of(s, 0), MZ_EVENT_RECOVERED);
    assert_int_equal(event_of(s, 2), MZ_EVENT_DIED);
    assert_string_equal(mz_event_name(MZ_EVENT_RECOVERED), "recovered");
    assert_int_equal(event_of("وتماثل 50 مريضا للشفاء بعد تلقيهم العلاج", 0), MZ_EVENT_RECOVERED);
    /* «مستشفى الشفاء» is a hospital's name */
    assert_int_equal(event_of("ويرقد 5 أشخاص في مستشفى الشفاء", 0), MZ_EVENT_NONE);
}

/* A flood's story counts the missing beside the dead: «إن 9 أشخاص لقوا
 * حتفهم وإن 12 مفقودا» gave the 12 missing the deaths before them, and «8
 * أشخاص لا يزالون في عداد المفقودين» no event, one quantity with the 9 dead. */
static void test_missing(void **state)
{
    (void)state;
    const char *s = "وقال الدفاع المدني إن 9 أشخاص لقوا حتفهم وإن 12 مفقودا لا يزال البحث عنهم جاريا.";
    assert_int_equal(event_of(s, 0), MZ_EVENT_DIED);
    assert_int_equal(event_of(s, 1), MZ_EVENT_MISSING);
    assert_string_equal(mz_event_name(MZ_EVENT_MISSING), "missing");
    assert_int_equal(event_of("وأفاد الدفاع المدني بأن 8 أشخاص لا يزالون في عداد المفقودين", 0),
                     MZ_EVENT_MISSING);
    assert_int_equal(event_of("وقتل 5 أشخاص و3 آخرون في عداد القتلى", 0), MZ_EVENT_KILLED);
    assert_int_equal(event_of("وتراجع عدد المفقودين إلى 4 بعد العثور على جثث", 0), MZ_EVENT_MISSING);
    /* فقد is a death here, not the missing; a clause break stops «في عداد» */
    assert_int_equal(event_of("فقد 5 أشخاص حياتهم في السيول", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("تسببت الحرب بفقدان 82 ألف أسرة لرجالها المعيلين", 0), MZ_EVENT_NONE);
    assert_int_equal(event_of("قتل 7 أشخاص، وبقي آخرون في عداد المفقودين", 0), MZ_EVENT_KILLED);
}

/* Values of one noun told of different events are not set against each
 * other, and values of an event the claim does not name are not flagged:
 * a bombing's 100 killed against the 5000 evacuated the same week. */
static void test_conflicts_of_one_event(void **state)
{
    (void)state;
    const char *claim = "مقتل مئة شخص في تفجير استهدف حافلات أهالي البلدتين";
    assert_false(voices_conflict_for(claim, "وكان نحو 100 شخص قد قتلوا في التفجير",
                                     "وجرى إجلاء 5000 شخص من البلدتين"));
    assert_true(voices_conflict_for(claim, "وكان نحو 100 شخص قد قتلوا في التفجير",
                                    "أسفر التفجير عن مقتل 300 شخص"));
    /* both evacuated, but the claim counts the killed */
    assert_false(voices_conflict_for(claim, "وجرى إجلاء 3000 شخص من البلدتين",
                                     "وجرى إجلاء 5000 شخص من البلدتين"));
    /* a heat wave's deaths and a flood's are not a raid's killed */
    assert_false(voices_conflict_for("غارة تؤدي إلى مقتل شخص واحد",
                                     "تسببت موجة الحر في وفاة أكثر من ألفي شخص",
                                     "لقي 26 شخصا على الأقل مصرعهم في السيول"));
    /* no event word on either side: compared as before */
    assert_true(voices_conflict_for("حضر شخص المؤتمر", "حضر 300 شخص المؤتمر",
                                    "حضر 40 شخصا المؤتمر"));
}

static void test_bounds_across_voices(void **state)
{
    (void)state;
    assert_false(voices_conflict("قتل أكثر من 300 مقاتل", "قتل 400 مقاتل"));
    assert_false(voices_conflict("قتل 400 مقاتل", "قتل 300 مقاتل على الأقل"));
    assert_true(voices_conflict("قتل أكثر من 300 مقاتل", "قتل 100 مقاتل"));
    assert_false(voices_conflict("قتل أقل من 300 مقاتل", "قتل 100 مقاتل"));
    assert_true(voices_conflict("قتل نحو 300 مقاتل", "قتل 400 مقاتل"));
}

/* The k-th quantity of s (n: how many were found). */
static mz_number nth(const char *s, size_t k, size_t *n)
{
    mz_number v[8];
    *n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(*n > k);
    return v[k];
}

/* «عشرات القتلى», «مئات المدنيين», «آلاف النازحين»: a plural of a unit is a
 * value with a floor (twice the unit) and no ceiling, with its noun and its
 * event as digits have them; they were no value at all. */
static void test_vague_values(void **state)
{
    (void)state;
    static const struct {
        const char *s, *written, *noun;
        double floor;
        mz_event event;
    } cases[] = {
        {"قتل عشرات المدنيين في القصف", "عشرات", "المدنيين", 20, MZ_EVENT_KILLED},
        {"سقط عشرات القتلى في القصف", "عشرات", "القتلى", 20, MZ_EVENT_KILLED},
        {"أدى القصف إلى مقتل العشرات من المدنيين", "العشرات", "المدنيين", 20, MZ_EVENT_KILLED},
        {"قتل مئات المدنيين", "مئات", "المدنيين", 200, MZ_EVENT_KILLED},
        {"نزح آلاف السكان من البلدة", "آلاف", "السكان", 2000, MZ_EVENT_MOVED},
        {"وأجلي الآلاف من السكان", "الآلاف", "السكان", 2000, MZ_EVENT_MOVED},
        {"نزوح عشرات الآلاف من المدنيين", "عشرات الآلاف", "المدنيين", 20000, MZ_EVENT_MOVED},
        {"تشريد مئات آلاف السكان", "مئات آلاف", "السكان", 200000, MZ_EVENT_MOVED},
        {"تهجير ملايين السوريين", "ملايين", "السوريين", 2e6, MZ_EVENT_MOVED},
        {"واعتقلت الشرطة العشرات من المتظاهرين", "العشرات", "المتظاهرين", 20,
         MZ_EVENT_DETAINED},
        /* money and measures are values of their unit, as «5000 دولار» */
        {"خسر التجار آلاف الدولارات", "آلاف", "الدولارات", 2000, MZ_EVENT_NONE},
        {"على بعد مئات الأمتار من الحاجز", "مئات", "الأمتار", 200, MZ_EVENT_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n;
        mz_number x = first(cases[i].s, &n);
        assert_int_equal(x.end - x.start, strlen(cases[i].written));
        assert_memory_equal(cases[i].s + x.start, cases[i].written, strlen(cases[i].written));
        assert_true(x.vague);
        assert_int_equal(x.bound, 1);
        assert_true(x.number == cases[i].floor && x.number_max == cases[i].floor);
        assert_int_equal(x.kind, MZ_QTY_COUNT);
        assert_string_equal(x.noun, cases[i].noun);
        assert_int_equal(x.event, cases[i].event);
    }
    /* the noun meets a digit count's: «عشرات المدنيين» and «40 مدنيا» */
    size_t n;
    assert_string_equal(first("قتل عشرات المدنيين", &n).noun_key,
                        first("قتل 40 مدنيا", &n).noun_key);
    /* numbers are as before: «3 آلاف», «ثلاثة آلاف», «8000 آلاف» */
    mz_number x = first("نزح 3 آلاف شخص", &n);
    assert_false(x.vague);
    assert_true(x.number == 3000 && x.bound == 0);
    assert_false(first("نزح ثلاثة آلاف شخص", &n).vague);
    assert_false(first("نزح 8000 آلاف شخص", &n).vague);
    /* a span of time is a time window, not a count: «منذ عشرات السنين» */
    x = first("يعيش السكان هنا منذ عشرات السنين", &n);
    assert_int_equal(x.kind, MZ_QTY_DATE);
    assert_int_equal(first("استمر الحصار لعشرات السنين", &n).kind, MZ_QTY_DATE);
    assert_int_equal(first("قصفت البلدة مئات المرات ثم قتل 5 مدنيين", &n).number, 5);
    /* times are no count: «عشرات المرات» */
    const char *times = "تكرر القصف عشرات المرات";
    mz_number v[4];
    assert_int_equal(mz_numbers_extract(times, strlen(times), v, 4), 0);
    /* with the article it names its noun after من only: «إن المئات شاركوا»
     * counted شاركوا, «أصيب بالعشرات نتيجة القصف» counted نتيجة */
    const char *alone[] = {"قال المنظمون إن المئات شاركوا في المظاهرة", "أصيب بالعشرات نتيجة القصف",
                           "تظاهر الملايين ماكرون في المدن"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++) {
        x = first(alone[i], &n);
        assert_true(x.vague);
        assert_string_equal(x.noun, ""); /* a value of nothing named: not grouped */
    }
    /* a value after a vague one is still read */
    x = nth("قتل عشرات المدنيين وأصيب 40 آخرون", 1, &n);
    assert_true(x.number == 40 && !x.vague);
}

/* A vague value conflicts with a value under its floor («قتل 5 أشخاص»
 * against «مقتل العشرات من الأشخاص»), never with one it allows (100 against
 * العشرات) nor with another vague one; event and day still part them. */
static void test_vague_conflicts(void **state)
{
    (void)state;
    const char *claim = "قتل 5 أشخاص في القصف على البلدة";
    assert_true(voices_conflict_for(claim, "قتل 5 أشخاص في القصف على البلدة",
                                    "أدى القصف إلى مقتل العشرات من الأشخاص"));
    assert_true(voices_conflict_for(NULL, "قتل 5 مقاتلين", "قتل عشرات المقاتلين"));
    assert_true(voices_conflict_for(NULL, "قتل مئات المقاتلين", "قتل 40 مقاتلا"));
    /* what it allows */
    assert_false(voices_conflict_for(NULL, "قتل 100 مقاتل", "قتل عشرات المقاتلين"));
    assert_false(voices_conflict_for(NULL, "قتل 19 مقاتلا", "قتل عشرات المقاتلين"));
    assert_false(voices_conflict_for(NULL, "قتل أكثر من 10 مقاتلين", "قتل عشرات المقاتلين"));
    /* two vague values: floors always overlap */
    assert_false(voices_conflict_for(NULL, "قتل عشرات المقاتلين", "قتل العشرات من المقاتلين"));
    assert_false(voices_conflict_for(NULL, "قتل عشرات المقاتلين", "قتل مئات المقاتلين"));
    /* a claim of dozens allows 100 and dozens alike, not 5 */
    const char *dozens = "قتل العشرات من الأشخاص في القصف على البلدة";
    assert_false(voices_conflict_for(dozens, "قتل 100 شخص في القصف", "قتل عشرات الأشخاص"));
    assert_true(voices_conflict_for(dozens, "قتل 5 أشخاص في القصف", "قتل عشرات الأشخاص"));
    /* another event: the displaced thousands are not the killed */
    assert_false(voices_conflict_for(claim, "قتل 5 أشخاص في القصف على البلدة",
                                     "ونزح آلاف الأشخاص من البلدة"));
}

/* A falling pair joined by a dash is a model or a score, not a range:
 * «20 طائرة ماكس 737 - 8» read as 8..737 aircraft (train R-301). A rising
 * one is still a range. */
static void test_falling_dash_pair_is_a_name(void **state)
{
    (void)state;
    mz_number v[8];
    const char *s = "وطلبت الشركة 20 طائرة ماكس 737 - 8 من الشركة المصنعة";
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 1);
    assert_true(v[0].number == 20);
    const char *score = "فاز الفريق 3 - 1 على ضيفه";
    assert_int_equal(mz_numbers_extract(score, strlen(score), v, 8), 0);
    assert_value("3 - 4 آلاف مسلح", "3 - 4 آلاف", 3000, 4000, MZ_QTY_COUNT, "مسلح");
}

/* A value after a topic shift («من جهة أخرى», «في سياق آخر», «اقرأ أيضا»)
 * in words that cover little of the claim is the page's other story: it was
 * set against the claim's 18 as a second account. A page that turns to the
 * claim's own story with the marker still counts. */
static void test_other_story_of_the_page(void **state)
{
    (void)state;
    const char *claim = "قتل 18 شخصا في قصف على أحياء حلب السكنية يوم الخميس";
    const char *ours = "قتل 18 شخصا في قصف على أحياء حلب السكنية .";
    const char *other = "من جهة أخرى , قتل خمسة أشخاص وأصيب عشرة في انفجار سيارة ملغومة بمدينة إدلب .";
    mz_check_result *r = two_voices(claim, ours, NULL, other, NULL);
    assert_false(r->numbers[0].conflict);
    assert_false(r->numbers[0].claim_unmatched);
    bool seen = false;
    for (size_t i = 0; i < r->numbers[0].n_values; i++)
        if (r->numbers[0].values[i].number == 5) {
            seen = true;
            assert_true(r->numbers[0].values[i].other_story); /* still listed */
            assert_false(r->numbers[0].values[i].off_claim);
        }
    assert_true(seen);
    mz_check_result_free(r);
    assert_false(voices_conflict_for(claim, ours,
                                     "وفي سياق آخر , قتل خمسة أشخاص في انفجار سيارة ملغومة بمدينة إدلب ."));
    assert_false(voices_conflict_for(claim, ours,
                                     "اقرأ أيضا : مقتل خمسة أشخاص في انفجار سيارة ملغومة بمدينة إدلب"));
    /* the marker leads into the claim's own story: a second account */
    assert_true(voices_conflict_for(
        claim, ours, "ومن جهة أخرى , قتل 40 شخصا في قصف على أحياء حلب السكنية يوم الخميس ."));
    /* no marker: the value is the claim's, and conflicts */
    assert_true(voices_conflict_for(claim, ours, "قتل خمسة أشخاص في انفجار سيارة ملغومة بمدينة إدلب ."));
}

static void test_pathological(void **state)
{
    (void)state;
    mz_number v[4];
    assert_int_equal(mz_numbers_extract("", 0, v, 4), 0);
    const char *junk = "\xff\xfe\x80 ٪٪ %% و و او بين بين 9999999999999999999999999 -- ـــ";
    size_t n = mz_numbers_extract(junk, strlen(junk), v, 4);
    assert_true(n >= 1);
    /* more numbers than room: the count is still right */
    char many[4096] = "";
    for (int i = 0; i < 100; i++)
        strcat(many, "5 جنود، ");
    assert_int_equal(mz_numbers_extract(many, strlen(many), v, 4), 100);
    /* a huge sentence (more words than the parser keeps) */
    size_t big = 200000;
    char *s = malloc(big + 1);
    for (size_t i = 0; i < big; i++)
        s[i] = "12 x "[i % 5];
    s[big] = '\0';
    mz_numbers_extract(s, big, v, 4);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits_and_nouns),   cmocka_unit_test(test_spelled_out),
        cmocka_unit_test(test_ranges),             cmocka_unit_test(test_percent_and_dates),
        cmocka_unit_test(test_dates_of_the_current_month),
        cmocka_unit_test(test_noun_keys_group_forms), cmocka_unit_test(test_conflicts),
        cmocka_unit_test(test_conflicts_bear_on_claim),
        cmocka_unit_test(test_page_counters_and_parts),
        cmocka_unit_test(test_full_stop_thousands),
        cmocka_unit_test(test_ordinal_days),
        cmocka_unit_test(test_dual_is_two),
        cmocka_unit_test(test_goals_in_the_dual),
        cmocka_unit_test(test_dual_first_end_of_a_range),
        cmocka_unit_test(test_counts_that_look_like_years),
        cmocka_unit_test(test_times_and_numeric_dates),
        cmocka_unit_test(test_hijri_dates),
        cmocka_unit_test(test_compound_numbers),   cmocka_unit_test(test_percent_rate_word),
        cmocka_unit_test(test_full_number_before_multiplier),
        cmocka_unit_test(test_noun_is_not_a_verb_or_function_word),
        cmocka_unit_test(test_noun_named_by_tally),
        cmocka_unit_test(test_time_windows),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_bounds_across_voices),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_recovered),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_conflicts_of_one_event),
        cmocka_unit_test(test_direction_marks),
        cmocka_unit_test(test_percent_not_a_verb),
        cmocka_unit_test(test_percent_of_the_rate_phrase),
        cmocka_unit_test(test_clock_times),
        cmocka_unit_test(test_arabic_comma_between_digits),
        cmocka_unit_test(test_claim_broken_plural_counts),
        cmocka_unit_test(test_nisba_is_not_its_noun),
        cmocka_unit_test(test_claims_adjective_counts_nothing),
        cmocka_unit_test(test_conflicts_of_other_days),
        cmocka_unit_test(test_conflicts_the_claim_allows),
        cmocka_unit_test(test_vague_values),
        cmocka_unit_test(test_vague_conflicts),
        cmocka_unit_test(test_earlier_figures),
        cmocka_unit_test(test_conflicts_beside_the_claims_value),
        cmocka_unit_test(test_conflicts_beside_another_things_value),
        cmocka_unit_test(test_falling_dash_pair_is_a_name),
        cmocka_unit_test(test_other_story_of_the_page),
        cmocka_unit_test(test_pathological),
    };
    return cmocka_run_group_tests_name("check/numbers", tests, NULL, NULL);
}
