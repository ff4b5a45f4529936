#!/usr/bin/env bash
# run_golden.sh BIN NAME: annotates tests/golden/NAME.{txt,jsonl} and compares
# the output with NAME.expected.jsonl. Set LB_UPDATE_GOLDEN=1 to rewrite it.
set -euo pipefail
bin=$1; name=$2; dir=$(cd "$(dirname "$0")" && pwd)
if [ -f "$dir/$name.jsonl" ]; then input="$dir/$name.jsonl"; else input="$dir/$name.txt"; fi
actual=$(mktemp); trap 'rm -f "$actual"' EXIT
"$bin" annotate "$input" > "$actual"
if [ "${LB_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$actual" "$dir/$name.expected.jsonl"; echo "updated $name"; exit 0; fi
if ! diff -u "$dir/$name.expected.jsonl" "$actual"; then echo "golden $name: output differs" >&2; exit 1; fi
echo "golden $name: ok"
