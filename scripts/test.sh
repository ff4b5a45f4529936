#!/usr/bin/env bash
# test.sh: sets everything up on a fresh Debian machine and runs the full test
# suite: a release build and a sanitizer (ASan+UBSan) build, each with all
# CTest tests (the browser tests in headless Chromium among them), then valgrind over the CLI on the example articles.
# Finally every libFuzzer target runs for LB_FUZZ_SECONDS seconds (default 10;
# 0 skips fuzzing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
scripts/web.sh   # the UI's chart library and playwright-core (npm ci, pinned by package-lock.json)
jobs=$(nproc)

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" >/dev/null
(cd build && ctest --output-on-failure -j"$jobs")

echo "== sanitizer build (ASan+UBSan) and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLB_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
   ctest --output-on-failure -j"$jobs")

echo "== valgrind over the CLI"
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
  build/lagebild annotate examples/ > /dev/null
echo "valgrind: clean"

fuzz_seconds=${LB_FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzzing, ${fuzz_seconds}s per target"
  bash tests/fuzz/run.sh "$fuzz_seconds"
fi
echo "== all tests passed"
