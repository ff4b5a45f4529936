#!/usr/bin/env bash
# quotes-bad-dictionary.sh: a malformed line in data/quotes/de.cues stops
# annotate with an error that names the file and the line.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$LAGEBILD_DATA"/. "$tmp/"
printf 'verb\tsagte\nnoclass\n' > "$tmp/quotes/de.cues"
echo 'Ein Text.' > "$tmp/in.txt"
if LAGEBILD_DATA="$tmp" "$LAGEBILD" annotate "$tmp/in.txt" > "$tmp/out" 2> "$tmp/err"; then
    echo "annotate succeeded with a malformed dictionary" >&2; exit 1
fi
grep -q 'de.cues:2:' "$tmp/err" || { echo "error does not name de.cues:2:" >&2; cat "$tmp/err" >&2; exit 1; }
# and the good dictionary gives quotes in the output
printf '„Das ist ein Test der Anlage“, sagte Berger.\n' > "$tmp/q.txt"
out=$("$LAGEBILD" annotate "$tmp/q.txt") || exit 1
echo "$out" | grep -q '"kind":"direct"' || { echo "no direct quote: $out" >&2; exit 1; }
echo "$out" | grep -q '"name":"Berger"' || { echo "no speaker Berger: $out" >&2; exit 1; }
echo ok
