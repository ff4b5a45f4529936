#!/usr/bin/env python3
"""gen_actors.py: generates the derived dictionaries of data/actors/ from the
raw material in /work/shared/data (or $LB_SHARED_DATA) and the hand tables in
tools/actors/. Python 3 standard library only. Output is committed, so the
project never needs to run this; rerun it to refresh the derived files.

  states.tsv          every state: German/English names (CLDR, mledoze),
                      capitals, seats of power, adjectives in every
                      inflection, demonyms (tools/actors/states_de.txt;
                      English: tools/actors/states_en.txt)
  persons-phoenix.tsv office holders with dated roles from the PETRARCH2
                      Phoenix dictionary (MIT), terms touching 2000-2014
  firstnames-phoenix.tsv  first names of those office holders

It never writes corpus text or gold data; only names, codes and dates.
"""
import json, os, re, sys

SHARED = os.environ.get('LB_SHARED_DATA', '/work/shared/data')
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'data', 'actors')

def load_mledoze():
    return json.load(open(os.path.join(SHARED, 'countries-mledoze', 'countries.json'), encoding='utf-8'))

def load_cldr(lang):
    d = json.load(open(os.path.join(SHARED, 'cldr', lang, 'territories.json'), encoding='utf-8'))
    return d['main'][lang]['localeDisplayNames']['territories']

