#!/usr/bin/env python3
"""gen_de_patterns.py: derives data/events/de.wdict.patterns, German event
verbs and nouns for all PLOVER types, from three sources:

  1. the PETRARCH2 CAMEO verb dictionary (MIT licence, Open Event Data
     Alliance): every English verb with its CAMEO code (the verb's own [code]
     or its block's), mapped to a PLOVER type with CAMEO2PLOVER-2021;
  2. the German-English FreeDict dictionary (Ding; Debian dict-freedict-deu-eng,
     GPL/AGPL, used as a look-up only: no text of it is copied, only the
     German headword is kept): a German verb (<v>) or noun (<n>) whose English
     glosses are CAMEO verbs of one PLOVER type becomes a candidate of that type;
  3. the deverbal -ung nouns of the verbs in de.patterns, de.vocab.patterns and de.vocab2.patterns
     that the dictionary knows as nouns (verhaften -> Verhaftung), with the
     verb's type;
  4. the hand review in data/events/de.wdict.review: every candidate is listed
     there with a verdict ('+' keep, '-' drop, 'N' keep as a noun that needs a
     support verb); candidates without a verdict are written to stderr and not
     used.

A German word is a candidate of type T only when its glosses agree: at least
two distinct English glosses are CAMEO verbs of T, and they make up at least
half of all its glosses (no statement verbs, CAMEO 01). Verbs get the type's default
arguments (roles below), nouns the noun arguments; separable verbs are written
as particle+verb. Words that de.patterns or de.vocab.patterns already list
(and de.vocab2.patterns) are left out (the hand-written patterns are loaded first and win anyway).

Run from the repository root (Python 3 standard library only):

    python3 tools/gen_de_patterns.py /work/shared/data/petrarch2/dictionaries/CAMEO.verbpatterns.150430.txt \\
        /work/shared/data/plover/CAMEO2PLOVER-2021.txt /usr/share/dictd/freedict-deu-eng.dict.dz \\
        > data/events/de.wdict.patterns
"""
import gzip
import re
import sys
from collections import defaultdict

# verb arguments per PLOVER type (prepositions declared in data/events/de.cues)
VERB_ARGS = {
    "AGREE": "rec=obj,rec=mit", "CONSULT": "rec=obj,rec=mit", "SUPPORT": "rec=obj",
    "CONCEDE": "rec=obj,rec=gegenüber", "COOPERATE": "rec=mit", "AID": "rec=obj,rec=an",
    "RETREAT": "rec=obj,rec=aus", "REQUEST": "rec=obj,rec=von", "ACCUSE": "rec=obj,rec=gegen",
    "REJECT": "rec=obj", "THREATEN": "rec=obj,rec=gegen", "PROTEST": "rec=gegen,rec=none",
    "SANCTION": "rec=obj,rec=gegen", "MOBILIZE": "rec=nach,rec=none", "COERCE": "rec=obj",
    "ASSAULT": "rec=obj,rec=gegen|auf,rec=none",
}
# noun arguments: the counterpart after a preposition; rec=obj where the noun's
# genitive is the verb's object (die Bewaffnung der Kurden, die Ermordung des
# Botschafters: the recipient, not the actor), act=durch|seitens its doer
NOUN_ARGS = {
    "AGREE": "rec=mit", "CONSULT": "rec=mit", "SUPPORT": "rec=obj,rec=für,act=durch|seitens",
    "CONCEDE": "rec=gegenüber", "COOPERATE": "rec=mit", "AID": "rec=obj,rec=für|an,act=durch|seitens",
    "RETREAT": "rec=obj,rec=aus,act=durch|seitens", "REQUEST": "rec=an",
    "ACCUSE": "rec=obj,rec=gegen,act=durch|seitens", "REJECT": "rec=obj,rec=gegen,act=durch|seitens",
    "THREATEN": "rec=obj,rec=gegen,act=durch|seitens", "PROTEST": "rec=gegen,rec=none",
    "SANCTION": "rec=obj,rec=gegen,act=durch|seitens", "MOBILIZE": "rec=nach,rec=none",
    "COERCE": "rec=obj,rec=gegen,act=durch|seitens", "ASSAULT": "rec=obj,rec=gegen|auf,rec=none,act=durch|seitens",
}
# support verbs of nouns marked 'N' in the review (the noun is an event only with one of them)
NOUN_SUPPORT = ("sup=verüben|verübt|verübte|verübten|starten|startete|gestartet|beginnen|begann|begonnen|"
                "durchführen|führte|durchgeführt|ausführen|ausgeführt|unternehmen|unternahm|unternommen|"
                "verhängen|verhängte|verhängt|ankündigen|kündigte|angekündigt|anordnen|ordnete|angeordnet|"
                "fliegen|flog|flogen|geflogen|erheben|erhob|erhoben|leisten|leistete|geleistet|"
                "kommen|kam|kamen|gekommen|organisieren|organisierte|organisiert|abhalten|hielt|abgehalten")
