/* fuzz_claims_line.c — the lines of a `mizan check --claims FILE` file on
 * arbitrary bytes, cut and parsed as cmd_check.c does (split at '\n', one
 * trailing '\r' dropped, blank lines skipped, cli_claim_of_line), then the
 * claim validated as mz_check does first (mz_claim_prepare).
 * Invariants: no crash or leak; each line gives either a clear error
 * (MZ_ERR_JSON "line N: ..." with no tree left, or MZ_ERR_UTF8 / MZ_ERR_ARG
 * with a message from the validation) or a claim: the line itself (plain
 * text), or the "claim" string of a line that is one JSON object and
 * nothing else (a line starting with '{'). A validated claim is non-empty,
 * valid UTF-8, trimmed of ASCII white space, a part of the claim given, and
 * at most MZ_CLAIM_MAX_CHARS characters. */
#include "check/check.h"
#include "cli/cli.h"
#include "text/text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_claim(const char *claim)
{
    char *t = NULL;
    mz_error err = {0};
    if (mz_claim_prepare(claim, &t, &err) != MZ_OK) {
        if (t || !err.msg[0] || (err.code != MZ_ERR_UTF8 && err.code != MZ_ERR_ARG))
            abort();
        return;
    }
    size_t n = strlen(t), chars = 0;
    if (n == 0 || mz_utf8_check(t, n, NULL) != MZ_OK || strchr(" \t\r\n", t[0]) ||
        strchr(" \t\r\n", t[n - 1]) || !strstr(claim, t))
        abort();
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)t[i] & 0xC0) != 0x80;
    if (chars > MZ_CLAIM_MAX_CHARS)
        abort();
    free(t);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t line_no = 0;
    for (char *p = text, *end = text + size; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end, *line = p;
        *stop = '\0';
        if (stop > p && stop[-1] == '\r')
            stop[-1] = '\0';
        line_no++;
        p = stop + 1;
        if (strspn(line, " \t") == strlen(line))
            continue; /* blank: skipped */
        char *claim = NULL;
        void *tree = NULL;
        mz_error err = {0};
        if (cli_claim_of_line(line, line_no, &claim, &tree, &err) != MZ_OK) {
            char prefix[32];
            snprintf(prefix, sizeof prefix, "line %zu: ", line_no);
            if (tree || err.code != MZ_ERR_JSON || strncmp(err.msg, prefix, strlen(prefix)))
                abort();
            continue;
        }
        if (!claim)
            abort();
        if (!tree && claim != line)
            abort();
        if (tree && (line[strspn(line, " \t")] != '{' ||
                     !cJSON_IsObject((cJSON *)tree) ||
                     cJSON_GetObjectItemCaseSensitive(tree, "claim")->valuestring != claim))
            abort();
        if (tree) { /* nothing but white space may follow the object */
            cJSON *whole = cJSON_ParseWithOpts(line, NULL, 1);
            if (!whole)
                abort();
            cJSON_Delete(whole);
        }
        check_claim(claim);
        cJSON_Delete(tree);
    }
    free(text);
    return 0;
}
