#!/usr/bin/env bash
# malformed_input.sh: bad input gets a clear error naming file and position,
# the rest of the batch is still annotated, nothing crashes: invalid UTF-8,
# NUL bytes, a 50 MB single line, truncated gzip, malformed JSONL, broken
# HTML and WARC files with bad records.
set -uo pipefail
: "${LAGEBILD:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

printf 'Ein Satz mit \xff\xfe kaputtem UTF-8.\nZweite Zeile.\n' > "$tmp/01-badutf.txt"
printf 'Text mit\0NUL-Bytes\0 darin.\n' > "$tmp/02-nul.txt"
python3 -c "import sys; sys.stdout.write('x' * (50 * 1024 * 1024))" > "$tmp/03-huge.txt"
printf 'Ein gutes Dokument. Es hat zwei Sätze.\n' > "$tmp/04-good.txt"
python3 - "$tmp/05-lines.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], 'w') as f:
    f.write(json.dumps({"id": "ok-1", "text": "Erstes Dokument."}) + "\n")
    f.write('{"id": "broken", "text": "kein Ende\n')
    f.write(json.dumps({"id": "huge", "text": "y" * (50 * 1024 * 1024)}) + "\n")
    f.write('{"id": 3.5, "text": "falsche id"}\n')
    f.write(json.dumps({"id": "ok-2", "text": "Zweites Dokument."}) + "\n")
