#!/usr/bin/env python3
"""gen_en_context.py: derives data/events/en.petrarch.context.patterns from the
context patterns of the PETRARCH2 CAMEO verb dictionary (MIT licence, Open
Event Data Alliance): lines such as

    --- ABANDON [080] ---
    - * &STRONGHOLD [0874]  # ABANDON
    - CREW * SHIP [---]     # ABANDON

A pattern whose verb slot '*' comes first (actor slots + $ % ^ before it are
allowed) and that has one to three literal words after it becomes a
multiword form (abandon_stronghold: the words follow within three words each).
Synonym sets (&STRONGHOLD) are expanded to their members. The CAMEO code of
the pattern gives the PLOVER type (CAMEO2PLOVER-2021); [---] and statement
codes (01x) become blocks (the verb in this context is no event). A pattern
belongs to the verb its comment names (the verb where coders found it), else
to the block's first verb. Verbs of the hand-written files are left alone
(their readings follow the project's conventions), and so are contexts with
a hand-written trigger word (declare_truce: truce); a pattern is kept only when it says something the plain
verb does not (another type, or the verb is not coded by itself). Patterns with
literal words before the verb slot are left out (the format cannot express a
left context). Contexts listed in data/events/en.petrarch.context.exclude
(verb_word..., one a line) are left out. Run from the repository root:

    D=/work/shared/data/petrarch2/dictionaries
    python3 tools/gen_en_context.py /work/shared/data/plover/CAMEO2PLOVER-2021.txt \
        $D/CAMEO.verbpatterns.150430.txt $D/CAMEO.2.0.txt > data/events/en.petrarch.context.patterns

The dictionaries are read in this order (the 2015 verb patterns, then the
2019 CAMEO.2.0 file with its {noun phrase} and (prepositional phrase) groups);
a context already taken is not repeated.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_en_patterns as base  # noqa: E402

SLOTS = {"+", "$", "%", "^", "*"}
# function words a context may not end with: a claimed preposition would no
# longer introduce its group (rec=with), a determiner is no context
FUNCTION = set("""a an the of to in on at by for with from against into over about
and or but as than that this these those its their his her be is are was were been
has have had will would not no""".split())
MAX_WORDS = 3
SYNONYMS = True     # contexts also for the block's coded verbs that are WordNet synonyms
HAND = ("data/events/en.patterns", "data/events/en.frames.patterns", "data/events/en.vocab.patterns")
MAX_VARIANTS = 12


def read_synsets(path):
    sets, cur = {}, None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            break
        if line.startswith("&"):
            cur = line[1:].strip().rstrip("_").upper()
            sets[cur] = []
        elif line.startswith("+") and cur:
            w = line[1:].strip().rstrip("_").lower()
            if re.match(r"^[a-z][a-z_'-]*$", w):
                sets[cur].append(w)
    return sets


def read_lines(path):
    out = set()
    try:
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip().lower()
            if line:
                out.add(line)
    except FileNotFoundError:
        pass
    return out


def variants(words, sets):
    """literal words (maybe &SET) -> list of word sequences"""
    seqs = [[]]
    for w in words:
        if w.startswith("&"):
            members = sets.get(w[1:].rstrip("_").upper())
            if not members:
                return []
            seqs = [s + m.split("_") for s in seqs for m in members]
        else:
            w = w.lower().strip("_")
            if not re.match(r"^[a-z][a-z_'-]*$", w):
                return []
            seqs = [s + w.split("_") for s in seqs]
        if len(seqs) > MAX_VARIANTS:
            return []
    return seqs


def context_of(body):
    """'* + PARTY [160]' -> (['PARTY'], '160') or None; CAMEO.2.0 groups words
    as {NOUN PHRASE} and (PREPOSITIONAL PHRASE): the words are kept in order"""
    body = re.sub(r"[{}()]", " ", body)
    m = re.search(r"\[([^\]]*)\]", body)
    if not m:
        return None
    code = m.group(1).split(":")[0].strip()
    toks = body[:m.start()].split()
    if "*" not in toks:
        return None
    i = toks.index("*")
    if any(t not in SLOTS for t in toks[:i]):
        return None
    lit = [t for t in toks[i + 1:] if t not in SLOTS]
    return lit, code


def clean_seq(seq):
    while seq and seq[-1] in FUNCTION:
        seq = seq[:-1]
    if not seq or all(w in FUNCTION for w in seq) or len(seq) > MAX_WORDS:
        return None
    return seq


class Block:
    def __init__(self, code):
        self.code = code
        self.verbs = []      # list of form lists
        self.index = {}      # any form (upper, '+' stripped) -> verb index
        self.patterns = []   # (origin verb or None, body)


def read_blocks(path, table):
    blocks, blk, started = [], None, False
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if "VERB PATTERNS" in line:
            started = True
            continue
        if not started:
            continue
        if line.startswith("~~"):
            break
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            c = m.group(2).split(":")[0]
            blk = Block(c if re.match(r"^\d+$", c) else None)
            blocks.append(blk)
            continue
        if blk is None or not line.strip() or line[0] in "#&=":
            continue
        if line.startswith("- "):
            body, _, comment = line[2:].partition("#")
            origin = comment.split()[0].upper().lstrip("+") if comment.split() else None
            blk.patterns.append((origin, body))
            continue
        if line.startswith("-"):
            continue
        forms, code = base.forms_of(line)
        if not forms:
            continue
        if code and not re.match(r"^\d+$", code):
            code = None
        k = len(blk.verbs)
        blk.verbs.append((forms, code or blk.code))
        for f in forms:
            blk.index.setdefault(f.upper(), k)
    return blocks


def plain_types(names):
    """PLOVER types the plain verbs of these files get (the first file wins)"""
    got = {}
    for name in names:
        for line in open(name, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 6:
                continue
            for w in f[5].split():
                if "_" in w:
                    continue
                got.setdefault(w.lstrip("=~").lower(), f[1])
    return got


def crude_stem(w):
    for end in ("ies", "es", "s", "ed", "ing", "e"):
        if len(w) > len(end) + 3 and w.endswith(end):
            return w[:-len(end)]
    return w


def hand_words(names):
    """every word of the hand-written trigger forms (nouns and multiword parts too)"""
    words = set()
    for name in names:
        for line in open(name, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(f) < 6:
                continue
            for form in f[5].split():
                for w in form.lstrip("=~").lower().split("_"):
                    words.add(crude_stem(w))
    return words


def emit(out, pid, typ, mode, code, forms, args):
    out.append(f"{pid}\t{typ}\t{mode}\t{code}\tV\t{' '.join(forms)}\t{args}")


_WN = None


def synsets_of(verb, senses=3):
    """offsets of the first WordNet verb senses of verb (empty without WordNet)"""
    global _WN
    if _WN is None:
        try:
            from wordnet import WordNet
            _WN = WordNet()
        except OSError:
            _WN = False
    if not _WN:
        return set()
    return {ss.offset for ss in _WN.senses(verb, "verb")[:senses]}


def context_pattern(out, seen, vforms, ctx, sets, table, hand, handw, plain, exclude):
    """one pattern line for verb forms vforms in context ctx, if it says something"""
    lit, code = ctx
    head = vforms[0]
    if "_" in head or head in hand:
        return                # hand-written verbs keep their own reading
    own = plain.get(head)
    mode = "-"
    if code == "---" or code.startswith("01"):
        typ = "-"
        if not own:
            return            # nothing to block
    elif re.match(r"^\d+$", code):
        pl = base.plover_of(code, table)
        if not pl:
            return
        typ, mode = pl
        if own == typ:
            return            # the plain verb says as much
    else:
        return
    seqs = [s for s in (clean_seq(v) for v in variants(lit, sets)) if s]
    # a context word that is a hand-written trigger (declare a truce: truce)
    # is coded by that trigger's own pattern
    seqs = [s for s in seqs if not any(w not in FUNCTION and crude_stem(w) in handw for w in s)]
    tails = list(dict.fromkeys("_".join(s) for s in seqs))
    tails = [t for t in tails if f"{head}_{t}" not in exclude]
    key = (head, typ, tuple(tails))
    if not tails or key in seen:
        return
    seen.add(key)
    forms = list(dict.fromkeys(f"{v}_{t}" for t in tails for v in vforms))
    pid = f"en.ptc.{head}.{tails[0].split('_')[0]}"
    if typ == "-":
        emit(out, pid, "-", "-", "-", forms, "-")
    else:
        emit(out, pid, typ, mode if mode else "-", code[:4], forms, base.ARGS[typ])


def main():
    plover, dicts = sys.argv[1], sys.argv[2:]
    table = base.read_plover(plover)
    exclude = read_lines("data/events/en.petrarch.context.exclude")
    hand = plain_types(HAND)
    handw = hand_words(HAND)
    plain = plain_types(HAND + ("data/events/en.petrarch.patterns",))
    out, seen = [], set()
    blocks = []
    for verbs in dicts:
        sets = read_synsets(verbs)
        blocks += [(b, sets) for b in read_blocks(verbs, table)]
    for blk, sets in blocks:
        if not blk.verbs:
            continue
        for origin, body in blk.patterns:
            ctx = context_of(body)
            if not ctx:
                continue
            k = blk.index.get(origin, 0) if origin else 0
            # the verb the coders found it with, then (SYNONYMS) the block's other
            # verbs that the plain PETRARCH list codes (not excluded as ambiguous)
            ks = [k] + ([i for i in range(len(blk.verbs)) if i != k] if SYNONYMS else [])
            origin_sets = synsets_of(blk.verbs[k][0][0])
            for i in ks:
                vforms = blk.verbs[i][0]
                if i != k and (vforms[0] not in plain or not origin_sets & synsets_of(vforms[0])):
                    continue          # only WordNet synonyms of the verb it was found with
                if i != k and (ctx[1] == "---" or ctx[1].startswith("01")):
                    continue          # blocks only for the verb they were found with
                context_pattern(out, seen, vforms, ctx, sets, table, hand, handw, plain, exclude)
    print("# en.petrarch.context.patterns: GENERATED by tools/gen_en_context.py from the context")
    print("# patterns of the PETRARCH2 CAMEO verb dictionary (MIT licence); do not edit, edit the")
    print("# generator or en.petrarch.context.exclude. Multiword forms: the verb, then its context.")
    # ids must be unique: number repeated ones
    count = {}
    for line in out:
        pid, rest = line.split("\t", 1)
        count[pid] = count.get(pid, 0) + 1
        if count[pid] > 1:
            pid = f"{pid}.{count[pid]}"
        print(f"{pid}\t{rest}")
    print(f"# {len(out)} context patterns", file=sys.stderr)


if __name__ == "__main__":
    main()
