#!/usr/bin/env bash
# output-injection.sh: article text, ids, titles and sources are hostile:
# escape sequences (ESC [, OSC 52 clipboard writes, C1 CSI, BEL) never reach
# the terminal raw from the table output of quotes, events, search, stats or
# from explain and error messages; CSV text cells that a spreadsheet would
# run as a formula (= + - @) get a leading single quote; numbers stay numbers.
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}" "${LAGEBILD_DATA:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
# ESC, BEL or C1 CSI (U+009B as UTF-8) in a file?
raw_controls() { LC_ALL=C grep -q -P '\x1b|\x07|\xc2\x9b' "$1"; }

python3 - "$tmp/in.jsonl" <<'PY'
import json, sys
E, BEL, CSI = "\x1b", "\x07", "\u009b"
doc = {"id": "inj-1" + E + "]0;pwned" + BEL, "date": "2024-03-14", "source": "=cmd|'/c calc'!A1",
       "title": "Titel " + E + "[2J",
       "text": "Die Bundesregierung kritisierte Russland " + E + "]52;c;SGVsbG8=" + BEL + " scharf.\n\n"
               "„Wir werden " + E + "[31mhelfen" + CSI + "2J und bleiben“, sagte Olaf Scholz am Montag.\n\n"
               "„-2+3 ist die Antwort“, sagte Olaf Scholz.\n"}
open(sys.argv[1], "w").write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
check "the input holds C1 controls" "raw_controls '$tmp/in.jsonl'"
"$LAGEBILD" ingest --quiet --db "$tmp/t.db" "$tmp/in.jsonl" 2> /dev/null; rc=$?
check "ingest exits 0" "[ $rc -eq 0 ]"

for cmd in quotes events "search Scholz" stats; do
  "$LAGEBILD" $cmd --db "$tmp/t.db" > "$tmp/out.txt" 2>&1
  check "$cmd table: lines printed" "[ -s '$tmp/out.txt' ]"
  check "$cmd table: no raw control" "! raw_controls '$tmp/out.txt'"
  "$LAGEBILD" $cmd --db "$tmp/t.db" --format json > "$tmp/out.json" 2>&1
  check "$cmd json: no raw control" "! raw_controls '$tmp/out.json'"
  check "$cmd json: valid JSON" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '$tmp/out.json'"
done
check "quotes table: the quote is shown" "grep -q 'helfen' <(\"$LAGEBILD\" quotes --db '$tmp/t.db')"

"$LAGEBILD" quotes --db "$tmp/t.db" --format csv > "$tmp/q.csv"
check "quotes csv: no raw control" "! raw_controls '$tmp/q.csv'"
check "csv: formula source neutralised" "grep -q \",'=cmd\" '$tmp/q.csv'"
check "csv: no cell starts with = + - @" "! grep -qE '(^|,)[=+@-]' '$tmp/q.csv'"
check "csv: quote starting with - neutralised" "grep -q \",'-2+3 ist\" '$tmp/q.csv'"
"$LAGEBILD" events --db "$tmp/t.db" --format csv > "$tmp/e.csv"
check "events csv: negative Goldstein stays a number" "grep -q ',-2.0,' '$tmp/e.csv'"
check "events csv: no raw control" "! raw_controls '$tmp/e.csv'"

"$LAGEBILD" explain "$tmp/in.jsonl" > "$tmp/x.txt" 2>&1
check "explain: events shown" "grep -q ' event 1: ' '$tmp/x.txt'"
check "explain: no raw control" "! raw_controls '$tmp/x.txt'"
exit $fail
