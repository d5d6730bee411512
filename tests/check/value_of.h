/* value_of.h — the value of a sentence whose number is x, as the numbers
 * reader reads it (mz_numbers_extract): for the tests of one reading
 * (test_numbers_period.c, test_numbers_rate.c, test_numbers_hearsay.c …).
 * The sentence must hold it. Include after cmocka.h. */
#ifndef MZ_TEST_VALUE_OF_H
#define MZ_TEST_VALUE_OF_H

#include <string.h>

#include "check/check.h"

static inline mz_number value_of(const char *s, double x)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        if (v[i].number == x)
            return v[i];
    fail_msg("no value %g in «%s»", x, s);
    return v[0];
}

#endif
