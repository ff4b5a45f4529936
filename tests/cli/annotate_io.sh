#!/usr/bin/env bash
# annotate_io.sh: annotate reads stdin, files and directories, keeps input
# order, and writes one valid contract line per document.
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

printf '{"id":"a","text":"Das ist der erste Satz. Und das ist der zweite."}\n{"id":"b","text":"This is the first sentence. And this is the second one."}\n' \
  | "$LAGEBILD" annotate > "$tmp/stdin.jsonl"
check "stdin JSONL gives two lines" "[ \$(wc -l < '$tmp/stdin.jsonl') -eq 2 ]"
check "order and ids kept" "head -1 '$tmp/stdin.jsonl' | grep -q '^{\"id\":\"a\",\"lang\":\"de\"'"
check "English detected" "tail -1 '$tmp/stdin.jsonl' | grep -q '\"lang\":\"en\"'"
check "sentences by byte offsets" "head -1 '$tmp/stdin.jsonl' | grep -q '\"sentences\":\[\[0,23\],\[24,47\]\]'"
printf 'Ein Artikel aus einer Datei.\n' | "$LAGEBILD" annotate - > "$tmp/plain.jsonl"
check "plain text on stdin is one document" "grep -q '\"id\":\"stdin\"' '$tmp/plain.jsonl'"
gzip -c "$SRCDIR/examples/de-handel-peking.txt" > "$tmp/de-handel-peking.txt.gz"
"$LAGEBILD" annotate "$tmp/de-handel-peking.txt.gz" > "$tmp/gz.jsonl"
"$LAGEBILD" annotate "$SRCDIR/examples/de-handel-peking.txt" > "$tmp/raw.jsonl"
check "gzip read transparently (same output)" "cmp -s '$tmp/gz.jsonl' '$tmp/raw.jsonl'"
"$LAGEBILD" annotate "$SRCDIR/examples" > "$tmp/dir.jsonl"
check "directory: every example article" "[ \$(wc -l < '$tmp/dir.jsonl') -eq 5 ]"
check "README.md in examples is not an article" "! grep -q '\"id\":\"README\"' '$tmp/dir.jsonl'"
check "help works" "'$LAGEBILD' annotate --help | grep -q usage"
exit $fail
