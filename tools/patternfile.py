"""patternfile.py: reading the event pattern files and word lists for the
generators in tools/ (gen_en_verbs.py, gen_en_nouns.py).

pattern_lines(name) yields the tab-split fields of every pattern line (not a
comment, at least six fields) of data/events/<name>; a missing file yields
nothing. read_words(name) is the set of lower-cased words of a word list
(text after '#' is a comment); a missing file is the empty set.
"""


def pattern_lines(name):
    try:
        for line in open(name, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(f) >= 6:
                yield f
    except FileNotFoundError:
        return


def read_words(name):
    out = set()
    try:
        for line in open(name, encoding="utf-8"):
            out.update(line.split("#", 1)[0].lower().split())
    except FileNotFoundError:
        pass
    return out
