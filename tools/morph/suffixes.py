"""suffixes.py: derives the suffix rules for unknown words from the lexicon
itself. Key = class ('U' capitalised form, 'l' otherwise) + the form's last
1-5 characters; its rules are the most frequent (appended string, tag, bytes
cut) over the lexicon's forms with that ending, where lemma = form minus cut
bytes + appended string (as the LanguageTool suffix encoding). Open classes
only (NOUN, ADJ, VERB, ADV); a key whose rules equal its one-shorter parent's
is left out (the lookup falls back to the parent)."""
from collections import Counter, defaultdict

OPEN = ("NOUN", "ADJ", "VERB", "ADV")
MAX_LEN = 5
MIN_FORMS = 20
MAX_RULES = 24
MIN_SHARE = 0.25          # of the most frequent rule's count


def form_rules(form, readings, tag_id):
    """{(append, tag id, cut bytes, cut chars)} of a form's open-class readings."""
    import udfeat
    out = set()
    fb = len(form.encode())
    for lemma, upos, feats in readings:
        if upos not in OPEN:
            continue
        cp = 0
        while cp < len(form) and cp < len(lemma) and form[cp] == lemma[cp]:
            cp += 1
        cut = fb - len(form[:cp].encode())
        if cut > 255:
            continue
        t = tag_id[(udfeat.UPOS_ID[upos], udfeat.pack(dict(feats)))]
        out.add((lemma[cp:], t, cut, len(form) - cp))
    return out


def derive(lex, forms, tag_id):
    counts = defaultdict(Counter)
    nforms = Counter()
    for form in forms:
        if not form.isalpha():
            continue
        rules = form_rules(form, lex[form], tag_id)
        if not rules:
            continue
        cls = "U" if form[0].isupper() else "l"
        for k in range(1, MAX_LEN + 1):
            if len(form) < k + 2:
                break
            key = cls + form[-k:].lower()
            nforms[key] += 1
            c = counts[key]
            for append, t, cut, cutc in rules:
                if cutc <= k:
                    c[(append, t, cut)] += 1
    chosen = {}
    for key, n in nforms.items():
        if n < MIN_FORMS or not counts[key]:
            continue
        ranked = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0][1]
        chosen[key] = [r for r, c in ranked[:MAX_RULES] if c >= MIN_SHARE * top]
    for key in sorted(chosen, key=len, reverse=True):
        parent = key[:1] + key[2:]
        if len(key) > 2 and chosen.get(parent) == chosen[key]:
            del chosen[key]
    return chosen
