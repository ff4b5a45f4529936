#!/bin/bash
# pipeline-sentence-edges.sh: the whole pipeline (`lagebild annotate`) on
# sentences written to sit on the edges of its windows, each of which once
# crashed a stage: they must annotate (exit 0, one output line each).
# - an event noun as the sentence's first token with a second clause after it
#   (the events stage's participation check read before the sentence start)
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
in='{"id":"a","lang":"de","text":"Mahnwachen, die Proteste, Kundgebungen und Autokorsos in seiner Heimatstadt Bonn am Rhein – das habe ihn getragen."}'
out=$(printf '%s\n' "$in" | "$LAGEBILD" annotate) || fail "annotate failed (status $?)"
[ "$(printf '%s\n' "$out" | grep -c '"id":"a"')" = 1 ] || fail "no output line: $out"
echo ok
