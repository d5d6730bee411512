/*
 * claims_line.c — one line of `mizan check --claims FILE`: plain text, or a
 * JSONL object with a "claim" string. On its own so the fuzz target
 * (fuzz/fuzz_claims_line.c) parses lines exactly as the command does.
 */
#include "cli/cli.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <string.h>

mz_status cli_claim_of_line(char *line, size_t line_no, char **claim, void **tree, mz_error *err)
{
    *claim = line;
    *tree = NULL;
    size_t i = 0;
    while (line[i] == ' ' || line[i] == '\t')
        i++;
    if (line[i] != '{')
        return MZ_OK;
    size_t len = strlen(line), nul = mz_json_escaped_nul(line, len);
    if (nul < len)
        return mz_fail(err, MZ_ERR_JSON, "line %zu: NUL character (\\u0000) at byte %zu", line_no,
                       nul);
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithOpts(line, &end, 0);
    if (j && end) { /* a second object glued on would be silently dropped */
        end += strspn(end, " \t");
        if (*end) {
            cJSON_Delete(j);
            return mz_fail(err, MZ_ERR_JSON, "line %zu: text after the JSON object at byte %zu",
                           line_no, (size_t)(end - line));
        }
    }
    cJSON *c = j ? cJSON_GetObjectItemCaseSensitive(j, "claim") : NULL;
    if (!cJSON_IsString(c)) {
        /* "claim": 5 is a claim in the wrong type, not a missing one */
        const char *why = !j ? "malformed JSON"
                          : !c || cJSON_IsNull(c) ? "no \"claim\" string"
                                                   : "field \"claim\" must be a string";
        cJSON_Delete(j);
        return mz_fail(err, MZ_ERR_JSON, "line %zu: %s", line_no, why);
    }
    *claim = c->valuestring;
    *tree = j;
    return MZ_OK;
}
