/*
 * boilerplate_eval.c — how much of the story the boilerplate filter keeps
 * and how much page furniture it removes, on the baly2018 web scrapes.
 *
 *   boilerplate_eval [-v] FILE.jsonl...
 *
 * Story lines: for agree/disagree pairs, `rationale` lists the indices (into
 * article.split("\n")) of the lines annotators used as evidence; we report the
 * share of those the filter keeps. Removal: over distinct article texts, the
 * share of bytes and of non-empty lines dropped. -v prints every dropped
 * rationale line.
 */
#include "text/text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct seen_set {
    uint64_t *v;
    size_t n, cap;
} seen_set;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int seen_add(seen_set *s, uint64_t h) /* 1 if new */
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == h)
            return 0;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = h;
    return 1;
}

int main(int argc, char **argv)
{
    int verbose = 0;
    size_t rat_total = 0, rat_kept = 0, pairs = 0;
    size_t arts = 0, bytes = 0, bytes_removed = 0, lines = 0, lines_removed = 0;
    double secs = 0;
    seen_set seen = {0};
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-v") == 0) {
            verbose = 1;
            continue;
        }
        FILE *f = fopen(argv[a], "r");
        if (!f) {
            perror(argv[a]);
            return 1;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;
        while ((got = getline(&line, &cap, f)) > 0) {
            cJSON *o = cJSON_Parse(line);
            if (!o)
                continue;
            const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(o, "article"));
            const char *stance = cJSON_GetStringValue(cJSON_GetObjectItem(o, "stance"));
            const char *rat = cJSON_GetStringValue(cJSON_GetObjectItem(o, "rationale"));
            if (!text) {
                cJSON_Delete(o);
                continue;
            }
            size_t len = strlen(text);
            bool *keep;
            size_t n;
            clock_t t0 = clock();
            if (mz_boilerplate_lines(text, len, &keep, &n) != MZ_OK) {
                fprintf(stderr, "out of memory\n");
                return 1;
            }
            secs += (double)(clock() - t0) / CLOCKS_PER_SEC;
            /* line starts, to measure bytes and print lines */
            size_t *start = malloc((n + 1) * sizeof *start);
            size_t k = 0;
            start[k++] = 0;
            for (size_t i = 0; i < len; i++)
                if (text[i] == '\n')
                    start[k++] = i + 1;
            start[n] = len + 1;
            if (seen_add(&seen, hash(text, len))) {
                arts++;
                bytes += len;
                for (size_t i = 0; i < n; i++) {
                    size_t l = start[i + 1] - start[i]; /* with its \n */
                    if (l > 1)
                        lines++;
                    if (!keep[i]) {
                        bytes_removed += l > len ? len : l;
                        if (l > 1)
                            lines_removed++;
                    }
                }
            }
            if (rat && stance && (strcmp(stance, "agree") == 0 || strcmp(stance, "disagree") == 0)) {
                pairs++;
                for (const char *p = rat; *p;) {
                    char *end;
                    long idx = strtol(p, &end, 10);
                    if (end == p) {
                        p++;
                        continue;
                    }
                    p = end;
                    if (idx < 0 || (size_t)idx >= n)
                        continue;
                    rat_total++;
                    if (keep[idx])
                        rat_kept++;
                    else if (verbose)
                        printf("DROPPED rationale line %ld: %.*s\n", idx,
                               (int)(start[idx + 1] - start[idx] - 1), text + start[idx]);
                }
            }
            free(start);
            free(keep);
            cJSON_Delete(o);
        }
        free(line);
        fclose(f);
    }
    free(seen.v);
    printf("pairs with rationale: %zu, rationale lines kept: %zu/%zu = %.2f%%\n", pairs, rat_kept,
           rat_total, rat_total ? 100.0 * (double)rat_kept / (double)rat_total : 0);
    printf("distinct articles: %zu, %.1f MB; removed %.1f%% of bytes, %zu/%zu non-empty lines (%.1f%%)\n",
           arts, (double)bytes / 1e6, bytes ? 100.0 * (double)bytes_removed / (double)bytes : 0,
           lines_removed, lines, lines ? 100.0 * (double)lines_removed / (double)lines : 0);
    printf("filter time: %.2f s for all pairs (%.1f MB/s)\n", secs,
           secs > 0 ? (double)bytes / 1e6 / secs : 0);
    return 0;
}
