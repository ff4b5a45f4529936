"""udfeat.py: the UD part-of-speech numbers and the packed feature fields of
src/doc.h (enum lb_upos, LB_FEAT_*), mirrored for the converter. Keep in sync
with doc.h; the C unit test checks a few packed values."""

UPOS = ["X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
        "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"]
UPOS_ID = {name: i for i, name in enumerate(UPOS)}

# feature -> (shift, mask, {UD value: number})
FIELDS = {
    "Case": (0, 7, {"Nom": 1, "Acc": 2, "Dat": 3, "Gen": 4}),
    "Number": (3, 3, {"Sing": 1, "Plur": 2}),
    "Gender": (5, 3, {"Masc": 1, "Fem": 2, "Neut": 3}),
    "Person": (7, 3, {"1": 1, "2": 2, "3": 3}),
    "Tense": (9, 3, {"Pres": 1, "Past": 2}),
    "Mood": (11, 3, {"Ind": 1, "Sub": 2, "Imp": 3}),
    "VerbForm": (13, 7, {"Fin": 1, "Inf": 2, "Part": 3, "Ger": 4}),
    "Degree": (16, 3, {"Pos": 1, "Cmp": 2, "Sup": 3}),
    "Definite": (18, 3, {"Def": 1, "Ind": 2}),
    "PronType": (20, 15, {"Prs": 1, "Art": 2, "Dem": 3, "Rel": 4, "Int": 5,
                          "Ind": 6, "Neg": 7, "Tot": 8, "Rcp": 9}),
    "Reflex": (24, 1, {"Yes": 1}),
    "Poss": (25, 1, {"Yes": 1}),
    "Polarity": (26, 1, {"Neg": 1}),
}


def pack(feats: dict) -> int:
    """{'Case': 'Nom', ...} -> packed 32-bit value (unknown values ignored)."""
    v = 0
    for name, value in feats.items():
        field = FIELDS.get(name)
        if field and value in field[2]:
            v |= field[2][value] << field[0]
    return v


def unpack(v: int) -> dict:
    out = {}
    for name, (shift, mask, values) in FIELDS.items():
        n = (v >> shift) & mask
        if n:
            for value, num in values.items():
                if num == n:
                    out[name] = value
    return out


def get(v: int, name: str) -> str:
    return unpack(v).get(name, "")
