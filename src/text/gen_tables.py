#!/usr/bin/env python3
"""Generates src/text/tables.c: the per-code-point character class and
normalization tables used by normalize.c, tokenize.c and sentences.c.

    python3 src/text/gen_tables.py > src/text/tables.c

The tables are derived from Python's unicodedata (categories, NFKC for the
presentation forms) plus the Arabic matching rules below, so a lookup at run
time is two array reads. Regenerate after changing a rule here.
"""
import sys
import unicodedata as ud

# Character classes (keep in sync with tables.h).
C_OTHER, C_SPACE, C_LETTER, C_LATIN, C_DIGIT, C_MARK, C_PUNCT = range(7)

ARABIC_MAP = {
    0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627,  # آ أ إ ٱ -> ا
    0x0672: 0x0627, 0x0673: 0x0627, 0x0675: 0x0627,
    0x0649: 0x064A,  # ى -> ي
    0x0629: 0x0647,  # ة -> ه
    0x0624: 0x0648,  # ؤ -> و
    0x0626: 0x064A,  # ئ -> ي
    0x0676: 0x0648, 0x0677: 0x0648,  # waw with high hamza
    0x0678: 0x064A,  # yeh with high hamza
    # Persian / Urdu letter variants
    0x06A9: 0x0643, 0x06AA: 0x0643, 0x06AF: 0x0643,  # ک ڪ گ -> ك
    0x06CC: 0x064A, 0x06D0: 0x064A, 0x06D2: 0x064A, 0x06D3: 0x064A,  # ی ې ے ۓ -> ي
    0x06C1: 0x0647, 0x06C2: 0x0647, 0x06C3: 0x0647, 0x06BE: 0x0647,  # ہ ۂ ۃ ھ -> ه
    0x06D5: 0x0647, 0x06C0: 0x0647,  # ە ۀ -> ه
    0x06C4: 0x0648, 0x06C5: 0x0648, 0x06C6: 0x0648, 0x06C7: 0x0648,
    0x06C8: 0x0648, 0x06C9: 0x0648, 0x06CA: 0x0648, 0x06CB: 0x0648, 0x06CF: 0x0648,
    # letters for foreign sounds, spelled with the plain letter in most news:
    # ڤلاديمير / فلاديمير, پوتين / بوتين, چ ژ
    0x06A4: 0x0641, 0x067E: 0x0628, 0x0686: 0x062C, 0x0698: 0x0632,
    0x066A: ord('%'),  # ٪ Arabic percent sign
    0x066B: ord('.'),  # ٫ Arabic decimal separator
    0x066C: ord(','),  # ٬ Arabic thousands separator
}

# Dropped: invisible formatting (bidi marks and isolates, zero-width
# characters, BOM, soft hyphen), tatweel, and every combining mark of the
# Arabic blocks (harakat, shadda, sukun, superscript alef, Quranic marks).
DROP = set()
DROP.update([0x00AD, 0x061C, 0x0640, 0x180E, 0xFEFF])
DROP.update(range(0xFE00, 0xFE10))  # variation selectors
DROP.update(range(0x200B, 0x2010))
DROP.update(range(0x202A, 0x202F))
DROP.update(range(0x2060, 0x2065))
DROP.update(range(0x2066, 0x206A))
DROP.update(range(0x0610, 0x061B))
DROP.update(range(0x064B, 0x0660))
DROP.add(0x0670)
DROP.update(range(0x06D6, 0x06EE))
for lo, hi in ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900)):
    for cp in range(lo, hi):
        if ud.category(chr(cp)) in ('Mn', 'Me'):
            DROP.add(cp)
DROP.discard(0x200B)  # zero-width space separates words: a space, see cls()

EXTRA_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0x200B}


def is_latin(ch):
    try:
        return 'LATIN' in ud.name(ch)
    except ValueError:
        return False


def folded(cp):
    """The normalized form of cp as a string (None: unchanged)."""
    ch = chr(cp)
    if cp in DROP:
        return ''
    if cp in ARABIC_MAP:
        return chr(ARABIC_MAP[cp])
    cat = ud.category(ch)
    if cat == 'Nd':
        d = str(ud.decimal(ch))
        return None if d == ch else d
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF or 0xFF00 <= cp <= 0xFFEF:
        k = ud.normalize('NFKC', ch)
        if k == ch:
            return None
        out = ''.join(c if folded(ord(c)) is None else folded(ord(c)) for c in k)
        if out.strip(' ') == '':
            return ''  # isolated forms of harakat: " ً" etc.
        if 0xFE70 <= cp <= 0xFEFF or 0xFB50 <= cp <= 0xFDFF:
            out = out.strip(' ')
        return out
    if cat in ('Lu', 'Lt') and is_latin(ch):
        low = ch.lower()
        if cp == 0x0130:
            return 'i'
        if len(low) == 1 and low != ch:
            return low
    return None


