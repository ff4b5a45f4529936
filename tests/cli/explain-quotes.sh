#!/usr/bin/env bash
# explain-quotes.sh: `lagebild explain` shows per quote its attribution frame
# and cue, the speaker's words, how they refer to the speaker (name,
# description, pronoun: the discourse layer) and the entity they resolved to.
set -uo pipefail
: "${LAGEBILD:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

cat > "$tmp/in.jsonl" <<'JSON'
{"id":"q1","text":"Berlin – Der russische Außenminister Sergej Lawrow hat am Montag in Genf die Vereinigten Staaten kritisiert. Er sagte, Washington habe die Gespräche blockiert. Laut Lawrow sei eine Einigung dennoch möglich. Der Minister betonte: „Wir bleiben bereit.“"}
{"id":"q2","text":"Nothing was said in this sentence about anything at all."}
JSON
"$LAGEBILD" explain "$tmp/in.jsonl" > "$tmp/out.txt"; rc=$?
check "explain exits 0" "[ $rc -eq 0 ]"
check "three quotes of q1" "[ \$(grep -c '^q1 quote ' '$tmp/out.txt') -eq 3 ]"
check "no quote for q2" "! grep -q '^q2 quote' '$tmp/out.txt'"
check "pronoun speaker resolved" "grep -A2 '^q1 quote 1 (indirect)' '$tmp/out.txt' | grep -q 'speaker: \"Er\" @[0-9]*-[0-9]* (pronoun) -> entity: Sergej Lawrow (RUS'"
check "speech verb frame with its cue" "grep -A1 '^q1 quote 1 ' '$tmp/out.txt' | grep -q 'frame: speech verb \"sagte\" @'"
check "laut frame" "grep -A1 '^q1 quote 2 ' '$tmp/out.txt' | grep -q 'frame: source preposition .* \"Laut\"'"
check "name speaker" "grep -A2 '^q1 quote 2 ' '$tmp/out.txt' | grep -q '\"Lawrow\" @[0-9]*-[0-9]* (name) -> entity: Sergej Lawrow'"
check "description speaker" "grep -A2 '^q1 quote 3 (direct)' '$tmp/out.txt' | grep -q '\"Der Minister\" @[0-9]*-[0-9]* (description) -> entity: Sergej Lawrow'"
exit $fail
