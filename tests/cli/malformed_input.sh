#!/usr/bin/env bash
# malformed_input.sh: bad input gets a clear error naming file and position,
# the rest of the batch is still annotated, nothing crashes: invalid UTF-8,
# NUL bytes, a 50 MB single line, truncated gzip, malformed JSONL.
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
exit $fail
