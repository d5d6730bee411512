/*
 * json.h — JSON writers shared by the CLI and the HTTP server, so that
 * `mizan check --json` and POST /api/check (and the other pairs) return the
 * same schema. Built on cJSON. Every writer returns a new cJSON tree owned by
 * the caller, or NULL on out-of-memory. Schemas: docs/json-schema.md.
 */
#ifndef MZ_JSON_H
#define MZ_JSON_H

#include "mizan.h"

#include <cjson/cJSON.h>

/* Prints and frees j. Returns a malloc'd string, or NULL (out of memory). */
char *mz_json_print(cJSON *j, int pretty);

/* obj[name] = item, or false when item is NULL or cannot be added (out of
 * memory); item is then deleted, as cJSON leaves it to the caller. A report
 * whose add failed must be dropped whole: cJSON_Add* fail by leaving the key
 * out, and the rest printed is a report with a key missing. */
bool mz_json_add(cJSON *obj, const char *name, cJSON *item);
/* The same for an array: item appended to arr, or false with item deleted. */
bool mz_json_push(cJSON *arr, cJSON *item);
/* o when ok (every add went in), else NULL with o deleted: a report is
 * printed whole or not at all, NULL being the caller's "out of memory". */
cJSON *mz_json_whole(cJSON *o, bool ok);

/* json_store.c: an article ({"id","title","source","url","published",
 * "origin","author","body"?}) and search hits ({"hits":[{"id","score","title",
 * "source","url","snippet","marks","places"?,"superseded_by"?,"corrects"?}]}). */
cJSON *mz_json_article(const mz_article *a, int with_body);
/* places (h->n of them, mz_hits_places) adds each hit's "places" as
 * show --json gives them, versions (h->n of them, mz_articles_versions)
 * its "superseded_by" and "corrects" as list --json does; NULL leaves
 * them out. */
struct mz_places;
struct mz_article_versions;
cJSON *mz_json_hits(const mz_hits *h, const struct mz_places *places,
                    const struct mz_article_versions *versions);
/* An article's versions in the store (check.h, mz_articles_versions)
 * added to its object j: "superseded_by" (the later version's id, null
 * when none) and "corrects" (the earlier versions' ids, [] when none).
 * False, j as it was or missing a key, when out of memory. */
struct mz_article_versions;
bool mz_json_add_versions(cJSON *j, const struct mz_article_versions *v);
/* The other places an exact copy of the article was published (store.h,
 * mz_article_places) added to j: "places": [{"url","source","published",
 * "exact_copy": true}], [] when none. False when out of memory. */
bool mz_json_add_places(cJSON *j, const struct mz_places *p);
/* A page of the stored articles (`mizan list --json`, GET /api/articles):
 * {"total","offset","articles":[article without its body]}, each with its
 * versions when versions (l->n of them) is not NULL, and its "places" as
 * show --json gives them when places (l->n of them) is not NULL. With a
 * site (list --source), an article listed for it as an exact copy the
 * site carried (mz_place_at) has "copy_at": that place. */
cJSON *mz_json_article_list(const mz_article_list *l, size_t offset,
                            const struct mz_article_versions *versions,
                            const struct mz_places *places, const char *site);

/* json_stance.c: one evidence item ({"text","start","end","char_start",
 * "char_end","score","cue"}; offsets into text); the words that gave it its
 * cue, text[start, end), added to it ("cue_start","cue_end","cue_char_start",
 * "cue_char_end") when they lie inside the sentence; and a stance result
 * ({"label","probs":{"agree",...},"evidence":[...]}), with each sentence's
 * cue words found again in the lexicon lx when lx is not NULL. */
struct mz_lexicon;
cJSON *mz_json_evidence(const char *text, const mz_evidence *ev);
bool mz_json_add_cue_words(cJSON *e, const mz_evidence *ev, const char *text, size_t start,
                           size_t end); /* false: out of memory, some left out */
cJSON *mz_json_stance(const mz_stance_result *r, const char *text, const struct mz_lexicon *lx);

/* json_check.c: the whole claim-check report (schema "mizan.check/1"). */
cJSON *mz_json_check(const mz_check_result *r);

#endif /* MZ_JSON_H */
