/* names.c — stance class names and feature-group names. */
#include "stance/stance.h"

#include <string.h>
#include <strings.h>

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
        if (!strcasecmp(name, stance_names[i]))
            return (mz_stance)i;
    return MZ_N_STANCES;
}

mz_stance mz_stance_parse_label(const char *label)
{
    if (!label)
        return MZ_N_STANCES;
    while (*label == ' ' || *label == '\t')
        label++;
    size_t n = strlen(label);
    while (n && (label[n - 1] == ' ' || label[n - 1] == '\t' || label[n - 1] == '\r' ||
                 label[n - 1] == '\n'))
        n--;
    char word[16];
    if (n >= sizeof word)
        return MZ_N_STANCES;
    memcpy(word, label, n);
    word[n] = '\0';
    return mz_stance_parse(word);
}

static const char *const group_names[MZ_FG_COUNT] = {"bias",   "rel",   "num", "denial",
                                                     "report", "claim", "lex", "style"};

const char *mz_fgroup_name(mz_fgroup g)
{
    return (unsigned)g < MZ_FG_COUNT ? group_names[g] : "unknown";
}

/* Sets one bit per comma-separated name of list, bit i % 64 of mask[i / 64]
 * for its index i in names[0..n) (n at most 64 * words); -1 when a name is
 * not there. */
static int parse_names(const char *list, const char *(*name_at)(size_t), size_t n, uint64_t *mask,
                       size_t words)
{
    memset(mask, 0, words * sizeof *mask);
    const char *p = list;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        size_t found = n;
        for (size_t i = 0; i < n && i < 64 * words; i++)
            if (strlen(name_at(i)) == len && !strncmp(p, name_at(i), len))
                found = i;
        if (found == n)
            return -1;
        mask[found / 64] |= 1ULL << found % 64;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

static const char *group_at(size_t i)
{
    return group_names[i];
}

static const char *feature_at(size_t i)
{
    return mz_dense_features[i].name;
}

int mz_fgroup_parse_mask(const char *list, uint32_t *mask)
{
    uint64_t m;
    int rc = parse_names(list, group_at, MZ_FG_COUNT, &m, 1);
    *mask = (uint32_t)m;
    return rc;
}

int mz_feature_parse_mask(const char *list, uint64_t mask[2])
{
    return parse_names(list, feature_at, mz_n_dense, mask, 2);
}
