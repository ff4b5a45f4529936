#!/usr/bin/env bash
# run.sh: builds the libFuzzer targets in a separate build dir (build-fuzz,
# clang, ASan+UBSan) and runs each for SECONDS seconds from its seed corpus
# (tests/fuzz/corpus/NAME; new inputs go to build-fuzz/fuzz-work/NAME, never
# into the repository). Exits non-zero when any target crashes, leaks, times
# out or breaks an invariant; the reproducer lands in
# build-fuzz/fuzz-artifacts/NAME/ and the log in build-fuzz/fuzz-logs/NAME.log.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]     (default: all targets)
#   replay one input:  build-fuzz/fuzz/fuzz_text FILE
#   inputs: at most 16 KB, 1.2 MB for fuzz_text and fuzz_store
#   extra libFuzzer flags: LB_FUZZ_ARGS="-len_control=0 -max_len=65536" tests/fuzz/run.sh 60
#
# Needs clang and libFuzzer (Debian: clang-14, libclang-rt-14-dev).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-}
if ! [[ "$secs" =~ ^[0-9]+$ ]]; then
    echo "usage: tests/fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
fi
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_jsonl fuzz_text fuzz_gzip fuzz_dict fuzz_api fuzz_lexicon fuzz_model fuzz_syntax_rules fuzz_html fuzz_warc
    fuzz_store fuzz_query fuzz_cli_opts fuzz_walk fuzz_userdict fuzz_discourse fuzz_prefilter)
build=${LB_FUZZ_BUILD:-$root/build-fuzz}
cc=${CC:-clang}

cmake -S "$root" -B "$build" -DLB_FUZZ=ON -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
make -C "$build" -j2 "${targets[@]}" >/dev/null || { echo "run.sh: build failed" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    seeds="$here/corpus/$name"
    work="$build/fuzz-work/$name"
    art="$build/fuzz-artifacts/$name"
    log="$build/fuzz-logs/$name.log"
    mkdir -p "$work" "$art" "$(dirname "$log")"
    seeds_arg=()
    [ -d "$seeds" ] && seeds_arg=("$seeds")   # a target may have no seed corpus
    # the text targets also get inputs of a megabyte and more (large documents)
    maxlen=16384
    case $t in fuzz_text|fuzz_store) maxlen=1200000 ;; esac
    echo "== $t: ${secs}s (seeds $seeds)"
    "$build/fuzz/$t" -max_total_time="$secs" -max_len=$maxlen ${LB_FUZZ_ARGS:-} -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$art/" "$work" ${seeds_arg[@]+"${seeds_arg[@]}"} > "$log" 2>&1
    rc=$?
    grep -E '^(stat::number_of_executed_runs|stat::peak_rss_mb)|cov:' "$log" | tail -3
    if [ $rc -ne 0 ]; then
        echo "!! $t FAILED (exit $rc); log: $log; reproducer(s):"
        ls "$art"/ 2>/dev/null | sed "s|^|   $art/|"
        grep -m1 -E 'ERROR: |runtime error|fuzz invariant failed|SUMMARY' "$log" | sed 's/^/   /'
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "run.sh: crashes in: ${failed[*]}"
    exit 1
fi
echo "run.sh: no crashes"
