#!/bin/bash
# morph-cache.sh: many documents through one document handle, with unknown
# words (guessed readings: names, compounds, numbers) that recur in other
# positions and other documents, so that the word-form cache serves analyses
# made for earlier documents. Under the sanitizer build a cached pointer into
# a freed document fails here; in every build the output must stay valid.
set -u
: "${LAGEBILD:?}"
T=$(mktemp -d /tmp/lb-morph-cache.XXXXXX)
trap 'rm -rf "$T"' EXIT
python3 - > "$T/in.jsonl" <<'PY'
import json
words = ["Qwertzland", "Xylofonbauer", "Brummkreiselwerke", "Zorblatt", "Fnordhausen", "Quaxi", "Plimpfel"]
frames = ["{w} kritisierte die Regierung scharf.", "Die Regierung traf {w} in Berlin.",
          "Nach Angaben von {w} wurden 17 Menschen verletzt.", "{w}s Sprecher sagte, man sei bereit.",
          "Am Montag besuchte der Minister {w}.", "Die {w}-Affäre beschäftigt das Parlament."]
# first one large document (its text gets an arena chunk of its own, freed
# when the handle moves on) that names every word once
big = " ".join("Der Ausschuss tagte lange und beriet über den Haushalt." for _ in range(6000))
print(json.dumps({"id": "big", "lang": "de", "text": big + " " + " ".join(f"{w} kam." for w in words)}, ensure_ascii=False))
for i in range(120):
    text = " ".join(frames[(i + k) % len(frames)].format(w=words[(i * 3 + k) % len(words)]) for k in range(4))
    print(json.dumps({"id": f"d{i}", "lang": "de", "text": text}, ensure_ascii=False))
PY
"$LAGEBILD" annotate --tokens "$T/in.jsonl" > "$T/out.jsonl" || { echo "FAIL: annotate exited $?"; exit 1; }
python3 - "$T/out.jsonl" <<'PY' || exit 1
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    for t in d["tokens"]:
        assert t["lemma"] and t["upos"], (d["id"], t)
    n += 1
assert n == 121, n
print("ok: 121 documents, every token with a lemma and a part of speech")
PY
