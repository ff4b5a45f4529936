#!/usr/bin/python3
"""gen_en_nouns.py: derives data/events/en.wordnet.patterns, the deverbal event
nouns of the English trigger verbs, from English WordNet 3.0 (Princeton
WordNet licence; Debian wordnet-base).

For every plain verb of the hand-written and PETRARCH pattern files (kind V,
no obj= condition), the derivationally related nouns of its three most
frequent WordNet senses that name an act, a communication or an event
(lexicographer files noun.act, noun.communication, noun.event; not persons:
attacker) become NS patterns of the verb's type: an event only when one
of the type's support verbs (SUP) stands in the clause (launch an invasion, make an accusation),
so that background mentions (since the invasion) code nothing. Then the
hyponyms of the event nouns in ROOTS (a chosen WordNet sense each: attack ->
air raid, counterattack; protest -> sit-in) become NS patterns of the root's
type; a multiword noun whose last word already has a noun pattern is left out
(terrorist attack: attack). A noun whose
Snowball stem already has a noun pattern is left alone, and so are the nouns
listed in data/events/en.wordnet.exclude. Needs Debian wordnet-base and
python3-snowballstemmer (the stems the loader computes). Run from the
repository root:

    /usr/bin/python3 tools/gen_en_nouns.py > data/events/en.wordnet.patterns
"""
import os
import sys

import snowballstemmer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from patternfile import pattern_lines, read_words  # noqa: E402
from wordnet import WordNet, LEX  # noqa: E402

SOURCES = ("data/events/en.patterns", "data/events/en.frames.patterns",
           "data/events/en.vocab.patterns", "data/events/en.petrarch.patterns")
KEYED = SOURCES + ("data/events/en.petrarch.context.patterns",)
EVENT_LEX = {"noun.act", "noun.communication", "noun.event"}
NOUN_ARGS = {
    "AGREE": "rec=with|to,conf=0.5",
    "CONSULT": "rec=with,conf=0.5",
    "SUPPORT": "rec=for|of|to,conf=0.5",
    "CONCEDE": "rec=to,conf=0.5",
    "COOPERATE": "rec=with,conf=0.5",
    "AID": "rec=to|for,conf=0.5",
    "RETREAT": "rec=from|of,conf=0.5",
    "REQUEST": "rec=to|on|from,conf=0.5",
    "ACCUSE": "rec=of|against,conf=0.5",
    "REJECT": "rec=of,conf=0.5",
    "THREATEN": "rec=to|against,conf=0.5",
    "PROTEST": "rec=against,rec=none,conf=0.5",
    "SANCTION": "rec=on|against,conf=0.5",
    "MOBILIZE": "rec=to|near|in,rec=none,conf=0.5",
    "COERCE": "rec=of|on|against,conf=0.5",
    "ASSAULT": "rec=on|against|of|into,rec=none,conf=0.5",
}


# the support verbs of each type's event nouns (sup=): launch an attack, make an
# accusation, hold talks; forms are stemmed by the loader, irregular ones listed
SUP = {
    "AGREE": "make made give gave given offer sign reach reached announce renew reaffirm",
    "CONSULT": "hold held have had conduct begin began begun start open resume host",
    "SUPPORT": "express voice offer extend give gave given declare pledge",
    "CONCEDE": "make made offer announce grant",
    "COOPERATE": "announce begin began begun start sign make made launch",
    "AID": "make made provide send sent deliver give gave given announce pledge",
    "RETREAT": "announce begin began begun start complete order carry",
    "REQUEST": "make made issue submit file send sent lodge present renew",
    "ACCUSE": "make made level file lodge bring brought issue voice express",
    "REJECT": "issue announce express voice",
    "THREATEN": "issue make made deliver send sent",
    "PROTEST": "hold held stage organize organise launch begin began begun lead led",
    "SANCTION": "impose announce order carry",
    "MOBILIZE": "order announce begin began begun carry launch",
    "COERCE": "impose carry conduct order make made",
    "ASSAULT": "launch carry conduct mount stage wage commit perpetrate order",
}


