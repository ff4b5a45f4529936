"""lexfile.py: writes and reads the compiled lexicon format (data/morph/README.md).

All integers little-endian. Header: magic "LBLX", u32 version, u32 lemma_bits,
u32 section count (14), then per section u32 offset, u32 byte length. Sections
start at multiples of 4. Sections:
  0 FORM_OFF  u32[n_forms+1]  offsets into FORM_BLOB (forms sorted bytewise)
  1 FORM_BLOB bytes
  2 FORM_GRP  u32[n_forms+1]  offsets (in entries) into GROUPS
  3 GROUPS    u32[]           lemma id (low lemma_bits bits) | tagset id << lemma_bits
  4 SET_OFF   u32[n_sets+1]   offsets (in entries) into SET_ITEMS
  5 SET_ITEMS u16[]           tag ids
  6 TAGS      8 bytes each: u32 feats, u8 upos, 3 zero bytes
  7 LEMMA_OFF u32[n_lemmas+1] offsets into LEMMA_BLOB (lemmas sorted bytewise)
  8 LEMMA_BLOB bytes
  9 SUF_OFF   u32[n_suf+1]    offsets into SUF_BLOB (keys sorted bytewise,
                              key = class byte 'U' or 'l' + the form's last 1-5 chars)
 10 SUF_BLOB  bytes
 11 SUF_RULE  u32[n_suf+1]    offsets (in entries) into RULES
 12 RULES     8 bytes each: u32 lemma id of the appended string, u16 tag id,
              u8 bytes cut from the form's end, u8 zero
 13 HASH      u32[2^k]        open-addressing index of the forms: FNV-1a 32 of the
                              form's bytes & (2^k - 1), linear probing, entry = form
                              index + 1, 0 = empty; load factor <= 0.75"""
import struct

MAGIC = b"LBLX"
VERSION = 2
NSECT = 14
HEADER = 16 + 8 * NSECT


def u32s(values):
    return struct.pack("<%dI" % len(values), *values)


def offsets(blobs):
    offs, pos = [0], 0
    for b in blobs:
        pos += len(b)
        offs.append(pos)
    return offs


def fnv1a(b: bytes) -> int:
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def hash_index(forms):
    slots = 2
    while slots * 3 < len(forms) * 4:       # load factor <= 0.75
        slots <<= 1
    table = [0] * slots
    for i, f in enumerate(forms):
        h = fnv1a(f) & (slots - 1)
        while table[h]:
            h = (h + 1) & (slots - 1)
        table[h] = i + 1
    return table


def write(path, lex):
    """lex: dict with forms (sorted bytes), form_groups (list of lists of
    (lemma id, set id)), sets (list of lists of tag ids), tags (list of
    (upos, feats)), lemmas (sorted bytes), suffixes (sorted keys),
    suffix_rules (list of lists of (append lemma id, tag id, cut)), lemma_bits."""
    groups, grp_off = [], [0]
    for gl in lex["form_groups"]:
        for lemma_id, set_id in gl:
            groups.append(lemma_id | (set_id << lex["lemma_bits"]))
        grp_off.append(len(groups))
    items, set_off = [], [0]
    for s in lex["sets"]:
        items.extend(s)
        set_off.append(len(items))
    rules, rule_off = [], [0]
    for rl in lex["suffix_rules"]:
        for lemma_id, tag_id, cut in rl:
            rules.append(struct.pack("<IHBB", lemma_id, tag_id, cut, 0))
        rule_off.append(len(rules))
    sections = [
        u32s(offsets(lex["forms"])), b"".join(lex["forms"]),
        u32s(grp_off), u32s(groups),
        u32s(set_off), struct.pack("<%dH" % len(items), *items),
        b"".join(struct.pack("<IBBBB", f, u, 0, 0, 0) for u, f in lex["tags"]),
        u32s(offsets(lex["lemmas"])), b"".join(lex["lemmas"]),
        u32s(offsets(lex["suffixes"])), b"".join(lex["suffixes"]),
        u32s(rule_off), b"".join(rules),
        u32s(hash_index(lex["forms"])),
    ]
    table, body, pos = [], [], HEADER
    for s in sections:
        table.append((pos, len(s)))
        pad = (-len(s)) % 4
        body.append(s + b"\0" * pad)
        pos += len(s) + pad
    head = MAGIC + struct.pack("<III", VERSION, lex["lemma_bits"], NSECT)
    head += b"".join(struct.pack("<II", o, n) for o, n in table)
    with open(path, "wb") as fp:
        fp.write(head + b"".join(body))


class Reader:
    """Minimal reader for tools (coverage.py); the C loader validates fully."""

    def __init__(self, path):
        data = open(path, "rb").read()
        if data[:4] != MAGIC:
            raise ValueError("not a lexicon")
        _, self.lemma_bits, n = struct.unpack_from("<III", data, 4)
        sect = [struct.unpack_from("<II", data, 16 + 8 * i) for i in range(n)]
        s = [data[o:o + ln] for o, ln in sect]
        arr = lambda b, fmt="I": struct.unpack("<%d%s" % (len(b) // struct.calcsize(fmt), fmt), b)
        fo, fb = arr(s[0]), s[1]
        self.form_index = {fb[fo[i]:fo[i + 1]]: i for i in range(len(fo) - 1)}
        self.grp_off, self.groups = arr(s[2]), arr(s[3])
        self.set_off, self.items = arr(s[4]), arr(s[5], "H")
        self.tags = [struct.unpack_from("<IB", s[6], 8 * i) for i in range(len(s[6]) // 8)]
        lo, lb = arr(s[7]), s[8]
        self.lemmas = [lb[lo[i]:lo[i + 1]] for i in range(len(lo) - 1)]

    def lookup(self, form: bytes):
        """[(lemma str, upos id, feats)]"""
        i = self.form_index.get(form)
        if i is None:
            return []
        out, mask = [], (1 << self.lemma_bits) - 1
        for g in self.groups[self.grp_off[i]:self.grp_off[i + 1]]:
            lemma = self.lemmas[g & mask].decode()
            sid = g >> self.lemma_bits
            for t in self.items[self.set_off[sid]:self.set_off[sid + 1]]:
                feats, upos = self.tags[t]
                out.append((lemma, upos, feats))
        return out
