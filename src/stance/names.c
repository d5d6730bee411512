/* names.c — stance class names and feature-group names. */
#include "stance/stance.h"

#include <string.h>

static const char *const stance_names[MZ_N_STANCES] = {"agree", "disagree", "discuss",
                                                       "unrelated"};

const char *mz_stance_name(mz_stance s)
{
    if ((unsigned)s < MZ_N_STANCES)
        return stance_names[s];
    return "unknown";
}

mz_stance mz_stance_parse(const char *name)
{
    if (!name)
        return MZ_N_STANCES;
    for (int i = 0; i < MZ_N_STANCES; i++)
        if (!strcmp(name, stance_names[i]))
            return (mz_stance)i;
    return MZ_N_STANCES;
}

static const char *const group_names[MZ_FG_COUNT] = {"bias",   "rel",   "num", "denial",
                                                     "report", "claim", "lex", "style"};

const char *mz_fgroup_name(mz_fgroup g)
{
    return (unsigned)g < MZ_FG_COUNT ? group_names[g] : "unknown";
}

int mz_fgroup_parse_mask(const char *list, uint32_t *mask)
{
    *mask = 0;
    const char *p = list;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        int found = -1;
        for (int g = 0; g < MZ_FG_COUNT; g++)
            if (strlen(group_names[g]) == n && !strncmp(p, group_names[g], n))
                found = g;
        if (found < 0)
            return -1;
        *mask |= 1u << found;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

int mz_feature_parse_mask(const char *list, uint64_t *mask)
{
    *mask = 0;
    const char *p = list;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        size_t found = mz_n_dense;
        for (size_t f = 0; f < mz_n_dense && f < 64; f++)
            if (strlen(mz_dense_features[f].name) == n && !strncmp(p, mz_dense_features[f].name, n))
                found = f;
        if (found == mz_n_dense)
            return -1;
        *mask |= 1ULL << found;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}