PARTICLES = ("zurück", "zusammen", "fest", "frei", "nieder", "entgegen", "gegenüber", "vorbei", "weiter",
             "heraus", "hinaus", "herab", "hinein", "auf", "aus", "ab", "an", "bei", "ein", "mit", "nach",
             "vor", "weg", "zu", "los", "statt", "teil", "fort", "dar", "kund", "gut", "bloß")


ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def read_plover(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def plover_of(code, table):
    if code.startswith("01"):
        return "STATEMENT"
    c = code
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return "REQUEST" if code.startswith("02") else None


def read_cameo_verbs(path, table):
    """English verb -> set of PLOVER types (STATEMENT for CAMEO 01)"""
    types = defaultdict(set)
    block = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            c = m.group(2).split(":")[0]
            block = c if re.match(r"^\d+$", c) else None
            continue
        if line.startswith("~~"):
            break
        if not line.strip() or line[0] in "#-&=+":
            continue
        body = line.split("#", 1)[0]
        m = re.search(r"\[(\d+)(?::\d+)?\]", body)
        code = m.group(1) if m else block
        word = re.sub(r"\{.*?\}|\[.*?\]", "", body).split()
        if not code or not word or not re.match(r"^[A-Z]+$", word[0]):
            continue
        t = plover_of(code, table)
        if t:
            types[word[0].lower()].add(t)
    return types


def read_freedict(path):
    """German headword -> (pos 'v'/'n', [English gloss heads])"""
    out = defaultdict(lambda: [None, []])
    lines = gzip.open(path, "rt", encoding="utf-8", errors="replace").read().split("\n")
    for i, line in enumerate(lines[:-1]):
        m = re.match(r"^(\S(?:[^/<]*\S)?) /[^/]*/(?: <([^>]*)>)?\s*$", line)
        if not m:
            continue
        head, tags = m.group(1), m.group(2) or ""
        gloss = re.sub(r"\[[^\]]*\]", "", lines[i + 1]).strip()
        for item in gloss.split(","):
            im = re.match(r"^\s*(?:to )?([a-z]+)(?:\s+(?:sb\.|sth\.|sb\./sth\.|on|against|with|for|at|to|up|down|off|out|back))*\s*<(v|n)>", item.strip())
            if not im:
                continue
            pos = im.group(2)
            if pos == "v" and not re.match(r"^(sich )?[a-zäöüß]+(en|ern|eln)$", head):
                continue
            if pos == "n" and not (re.match(r"^[A-ZÄÖÜ][a-zäöüß]+$", head) and ("n" in tags.split(", ") or "fem" in tags or "masc" in tags or "neut" in tags)):
                continue
            e = out[(head, pos)]
            e[1].append(im.group(1))
    return out


def candidate_type(glosses, verbs):
    """the PLOVER type of a German word whose distinct English glosses agree:
    at least two of them are CAMEO verbs of that type, and they are at least
    half of all its glosses; None otherwise (or for statements)"""
    glosses = sorted(set(glosses))
    counts = defaultdict(int)
    for g in glosses:
        for t in verbs.get(g, ()):
            counts[t] += 1
    if not counts:
        return None
    t, c = max(sorted(counts.items()), key=lambda kv: kv[1])
    if t == "STATEMENT" or c < 2 or c * 2 < len(glosses):
        return None
    return t


def existing_words():
    words = set()
    for fn in ("data/events/de.patterns", "data/events/de.vocab.patterns", "data/events/de.vocab2.patterns"):
        for line in open(fn, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(f) < 6:
                continue
            for w in f[5].split():
                w = w.lstrip("~=").rstrip("*").replace("+", "").lower()
                words.add(w)
    return words


def verb_form(head):
    """'sich weigern' -> 'weigern'; 'zurückziehen' -> 'zurück+ziehen'"""
    w = head.split()[-1]
    for p in PARTICLES:
        if w.startswith(p) and len(w) >= len(p) + 5:
            return p + "+" + w[len(p):]
    return w


def deverbal_nouns(verb):
    """the -ung nouns a verb pattern's infinitive may form (verhaften ->
    verhaftung, sanktionieren -> sanktionierung, verzögern -> verzögerung)"""
    w = verb.replace("+", "").rstrip("*")
    if w.endswith("ern") or w.endswith("eln"):
        return [w[:-1] + "ung"]
    if w.endswith("en"):
        return [w[:-2] + "ung"]
    return []


def verb_patterns():
    """(type, infinitive) of the verb patterns of the hand-written files"""
    out = []
    for fn in ("data/events/de.patterns", "data/events/de.vocab.patterns", "data/events/de.vocab2.patterns"):
        for line in open(fn, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(f) < 6 or f[4] != "V" or f[1] == "-":
                continue
            if len(f) > 6 and "obj=" in f[6]:
                continue          # a reading that needs its object: the noun has no such check
            for w in f[5].split():
                if w.endswith("*") or (w.endswith("en") and not w.startswith("=") and "_" not in w):
                    out.append((f[1], w.rstrip("*")))
    return out


def read_review(path):
    verdicts = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        f = line.split("\t")
        if len(f) < 3 or f[0] not in ("+", "-", "N"):
            sys.exit(f"{path}:{n}: expected 'VERDICT TAB word TAB TYPE'")
        verdicts[(f[1], f[2])] = f[0]
    return verdicts


def main():
    verbs = read_cameo_verbs(sys.argv[1], read_plover(sys.argv[2]))
    dic = read_freedict(sys.argv[3])
    known = existing_words()
    review = read_review("data/events/de.wdict.review")
    rows, pending = [], []
    nouns = {head.lower(): head for (head, pos) in dic if pos == "n"}
    cands = {}
    for t, verb in verb_patterns():
        for n in deverbal_nouns(verb):
            if n in nouns:
                cands.setdefault((nouns[n], "n"), t)
    for (head, pos), (_, glosses) in sorted(dic.items()):
        t = candidate_type(glosses, verbs)
        if t:
            cands.setdefault((head, pos), t)
    for (head, pos), t in sorted(cands.items()):
        glosses = dic.get((head, pos), [None, []])[1]
        word = verb_form(head) if pos == "v" else "~" + head.lower()
        if word.replace("+", "").lstrip("~") in known:
            continue
        v = review.get((word, t))
        if v is None:
            pending.append(f"?\t{word}\t{t}\t# {' '.join(sorted(set(glosses)))}")
            continue
        if v == "-":
            continue
        rows.append((t, pos, word, v))
    print("# de.wdict.patterns: GENERATED by tools/gen_de_patterns.py from the PETRARCH2 CAMEO")
    print("# verb dictionary (MIT), CAMEO2PLOVER and FreeDict deu-eng (look-up only), reviewed")
    print("# entry by entry in de.wdict.review; do not edit, edit the review or the generator.")
    print("# Loaded after de.patterns and de.vocab.patterns, whose patterns win.")
    order = list(VERB_ARGS)
    n = 0
    for t, pos, word, v in sorted(rows, key=lambda r: (order.index(r[0]), r[1], r[2])):
        ident = "dw." + word.replace("+", "").lstrip("~").translate(ASCII)
        if pos == "v":
            print(f"{ident}\t{t}\t-\t-\tV\t{word}\t{VERB_ARGS[t]},conf=0.5")
        elif v == "N":
            print(f"{ident}\t{t}\t-\t-\tNS\t{word}\t{NOUN_ARGS[t]},{NOUN_SUPPORT},conf=0.5")
        else:
            print(f"{ident}\t{t}\t-\t-\tN\t{word}\t{NOUN_ARGS[t]},conf=0.5")
        n += 1
    for p in pending:
        print(p, file=sys.stderr)
    print(f"# {n} patterns, {len(pending)} candidates without a verdict", file=sys.stderr)


if __name__ == "__main__":
    main()
