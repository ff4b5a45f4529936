#!/usr/bin/env bash
# events-explain.sh: `lagebild explain` runs on articles and prints per
# document either its events (with rule and marked sentence) or "no events";
# malformed event dictionaries are reported as file:line and stop the run.
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}" "${LAGEBILD_DATA:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

check "explain --help" "'$LAGEBILD' explain --help | grep -q usage"
check "explain listed in help" "'$LAGEBILD' help | grep -q explain"
"$LAGEBILD" explain "$SRCDIR/examples" > "$tmp/out.txt"; rc=$?
check "explain exits 0" "[ $rc -eq 0 ]"
check "one report per example article" "[ \$(grep -cE '(: no events\$| event 1: )' '$tmp/out.txt') -eq 5 ]"
check "event lines name their rule" "! grep -q ' event ' '$tmp/out.txt' || grep -q ' rule [a-z]' '$tmp/out.txt'"

# malformed dictionaries: file and line are named, exit status 2
cp -r "$LAGEBILD_DATA" "$tmp/data"
printf 'de.bad\tNOTATYPE\t-\t-\tV\tfoo\n' >> "$tmp/data/events/de.patterns"
n=$(wc -l < "$tmp/data/events/de.patterns")
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "bad PLOVER type: exit 2" "[ $rc -eq 2 ]"
check "bad PLOVER type: file:line" "grep -q 'de.patterns:$n: unknown PLOVER type' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.patterns" "$tmp/data/events/de.patterns"
printf 'de.bad\tAGREE\t-\t-\tV\tfoo\trec=ohnegleichen\n' >> "$tmp/data/events/de.patterns"
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "unknown preposition: exit 2 and message" "[ $rc -eq 2 ] && grep -q 'is not a preposition' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.patterns" "$tmp/data/events/de.patterns"
printf 'nicht\tNOSUCHCLASS\n' >> "$tmp/data/events/de.cues"
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "unknown cue class: exit 2 and message" "[ $rc -eq 2 ] && grep -q 'de.cues:[0-9]*: unknown cue class' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.cues" "$tmp/data/events/de.cues"
printf 'polizei\tpolice\n' >> "$tmp/data/events/de.groups"
n=$(wc -l < "$tmp/data/events/de.groups")
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "bad group sector: exit 2 and file:line" "[ $rc -eq 2 ] && grep -q 'de.groups:$n: sector must be' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.groups" "$tmp/data/events/de.groups"
printf 'de.bad\tCOERCE\t-\t-\tV\tfestnehm*\n' >> "$tmp/data/events/de.patterns"
n=$(wc -l < "$tmp/data/events/de.patterns")
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "weak verb that is no infinitive: file:line" "[ $rc -eq 2 ] && grep -q 'de.patterns:$n: .* is no German infinitive' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.patterns" "$tmp/data/events/de.patterns"
printf 'de.bad\tCOERCE\t-\t-\tV\tfestnehmen\tagent=police\n' >> "$tmp/data/events/de.patterns"
n=$(wc -l < "$tmp/data/events/de.patterns")
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "bad agent= sector: file:line" "[ $rc -eq 2 ] && grep -q 'de.patterns:$n: agent=' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/de.patterns" "$tmp/data/events/de.patterns"
printf 'owndefault\txx\tACCUSE\n' >> "$tmp/data/events/cameo.tsv"
n=$(wc -l < "$tmp/data/events/cameo.tsv")
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "owndefault with an unknown language: file:line" "[ $rc -eq 2 ] && grep -q 'cameo.tsv:$n: unknown language' '$tmp/err.txt'"
cp "$LAGEBILD_DATA/events/cameo.tsv" "$tmp/data/events/cameo.tsv"
printf 'owndefault\tde\tNOTATYPE\n' >> "$tmp/data/events/cameo.tsv"
printf 'x\n' | "$LAGEBILD" annotate --data "$tmp/data" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "owndefault with an unknown type: file:line" "[ $rc -eq 2 ] && grep -q 'cameo.tsv:$n: unknown PLOVER type' '$tmp/err.txt'"
exit $fail
