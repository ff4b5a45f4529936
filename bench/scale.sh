#!/usr/bin/env bash
# scale.sh: the linear-scaling benchmark of lagebild (issue 14).
#
#   bench/scale.sh [--build DIR] [--sizes "1 4 16 30"] [--source FILE.jsonl]
#
# Builds single documents of 1, 4, 16 and 30 MB (10^6 bytes) by concatenating
# the `text` fields of 10kGNAD articles (a JSONL made by corpus_to_jsonl.py from
# /work/shared/data/10kgnad, or --source) paragraph by paragraph until the size
# is reached, annotates each one with `lagebild annotate FILE.txt > /dev/null`
# and prints wall seconds and seconds per MB. The generated texts live in a
# temp dir and are removed. Linear scaling: s/MB flat within 2x across sizes.
# It prints numbers only; it is not a test and asserts nothing about speed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
sizes="1 4 16 30"
source=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2; shift ;;
        --sizes) sizes=$2; shift ;;
        --source) source=$2; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "scale.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$source" ]; then
    python3 "$here/corpus_to_jsonl.py" "$tmp" > /dev/null \
        || { echo "scale.sh: cannot convert 10kGNAD; pass --source FILE.jsonl" >&2; exit 1; }
    source="$tmp/10kgnad.jsonl"
fi

printf '%-8s %10s %10s %10s\n' "MB" "bytes" "seconds" "s/MB"
for mb in $sizes; do
    doc="$tmp/doc$mb.txt"
    python3 - "$source" "$doc" "$mb" <<'PY'
import json, sys
src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
want = int(mb * 1e6)
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
buf, n, i = [], 0, 0
while n < want:
    t = texts[i % len(texts)] + "\n\n"
    b = len(t.encode("utf-8"))
    if n + b > want:
        t = t.encode("utf-8")[: want - n].decode("utf-8", "ignore")
        b = len(t.encode("utf-8"))
        if b == 0: break
    buf.append(t); n += b; i += 1
open(out, "w", encoding="utf-8").write("".join(buf))
PY
    bytes=$(stat -c %s "$doc")
    t0=$(date +%s.%N)
    "$build/lagebild" annotate "$doc" > /dev/null
    t1=$(date +%s.%N)
    awk -v b="$bytes" -v a="$t0" -v z="$t1" -v mb="$mb" \
        'BEGIN { s = z - a; printf "%-8s %10d %10.2f %10.2f\n", mb, b, s, s / (b / 1e6) }'
    rm -f "$doc"
done
