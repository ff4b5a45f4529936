#!/usr/bin/env python3
"""tiny_lexicon.py: writes a small valid lexicon file holding a few forms of
a compiled one (with their readings) and a few of its suffix rules - the seed
for the fuzz target (tests/fuzz/corpus/lexicon/).

  python3 tools/morph/tiny_lexicon.py data/morph/de.lex OUT.lex [FORM ...]"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexfile  # noqa: E402

DEFAULT = ["die", "Häuser", "Haus", "zum", "ging", "Lieferungen", "Waffen", "Gipfel", "freundlichen", "Umwelt"]


def main(argv):
    src, out = argv[1], argv[2]
    words = [w.encode() for w in (argv[3:] or DEFAULT)]
    r = lexfile.Reader(src)
    data = open(src, "rb").read()
    sect = [struct.unpack_from("<II", data, 16 + 8 * i) for i in range(lexfile.NSECT)]
    tags = sorted({(u, f) for w in words for _, u, f in r.lookup(w)})
    suf = [data[o:o + n] for o, n in sect[9:13]]
    soff = struct.unpack("<%dI" % (len(suf[0]) // 4), suf[0])
    roff = struct.unpack("<%dI" % (len(suf[2]) // 4), suf[2])
    keys, rules = [], []
    for i in range(0, len(soff) - 1, max(1, (len(soff) - 1) // 8)):
        key = suf[1][soff[i]:soff[i + 1]]
        rl = [struct.unpack_from("<IHB", suf[3], 8 * j) for j in range(roff[i], min(roff[i + 1], roff[i] + 3))]
        keys.append(key)
        rules.append([(r.lemmas[a].decode(), (r.tags[t][1], r.tags[t][0]), c) for a, t, c in rl])
    tags = sorted(set(tags) | {t for rl in rules for _, t, _ in rl})
    tag_id = {t: i for i, t in enumerate(tags)}
    forms = sorted(w for w in words if r.lookup(w))
    lemmas = sorted({lem.encode() for w in forms for lem, _, _ in r.lookup(w)} |
                    {a.encode() for rl in rules for a, _, _ in rl})
    lemma_id = {lem: i for i, lem in enumerate(lemmas)}
    sets, set_id, groups = [], {}, []
    for w in forms:
        by = {}
        for lem, u, f in r.lookup(w):
            by.setdefault(lem.encode(), set()).add(tag_id[(u, f)])
        g = []
        for lem in sorted(by):
            key = tuple(sorted(by[lem]))
            set_id.setdefault(key, len(sets))
            if set_id[key] == len(sets):
                sets.append(key)
            g.append((lemma_id[lem], set_id[key]))
        groups.append(g)
    lexfile.write(out, {"forms": forms, "form_groups": groups, "sets": sets, "tags": tags,
                        "lemmas": lemmas, "lemma_bits": max(1, (len(lemmas) - 1).bit_length()),
                        "suffixes": keys,
                        "suffix_rules": [[(lemma_id[a.encode()], tag_id[t], c) for a, t, c in rl] for rl in rules]})


if __name__ == "__main__":
    main(sys.argv)
