/* fuzz_feed.c — an RSS or Atom feed into articles (src/store/feed.c) on
 * arbitrary bytes, through libxml2's XML parser and our reading of it.
 * Invariants: no crash or leak; mz_feed_sniff answers for any input; a
 * parsed feed's every item either fails with a message or gives a
 * non-empty text of text_len bytes (valid UTF-8: libxml2 hands out UTF-8)
 * and one-line metadata. */
#include "store/store.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static void one_line(const char *s)
{
    if (s && strchr(s, '\n'))
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *s = (const char *)data;
    (void)mz_feed_sniff(s, size);
    mz_feed f;
    mz_error err;
    if (mz_feed_parse(s, size, "feed.xml", &f, &err) != MZ_OK) {
        if (f.doc || f.items || f.n || !err.msg[0])
            abort();
        return 0;
    }
    for (size_t i = 0; i < f.n; i++) {
        mz_feed_entry e;
        if (mz_feed_item(&f, i, "feed.xml: item", 0, &e, &err) != MZ_OK) {
            if (!err.msg[0] || e.title || e.page.text)
                abort();
            continue;
        }
        if (!e.in.text || !e.in.text_len || strlen(e.in.text) != e.in.text_len ||
            mz_utf8_check(e.in.text, e.in.text_len, NULL) != MZ_OK)
            abort();
        one_line(e.in.url);
        one_line(e.in.published);
        one_line(e.in.source);
        mz_feed_entry_clear(&e);
    }
    mz_feed_clear(&f);
    return 0;
}
