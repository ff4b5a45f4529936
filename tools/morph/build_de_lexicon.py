#!/usr/bin/env python3
"""build_de_lexicon.py: compiles LanguageTool's German morphological lexicon
(german-pos-dict: german.dict + sonstige.txt.gz + EIG.txt.gz) into
data/morph/de.lex (format: lexfile.py, data/morph/README.md).

  python3 tools/morph/build_de_lexicon.py /work/shared/data/german-pos-dict data/morph/de.lex

Steps: enumerate the automaton (cfsa2.py), map every LanguageTool tag to UD
readings (ltmap.py), apply the lemma conventions (conventions_de.tsv),
resolve separable particles, contractions and reflexive lemmas, deduplicate,
derive the suffix rules for unknown words (suffixes.py), write. The output is
a pure function of the inputs (sorted everywhere), so reruns give the same bytes."""
import gzip
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cfsa2      # noqa: E402
import lexfile    # noqa: E402
import ltmap      # noqa: E402
import suffixes   # noqa: E402
import udfeat     # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def read_entries(src):
    """Yields (form, lemma, LT tag) as str from the automaton and the text files."""
    fsa = cfsa2.CFSA2(open(os.path.join(src, "german.dict"), "rb").read())
    for seq in fsa.sequences():
        if seq[:1] == b"#":                      # commented-out entries
            continue
        parts = seq.split(b"_", 2)
        if len(parts) != 3 or not parts[0]:
            continue
        lemma = cfsa2.decode_suffix(parts[0], parts[1])
        yield parts[0].decode(), lemma.decode(), parts[2].decode()
    for name in ("sonstige.txt.gz", "EIG.txt.gz"):
        with gzip.open(os.path.join(src, name), "rt", encoding="utf-8") as fp:
            for line in fp:
                f = line.rstrip("\n").split("\t")
                if len(f) == 3 and f[0] and not f[0].startswith("#"):
                    yield f[0], f[1], f[2]


def read_conventions(path):
    conv = {"lemma": {}, "prontype": {}, "add": [], "formlemma": {}, "alsoupos": {},
            "pers": [], "poss": [], "alsoprontype": {}}
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            line = line.split("#", 1)[0].rstrip()
            if not line:
                continue
            f = line.split("\t")
            if f[0] == "lemma":
                conv["lemma"][(f[1], f[2])] = f[3]
            elif f[0] == "prontype":
                conv["prontype"][(f[1], f[2])] = f[3]
            elif f[0] == "formlemma":
                conv["formlemma"][(f[1], f[2], f[3])] = f[4]
            elif f[0] == "alsoupos":
                conv["alsoupos"][(f[1], f[2])] = f[3]
            elif f[0] == "alsoprontype":
                conv["alsoprontype"][(f[1], f[2], f[3])] = f[4]
            elif f[0] == "pers":
                conv["pers"].append((f[1], f[2], f[3], f[4], set(f[5].split(","))))
            elif f[0] == "poss":
                conv["poss"].append((f[1], f[2], f[3]))
            elif f[0] == "add":
                feats = dict(kv.split("=") for kv in f[4].split("|")) if f[4] != "_" else {}
                conv["add"].append((f[1], f[2], f[3], feats))
    return conv


def resolve_pronouns(lex, conv):
    """Personal pronouns and possessives: lemma and Person from the paradigm tables."""
    for form, rs in lex.items():
        for r in [r for r in rs if r[1] in ("PRON", "DET")]:
            f = dict(r[2])
            new = None
            if r[0] in ("ich", "mein") and "Poss" not in f:
                for lemma, person, number, gender, forms in conv["pers"]:
                    if form in forms and number in ("*", f.get("Number", number)) and \
                            gender in ("*", f.get("Gender", gender)):
                        new = (lemma, person)
                        break
            elif f.get("Poss") == "Yes" and "Person" not in f:
                for stem, lemma, person in conv["poss"]:
                    if form.startswith(stem):
                        new = (lemma, person)
                        break
            if new:
                rs.discard(r)
                f["Person"] = new[1]
                rs.add((new[0], r[1], tuple(sorted(f.items()))))


