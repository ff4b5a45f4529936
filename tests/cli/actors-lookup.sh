#!/usr/bin/env bash
# actors-lookup.sh: `lagebild actors lookup` resolves names on a date, reads
# --dict files, and rejects malformed dictionaries with file:line errors;
# `annotate --dict` uses a user dictionary too.
set -u
fail=0
check() { if ! grep -q -- "$2" <<<"$1"; then echo "FAIL: expected '$2' in: $1" >&2; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$LAGEBILD" actors lookup Antony Blinken --date 2024-05-01); rc=$?
[ $rc -eq 0 ] || { echo "FAIL: lookup exit $rc" >&2; fail=1; }
check "$out" $'Antony Blinken\tPER name\tUSA/GOV'
check "$out" "<- on this date"
out=$("$LAGEBILD" actors lookup "Antony Blinken" --date 2025-06-01)
check "$out" $'USA/-'
out=$("$LAGEBILD" actors lookup "chinesischen")
check "$out" $'LOC deriv\tCHN/-'
out=$("$LAGEBILD" actors lookup "Xyzzy Plugh"); rc=$?
[ $rc -eq 1 ] || { echo "FAIL: unknown name should exit 1, got $rc" >&2; fail=1; }
check "$out" "not found"

printf 'name\tTestland\tTST\t-\tLOC\tname\n' > "$tmp/ok.tsv"
out=$("$LAGEBILD" actors lookup Testland --dict "$tmp/ok.tsv")
check "$out" $'Testland\tLOC name\tTST/-'

printf '# header\nname\tTestland\tTST\t-\tLAND\tname\n' > "$tmp/bad.tsv"
err=$("$LAGEBILD" actors lookup Testland --dict "$tmp/bad.tsv" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || { echo "FAIL: bad dict should exit 2, got $rc" >&2; fail=1; }
check "$err" "$tmp/bad.tsv:2: type 'LAND'"
err=$(echo '{"id":"a","text":"x"}' | "$LAGEBILD" annotate --dict "$tmp/bad.tsv" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || { echo "FAIL: annotate with bad dict should exit 2, got $rc" >&2; fail=1; }
check "$err" "bad.tsv:2:"
out=$(echo '{"id":"a","text":"Testland grüßt."}' | "$LAGEBILD" annotate --dict "$tmp/ok.tsv")
check "$out" '"code":"TST"'
# a class record takes PER, LOC or ORG (kb.c class_line via parse_type), not OTH
printf 'name\tTestland\tTST\t-\tLOC\tname\nclass\tWeiler\tLOC\n' > "$tmp/class.tsv"
out=$("$LAGEBILD" actors lookup Testland --dict "$tmp/class.tsv"); rc=$?
[ $rc -eq 0 ] || { echo "FAIL: class LOC should load, exit $rc" >&2; fail=1; }
check "$out" $'Testland\tLOC name\tTST/-'     # the file's records are in use
for bad in OTH LAND PE; do
    printf 'class\tWeiler\t%s\n' "$bad" > "$tmp/badclass.tsv"
    err=$("$LAGEBILD" actors lookup Testland --dict "$tmp/badclass.tsv" 2>&1 >/dev/null); rc=$?
    [ $rc -eq 2 ] || { echo "FAIL: class $bad should exit 2, got $rc" >&2; fail=1; }
    check "$err" "badclass.tsv:1: class type '$bad' is not PER, LOC or ORG"
done
err=$("$LAGEBILD" actors lookup 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "FAIL: lookup without a name should exit 2" >&2; fail=1; }
err=$("$LAGEBILD" actors lookup X --date yesterday 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "FAIL: bad --date should exit 2" >&2; fail=1; }
check "$err" "ISO date"
exit $fail