# event nouns of WordNet whose hyponyms name events of one type: (lemma, sense
# number in WordNet order, 0 = most frequent, depth, type, CAMEO, mode)
ROOTS = [
    ("attack", 0, 2, "ASSAULT", "190", "-"), ("killing", 1, 2, "ASSAULT", "1823", "-"),
    ("bombing", 0, 2, "ASSAULT", "195", "-"), ("assault", 0, 1, "ASSAULT", "180", "-"),
    ("kidnapping", 0, 1, "ASSAULT", "181", "abduct"), ("torture", 0, 1, "ASSAULT", "1822", "torture"),
    ("arrest", 0, 1, "COERCE", "173", "arrest"), ("seizure", 1, 1, "COERCE", "171", "seize"),
    ("confiscation", 0, 1, "COERCE", "171", "seize"), ("censorship", 0, 1, "COERCE", "1721", "restrict"),
    ("deportation", 0, 1, "COERCE", "174", "deport"), ("imprisonment", 0, 1, "COERCE", "173", "arrest"),
    ("suppression", 0, 1, "COERCE", "175", "repress"),
    ("protest", 1, 2, "PROTEST", "141", "demo"), ("demonstration", 4, 2, "PROTEST", "141", "demo"),
    ("strike", 0, 1, "PROTEST", "143", "strike"), ("riot", 0, 1, "PROTEST", "145", "demo"),
    ("embargo", 0, 1, "SANCTION", "163", "-"),
    ("agreement", 0, 2, "AGREE", "057", "-"), ("promise", 0, 1, "AGREE", "030", "-"),
    ("negotiation", 0, 2, "CONSULT", "046", "-"), ("conference", 0, 1, "CONSULT", "040", "-"),
    ("meeting", 0, 1, "CONSULT", "040", "-"), ("visit", 0, 1, "CONSULT", "042", "visit"),
    ("consultation", 0, 1, "CONSULT", "040", "-"),
    ("approval", 3, 1, "SUPPORT", "051", "-"), ("approval", 0, 1, "SUPPORT", "050", "-"),
    ("concession", 2, 1, "CONCEDE", "080", "-"), ("apology", 0, 1, "CONCEDE", "055", "-"),
    ("cooperation", 0, 1, "COOPERATE", "060", "-"),
    ("aid", 1, 1, "AID", "070", "-"), ("aid", 2, 2, "AID", "071", "economic"),
    ("withdrawal", 2, 2, "RETREAT", "0872", "withdraw"), ("release", 1, 1, "RETREAT", "0841", "release"),
    ("surrender", 0, 1, "RETREAT", "0874", "disarm"), ("disarmament", 0, 1, "RETREAT", "087", "disarm"),
    ("request", 0, 1, "REQUEST", "100", "-"), ("request", 1, 1, "REQUEST", "100", "-"),
    ("demand", 0, 1, "REQUEST", "100", "-"),
    ("accusation", 0, 2, "ACCUSE", "112", "allege"), ("criticism", 0, 2, "ACCUSE", "111", "disapprove"),
    ("complaint", 0, 1, "ACCUSE", "111", "disapprove"), ("investigation", 1, 1, "ACCUSE", "090", "investigate"),
    ("refusal", 0, 2, "REJECT", "120", "-"), ("rejection", 0, 1, "REJECT", "120", "-"),
    ("threat", 1, 2, "THREATEN", "130", "-"), ("threat", 2, 2, "THREATEN", "130", "-"),
    ("mobilization", 0, 1, "MOBILIZE", "154", "troops"), ("deployment", 0, 1, "MOBILIZE", "154", "troops"),
    ("war", 0, 2, "ASSAULT", "190", "-"), ("warfare", 0, 2, "ASSAULT", "190", "-"),
    ("fighting", 0, 2, "ASSAULT", "190", "-"), ("terrorism", 0, 2, "ASSAULT", "180", "-"),
    ("punishment", 0, 2, "COERCE", "172", "-"), ("persecution", 0, 2, "COERCE", "175", "repress"),
    ("harassment", 1, 2, "COERCE", "175", "repress"), ("expulsion", 0, 2, "COERCE", "174", "deport"),
    ("expulsion", 2, 2, "COERCE", "174", "deport"),
    ("lawsuit", 0, 2, "ACCUSE", "115", "allege"), ("denunciation", 0, 2, "ACCUSE", "111", "disapprove"),
    ("rebuke", 0, 2, "ACCUSE", "111", "disapprove"),
    ("praise", 0, 2, "SUPPORT", "051", "-"),
    ("promise", 0, 2, "AGREE", "030", "-"), ("pledge", 3, 2, "AGREE", "030", "-"),
    ("commitment", 3, 2, "AGREE", "030", "-"), ("treaty", 0, 2, "AGREE", "057", "-"),
    ("pact", 0, 2, "AGREE", "057", "-"),
    ("warning", 0, 2, "THREATEN", "130", "-"),
    ("rescue", 0, 2, "AID", "073", "humanitarian"),
    ("appeal", 0, 2, "REQUEST", "100", "-"), ("objection", 1, 2, "REJECT", "120", "-"),
    ("mediation", 0, 2, "CONSULT", "045", "mediate"), ("dialogue", 3, 2, "CONSULT", "040", "-"),
    ("talk", 0, 2, "CONSULT", "040", "-"),
]


