#!/usr/bin/env bash
# web.sh: sets up the browser UI's front-end dependencies reproducibly: npm ci
# installs exactly the versions package-lock.json pins (ECharts, and
# playwright-core for the browser tests; no browser download: the tests use
# Debian's chromium), then the chart library's prebuilt dist file is copied
# to web/vendor/, from where 'lagebild serve' serves it. Idempotent.
# Usage: scripts/web.sh [--check | --serve]
#   --check  only say (exit status) whether it is done
#   --serve  then build lagebild if needed, ingest examples/ into build/demo.db
#            (the demo's database) if missing, and serve the UI on
#            http://127.0.0.1:8080/ until Ctrl-C
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/echarts/dist/echarts.min.js
dst=web/vendor/echarts.min.js
if [ "${1:-}" = "--check" ]; then [ -s "$dst" ]; exit; fi
command -v npm >/dev/null || { echo "web.sh: npm is missing (Debian: apt-get install npm)" >&2; exit 1; }
if [ ! -s "$src" ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2
fi
mkdir -p web/vendor
cp "$src" "$dst"
cp node_modules/echarts/LICENSE web/vendor/echarts.LICENSE.txt
echo "web.sh: $dst ($(node -p "require('./node_modules/echarts/package.json').version"))" >&2
if [ "${1:-}" = "--serve" ]; then
  [ -x build/lagebild ] || { scripts/deps.sh && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null &&
                             cmake --build build -j"$(nproc)" >/dev/null; }
  db=${LAGEBILD_DEMO_DB:-build/demo.db}
  [ -s "$db" ] || build/lagebild ingest --quiet --db "$db" examples/
  echo "web.sh: open the printed URL in a browser; Ctrl-C stops the server" >&2
  exec build/lagebild serve --db "$db" --listen "${LAGEBILD_LISTEN:-127.0.0.1:8080}" --static web
fi
