#!/bin/bash
# run.sh: a bounded loopback load benchmark of 'lagebild serve': wrk (Debian)
# against /api/events?actor=USA and /api/timeline?a=USA&b=CHN on the
# 1-million-event benchmark database (bench/store/run.sh builds it at
# /tmp/lb-bench-store.db; it is built here only when missing). Prints
# requests/s and the p50/p99 latency of each, with the reply cache (the
# default) and without it (--cache-mb 0: every request runs its query).
# Listens on 127.0.0.1 only.
# usage: bench/server/run.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [THREADS]
set -eu
B=${1:-build}
SECS=${2:-10}
CONNS=${3:-16}
THREADS=${4:-2}
DB=/tmp/lb-bench-store.db
command -v wrk >/dev/null || { echo "bench/server: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -s "$DB" ] || "$B/bench/store/bench_store" --events 1000000 --db "$DB"
T=$(mktemp -d /tmp/lb-bench-server.XXXXXX)
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$T"' EXIT
echo "wrk: 1 thread, $CONNS connections, ${SECS}s per endpoint, $(nproc) cores shared by server and client; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
for cache in 64 0; do
  "$B/lagebild" serve --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" --cache-mb "$cache" > "$T/url" 2> "$T/err" &
  PID=$!
  for _ in $(seq 100); do [ -s "$T/url" ] && break; sleep 0.1; done
  URL=$(head -1 "$T/url")
  case "$URL" in http://127.0.0.1:*) ;; *) echo "serve did not start: $(cat "$T/err")" >&2; exit 1;; esac
  echo "lagebild serve on $URL, $THREADS worker threads, reply cache ${cache} MiB, database $DB ($(du -h "$DB" | cut -f1))"
  for path in "api/events?actor=USA" "api/timeline?a=USA&b=CHN" "api/stats"; do
    code=$(curl -s -o "$T/body" -w '%{http_code}' "$URL$path")
    [ "$code" = 200 ] || { echo "$path: HTTP $code: $(head -c 300 "$T/body")" >&2; exit 1; }
    wrk -t1 -c"$CONNS" -d"${SECS}s" --latency "$URL$path" > "$T/wrk"
    rps=$(awk '/Requests\/sec/ {print $2}' "$T/wrk")
    p50=$(awk '$1 == "50%" {print $2}' "$T/wrk")
    p99=$(awk '$1 == "99%" {print $2}' "$T/wrk")
    errs=$(awk '/Non-2xx|Socket errors/' "$T/wrk")
    printf '  %-28s %9s req/s   p50 %8s   p99 %8s  (%s bytes/reply) %s\n' "/$path" "$rps" "$p50" "$p99" "$(wc -c < "$T/body")" "$errs"
  done
  kill -TERM "$PID"; wait "$PID" || true; PID=""
done
