/* fuzz_html.c — a saved web page into an article (src/store/html.c) on
 * arbitrary bytes, through libxml2's HTML parser and our reading of it.
 * Invariants: no crash or leak; mz_html_sniff answers for any input;
 * on success the text is non-empty, text_len is its length, it has no
 * empty line and no line starting or ending with an ASCII space, it is
 * valid UTF-8 when the input is (character references included), and the
 * title (when any) has no newline and at most 2,000 bytes; on failure every
 * field is NULL. */
#include "store/store.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *s = (const char *)data;
    (void)mz_html_sniff("page.html", s, size);
    (void)mz_html_sniff("page.txt", s, size);
    mz_html_article a;
    mz_error err;
    if (mz_html_extract(s, size, "page.html", &a, &err) != MZ_OK) {
        if (a.text || a.title || a.url || a.source || a.published)
            abort();
        return 0;
    }
    if (!a.text || !a.text_len || strlen(a.text) != a.text_len)
        abort();
    if (strstr(a.text, "\n\n") || a.text[0] == '\n' || a.text[a.text_len - 1] == '\n')
        abort();
    if (a.text[0] == ' ' || a.text[a.text_len - 1] == ' ' || strstr(a.text, " \n") ||
        strstr(a.text, "\n "))
        abort();
    if (a.title && (strchr(a.title, '\n') || strlen(a.title) > 2000))
        abort();
    if (mz_utf8_check(s, size, NULL) == MZ_OK &&
        (mz_utf8_check(a.text, a.text_len, NULL) != MZ_OK ||
         (a.title && mz_utf8_check(a.title, strlen(a.title), NULL) != MZ_OK)))
        abort();
    mz_html_article_clear(&a);
    return 0;
}
