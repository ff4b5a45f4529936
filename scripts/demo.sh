#!/usr/bin/env bash
# demo.sh: sets everything up on a fresh Debian machine and runs the main job
# on the bundled example articles: annotate them (contract JSONL), ingest them
# into a fresh SQLite database and ask it what an analyst would ask.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
lb=build/lagebild
db=${LAGEBILD_DEMO_DB:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"

echo "== lagebild annotate examples/  (one JSON line per article)"
$lb annotate examples/
echo
echo "== lagebild ingest examples/ --db $db"
$lb ingest --db "$db" examples/
echo
echo "== lagebild stats"
$lb stats --db "$db"
echo
echo "== lagebild events --limit 20"
$lb events --db "$db" --limit 20
echo
echo "== lagebild quotes --limit 20"
$lb quotes --db "$db" --limit 20
echo
echo "== lagebild actors --limit 10"
$lb actors --db "$db" --limit 10
echo
echo "== lagebild search Abkommen"
$lb search --db "$db" Abkommen
