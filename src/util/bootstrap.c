/*
 * bootstrap.c — percentile confidence intervals by resampling whole groups
 * (the claims of an evaluation set) with replacement.
 *
 * Why groups and not pairs: the pairs of one claim share its words, its
 * source and usually its label mix, so they are not independent draws; a
 * pair-level bootstrap would give intervals that are too narrow. The claim
 * is the unit the data was collected by, so it is the unit resampled.
 *
 * The generator is a fixed-seed splitmix64, so the same predictions always
 * print the same interval (reports and tests can compare them).
 */
#include "util/util.h"

#include <stdlib.h>

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int mz_bootstrap_ci(size_t n_groups, mz_boot_stat stat, void *ctx, double *lo, double *hi)
{
    if (n_groups < 2)
        return -1;
    unsigned *counts = malloc(n_groups * sizeof *counts);
    double *v = malloc(MZ_BOOT_RESAMPLES * sizeof *v);
    if (!counts || !v) {
        free(counts);
        free(v);
        return -1;
    }
    uint64_t seed = 0x6D697A616E; /* "mizan": every statistic sees the same resamples */
    for (size_t b = 0; b < MZ_BOOT_RESAMPLES; b++) {
        for (size_t g = 0; g < n_groups; g++)
            counts[g] = 0;
        for (size_t g = 0; g < n_groups; g++)
            counts[splitmix64(&seed) % n_groups]++; /* modulo bias: < 1e-15 for these sizes */
        v[b] = stat(ctx, counts, n_groups);
    }
    qsort(v, MZ_BOOT_RESAMPLES, sizeof *v, cmp_double);
    /* 95%: the 25th and the 975th of 1,000 sorted values */
    *lo = v[MZ_BOOT_RESAMPLES / 40];
    *hi = v[MZ_BOOT_RESAMPLES - 1 - MZ_BOOT_RESAMPLES / 40];
    free(counts);
    free(v);
    return 0;
}
