#!/usr/bin/env bash
# ingest-concurrent.sh: ingest annotates outside the write transaction, so a
# slow document does not hold the database's write lock: while one ingest
# annotates a large document, another connection can take the write lock
# within a short timeout, and a second ingest on the same database succeeds.
# Also: --jobs 1 and --jobs 3 store the same documents in the same order,
# and a FIFO as input is read once (no progress pre-count that consumes it).
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}" "${LAGEBILD_DATA:?}"
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

mkdir "$tmp/in"
cp "$SRCDIR/examples/de-gipfel-berlin.txt" "$tmp/in/a.txt"
for i in $(seq 1 1200); do cat "$SRCDIR"/examples/*.txt; printf '\n\n'; done > "$tmp/in/b.txt"   # ~3 MB
printf 'Die Bundesregierung sagte der Ukraine Hilfe zu.\n' > "$tmp/c.txt"

# While the first ingest annotates the large b.txt, a.txt is committed already
# and the write lock is free: another connection takes it at once (before, the
# transaction that stored a.txt stayed open while b.txt was annotated).
"$LAGEBILD" ingest --quiet --jobs 1 --db "$tmp/t.db" "$tmp/in" & pid=$!
cat > "$tmp/probe.py" <<'PY'
import os, sqlite3, sys, time
db, pid = sys.argv[1], int(sys.argv[2])
def alive():
    try: os.kill(pid, 0); return True
    except OSError: return False
free_between = 0
while alive() and not free_between:
    time.sleep(0.02)
    try:
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=0)
        n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        c.close()
        if n != 1: continue
        w = sqlite3.connect(db, timeout=0)
        w.execute("BEGIN IMMEDIATE"); w.execute("ROLLBACK"); w.close()
        free_between = 1
    except sqlite3.Error:
        pass
print(free_between)
PY
python3 "$tmp/probe.py" "$tmp/t.db" "$pid" > "$tmp/probe.txt"
"$LAGEBILD" ingest --quiet --db "$tmp/t.db" "$tmp/c.txt"; rc2=$?
wait "$pid"; rc1=$?
check "first ingest exits 0" "[ $rc1 -eq 0 ]"
check "second ingest exits 0" "[ $rc2 -eq 0 ]"
check "write lock free while the large document is annotated" "[ \"\$(cat '$tmp/probe.txt')\" = 1 ]"
check "all three stored" "\"$LAGEBILD\" stats --db '$tmp/t.db' | grep -q '^documents *3\$'"

# the same documents in the same order, whatever the number of threads
cp "$SRCDIR"/examples/*.txt "$SRCDIR"/examples/articles.jsonl "$tmp/in/"
rm "$tmp/in/b.txt"
for j in 1 3; do
  "$LAGEBILD" ingest --quiet --jobs $j --db "$tmp/j$j.db" "$tmp/in"
  "$LAGEBILD" events --db "$tmp/j$j.db" --format csv --limit 1000 > "$tmp/j$j.csv"
  "$LAGEBILD" export --db "$tmp/j$j.db" --limit 1000 > "$tmp/j$j.jsonl"
done
check "--jobs 1 and 3: same events" "[ -s '$tmp/j1.csv' ] && cmp -s '$tmp/j1.csv' '$tmp/j3.csv'"
check "--jobs 1 and 3: same export" "[ -s '$tmp/j1.jsonl' ] && cmp -s '$tmp/j1.jsonl' '$tmp/j3.jsonl'"
check "--jobs 0 refused" "! \"$LAGEBILD\" ingest --jobs 0 --db '$tmp/x.db' '$tmp/c.txt' 2> /dev/null"

# a FIFO is read once, also with a progress bar on a terminal
if command -v script > /dev/null; then
  mkfifo "$tmp/fifo"
  cat "$SRCDIR/examples/articles.jsonl" > "$tmp/fifo" &
  timeout 60 script -qec "'$LAGEBILD' ingest --db '$tmp/f.db' '$tmp/fifo'" /dev/null > "$tmp/fifo.out" 2>&1; rc=$?
  n=$(grep -c . "$SRCDIR/examples/articles.jsonl")
  check "FIFO on a terminal: exit 0" "[ $rc -eq 0 ]"
  check "FIFO on a terminal: every document stored" "\"$LAGEBILD\" stats --db '$tmp/f.db' | grep -q \"^documents *$n\$\""
fi
exit $fail
