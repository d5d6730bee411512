/* sample_data.h — loads sample/articles.jsonl (the bundled demo story) for
 * the check tests. Tests run from the repository root. */
#ifndef TEST_SAMPLE_DATA_H
#define TEST_SAMPLE_DATA_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_MAX 16

typedef struct sample_article {
    char *title, *text, *source;
} sample_article;

/* Returns the number of articles read into a (0 if the file is missing). */
static size_t sample_load(sample_article *a)
{
    FILE *f = fopen("sample/articles.jsonl", "r");
    if (!f)
        return 0;
    char line[16384];
    size_t n = 0;
    while (n < SAMPLE_MAX && fgets(line, sizeof line, f)) {
        cJSON *j = cJSON_Parse(line);
        if (!j)
            continue;
        a[n].title = strdup(cJSON_GetObjectItem(j, "title")->valuestring);
        a[n].text = strdup(cJSON_GetObjectItem(j, "text")->valuestring);
        a[n].source = strdup(cJSON_GetObjectItem(j, "source")->valuestring);
        cJSON_Delete(j);
        n++;
    }
    fclose(f);
    return n;
}

static void sample_free(sample_article *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(a[i].title);
        free(a[i].text);
        free(a[i].source);
    }
}

#endif