def hand_records(name, nfields):
    """The ';'-separated records of tools/actors/NAME, padded to nfields."""
    for line in open(os.path.join(HERE, 'actors', name), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split(';')
        yield f + [''] * (nfields - len(f))

def load_hand():
    return {f[0]: f for f in hand_records('states_de.txt', 8)}

def split(s):
    return [x.strip() for x in s.split('|') if x.strip()]

HISTORIC = {'SUN': 'Soviet Union', 'CSK': 'Czechoslovakia', 'YUG': 'Yugoslavia', 'DDR': 'East Germany'}
EN_EXTRA = {'SUN': ['USSR', 'Soviet Union'], 'CSK': ['Czechoslovakia'], 'YUG': ['Yugoslavia'],
            'DDR': ['GDR', 'East Germany', 'German Democratic Republic'], 'XKX': ['Kosovo'],
            'USA': ['United States', 'United States of America', 'America', 'U.S.', 'U.S.A.', 'US', 'USA'],
            'GBR': ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom'],
            'TWN': ['Taiwan', 'Republic of China'], 'PSE': ['Palestine', 'Palestinian territories'],
            'VAT': ['Vatican', 'Holy See'], 'CHN': ['PRC', 'P.R.C.'], 'KOR': ['ROK'], 'ARE': ['UAE', 'U.A.E.']}

def load_en():
    """tools/actors/states_en.txt: code -> (adjectives, singular demonyms, plural
    demonyms, further English names, seats as (name, sector))."""
    rows = {}
    for f in hand_records('states_en.txt', 6):
        seats = []
        for x in split(f[5]):
            name, _, sec = x.partition(':')
            seats.append((name.strip(), sec.strip() or 'GOV'))
        rows[f[0]] = (split(f[1]), split(f[2]), split(f[3]), split(f[4]), seats)
    return rows

def en_plural(d):
    """English plural of a demonym, or None (Chinese, Swiss, French, Danish)."""
    if d.endswith(('ese', 'ss', 'sh', 'ch', 's', 'x', 'y')):
        return None
    return d + 's'

def en_demonyms(d):
    """mledoze demonyms may list two: 'Bosnian, Herzegovinian', 'Kittitian or Nevisian'."""
    return [x.strip() for x in re.split(r',| or ', d) if x.strip()]

def adj_forms(stem):
    return [stem + e for e in ('', 'e', 'en', 'er', 'es', 'em')]

def dem_forms(m, pl, f):
    out = []
    if m:
        out.append(m)
        if m.endswith('er'):
            out += [m + 'n', m + 's']
        elif m.endswith('e'):
            out.append(m + 'n')
        elif m.endswith('i'):
            out.append(m + 's')
    if pl:
        out.append(pl)
        if pl.endswith('er'):
            out.append(pl + 'n')
    if f:
        out += [f, f + 'nen']
    return out

# short state names that open too many ordinary words (Malignome, Tongalle)
NO_CP = {'Mali', 'Oman', 'Niger', 'Chile', 'Togo', 'Tonga', 'Samoa', 'Malta', 'Guinea', 'Gambia', 'Benin',
         'Palau', 'Nauru', 'Tuvalu', 'Laos', 'Schweiz', 'Island', 'Jordanien', 'Georgien'}

def de_inflect(name):
    """Weak/dative forms of German multi-word state names: Vereinigte Staaten ->
    Vereinigten Staaten; Vereinigte Arabische Emirate -> ... Emiraten;
    Vereinigtes Königreich -> Vereinigten Königreich(s)."""
    w = name.split(' ')
    if len(w) < 2:
        return []
    adj = [i for i, x in enumerate(w[:-1]) if x[:1].isupper() and (x.endswith('e') or x.endswith('es') or x.endswith('er'))]
    if not adj:
        return []
    v = list(w)
    for i in adj:
        x = v[i]
        v[i] = x[:-2] + 'en' if x.endswith(('es', 'er')) else x + 'n'
    out = [' '.join(v)]
    last = w[-1]
    if last.endswith('e'):
        out.append(' '.join(v[:-1] + [last + 'n']))
    elif not last.endswith(('en', 's', 'n')) and w[adj[0]].endswith('es'):
        out.append(' '.join(v[:-1] + [last + 's']))
    return out

# names too ambiguous in German or English text to stand for a state
AMBIGUOUS = {'Victoria', 'Nassau', 'Kingston', 'Hamilton', 'Georgetown', 'Praia', 'Male', 'Malé', 'Lima', 'Santiago',
             'Jamestown', 'Plymouth', 'Avarua', 'Alofi', 'Amerika', 'Zhonghua', 'Zhongguo',
             'Brüssel', 'Brussels'}  # Brüssel/Brussels stand for the EU: see orgs.tsv

def ok_name(s):
    return len(s) >= 2 and not re.search(r'[()\d]', s) and s not in AMBIGUOUS

def gen_states():
    countries = load_mledoze()
    by3 = {c['cca3']: c for c in countries}
    by2 = {c['cca2']: c['cca3'] for c in countries}
    hand = load_hand()
    cldr = {'de': load_cldr('de'), 'en': load_cldr('en')}
    codes = [c['cca3'] for c in countries if c.get('independent') or c.get('unMember')]
    codes += [k for k in hand if k not in codes]
    en_hand = load_en()
    lines = []
    seen = set()
    def add(surface, code, sector, typ, form, flags='-', canon=''):
        surface = surface.strip()
        if not ok_name(surface):
            return
        key = surface.lower()
        if key in seen:
            return
        seen.add(key)
        lines.append('\t'.join(['name', surface, code, sector, typ, form, flags, canon]))
    def canon_of(code):
        c = by3.get(code)
        h = hand.get(code, [code] + [''] * 7)
        canon_de = c['translations']['deu']['common'] if c else (split(h[6]) or [code])[0]
        return c['name']['common'] if c else HISTORIC.get(code, canon_de)
    # the English hand table first: its records win over generated ones (Dominican -> DOM)
    for code, (adjs, sgs, pls, names, seats) in en_hand.items():
        canon = canon_of(code)
        for n in names:
            add(n, code, '-', 'LOC', 'name', '-', canon)
        for n, sec in seats:
            add(n, code, sec, 'ORG', 'name', '-', canon)
        for n in adjs + sgs:
            add(n, code, '-', 'LOC', 'deriv', '-', canon)
        for n in pls or [p for p in map(en_plural, sgs) if p]:
            add(n, code, '-', 'LOC', 'deriv', '-', canon)
    for code in codes:
        c = by3.get(code)
        h = hand.get(code, [code] + [''] * 7)
        canon_de = c['translations']['deu']['common'] if c else (split(h[6]) or [code])[0]
        canon = canon_of(code)
        names = [canon_de]
        if c:
            names.append(c['translations']['deu']['official'])
            a2 = c['cca2']
            for k, v in cldr['de'].items():
                if k.split('-')[0] == a2:
                    names.append(v)
        names += split(h[6])
        for n in names + [v for n in names for v in de_inflect(n)]:
            # one-word German state names may open a compound (Russlandreise)
            cp = 'cp' if ' ' not in n and '-' not in n and len(n) >= 4 and n.isalpha() and n not in NO_CP else '-'
            add(n, code, '-', 'LOC', 'name', cp, canon)
        en = []
        if c:
            en += [c['name']['common'], c['name']['official']]
            for k, v in cldr['en'].items():
                if k.split('-')[0] == c['cca2']:
                    en.append(v)
            en += [s for s in c.get('altSpellings', []) if len(s) > 3 and s.isascii() and ' ' not in s.strip() or (len(s) > 3 and s.isascii() and s[0].isupper() and 'of' in s)]
        en += EN_EXTRA.get(code, [])
        for n in en:
            add(n, code, '-', 'LOC', 'name', '-', canon)
        caps = split(h[5]) + (c.get('capital', []) if c else [])
        for n in caps:
            add(n, code, '-', 'LOC', 'name', '-', canon)
        for n in split(h[7]):
            add(n, code, 'GOV', 'ORG', 'name', '-', canon)
            # German article forms of "Weißes Haus": weak inflection after the article
            if n.startswith('Weißes '):
                add('Weiße ' + n[7:], code, 'GOV', 'ORG', 'name', '-', canon)
                add('Weißen ' + n[7:], code, 'GOV', 'ORG', 'name', '-', canon)
                add('Weißen ' + n[7:] + 'es', code, 'GOV', 'ORG', 'name', '-', canon)
        for stem in split(h[1]):
            for f in adj_forms(stem):
                add(f, code, '-', 'LOC', 'deriv', '-', canon)
        ms, pls, fs = split(h[2]), split(h[3]), split(h[4])
        for i in range(max(len(ms), len(pls), len(fs))):
            m = ms[i] if i < len(ms) else ''
            pl = pls[i] if i < len(pls) else ''
            f = fs[i] if i < len(fs) else ''
            for n in dem_forms(m, pl, f):
                add(n, code, '-', 'LOC', 'deriv', '-', canon)
        if c:
            for g in ('m', 'f'):
                for d in en_demonyms(c.get('demonyms', {}).get('eng', {}).get(g) or ''):
                    add(d, code, '-', 'LOC', 'deriv', '-', canon)
                    if en_plural(d):
                        add(en_plural(d), code, '-', 'LOC', 'deriv', '-', canon)
    hdr = ('# states.tsv: GENERATED by tools/gen_actors.py - do not edit; change\n'
           '# tools/actors/states_de.txt and rerun. Sources: see SOURCES.md.\n'
           '# name\tSURFACE\tCODE\tSECTOR\tTYPE\tFORM\tFLAGS\tCANONICAL\n')
    with open(os.path.join(OUT, 'states.tsv'), 'w', encoding='utf-8') as f:
        f.write(hdr + '\n'.join(lines) + '\n')
    return len(lines)

PHX_DATE = re.compile(r'^(\d{6})$')

def yymmdd(s):
    y = int(s[:2])
    y += 2000 if y < 30 else 1900
    return '%04d-%s-%s' % (y, s[2:4], s[4:6])

UML = [('AE', 'Ä'), ('OE', 'Ö'), ('UE', 'Ü')]

def title_case(tok):
    low = {'DE', 'DA', 'DI', 'VAN', 'VON', 'DER', 'DEN', 'LA', 'LE', 'DOS', 'DAS', 'DEL', 'Y', 'BIN', 'BEN', 'EL', 'AL', 'UND', 'ZU'}
    if tok in low:
        return tok.lower()
    return '-'.join(p[:1] + p[1:].lower() for p in tok.split('-'))

def load_function_words():
    """Function words of data/text (German and English): never first names."""
    out = set()
    path = os.path.join(HERE, '..', 'data', 'text', 'function-words.tsv')
    for line in open(path, encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            out.add(line.split('\t')[0].strip().lower())
    return out

NOT_FIRST = load_function_words() | {'the', 'von', 'van', 'der', 'den', 'del', 'bin', 'abu', 'ibn', 'sir', 'lord',
                                     'mrs', 'miss', 'general', 'major', 'king', 'queen', 'prince', 'sheikh', 'emir',
                                     'saint', 'sankt', 'new', 'north', 'south', 'east', 'west', 'mit', 'man', 'art'}

def gen_persons():
    path = os.path.join(SHARED, 'petrarch2', 'dictionaries', 'Phoenix.Countries.actors.txt')
    persons, cur = [], None
    for line in open(path, encoding='utf-8', errors='replace'):
        if line.startswith('#') or not line.strip():
            continue
        if re.match(r'^[A-Z]', line):
            name = line.split('#')[0].split('[')[0].strip().strip('_')
            cur = {'name': name, 'terms': [], 'country': '[' in line}
            persons.append(cur)
            continue
        if cur is None:
            continue
        for m in re.finditer(r'\[([A-Z]{3,})(?: ([<>]?[0-9]{6})(?:-([0-9]{6}))?)?\]', line):
            cur['terms'].append(m.groups())
    out, firsts, seen = [], set(), set()
    for p in persons:
        if p['country']:
            continue
        toks = [t for t in p['name'].split('_') if t]
        if len(toks) < 2 or len(toks) > 5 or not all(re.fullmatch(r"[A-Z][A-Z'.-]*", t) for t in toks):
            continue
        roles = []
        for code, a, b in p['terms']:
            cc, sec = code[:3], code[3:6]
            if cc in ('ELI', 'IGO', '---') or not re.fullmatch(r'[A-Z]{3}', cc):
                continue
            if sec in ('ELI', ''):
                sec = '-'
            if a is None:
                continue
            if a.startswith('>'):
                fr, to = yymmdd(a[1:]), '-'
            elif a.startswith('<'):
                fr, to = '-', yymmdd(a[1:])
            else:
                fr, to = yymmdd(a), yymmdd(b) if b else '-'
            if to != '-' and to < '2000-01-01':
                continue
            if to == '-':
                to = '2014-01-30'   # the dictionary's date: nothing is known after it
            roles.append((cc, sec, fr, to))
        if not roles:
            continue
        name = ' '.join(title_case(t) for t in toks)
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        code = roles[-1][0]
        aliases = []
        if code in ('DEU', 'AUT', 'CHE'):
            u = p['name']
            for a, b in UML:
                u = u.replace(a, b)
            if u != p['name']:
                aliases.append(' '.join(title_case(t) for t in u.split('_') if t))
        out.append('\t'.join(['person', name, code, '-', '|'.join(aliases) or '-']))
        for cc, sec, fr, to in roles:
            out.append('\t'.join(['role', name, cc, sec, fr, to, '-']))
        f0 = title_case(toks[0])
        if len(f0) >= 3 and f0.isalpha() and f0.lower() not in NOT_FIRST:
            firsts.add(f0)
    hdr = ('# persons-phoenix.tsv: GENERATED by tools/gen_actors.py from the PETRARCH2\n'
           '# Phoenix actor dictionary (MIT, data to 2014-01-30) - do not edit.\n'
           '# Open terms end at 2014-01-30; data/actors/persons.tsv extends them by hand.\n')
    with open(os.path.join(OUT, 'persons-phoenix.tsv'), 'w', encoding='utf-8') as f:
        f.write(hdr + '\n'.join(out) + '\n')
    with open(os.path.join(OUT, 'firstnames-phoenix.tsv'), 'w', encoding='utf-8') as f:
        f.write('# firstnames-phoenix.tsv: GENERATED by tools/gen_actors.py (first names of\n'
                '# office holders in the Phoenix dictionary, MIT) - do not edit.\n')
        f.write('\n'.join('first\t' + n for n in sorted(firsts)) + '\n')
    return len([l for l in out if l.startswith('person')]), len(firsts)

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    n = gen_states()
    p, f = gen_persons()
    print(f'states.tsv: {n} names; persons-phoenix.tsv: {p} persons; {f} first names', file=sys.stderr)
