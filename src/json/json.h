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

/* json_store.c: an article ({"id","title","source","url","published",
 * "origin","body"?}) and search hits ({"hits":[{"id","score","title",
 * "source","url","snippet"}]}). */
cJSON *mz_json_article(const mz_article *a, int with_body);
cJSON *mz_json_hits(const mz_hits *h);

/* json_stance.c: one evidence item ({"text","start","end","char_start",
 * "char_end","score","cue"}; offsets into text) and a stance result
 * ({"label","probs":{"agree",...},"evidence":[...]}). */
cJSON *mz_json_evidence(const char *text, const mz_evidence *ev);
cJSON *mz_json_stance(const mz_stance_result *r, const char *text);

/* json_check.c: the whole claim-check report (schema "mizan.check/1"). */
cJSON *mz_json_check(const mz_check_result *r);

#endif /* MZ_JSON_H */
