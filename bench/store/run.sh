#!/bin/bash
# run.sh: the store benchmark: generates 1M synthetic events under /tmp (via
# bench_store), prints the library query timings and the ingest throughput,
# then times the CLI commands end to end (process start included).
# usage: bench/store/run.sh [BUILD_DIR] [EVENTS]
# DB=/tmp/other.db picks the database; REUSE=1 keeps the database of an earlier run (building it takes minutes);
# it is migrated to this build's schema by the first command that writes.
# IR=1 adds each command's instruction count (valgrind --tool=callgrind): a
# measure that a busy, shared machine does not distort as it does wall time.
# The first command that resolves an actor name writes the compiled actor
# dictionary snapshot (see README: LAGEBILD_CACHE); the best-of-3 runs read it.
set -eu
B=${1:-build}
N=${2:-1000000}
DB=${DB:-/tmp/lb-bench-store.db}   # under /tmp
if [ "${REUSE:-0}" = 1 ] && [ -f "$DB" ]; then
    echo | "$B/lagebild" ingest --quiet --no-progress --db "$DB" - >/dev/null   # migrates, stores nothing
    "$B/bench/store/bench_store" --reuse --ingest-docs 0 --db "$DB"
else
    "$B/bench/store/bench_store" --events "$N" --db "$DB"
fi
echo
echo "CLI, end to end (best of 3):"
for cmd in "timeline USA CHN" "timeline DEU FRA --svg /tmp/lb-bench-timeline.svg" \
           "timeline Deutschland Frankreich" "timeline Germany China" \
           "events --actor USA" "events --actor YEM" "events --actor USA --type SANCTION" \
           "events --actor USA --recipient RUS" "events --actor Deutschland" "stats" \
           "actors --since 2024" "actors --since 2020 --until 2023" "actors --since 2020-03-15 --until 2023-06-30" \
           "actors --since 2021-07-04" "actors --dyads --type ASSAULT" \
           "actors --dyads --since 2020-03-15 --until 2023-06-30" \
           "search sanctions" "search report" "search talks" "quotes --speaker USA" "export --limit 100"; do
    best=999999
    for i in 1 2 3; do
        t0=$(date +%s%N)
        "$B/lagebild" $cmd --db "$DB" >/dev/null
        t=$(( ($(date +%s%N) - t0) / 1000000 ))
        [ "$t" -lt "$best" ] && best=$t
    done
    if [ "${IR:-0}" = 1 ]; then
        ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B/lagebild" $cmd --db "$DB" 2>&1 >/dev/null |
             awk '/refs:/ {print $NF}')
        printf '  %-50s %5d ms %15s instructions\n' "lagebild $cmd" "$best" "$ir"
    else
        printf '  %-50s %5d ms\n' "lagebild $cmd" "$best"
    fi
done
echo "(database: $DB, $(du -h "$DB" | cut -f1); remove it when done)"