def cls(cp):
    ch = chr(cp)
    if cp in EXTRA_SPACE:
        return C_SPACE
    if cp in DROP:
        return C_MARK
    cat = ud.category(ch)
    if cat in ('Zs', 'Zl', 'Zp'):
        return C_SPACE
    if cat == 'Nd':
        return C_DIGIT
    if cat[0] == 'L':
        f = folded(cp)
        if f:  # presentation forms: classify by what they unfold to
            return cls(ord(f[0]))
        if f == '':  # isolated and medial harakat (U+FE70.., U+FC5E..): dropped like the harakat
            return C_MARK
        return C_LATIN if is_latin(ch) else C_LETTER
    if cat in ('Mn', 'Mc', 'Me'):
        return C_MARK
    if cat[0] in ('P', 'S'):
        f = folded(cp)
        if f and f[0] != ch and cls(ord(f[0])) != C_PUNCT and len(f) == 1:
            return cls(ord(f[0]))
        # A sign that unfolds to a word is that word: the rial sign ﷼
        # (U+FDFC) is ريال, so "500 ﷼" is found by a search for ريال.
        if f and len(f) > 1 and all(cls(ord(c)) == C_LETTER for c in f):
            return C_LETTER
        return C_PUNCT
    return C_OTHER


def pages(fn, nil):
    """Two-level table over the BMP: page -> block of 256 entries, deduped."""
    blocks, index = [], []
    seen = {}
    for page in range(256):
        blk = tuple(fn(page * 256 + i) for i in range(256))
        if blk not in seen:
            seen[blk] = len(blocks)
            blocks.append(blk)
        index.append(seen[blk])
    return blocks, index


def main():
    pool = bytearray()
    pool_at = {}

    def norm_entry(cp):
        f = folded(cp)
        if f is None:
            return 0
        if f == '':
            return 1
        b = f.encode('utf-8')
        # tokenize.c reserves NORM_ROOM (64) bytes per code point
        assert len(b) < 48, (hex(cp), len(b))
        if b not in pool_at:
            pool_at[b] = len(pool)
            pool.append(len(b))
            pool.extend(b)
        return 2 + pool_at[b]

    nblocks, nindex = pages(norm_entry, 0)
    cblocks, cindex = pages(cls, C_OTHER)
    w = sys.stdout.write
    w('/* tables.c — GENERATED by src/text/gen_tables.py from Unicode %s; do not edit.\n'
      ' * Character classes and matching normalization for every BMP code point. */\n'
      % ud.unidata_version)
    w('#include "text/tables.h"\n\n')
    w('const uint8_t mz_cclass_index[256] = {\n')
    for i in range(0, 256, 16):
        w('    ' + ', '.join(str(x) for x in cindex[i:i + 16]) + ',\n')
    w('};\n\nconst uint8_t mz_cclass_blocks[%d][256] = {\n' % len(cblocks))
    for blk in cblocks:
        w('    {')
        for i in range(0, 256, 32):
            w(('' if i == 0 else '     ') + ','.join(str(x) for x in blk[i:i + 32]) + ',\n')
        w('    },\n')
    w('};\n\nconst uint8_t mz_norm_index[256] = {\n')
    for i in range(0, 256, 16):
        w('    ' + ', '.join(str(x) for x in nindex[i:i + 16]) + ',\n')
    w('};\n\nconst uint16_t mz_norm_blocks[%d][256] = {\n' % len(nblocks))
    for blk in nblocks:
        w('    {')
        for i in range(0, 256, 16):
            w(('' if i == 0 else '     ') + ','.join(str(x) for x in blk[i:i + 16]) + ',\n')
        w('    },\n')
    w('};\n\n/* Each entry: a length byte, then that many UTF-8 bytes. */\n')
    w('const uint8_t mz_norm_pool[%d] = {\n' % max(1, len(pool)))
    for i in range(0, len(pool), 20):
        w('    ' + ','.join(str(x) for x in pool[i:i + 20]) + ',\n')
    w('};\n')
    assert len(pool) + 2 < 65536


main()
