/* fuzz_jsonl.c — libFuzzer target for the JSONL line parser and the .json
 * document reader: every line of the input goes through mz_jsonl_parse_line,
 * and the whole input through mz_json_doc_parse and each of its items; they
 * must never crash, leak, or hand back text that is not valid UTF-8 of the
 * length it claims; an author read is valid UTF-8, and as the store keeps
 * it (mz_author_clean) one line of at most MZ_AUTHOR_MAX bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "text/text.h"

static void check_author(const char *author)
{
    if (!author)
        return;
    if (mz_utf8_check(author, strlen(author), NULL) != MZ_OK)
        abort();
    bool nomem;
    char *kept = mz_author_clean(author, NULL, NULL, &nomem);
    if (kept && (strpbrk(kept, "\n\r\t") || strlen(kept) > MZ_AUTHOR_MAX || !*kept ||
                 mz_utf8_check(kept, strlen(kept), NULL) != MZ_OK))
        abort();
    free(kept);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    size_t line_no = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        mz_jsonl_item it;
        mz_error err;
        if (mz_jsonl_parse_line(p, (size_t)(le - p), ++line_no, &it, &err) == MZ_OK) {
            if (strlen(it.in.text) != it.in.text_len)
                abort();
            if (mz_utf8_check(it.in.text, it.in.text_len, NULL) != MZ_OK)
                abort();
            check_author(it.in.author);
            mz_jsonl_item_clear(&it);
        } else if (it.tree || it.in.text || !err.msg[0]) {
            abort();
        }
        p = nl ? nl + 1 : end;
    }
    mz_json_doc d;
    mz_error err;
    mz_status s = mz_json_doc_parse((const char *)data, size, "doc", &d, &err);
    if (s != MZ_OK && (d.tree || (s != MZ_ERR_NOT_FOUND && !err.msg[0])))
        abort();
    for (size_t i = 0; s == MZ_OK && i < d.n; i++) {
        mz_jsonl_item it;
        if (mz_json_doc_item(&d, i, "item", &it, &err) == MZ_OK) {
            if (strlen(it.in.text) != it.in.text_len ||
                mz_utf8_check(it.in.text, it.in.text_len, NULL) != MZ_OK)
                abort();
            check_author(it.in.author);
            mz_jsonl_item_clear(&it);
        } else if (it.tree || it.in.text || !err.msg[0]) {
            abort();
        }
    }
    mz_json_doc_clear(&d);
    return 0;
}
