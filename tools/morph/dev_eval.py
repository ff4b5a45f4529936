#!/usr/bin/env python3
"""dev_eval.py: the tagger's error analysis on a development CoNLL-U file (never
a test split): builds documents the way lbeval builds GSD (de: 20 sentences a
document) or EWT (en: one per newdoc), runs `lagebild annotate --tokens` on
them and prints UPOS / lemma / Case / Mood accuracy over the gold words, how
many gold words the output tokenises differently, the UPOS confusion pairs and
the most frequent wrong words.

usage: dev_eval.py [--lang de|en] [--top N] [--docs even|odd|all] FILE.conllu[.gz] -- CMD...
(document parity selects a half: train on one half, look at the other)
"""
import collections
import importlib.machinery
import importlib.util
import json
import subprocess
import sys

LBEVAL = '/work/shared/tools/lbeval'


def load_lbeval():
    loader = importlib.machinery.SourceFileLoader('lbeval', LBEVAL)
    spec = importlib.util.spec_from_loader('lbeval', loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def main(argv):
    lang, top, parity = 'de', 25, 'all'
    if '--' not in argv:
        sys.exit(__doc__)
    cmd = argv[argv.index('--') + 1:]
    args = argv[:argv.index('--')]
    files = []
    i = 0
    while i < len(args):
        if args[i] == '--lang':
            lang = args[i + 1]; i += 2
        elif args[i] == '--top':
            top = int(args[i + 1]); i += 2
        elif args[i] == '--docs':
            parity = args[i + 1]; i += 2
        else:
            files.append(args[i]); i += 1
    lb = load_lbeval()
    if lang == 'de':
        lb.GSD_FILE = files[0]
        docs = lb.load_gsd(None, True)
    else:
        lb.EWT_TEST = files[0]
        docs = lb.load_ewt(None, True)
    if parity != 'all':
        docs = [d for k, d in enumerate(docs) if k % 2 == (parity == 'odd')]
    inp = ''.join(json.dumps(d.input, ensure_ascii=False) + '\n' for d in docs)
    out = subprocess.run(cmd, input=inp.encode(), capture_output=True, check=True).stdout.decode()
    outs = {}
    for line in out.splitlines():
        o = json.loads(line)
        outs[o['id']] = {(t['start'], t['end']): t for t in o.get('tokens', [])}
    score(docs, outs, top)


def score(docs, outs, top):
    n = collections.Counter()
    conf = collections.Counter()
    words = collections.Counter()
    lemmas = collections.Counter()
    cases = collections.Counter()
    for d in docs:
        o = outs.get(d.id, {})
        for g in d.gold['tokens']:
            n['words'] += 1
            t = o.get((g['start'], g['end']))
            form = d.text.b[g['start']:g['end']].decode()
            if t is None:
                n['span'] += 1
                words['SPAN ' + g['upos'] + ' ' + form] += 1
                continue
            feats = dict(f.split('=', 1) for f in (t.get('feats') or '').split('|') if '=' in f)
            n['upos'] += t['upos'] == g['upos']
            n['lemma'] += t['lemma'] == g['lemma']
            for f in ('Case', 'Mood'):
                if f in g['feats']:
                    n[f + '_n'] += 1
                    n[f] += feats.get(f) == g['feats'][f]
                    if f == 'Case' and feats.get(f) != g['feats'][f]:
                        cases[f"{g['upos']} {g['feats'][f]}->{feats.get(f)}"] += 1
            if t['upos'] != g['upos']:
                conf[g['upos'] + '->' + t['upos']] += 1
                words[g['upos'] + '->' + t['upos'] + ' ' + form] += 1
            elif t['lemma'] != g['lemma']:
                lemmas[f"{g['upos']} {form}: {g['lemma']} != {t['lemma']}"] += 1
    w = n['words']
    print(f"words {w}  span mismatches {n['span']} ({n['span'] / w:.3f})")
    print(f"UPOS {n['upos'] / w:.4f} (matched spans {n['upos'] / max(1, w - n['span']):.4f})  "
          f"lemma {n['lemma'] / w:.4f}  Case {n['Case'] / max(1, n['Case_n']):.4f}  "
          f"Mood {n['Mood'] / max(1, n['Mood_n']):.4f}")
    for title, c in (('UPOS confusion (gold->output)', conf), ('words', words),
                     ('lemmas', lemmas), ('Case', cases)):
        print(f'\n{title}:')
        for k, v in c.most_common(top):
            print(f'  {v:4d}  {k}')


if __name__ == '__main__':
    main(sys.argv[1:])