def conv_get(table, lemma, upos):
    return table.get((lemma, upos), table.get((lemma, "*")))


def collect(src, conv):
    """form -> set of (lemma, upos, frozen feats); also the PRP form set."""
    cache, lex, prp = {}, defaultdict(set), set()
    for form, lemma, tag in read_entries(src):
        if tag.startswith("PRP"):
            prp.add(form)
        readings = cache.get(tag)
        if readings is None:
            readings = cache[tag] = [(u, tuple(sorted(f.items()))) for u, f in ltmap.map_tag(tag)]
        for upos, feats in readings:
            lem = conv["formlemma"].get((form, lemma, upos)) or conv_get(conv["lemma"], lemma, upos) or lemma
            pt = conv_get(conv["prontype"], lem, upos)
            if pt and upos in ("DET", "PRON"):
                d = dict(feats)
                d["PronType"] = pt
                feats = tuple(sorted(d.items()))
            lex[form].add((lem, upos, feats))
            pt_also = conv["alsoprontype"].get((lem, upos, dict(feats).get("PronType", "")))
            if pt_also:
                lex[form].add((lem, upos, tuple(sorted(dict(feats, PronType=pt_also).items()))))
            also = conv["alsoupos"].get((lem, upos))
            if also:
                lex[form].add((lem, also, feats))
            if tag.startswith("ADJ:PRD"):          # adverbial use of adjectives
                lex[form].add((lem, "ADV", tuple(kv for kv in feats if kv[0] == "Degree" and kv[1] != "Pos")))
            if upos == "NOUN" and len(form) > 1 and form.isupper():   # acronyms: USA, SPD
                lex[form].add((lem, "PROPN", feats))
    for form, lemma, upos, feats in conv["add"]:
        lex[form].add((lemma, upos, tuple(sorted(feats.items()))))
    return lex, prp


def resolve_particles(lex, prp):
    """ZUS (separable verb particle): ADP if the word is a preposition, else ADV."""
    for form, rs in lex.items():
        zus = [r for r in rs if r[1] == "ZUS"]
        for r in zus:
            rs.discard(r)
            rs.add((r[0], "ADP" if form in prp else "ADV", ()))


ARTICLE_ENDING = {"m": ("Dat", None), "s": ("Acc", "Neut"), "r": ("Dat", "Fem")}


def contraction_prep(form, prp):
    """zum -> zu, im -> in, vom -> von, ins -> in; None if no contraction."""
    if len(form) < 2 or form[-1] not in ARTICLE_ENDING or form[0].isupper():
        return None
    for cand in ((form[:-1] + "n",) if form[-1] == "m" else ()) + (form[:-1],):
        if cand in prp and cand != form:
            return cand
    return None


def resolve_contractions(lex, prp):
    """Preposition+article (am, zum, ins): ADP readings, lemma = the preposition,
    with the article's Case/Number/Gender, Definite=Def and PronType=Art."""
    for form in sorted(prp):
        prep = contraction_prep(form, prp)
        if not prep:
            continue
        case, gender = ARTICLE_ENDING[form[-1]]
        rs = lex[form]
        for r in [r for r in rs if r[1] == "ADP" and r[0] == form]:
            rs.discard(r)
            f = dict(r[2])
            f.update({"Case": f.get("Case", case), "Number": "Sing",
                      "Definite": "Def", "PronType": "Art"})
            if gender:
                f["Gender"] = gender
            rs.add((prep, "ADP", tuple(sorted(f.items()))))


def collapse_plural_gender(lex):
    """UD German leaves Gender unset on plural determiners, pronouns and
    adjectives: readings that differ only in a plural Gender (all three
    present) become one reading without Gender."""
    for form, rs in lex.items():
        groups = defaultdict(set)
        for r in rs:
            f = dict(r[2])
            if r[1] in ("DET", "PRON", "ADJ") and f.get("Number") == "Plur" and "Gender" in f:
                rest = tuple(kv for kv in r[2] if kv[0] != "Gender")
                groups[(r[0], r[1], rest)].add(r)
        for (lemma, upos, rest), members in groups.items():
            if len({dict(m[2])["Gender"] for m in members}) == 3:
                rs.difference_update(members)
                rs.add((lemma, upos, rest))


