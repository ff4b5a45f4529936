"""wordnet.py: a small reader of the WordNet 3.0 database files (Princeton
WordNet, Debian package wordnet-base: /usr/share/wordnet) for the English
event generators: senses of a lemma, synset members, lexicographer files and
derivationally related forms. Reads index.<pos> and data.<pos> only."""
import os

WN_DIR = os.environ.get("WNSEARCHDIR", "/usr/share/wordnet")
POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
# lexicographer file numbers (lexnames)
LEX = {3: "noun.Tops", 4: "noun.act", 5: "noun.animal", 6: "noun.artifact", 7: "noun.attribute",
       8: "noun.body", 12: "noun.feeling", 13: "noun.food", 15: "noun.location", 16: "noun.motive",
       17: "noun.object", 19: "noun.phenomenon", 20: "noun.plant", 22: "noun.process",
       23: "noun.quantity", 24: "noun.relation", 25: "noun.shape", 27: "noun.substance", 28: "noun.time", 9: "noun.cognition", 10: "noun.communication", 11: "noun.event",
       14: "noun.group", 18: "noun.person", 21: "noun.possession", 26: "noun.state",
       29: "verb.body", 30: "verb.change", 31: "verb.cognition", 32: "verb.communication",
       33: "verb.competition", 34: "verb.consumption", 35: "verb.contact", 36: "verb.creation",
       37: "verb.emotion", 38: "verb.motion", 39: "verb.perception", 40: "verb.possession",
       41: "verb.social", 42: "verb.stative", 43: "verb.weather"}


class Synset:
    __slots__ = ("offset", "pos", "lexfile", "words", "ptrs")

    def __init__(self, line):
        f = line.split()
        self.offset, self.lexfile, self.pos = f[0], int(f[1]), f[2]
        n = int(f[3], 16)
        self.words = [f[4 + 2 * i].lower() for i in range(n)]
        i = 4 + 2 * n
        p = int(f[i])
        self.ptrs = []
        for k in range(p):
            sym, off, pos, st = f[i + 1 + 4 * k: i + 5 + 4 * k]
            self.ptrs.append((sym, off, pos, int(st[:2], 16), int(st[2:], 16)))


class WordNet:
    def __init__(self, wn_dir=WN_DIR):
        self.dir = wn_dir
        self.index = {}
        self.data = {}
        for pos in ("noun", "verb"):
            idx = {}
            for line in open(os.path.join(wn_dir, "index." + pos), encoding="utf-8"):
                if line.startswith(" "):
                    continue
                f = line.split()
                n = int(f[2])
                idx[f[0]] = f[len(f) - n:]
            self.index[pos] = idx
            self.data[pos] = open(os.path.join(wn_dir, "data." + pos), "rb").read()

    def synset(self, pos, offset):
        pos = POS[pos] if len(pos) == 1 else pos
        buf = self.data[pos]
        o = int(offset)
        e = buf.index(b"\n", o)
        return Synset(buf[o:e].decode("utf-8", "replace"))

    def senses(self, lemma, pos):
        """synsets of lemma, most frequent sense first"""
        return [self.synset(pos, off) for off in self.index[pos].get(lemma.replace(" ", "_"), [])]

    def derived(self, lemma, pos, max_senses=3):
        """(word, target synset) for the derivationally related forms of lemma's first senses"""
        out = []
        for ss in self.senses(lemma, pos)[:max_senses]:
            for sym, off, tpos, src, tgt in ss.ptrs:
                if sym != "+" or src == 0 or ss.words[src - 1].split("(")[0] != lemma:
                    continue
                if tpos != "n" and tpos != "v":
                    continue
                t = self.synset(tpos, off)
                out.append((t.words[tgt - 1].split("(")[0], t))
        return out

    def hyponyms(self, ss, depth=3):
        """the synsets below ss (hyponyms, not instances), to the given depth"""
        out, todo = [], [(ss, 0)]
        seen = {ss.offset}
        while todo:
            cur, d = todo.pop(0)
            if d >= depth:
                continue
            for sym, off, tpos, _, _ in cur.ptrs:
                if sym != "~" or off in seen:
                    continue
                seen.add(off)
                h = self.synset(tpos, off)
                out.append(h)
                todo.append((h, d + 1))
        return out
