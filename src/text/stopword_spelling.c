/* stopword_spelling.c — a stopword by its normalized form that is written
 * as a content word. Hand-written beside the generated table
 * (stopwords.c, from gen_stopwords.py). */
#include "text/text.h"

#include <string.h>

/* Normalization folds spellings that tell a content word from a function
 * word: آلية (mechanism) and إليه (to him) are both اليه, آلي (automatic)
 * is إلى's الي, إمام (imam) is أمام's امام, أثر (impact) is إثر's اثر. The
 * written form settles these: no listed function word starts with a madda
 * alef, and none ends in taa marbuta but the three below (their ه is a
 * taa marbuta, the others' a pronoun). Without the hamza (امام, الية) the
 * word stays ambiguous and counts as a stopword, as before. علي ends in yaa
 * as the name Ali and in alef maqsura as the preposition على: in baly2018's
 * articles على is written with its alef maqsura 47,000 times and علي 1,700
 * times, nearly all of them the name (علي عبد الله صالح، علي خامنئي). Sites
 * that write على with a yaa leave a common word in the index, which its
 * low IDF weighs little. */
static const char *const ENDS_IN_TAA[] = {"ثمه", "عده", "غالبيه"};

static bool is(const char *norm, size_t len, const char *word)
{
    return len == strlen(word) && !memcmp(norm, word, len);
}

/* The last letter of raw, past trailing harakat and tatweel (U+064B-0652,
 * U+0640), as a code point when it is a 2-byte one, else 0. */
static unsigned last_letter(const unsigned char *raw, size_t n)
{
    while (n >= 2 && raw[n - 2] == 0xD9 && (raw[n - 1] == 0x80 || (raw[n - 1] >= 0x8B && raw[n - 1] <= 0x92)))
        n -= 2;
    return n >= 2 && (raw[n - 2] & 0xE0) == 0xC0 ? ((raw[n - 2] & 0x1Fu) << 6) | (raw[n - 1] & 0x3Fu) : 0;
}

bool mz_stopword_spelled_as_content(const char *raw, size_t raw_len, const char *norm, size_t len)
{
    const unsigned char *r = (const unsigned char *)raw;
    unsigned first = raw_len >= 2 && r[0] == 0xD8 ? 0x600u | (r[1] & 0x3Fu) : 0;
    if (first == 0x622) /* آ */
        return true;
    if (last_letter(r, raw_len) == 0x629) { /* ة */
        for (size_t i = 0; i < sizeof ENDS_IN_TAA / sizeof *ENDS_IN_TAA; i++)
            if (is(norm, len, ENDS_IN_TAA[i]))
                return false;
        return true;
    }
    if (is(norm, len, "علي") || is(norm, len, "وعلي"))
        return last_letter(r, raw_len) == 0x64A; /* علي (Ali), not على */
    if (is(norm, len, "امام"))
        return first == 0x625; /* إمام */
    if (is(norm, len, "اثر"))
        return first == 0x623; /* أثر */
    return false;
}

bool mz_is_stopword_as_written(const char *raw, size_t raw_len, const char *norm, size_t len)
{
    return mz_is_stopword(norm, len) && !mz_stopword_spelled_as_content(raw, raw_len, norm, len);
}
