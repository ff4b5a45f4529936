#!/bin/bash
# time-annotate.sh: `lagebild annotate` fills the timex layer (values against
# the input date) and refuses a malformed time rules file with file:line.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(printf '%s\n' '{"id":"a","text":"Putin traf Xi am Donnerstag. Er war letzten Monat in Peking und bleibt seit 100 Jahren Partner.","date":"2024-05-16","lang":"de"}' \
      | "$LAGEBILD" annotate) || fail "annotate failed"
echo "$out" | grep -q '"timex":\[' || fail "no timex layer: $out"
echo "$out" | grep -q '"value":"2024-05-16"' || fail "weekday not resolved: $out"
echo "$out" | grep -q '"value":"2024-04"' || fail "letzten Monat not resolved: $out"
echo "$out" | grep -q '"type":"DURATION","value":"P100Y"' || fail "duration missing: $out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$LAGEBILD_DATA"/. "$tmp"/
printf 'DATE\tabs\t#day @MONTH\nDATE\tbogus\t#day\n' > "$tmp/time/de.rules"
if err=$(printf '%s\n' '{"id":"a","text":"x"}' | LAGEBILD_DATA="$tmp" "$LAGEBILD" annotate 2>&1); then
    fail "malformed rules accepted"
fi
echo "$err" | grep -q 'de.rules:2:' || fail "error lacks file:line: $err"
echo ok
