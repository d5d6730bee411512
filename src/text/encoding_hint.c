/* encoding_hint.c — what a text that is not UTF-8 probably is, for the
 * message that refuses it: UTF-16 (with or without a byte order mark),
 * Windows-1256 or ISO-8859-6. Only a hint: nothing is converted, so a wrong
 * guess costs a wrong suggestion, never a stored text. */
#include "text/text.h"
#include "util/util.h"

#include <stdbool.h>
#include <string.h>

bool mz_utf16_bom(const char *s, size_t len)
{
    return len >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'));
}

int mz_utf16_guess(const char *s, size_t len)
{
    size_t n = (len < 4096 ? len : 4096) / 2, le = 0, be = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned lo = u[2 * i], hi = u[2 * i + 1];
        le += (hi == 0x00 || hi == 0x06) && lo != 0x00;
        be += (lo == 0x00 || lo == 0x06) && hi != 0x00;
    }
    if (n >= 4 && 5 * le >= 4 * n && le > 2 * be)
        return 'L';
    if (n >= 4 && 5 * be >= 4 * n && be > 2 * le)
        return 'B';
    return 0;
}

/* How many times the two bytes a, b follow each other in s. */
static size_t pairs(const unsigned char *s, size_t len, unsigned a, unsigned b)
{
    size_t k = 0;
    for (size_t i = 0; i + 1 < len; i++)
        k += s[i] == a && s[i + 1] == b;
    return k;
}

/* How many bytes of s are a or b. */
static size_t count2(const unsigned char *s, size_t len, unsigned a, unsigned b)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        k += s[i] == a || s[i] == b;
    return k;
}

/* Windows-1256 keeps the French letters (à â ç è é ê ë î ï ô ù û ü) and × ÷
 * among its Arabic ones: in Arabic text they are next to absent, while
 * Greek, Cyrillic and Hebrew code pages put common letters there. */
static bool cp1256_latin(unsigned c)
{
    return c == 0xD7 || c == 0xE0 || c == 0xE2 || (c >= 0xE7 && c <= 0xEB) || c == 0xEE ||
           c == 0xEF || c == 0xF4 || c == 0xF7 || c == 0xF9 || c == 0xFB || c == 0xFC;
}

/* ISO-8859-6 leaves most high bytes unassigned, among them 0xDB..0xDF and
 * 0xF3..0xFF, where Windows-1256 has غ ـ ف ق ك and the vowel marks: iconv
 * refuses a text holding one, so it cannot be ISO-8859-6. */
static bool iso8859_6_unassigned(unsigned c)
{
    return c >= 0x80 && !(c == 0xA0 || c == 0xA4 || c == 0xAC || c == 0xAD || c == 0xBB ||
                          c == 0xBF || (c >= 0xC1 && c <= 0xDA) || (c >= 0xE0 && c <= 0xF2));
}

/* Both code pages put the Arabic letters in 0xC1..0xFE, so Arabic in them is
 * mostly such bytes; UTF-8 Arabic is a lead byte (0xD8..0xDB) and a
 * continuation byte (0x80..0xBF) per letter, never 80% the former.
 * Requiring as many of those bytes as ASCII letters keeps a Latin-1 text
 * with a few accented letters out. Which of the two: they share the letters
 * ء..ظ (0xC1..0xD8) and differ above. Arabic in ISO-8859-6 has و and ي at
 * 0xE8 and 0xEA, French letters in Windows-1256; Arabic in Windows-1256 has
 * ف ق ك at 0xDD..0xDF, unassigned in ISO-8859-6. When neither shows (a
 * short line), common letters decide: the article ال (alef then lam: 0xC7
 * 0xE1 in Windows-1256, 0xC7 0xE4 in ISO-8859-6) and ى ي (0xEC 0xED in
 * Windows-1256, two rare vowel marks in ISO-8859-6; و ي are 0xE8 0xEA in
 * ISO-8859-6, è ê in Windows-1256). Text with too few of these is no
 * Arabic (KOI8-R Russian fills 0xC1..0xDF too). Told apart because converting one
 * as the other gives valid UTF-8 mojibake, which ingest would store. Greek,
 * Cyrillic and Hebrew text fits neither and gets no hint. */
const char *mz_utf8_hint(const char *s, size_t len)
{
    if (mz_utf16_bom(s, len))
        return "; it is UTF-16 text (it starts with a byte order mark): convert it with "
               "`iconv -f UTF-16 -t UTF-8`";
    int u16 = mz_utf16_guess(s, len);
    if (u16)
        return u16 == 'L' ? "; it looks like UTF-16LE text: convert it with "
                            "`iconv -f UTF-16LE -t UTF-8`"
                          : "; it looks like UTF-16BE text: convert it with "
                            "`iconv -f UTF-16BE -t UTF-8`";
    size_t high = 0, cont = 0, ascii_letters = 0, latin = 0, unassigned = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0xC1 && c <= 0xFE)
            high++;
        else if (c >= 0x80)
            cont++;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            ascii_letters++;
        latin += cp1256_latin(c);
        unassigned += iso8859_6_unassigned(c);
    }
    if (!(high >= 4 && high >= 4 * cont && high >= ascii_letters))
        return "";
    /* Arabic's common letters: ال + ى ي read as Windows-1256, ال + و ي as
     * ISO-8859-6; together about a tenth of Arabic letters. */
    const unsigned char *u = (const unsigned char *)s;
    size_t cp = pairs(u, len, 0xC7, 0xE1) + count2(u, len, 0xEC, 0xED),
           is = pairs(u, len, 0xC7, 0xE4) + count2(u, len, 0xE8, 0xEA),
           need = high / 25 ? high / 25 : 1;
    bool cp1256 = 20 * latin <= high && cp >= need, iso = unassigned == 0 && is >= need;
    if (cp1256 && iso) {
        cp1256 = cp > is;
        iso = is > cp;
        if (!cp1256 && !iso)
            return "; it looks like legacy Arabic text, Windows-1256 or ISO-8859-6: convert it "
                   "with `iconv -f WINDOWS-1256 -t UTF-8` or `iconv -f ISO-8859-6 -t UTF-8`, "
                   "whichever reads right";
    }
    if (cp1256)
        return "; it looks like Windows-1256 (legacy Arabic) text: convert it with "
               "`iconv -f WINDOWS-1256 -t UTF-8`";
    if (iso)
        return "; it looks like ISO-8859-6 (legacy Arabic) text: convert it with "
               "`iconv -f ISO-8859-6 -t UTF-8`";
    return "";
}

mz_status mz_utf16_refuse_at(const char *s, size_t len, const char *nul, const char *what,
                             mz_error *err)
{
    if (mz_utf16_bom(s, len))
        return mz_fail(err, MZ_ERR_UTF8, "%s: not UTF-8%s", what, mz_utf8_hint(s, len));
    if (nul && mz_utf16_guess(s, len)) /* Notepad's "Unicode" without its mark */
        return mz_fail(err, MZ_ERR_UTF8, "%s: not UTF-8 (NUL byte at offset %zu)%s", what,
                       (size_t)(nul - s), mz_utf8_hint(s, len));
    return MZ_OK;
}

mz_status mz_utf16_refuse(const char *s, size_t len, const char *what, mz_error *err)
{
    return mz_utf16_refuse_at(s, len, memchr(s, '\0', len), what, err);
}
