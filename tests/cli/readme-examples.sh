#!/bin/bash
# readme-examples.sh: the README's query examples run as written on the demo
# database (the bundled examples ingested) and each one prints something.
set -u
: "${LAGEBILD:?}" "${SRCDIR:?}"
T=$(mktemp -d /tmp/lb-readme.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$LAGEBILD" ingest --quiet --db "$T/demo.db" "$SRCDIR/examples" || fail "ingest of the examples"
n=0
while IFS= read -r line; do
    cmd=${line#    build/lagebild }
    cmd=${cmd%%#*}
    cmd=${cmd//build\/demo.db/$T\/demo.db}
    cmd=${cmd//deu-fra.svg/$T\/chart.svg}
    cmd=${cmd//> events.csv/}
    out=$(cd "$T" && eval "\"\$LAGEBILD\" $cmd" 2>&1) || fail "README example failed: $cmd: $out"
    case $cmd in reannotate*) ;; *) [ "$(printf "%s\n" "$out" | wc -l)" -ge 2 ] || fail "README example printed nothing: $cmd" ;; esac
    n=$((n + 1))
done < <(grep -E '^    build/lagebild .*--db build/demo\.db' "$SRCDIR/README.md")
[ "$n" -ge 8 ] || fail "expected at least 8 README examples, found $n"
echo "ok: $n README examples"
