#!/usr/bin/env bash
# demo.sh: sets everything up on a fresh Debian machine and runs the main job
# on the bundled example articles: annotate them and print the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "== lagebild annotate examples/ (contract JSONL, one line per article)" >&2
build/lagebild annotate examples/
