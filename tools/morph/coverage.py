#!/usr/bin/env python3
"""coverage.py: measures the compiled lexicon against UD German treebanks
(GSD dev and PUD by default): the share of tokens the lexicon knows, the
oracle share whose gold (UPOS, lemma) is among the readings (known tokens;
all tokens with lb_lexicon_guess for the unknown ones), and the share of gold
Case / Mood values found among the readings of the gold UPOS. It drives the C
lookup and guesser through a small shared library compiled on the fly.

  python3 tools/morph/coverage.py [--lex data/morph/de.lex] [--misses N] [CONLLU ...]

Lookup as a caller does it: the form as written; at a sentence start also
with its first letter lower-cased. Punctuation and symbols are not counted."""
import argparse
import ctypes
import gzip
import os
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools", "morph"))
import udfeat  # noqa: E402

DEFAULT = ["/work/shared/data/ud-german-gsd/de_gsd-ud-dev.conllu",
           "/work/shared/data/ud-german-pud/de_pud-ud-test.conllu.gz"]


class Reading(ctypes.Structure):
    _fields_ = [("lemma", ctypes.c_void_p), ("lemma_len", ctypes.c_uint32), ("feats", ctypes.c_uint32),
                ("upos", ctypes.c_uint8), ("guessed", ctypes.c_uint8), ("head_off", ctypes.c_uint16)]


class Lexicon:
    def __init__(self, path):
        so = os.path.join(tempfile.mkdtemp(), "liblex.so")
        src = [os.path.join(ROOT, "src/morph", f) for f in ("lexicon.c", "lexicon_guess.c")]
        subprocess.check_call(["cc", "-O2", "-shared", "-fPIC", "-std=c17", "-I" + os.path.join(ROOT, "src"),
                               "-I" + os.path.join(ROOT, "include"), "-o", so] + src)
        self.lib = ctypes.CDLL(so)
        self.lx = ctypes.c_void_p()
        err = ctypes.create_string_buffer(512)
        rc = self.lib.lb_lexicon_load(ctypes.byref(self.lx), path.encode(), err, 512)
        if rc:
            sys.exit(err.value.decode())
        self.out = (Reading * 256)()
        self.buf = ctypes.create_string_buffer(8192)

    def _collect(self, n):
        rs = []
        for r in self.out[:min(n, 256)]:
            lemma = ctypes.string_at(r.lemma, r.lemma_len).decode("utf-8", "replace")
            rs.append((udfeat.UPOS[r.upos], lemma, r.feats))
        return rs

    def lookup(self, form):
        b = form.encode()
        return self._collect(self.lib.lb_lexicon_lookup(self.lx, b, len(b), self.out, 256))

    def guess(self, form):
        b = form.encode()
        return self._collect(self.lib.lb_lexicon_guess(self.lx, b, len(b), self.out, 256, self.buf, 8192))


def sentences(path):
    op = gzip.open if path.endswith(".gz") else open
    sent = []
    with op(path, "rt", encoding="utf-8") as fp:
        for line in fp:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
            elif not line.startswith("#"):
                f = line.split("\t")
                if len(f) == 10 and f[0].isdigit():
                    sent.append(f)
    if sent:
        yield sent


def readings_for(lex, tok, first):
    rs = lex.lookup(tok)
    if first and tok[:1].isupper():
        rs += lex.lookup(tok[:1].lower() + tok[1:])
    return rs


def measure(lex, paths, nmiss):
    c, miss = Counter(), Counter()
    for path in paths:
        for sent in sentences(path):
            for i, f in enumerate(sent):
                form, lemma, upos, feats = f[1], f[2], f[3], f[5]
                if upos in ("PUNCT", "SYM"):
                    continue
                gold = dict(kv.split("=", 1) for kv in feats.split("|")) if feats != "_" else {}
                c["tokens"] += 1
                rs = readings_for(lex, form, i == 0)
                known = bool(rs)
                if not rs:
                    rs = lex.guess(form)
                    c["guessed"] += bool(rs)
                hit = any(u == upos and lem == lemma for u, lem, _ in rs)
                c["known"] += known
                c["hit_known"] += hit and known
                c["hit_all"] += hit
                c["upos_known"] += known and any(u == upos for u, _, _ in rs)
                if known and not hit:
                    miss[(form, upos, lemma, " ".join(sorted({u + "/" + lem for u, lem, _ in rs})[:6]))] += 1
                for feat in ("Case", "Mood"):
                    if feat in gold and known:
                        c[feat] += 1
                        c[feat + "_hit"] += any(u == upos and udfeat.get(ft, feat) == gold[feat] for u, _, ft in rs)
    t, k = c["tokens"], max(c["known"], 1)
    print("== %s" % " + ".join(os.path.basename(p) for p in paths))
    print("tokens %d (no punctuation), known %.4f, guessed %.4f of the unknown" % (
        t, c["known"] / t, c["guessed"] / max(t - c["known"], 1)))
    print("oracle UPOS+lemma: known tokens %.4f, all tokens (with guesses) %.4f; UPOS on known %.4f" % (
        c["hit_known"] / k, c["hit_all"] / t, c["upos_known"] / k))
    for feat in ("Case", "Mood"):
        print("gold %s among readings of the gold UPOS (known tokens): %.4f of %d" % (
            feat, c[feat + "_hit"] / max(c[feat], 1), c[feat]))
    for key, n in miss.most_common(nmiss):
        print("%4d  %s" % (n, "\t".join(key)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lex", default=os.path.join(ROOT, "data/morph/de.lex"))
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("files", nargs="*", default=DEFAULT)
    a = ap.parse_args()
    lex = Lexicon(a.lex)
    if len(a.files) > 1:
        for f in a.files:
            measure(lex, [f], 0)
    measure(lex, a.files, a.misses)


if __name__ == "__main__":
    main()