PY
python3 - "$tmp/06-trunc.jsonl.gz" <<'PY'
import gzip, json, sys
data = "".join(json.dumps({"id": f"z{i}", "text": f"Zeile {i} mit Text {i*7919}."}) + "\n" for i in range(3000)).encode()
blob = gzip.compress(data)
open(sys.argv[1], "wb").write(blob[: len(blob) // 2])
PY

"$LAGEBILD" annotate "$tmp" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
status=$?
check "exit status 1 when some documents failed" "[ $status -eq 1 ]"
check "invalid UTF-8 is reported with the file" "grep -q '01-badutf.txt: warning: 2 invalid UTF-8' '$tmp/err.txt'"
check "NUL bytes are reported" "grep -q '02-nul.txt: warning: 0 invalid UTF-8 sequence(s) and 2 NUL' '$tmp/err.txt'"
check "50 MB file is refused with its name" "grep -q '03-huge.txt: file larger than' '$tmp/err.txt'"
check "malformed JSON names file and line" "grep -q '05-lines.jsonl:2: malformed JSON' '$tmp/err.txt'"
check "50 MB JSON text refused with its line" "grep -q '05-lines.jsonl:3: text longer than' '$tmp/err.txt'"
check "non-string id names its line" "grep -q '05-lines.jsonl:4: missing or non-string' '$tmp/err.txt'"
check "truncated gzip is reported" "grep -q '06-trunc.jsonl.gz:[0-9]*: .*truncated or corrupt' '$tmp/err.txt'"
python3 - "$tmp/out.jsonl" <<'PY' || fail=1
import json, sys
ids, errors = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)                 # every output line is valid JSON
    (errors if "error" in d else ids).append(d.get("id"))
need = ["01-badutf", "02-nul", "04-good", "ok-1", "ok-2", "z0"]
missing = [i for i in need if i not in ids]
assert not missing, f"documents lost: {missing}"
assert "huge" in [e for e in errors], errors
z = [i for i in ids if i and i.startswith("z")]
assert 10 < len(z) < 3000, len(z)
print(f"ok: {len(ids)} documents annotated, {len(errors)} error lines, all output valid JSON")
PY
# a good batch exits 0
"$LAGEBILD" annotate "$tmp/04-good.txt" > /dev/null 2>&1
check "a clean batch exits 0" "[ $? -eq 0 ]"
# usage errors exit 2
"$LAGEBILD" annotate --bogus > /dev/null 2>&1
check "unknown option exits 2" "[ $? -eq 2 ]"
"$LAGEBILD" annotate --data /nonexistent x > /dev/null 2> "$tmp/err2.txt"
check "missing data dir exits 2 with a message" "[ $? -eq 2 ] && grep -q 'data directory' '$tmp/err2.txt'"

# malformed HTML and WARC: broken markup is annotated, broken records are
# reported one by one and the good ones still come through
h="$tmp/html"; mkdir -p "$h"
printf '<html><body><div><p>Ein Absatz ohne Ende <b>fett <i>kursiv</p></div><table><td>Zelle<div>x</table><p>Noch ein Satz, der lang genug ist, um Text zu sein.' > "$h/01-broken.html"
printf '<<<>>><!-- nie geschlossen <script>var x = "</p>' > "$h/02-garbage.html"
head -c 3000 /dev/urandom > "$h/03-binary.html"
python3 - "$h/04-bad.warc.gz" "$h/05-plain.warc" <<'PY'
import gzip, sys
def rec(kind, url, block, length=None):
    n = len(block) if length is None else length
    return ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Length: %s\r\n\r\n' % (kind, url, n)).encode() + block + b'\r\n\r\n'
page = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Ein guter Artikel mit genug Text, sagte die Sprecherin am Montag.</p></article></body></html>'
recs = [rec('response', 'https://x.example/gut', page),
        rec('response', 'https://x.example/negativ', page, length='-5'),
        rec('response', 'https://x.example/riesig', page, length='99999999999999999999'),
        b'kein WARC hier\r\n\r\n',
        rec('response', 'https://x.example/ohne-http', b'<html>ohne HTTP-Kopf</html>'),
        rec('response', 'https://x.example/gut2', page)]
with open(sys.argv[1], 'wb') as f:
    for r in recs: f.write(gzip.compress(r))
    f.write(gzip.compress(rec('response', 'https://x.example/halb', page))[:60])   # truncated gzip member
open(sys.argv[2], 'wb').write(b''.join(recs) + b'WARC/1.0\r\nWARC-Type: response\r\n')
PY
"$LAGEBILD" annotate "$h" > "$tmp/hout.jsonl" 2> "$tmp/herr.txt"
check "malformed HTML/WARC batch exits 1" "[ $? -eq 1 ]"
check "broken HTML is annotated with its text" "grep -q '\"id\":\"01-broken\".*\"text\":\"Ein Absatz ohne Ende' '$tmp/hout.jsonl'"
check "garbage and binary HTML give a line each" "grep -q '\"id\":\"02-garbage\"' '$tmp/hout.jsonl' && grep -q '\"id\":\"03-binary\"' '$tmp/hout.jsonl'"
check "WARC: bad Content-Length reported with record and URL" "grep -q '04-bad.warc.gz: record 2 (https://x.example/negativ): missing or malformed Content-Length' '$tmp/herr.txt'"
check "WARC: oversized record reported" "grep -q 'record 3 (https://x.example/riesig)' '$tmp/herr.txt'"
check "WARC: a response without HTTP headers reported" "grep -q 'ohne-http): response without HTTP headers' '$tmp/herr.txt'"
check "WARC: truncated gzip reported" "grep -q '04-bad.warc.gz.*truncated or corrupt\|04-bad.warc.gz.*unexpected end' '$tmp/herr.txt'"
check "WARC: good records before and after the broken ones" "[ \$(grep -c 'x.example/gut' '$tmp/hout.jsonl') -eq 4 ]"
check "WARC: truncated header at the end of a plain WARC" "grep -q '05-plain.warc: record [0-9]*: WARC headers without end' '$tmp/herr.txt'"
python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/hout.jsonl"
check "all HTML/WARC output lines are valid JSON" "[ $? -eq 0 ]"

# files that are no articles: a CSV table, a ZIP archive, a PDF, random bytes - each
# refused with a message naming it and what it is; the text file among them is read
nb="$tmp/notart"; mkdir -p "$nb"
printf 'id,text\n1,"Merkel traf Macron."\n' > "$nb/table.csv"
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.writestr('a.txt','Text'); z.close()" "$nb/archive.txt"
printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$nb/doc.txt"
# random bytes, the first one '{' (which looks like JSONL) on purpose
python3 -c "import random,sys; r=random.Random(7); sys.stdout.buffer.write(b'{' + bytes(r.randrange(256) for _ in range(4095)))" > "$nb/noise.txt"
echo "Die Regierung traf sich am Montag in Berlin." > "$nb/real.txt"
"$LAGEBILD" annotate "$nb/table.csv" "$nb/archive.txt" "$nb/doc.txt" "$nb/noise.txt" "$nb/real.txt" > "$tmp/nout.jsonl" 2> "$tmp/nerr.txt"
check "non-articles: exit 1" "[ $? -eq 1 ]"
check "a CSV table is refused, pointing to JSONL" "grep -q 'table.csv: a CSV or TSV table is not an article.*JSONL' '$tmp/nerr.txt'"
check "a ZIP archive is refused" "grep -q 'archive.txt: a ZIP archive.* is not an article' '$tmp/nerr.txt'"
check "a PDF is refused" "grep -q 'doc.txt: a PDF document is not an article' '$tmp/nerr.txt'"
check "random bytes are refused" "grep -q 'noise.txt: binary data is not an article' '$tmp/nerr.txt'"
check "the real article among them is annotated" "grep -q '\"id\":\"real\"' '$tmp/nout.jsonl' && [ \$(wc -l < '$tmp/nout.jsonl') -eq 5 ]"
exit $fail