def main():
    stem = snowballstemmer.stemmer("english").stemWord
    noun_keys = set()
    for name in KEYED:
        for f in pattern_lines(name):
            if f[4] in ("N", "NS") or f[1] == "-":
                for w in f[5].split():
                    if "_" not in w:
                        noun_keys.add(stem(w.lstrip("=~").lower()))
    verbs = []        # (lemma, type, cameo, mode) in file order, first wins
    seen_verbs = set()
    for name in SOURCES:
        for f in pattern_lines(name):
            args = f[6] if len(f) > 6 else ""
            if f[4] != "V" or f[1] == "-" or "obj=" in args or "act=speaker" in args:
                continue
            for w in f[5].split():
                w = w.lower()
                if "_" in w or w.startswith(("=", "~")) or w in seen_verbs:
                    continue
                seen_verbs.add(w)
                verbs.append((w, f[1], f[3], f[2]))
    wn = WordNet()
    exclude = read_words("data/events/en.wordnet.exclude")
    out, done = [], set()
    for lemma, typ, cameo, mode in verbs:
        if lemma not in wn.index["verb"]:
            continue
        for noun, ss in wn.derived(lemma, "verb"):
            if LEX.get(ss.lexfile) not in EVENT_LEX or "_" in noun or noun in exclude:
                continue
            key = stem(noun)
            if key in noun_keys or key in done:
                continue
            done.add(key)
            out.append(f"en.wn.{noun}\t{typ}\t{mode}\t{cameo}\tNS\t{noun}\t{NOUN_ARGS[typ]},sup={SUP[typ].replace(' ', '|')}")
    # hyponyms of the event nouns in ROOTS (air raid, sit-in, peace treaty)
    for lemma, sense, depth, typ, cameo, mode in ROOTS:
        senses = wn.senses(lemma, "noun")
        if sense >= len(senses):
            continue
        root = senses[sense]
        for ss in [root] + wn.hyponyms(root, depth):
            if LEX.get(ss.lexfile) not in EVENT_LEX:
                continue
            for noun in ss.words:
                noun = noun.split("(")[0]
                words = noun.split("_")
                if noun in exclude or len(words) > 3 or not all(w.isalpha() and w.islower() for w in words):
                    continue
                key = stem(words[-1]) if len(words) > 1 else stem(noun)
                if key in noun_keys or noun in done or key in done:
                    continue
                done.add(noun if len(words) > 1 else key)
                out.append(f"en.wn.{noun}\t{typ}\t{mode}\t{cameo}\tNS\t{noun}\t{NOUN_ARGS[typ]},sup={SUP[typ].replace(' ', '|')}")
    print("# en.wordnet.patterns: GENERATED by tools/gen_en_nouns.py: the deverbal event nouns")
    print("# (WordNet 3.0 derivations, noun.act/communication/event) of the English trigger verbs,")
    print("# each an NS pattern of its verb's type with that type's support verbs. Do not edit; edit en.wordnet.exclude.")
    for line in out:
        print(line)
    print(f"# {len(out)} nouns", file=sys.stderr)


if __name__ == "__main__":
    main()
