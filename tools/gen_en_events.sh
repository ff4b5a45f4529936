#!/bin/sh
# gen_en_events.sh: regenerates the English generated event pattern files in
# data/events, in order (each generator reads the files made before it):
#   en.petrarch.patterns          PETRARCH2 verbs          tools/gen_en_patterns.py
#   en.petrarch.context.patterns  PETRARCH2 contexts       tools/gen_en_context.py
#   en.wordnet.patterns           WordNet event nouns      tools/gen_en_nouns.py
#   en.synonyms.patterns          WordNet verb synonyms    tools/gen_en_verbs.py
# Needs python3, Debian wordnet-base and python3-snowballstemmer (the WordNet
# generators run with /usr/bin/python3, where the Debian module lives). Run
# from the repository root; PETRARCH2 and PLOVER files from $SHARED (default
# /work/shared/data).
set -eu
S=${SHARED:-/work/shared/data}
D=$S/petrarch2/dictionaries
P=$S/plover/CAMEO2PLOVER-2021.txt
E=data/events
python3 tools/gen_en_patterns.py "$D/CAMEO.verbpatterns.150430.txt" "$P" > $E/en.petrarch.patterns
python3 tools/gen_en_context.py "$P" "$D/CAMEO.verbpatterns.150430.txt" "$D/CAMEO.2.0.txt" > $E/en.petrarch.context.patterns
/usr/bin/python3 tools/gen_en_nouns.py > $E/en.wordnet.patterns
/usr/bin/python3 tools/gen_en_verbs.py > $E/en.synonyms.patterns
