#!/usr/bin/env bash
# run.sh: the one-core throughput benchmark of lagebild.
#
#   bench/run.sh [--quick] [--build DIR] [--data-root DIR]
#
# (a) converts 10kGNAD test.csv and the FANG-COVID zips to JSONL in a temp dir
#     (bench/corpus_to_jsonl.py; corpus text never enters the repository),
# (b) runs build/bench/lb_bench (library pipelines clean / text / full: docs/s,
#     MB/s, peak RSS),
# (c) times `wc -w` on the same text (the concatenated `text` fields) and prints
#     the ratio of our MB/s to wc's,
# (d) measures the CLI end to end: `lagebild annotate FILE.jsonl > /dev/null`
#     (wall seconds, MB/s; max RSS from GNU time), and `lagebild ingest
#     --jobs 2 --timing` (CPU seconds of reading, annotating and storing),
# (e) says whether the speed targets of issues #2 and #11 are met.
# It prints numbers only; it is not a test and asserts nothing about speed.
# --quick: at most 300 documents per corpus and one run per measurement.
# MB = 10^6 bytes of document text (the `text` fields), in every column.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
data_root=/work/shared/data
quick=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --build) build=$2; shift ;;
        --data-root) data_root=$2; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

limit=0; repeat=3
if [ $quick = 1 ]; then limit=300; repeat=1; fi

if [ ! -x "$build/bench/lb_bench" ] || [ ! -x "$build/lagebild" ]; then
    echo "run.sh: building in $build" >&2
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    make -C "$build" -j2 lb_bench lagebild_cli >/dev/null
fi
grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" 2>/dev/null ||
    echo "run.sh: warning: $build is not a Release build; numbers will be low" >&2

tmp=$(mktemp -d /tmp/lb-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "== corpora (converted to JSONL in $tmp)"
python3 "$here/corpus_to_jsonl.py" "$tmp" --data "$data_root" --limit "$limit" |
    while read -r name docs bytes; do printf '%-12s %6d docs %12d bytes of text\n' "$name" "$docs" "$bytes"; done
corpora=(10kgnad fang-covid)
cat "$tmp/10kgnad.txt" "$tmp/fang-covid.txt" > "$tmp/all.txt"
cat "$tmp/10kgnad.jsonl" "$tmp/fang-covid.jsonl" > "$tmp/all.jsonl"
text_bytes=$(python3 -c 'import sys,json; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/all.jsonl")

# best wall time (seconds) of $repeat runs of a command, output discarded
best_time() {
    local best="" t0 t1 d
    for _ in $(seq "$repeat"); do
        t0=$EPOCHREALTIME
        "$@" > /dev/null
        t1=$EPOCHREALTIME
        d=$(python3 -c "print(f'{$t1 - $t0:.4f}')")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $d < $best else 1)"; then best=$d; fi
    done
    echo "$best"
}
mbs() { python3 -c "print(f'{$1 / 1e6 / $2:.2f}')"; }

echo
echo "== library, one core (lb_bench, best of $repeat)"
for c in "${corpora[@]}"; do
    echo "-- $c"
    "$build/bench/lb_bench" --repeat "$repeat" "$tmp/$c.jsonl"
done
echo "-- all"
bench_out=$("$build/bench/lb_bench" --repeat "$repeat" "$tmp/all.jsonl")
echo "$bench_out"
text_mbs=$(echo "$bench_out" | awk '$1 == "text" { print $6 }')
full_mbs=$(echo "$bench_out" | awk '$1 == "full" { print $6 }')
clauses_mbs=$(echo "$bench_out" | awk '$1 == "+clauses" { print $6 }')
ctx_s=$(echo "$bench_out" | awk '$1 == "ctx" { print $4 }')
peak_mb=$(echo "$bench_out" | awk '$1 == "full" { print $7 }')

echo
echo "== wc -w on the same text ($text_bytes bytes of text fields; the file has one newline per doc more), best of $repeat"
txt_bytes=$(stat -c %s "$tmp/all.txt")
for loc in C.UTF-8 C; do
    s=$(LC_ALL=$loc best_time wc -w "$tmp/all.txt")
    w=$(LC_ALL=$loc wc -w < "$tmp/all.txt")
    m=$(mbs "$txt_bytes" "$s")
    printf 'wc -w LC_ALL=%-8s %10s words %8ss %9s MB/s   text/wc = %s   full/wc = %s\n' "$loc" "$w" "$s" "$m" \
        "$(python3 -c "print(f'{$text_mbs / $m:.3f}')")" "$(python3 -c "print(f'{$full_mbs / $m:.3f}')")"
done

echo
echo "== CLI end to end: lagebild annotate all.jsonl > /dev/null (wall: best of $repeat; max RSS: GNU time)"
ndocs=$(wc -l < "$tmp/all.jsonl")
secs=$(best_time "$build/lagebild" annotate --quiet "$tmp/all.jsonl")
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$tmp/time.out" "$build/lagebild" annotate --quiet "$tmp/all.jsonl" > /dev/null || true
    maxrss=$(python3 -c "print(f'{$(tail -1 "$tmp/time.out") / 1024:.1f}')")
else
    maxrss="? (GNU time missing: apt-get install time)"
fi
printf 'lagebild annotate: %s s, %s MB/s (input text), %s docs/s, max RSS %s MB\n' "$secs" \
    "$(mbs "$text_bytes" "$secs")" "$(python3 -c "print(f'{$ndocs / $secs:.0f}')")" "$maxrss"

echo
echo "== CLI end to end: lagebild ingest --jobs 2 --timing all.jsonl into a new database (one run)"
# CPU seconds per role from the threads' clocks; on idle cores the docs/s is
# at most 2 / (CPU seconds per document) and at most 1 / (writer's seconds per document)
"$build/lagebild" ingest --quiet --jobs 2 --timing --db "$tmp/ingest.db" "$tmp/all.jsonl" 2>&1 |
    sed 's/^lagebild ingest: //'

echo
echo "== target (issue #2): text layer >= 50 MB/s on one core: text = $text_mbs MB/s" \
     "$(python3 -c "print('MET' if $text_mbs >= 50 else 'NOT MET')")"
echo "== target (issue #11): text + morphology + clauses >= 20 MB/s, full >= 5 MB/s, peak RSS <= 256 MB," \
     "load <= 0.15 s: +clauses = $clauses_mbs MB/s, full = $full_mbs MB/s, peak $peak_mb MB, load $ctx_s s" \
     "$(python3 -c "print('MET' if $clauses_mbs >= 20 and $full_mbs >= 5 and $peak_mb <= 256 and $ctx_s <= 0.15 else 'NOT MET')")"
if [ $quick = 1 ]; then
    echo "   (--quick: a few hundred documents, so more of their words are new to the form cache; the targets are for the full run)"
fi
