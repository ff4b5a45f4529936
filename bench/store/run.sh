#!/bin/bash
# run.sh: the store benchmark: generates 1M synthetic events under /tmp (via
# bench_store), prints the library query timings and the ingest throughput,
# then times the CLI commands end to end (process start included).
# usage: bench/store/run.sh [BUILD_DIR] [EVENTS]
set -eu
B=${1:-build}
N=${2:-1000000}
DB=/tmp/lb-bench-store.db
"$B/bench/store/bench_store" --events "$N" --db "$DB"
echo
echo "CLI, end to end (best of 3):"
for cmd in "timeline USA CHN" "timeline DEU FRA --svg /tmp/lb-bench-timeline.svg" \
           "events --actor USA" "events --actor YEM" "events --actor USA --type SANCTION" \
           "events --actor USA --recipient RUS" "stats" "actors --since 2024" "actors --since 2020 --until 2023" \
           "actors --dyads --type ASSAULT" "search sanctions"; do
    best=999999
    for i in 1 2 3; do
        t0=$(date +%s%N)
        "$B/lagebild" $cmd --db "$DB" >/dev/null
        t=$(( ($(date +%s%N) - t0) / 1000000 ))
        [ "$t" -lt "$best" ] && best=$t
    done
    printf '  %-50s %5d ms\n' "lagebild $cmd" "$best"
done
echo "(database: $DB, $(du -h "$DB" | cut -f1); remove it when done)"
