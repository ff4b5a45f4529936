"""ltmap.py: maps one LanguageTool German tag (german_tags.txt; documented in
wklassen.pdf) to UD readings: a list of (UPOS, {feature: value}). The lexical
conventions that depend on the lemma (PronType=Tot for 'all', lemma spellings
as in UD German GSD) come from conventions_de.tsv, not from here."""

CASES = {"NOM": "Nom", "AKK": "Acc", "DAT": "Dat", "GEN": "Gen"}
NUMBERS = {"SIN": "Sing", "PLU": "Plur"}
GENDERS = {"MAS": "Masc", "FEM": "Fem", "NEU": "Neut"}
DEGREES = {"GRU": "Pos", "KOM": "Cmp", "SUP": "Sup"}
PERSONS = {"1": "1", "2": "2", "3": "3"}
MOODS = {"PRÄ": ("Ind", "Pres"), "PRT": ("Ind", "Past"),
         "KJ1": ("Sub", "Pres"), "KJ2": ("Sub", "Past")}


def nominal(parts):
    """Case, Number, Gender, Degree found anywhere in the tag."""
    f = {}
    for p in parts:
        if p in CASES:
            f["Case"] = CASES[p]
        elif p in NUMBERS:
            f["Number"] = NUMBERS[p]
        elif p in GENDERS:
            f["Gender"] = GENDERS[p]
        elif p in DEGREES:
            f["Degree"] = DEGREES[p]
    return f


def verbal(parts):
    f = {}
    for p in parts:
        if p in PERSONS:
            f["Person"] = PERSONS[p]
        elif p in NUMBERS:
            f["Number"] = NUMBERS[p]
        elif p in MOODS:
            f["Mood"], f["Tense"] = MOODS[p]
            f["VerbForm"] = "Fin"
        elif p == "IMP":
            f["Mood"], f["VerbForm"] = "Imp", "Fin"
        elif p in ("INF", "EIZ"):
            f["VerbForm"] = "Inf"
        elif p in ("PA1", "PA2"):
            f["VerbForm"] = "Part"             # UD German: no Tense on participles
    if f.get("Mood") == "Imp" and "Person" not in f:
        f["Person"] = "2"
    return f


def map_verb(parts):
    f = verbal(parts)
    if "AUX" in parts:
        return [("AUX", f)]
    if "MOD" in parts:                   # modals: AUX in UD German, VERB when alone
        return [("AUX", f), ("VERB", f)]
    return [("VERB", f)]


def map_pronoun(parts):
    """PRO:PER/REF/POS/DEM/IND/RIN; BEG = attributive (DET), STV = standing
    alone (PRON), B/S = both."""
    sub = parts[1] if len(parts) > 1 else ""
    f = nominal(parts)
    for p in parts:
        if p in PERSONS:
            f["Person"] = p
    kinds = {"PER": ("Prs",), "REF": ("Prs",), "POS": ("Prs",), "DEM": ("Dem",),
             "IND": ("Ind",), "RIN": ("Int", "Rel")}.get(sub, ("",))
    if sub == "REF":
        f["Reflex"] = "Yes"
    if sub == "POS":
        f["Poss"] = "Yes"
    if "BEG" in parts:
        upos = ("DET",)
    elif "STV" in parts or sub in ("PER", "REF"):
        upos = ("PRON",)
    elif "B/S" in parts:
        upos = ("DET", "PRON")
    else:
        upos = ("PRON",)
    out = []
    for u in upos:
        for k in kinds:
            g = dict(f)
            if k:
                g["PronType"] = k
            if u == "DET" and sub == "DEM" and "Person" in g:
                del g["Person"]
            out.append((u, g))
    return out


def map_preposition(parts):
    """PRP:LOK+TMP:DAT+AKK -> one ADP reading per governed case."""
    cases = [CASES[c] for c in parts[-1].split("+") if c in CASES]
    if not cases:
        return [("ADP", {})]
    return [("ADP", {"Case": c}) for c in cases]


def map_abbreviation(parts):
    kind = parts[-1]
    upos = {"SUB": "NOUN", "ADJ": "ADJ", "PRO": "PRON", "VER": "VERB",
            "ADV": "ADV", "PAR": "ADV"}.get(kind, "X")
    return [(upos, {})]


def map_tag(tag):
    parts = tag.split(":")
    head = parts[0]
    if head == "SUB":
        return [("NOUN", nominal(parts))]
    if head == "EIG":
        return [("PROPN", nominal(parts))]
    if head in ("ADJ", "PA1", "PA2"):
        f = nominal(parts)
        f.setdefault("Degree", "Pos")
        return [("ADJ", f)]
    if head == "VER":
        return map_verb(parts)
    if head == "ART":
        f = nominal(parts)
        f["PronType"] = "Art"
        f["Definite"] = "Def" if "DEF" in parts else "Ind"
        return [("DET", f)]
    if head == "PRO":
        return map_pronoun(parts)
    if head == "PRP":
        return map_preposition(parts)
    if head == "ADV":
        sub = parts[1] if len(parts) > 1 else ""
        if "PRO" in sub.split("+"):
            return [("ADV", {"PronType": "Dem"})]
        if "INR" in sub.split("+"):
            return [("ADV", {"PronType": "Int"}), ("ADV", {})]
        return [("ADV", {})]
    if head == "KON":
        sub = parts[1] if len(parts) > 1 else ""
        return {"NEB": [("CCONJ", {})], "UNT": [("SCONJ", {})],
                "VGL": [("CCONJ", {}), ("SCONJ", {})], "INF": [("SCONJ", {})],
                "PRI": [("ADV", {})]}.get(sub, [("CCONJ", {})])
    if head == "NEG":
        return [("PART", {"Polarity": "Neg"}), ("ADV", {})]   # nicht PART, nie/niemals ADV
    if head == "ZAL":
        return [("NUM", {})]
    if head == "ZUS":
        return [("ZUS", {})]              # resolved by the builder (ADP or ADV)
    if head == "INJ":
        return [("INTJ", {})]
    if head == "ABK":
        return map_abbreviation(parts)
    return [("X", {})]
