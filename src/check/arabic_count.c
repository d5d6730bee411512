/*
 * arabic_count.c — Arabic number–noun agreement for counts written in
 * Western digits, as the rest of the report writes numbers.
 *
 * The counted noun's form depends on the number (its last two digits past
 * 100): 1 and 2 are said by the noun alone (مصدر واحد، مصدران), 3–10 take
 * the plural (3 مصادر), 11–99 the accusative singular (11 مصدرًا), and round
 * hundreds and thousands with 1 or 2 after them the genitive singular
 * (100 مصدر، 102 مصدر) — CLDR's zero/one/two/few/many/other.
 */
#include "check/reason.h"

const mz_ar_noun mz_ar_source = {
    .singular = "مصدر", .one = "مصدر واحد", .two = "مصدران", .few = "مصادر", .many = "مصدرًا",
};

/* The adjective agrees too: non-human plurals take the feminine singular. */
const mz_ar_noun mz_ar_independent_source = {
    .singular = "مصدر مستقل",
    .one = "مصدر مستقل واحد",
    .two = "مصدران مستقلان",
    .few = "مصادر مستقلة",
    .many = "مصدرًا مستقلًا",
};

const mz_ar_noun mz_ar_article = {
    .singular = "مقال", .one = "مقال واحد", .two = "مقالان", .few = "مقالات", .many = "مقالًا",
};

mz_ar_plural mz_ar_plural_of(size_t n)
{
    if (n == 0)
        return MZ_AR_ZERO;
    if (n == 1)
        return MZ_AR_ONE;
    if (n == 2)
        return MZ_AR_TWO;
    size_t tail = n % 100;
    if (tail >= 3 && tail <= 10)
        return MZ_AR_FEW;
    if (tail >= 11)
        return MZ_AR_MANY;
    return MZ_AR_OTHER;
}

int mz_ar_count(mz_buf *b, size_t n, const mz_ar_noun *noun)
{
    switch (mz_ar_plural_of(n)) {
    case MZ_AR_ZERO: return mz_buf_printf(b, "لا %s", noun->singular);
    case MZ_AR_ONE: return mz_buf_puts(b, noun->one);
    case MZ_AR_TWO: return mz_buf_puts(b, noun->two);
    case MZ_AR_FEW: return mz_buf_printf(b, "%zu %s", n, noun->few);
    case MZ_AR_MANY: return mz_buf_printf(b, "%zu %s", n, noun->many);
    case MZ_AR_OTHER: break;
    }
    return mz_buf_printf(b, "%zu %s", n, noun->singular);
}

const char *mz_ar_agree(size_t n, const char *one, const char *two, const char *more)
{
    return n == 1 ? one : n == 2 ? two : more;
}