def resolve_reflexives(lex):
    """mich/uns (PRO:REF, lemma 'sich'): lemma and person of the personal pronoun."""
    for form, rs in lex.items():
        if form.lower() == "sich":               # UD: Person=3, no Number
            for r in [r for r in rs if r[0] == "sich"]:
                rs.discard(r)
                f = {k: v for k, v in r[2] if k not in ("Number", "Gender")}
                f["Person"] = "3"
                rs.add((r[0], r[1], tuple(sorted(f.items()))))
            continue
        refl = [r for r in rs if r[0] == "sich" and dict(r[2]).get("Reflex") == "Yes"]
        pers = [r for r in rs if r[1] == "PRON" and dict(r[2]).get("PronType") == "Prs"
                and "Reflex" not in dict(r[2]) and r[0] != "sich"]
        for r in refl:
            f = dict(r[2])
            match = [p for p in pers if dict(p[2]).get("Case") == f.get("Case")] or pers
            if not match:
                continue
            rs.discard(r)
            for p in match:
                g = dict(p[2])
                g.update({"Reflex": "Yes", "Case": f.get("Case", g.get("Case"))})
                g.pop("Gender", None)
                rs.add((p[0], "PRON", tuple(sorted((k, v) for k, v in g.items() if v))))


def assemble(lex):
    """Numbers lemmas, tags and tag sets; returns the structure lexfile.write takes."""
    forms = sorted(lex, key=lambda s: s.encode())
    tagset = sorted({(udfeat.UPOS_ID[r[1]], udfeat.pack(dict(r[2])))
                     for rs in lex.values() for r in rs})
    tag_id = {t: i for i, t in enumerate(tagset)}
    rules = suffixes.derive(lex, forms, tag_id)
    lemmas = sorted({r[0] for rs in lex.values() for r in rs} |
                    {a for rl in rules.values() for a, _, _ in rl}, key=lambda s: s.encode())
    lemma_id = {lem: i for i, lem in enumerate(lemmas)}
    sets, set_id, form_groups = [], {}, []
    for form in forms:
        by_lemma = defaultdict(set)
        for lemma, upos, feats in lex[form]:
            by_lemma[lemma].add(tag_id[(udfeat.UPOS_ID[upos], udfeat.pack(dict(feats)))])
        groups = []
        for lemma in sorted(by_lemma, key=lambda s: s.encode()):
            key = tuple(sorted(by_lemma[lemma]))
            if key not in set_id:
                set_id[key] = len(sets)
                sets.append(key)
            groups.append((lemma_id[lemma], set_id[key]))
        form_groups.append(groups)
    bits = max(1, (len(lemmas) - 1).bit_length())
    if len(sets) >= 1 << (32 - bits) or len(tagset) >= 1 << 16:
        raise SystemExit("lexicon too large for the format (%d lemmas, %d sets)" % (len(lemmas), len(sets)))
    keys = sorted(rules, key=lambda s: s.encode())
    return {
        "forms": [f.encode() for f in forms], "form_groups": form_groups, "sets": sets,
        "tags": tagset, "lemmas": [lem.encode() for lem in lemmas], "lemma_bits": bits,
        "suffixes": [k.encode() for k in keys],
        "suffix_rules": [[(lemma_id[a], t, c) for a, t, c in rules[k]] for k in keys],
    }


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: build_de_lexicon.py GERMAN_POS_DICT_DIR OUT.lex")
    conv = read_conventions(os.path.join(HERE, "conventions_de.tsv"))
    lex, prp = collect(argv[1], conv)
    resolve_particles(lex, prp)
    resolve_contractions(lex, prp)
    resolve_pronouns(lex, conv)
    resolve_reflexives(lex)
    collapse_plural_gender(lex)
    out = assemble(lex)
    lexfile.write(argv[2], out)
    print("%s: %d forms, %d lemmas, %d tags, %d tag sets, %d suffix keys" % (
        argv[2], len(out["forms"]), len(out["lemmas"]), len(out["tags"]),
        len(out["sets"]), len(out["suffixes"])))


if __name__ == "__main__":
    main(sys.argv)
