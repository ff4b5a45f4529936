#!/bin/bash
# serve-ui.sh: the browser end-to-end tests (tests/e2e/ui.mjs) in real
# headless Chromium: 'lagebild serve' on a database ingested from examples/,
# every view checked against the API, a click from a timeline bar to an event
# to its highlighted sentence, screenshots saved as artefacts (in
# e2e-screenshots/ under the test's build directory, or $LB_ARTEFACTS); then a
# hostile article (<script>, <img onerror>, javascript: URLs) must stay inert.
# Skips (and says so) only when Chromium is not installed.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}" "${TESTDIR:?}" "${SRCDIR:?}"
CHROMIUM=${LB_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "SKIP: $CHROMIUM is not installed (scripts/deps.sh --test installs Debian's chromium); browser tests not run"
  exit 0
fi
fail() { echo "FAIL: $*"; exit 1; }
command -v node >/dev/null || fail "node is missing"
"$SRCDIR/scripts/web.sh" || fail "scripts/web.sh could not install the front-end packages"
T=$(mktemp -d /tmp/lb-serve-ui.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
SHOTS=${LB_ARTEFACTS:-$PWD/e2e-screenshots}
mkdir -p "$SHOTS"

# serve DB: starts the server on a free loopback port, sets B (its URL)
serve() {
  rm -f "$T/url"     # not the previous server's URL: the redirect below may truncate late
  "$LAGEBILD" serve --db "$1" --listen 127.0.0.1:0 --static "$SRCDIR/web" --threads 2 > "$T/url" 2> "$T/err" &
  PID=$!
  for _ in $(seq 300); do [ -s "$T/url" ] && break; sleep 0.1; done
  B=$(head -1 "$T/url")
  case "$B" in http://127.0.0.1:*) ;; *) fail "serve printed no URL: $(cat "$T/err")";; esac
}
stop() { kill -TERM "$PID"; wait "$PID"; PID=""; }

"$LAGEBILD" ingest --quiet --db "$T/ex.db" "$SRCDIR/examples" || fail "ingest examples"
serve "$T/ex.db"
node "$TESTDIR/e2e/ui.mjs" views "$B" "$SHOTS" || fail "views (screenshots in $SHOTS)"
stop

# a hostile article: markup and script URLs in its text, title and url
cat > "$T/hostile.jsonl" <<'JSON'
{"id": "hostile-1", "date": "2024-05-02", "lang": "de", "source": "<img src=x onerror=\"window.__pwned=5\">", "url": "javascript:window.__pwned=3", "title": "Kommission <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2;alert(2)\">", "text": "Kommission <script>window.__pwned=1</script> warnt\n\nDie Bundesregierung verurteilte Russland scharf <img src=x onerror=\"window.__pwned=2;alert(2)\">. „Wir lassen uns nicht <script>alert(4)</script> einschüchtern“, sagte Scholz in Berlin. Mehr unter javascript:window.__pwned=6 und <a href=\"javascript:window.__pwned=7\">hier</a>."}
JSON
"$LAGEBILD" ingest --quiet --db "$T/hostile.db" "$T/hostile.jsonl" "$SRCDIR/examples" || fail "ingest the hostile article"
serve "$T/hostile.db"
node "$TESTDIR/e2e/ui.mjs" hostile "$B" "$SHOTS" || fail "hostile article"
stop
echo "serve-ui: ok (screenshots in $SHOTS)"
