#!/bin/bash
# store-crash.sh: an ingest killed with SIGKILL at arbitrary moments and run
# again stores every document exactly once (idempotent, resumable ingest).
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-store-crash.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

N=20000
awk -v n=$N 'BEGIN{for(i=0;i<n;i++){printf "{\"id\":\"crash-%05d\",\"date\":\"2024-%02d-%02d\",\"lang\":\"de\",\"source\":\"Gen\",\"text\":\"Meldung %d.\\n\\nDie Regierung in Berlin hat am Montag neue Gespräche mit Partnern aus Frankreich angekündigt. Der Minister sagte, man wolle die Zusammenarbeit vertiefen (Zähler %d).\"}\n", i, i%12+1, i%28+1, i, i*7}}' > "$T/in.jsonl"
# a second file that repeats 100 of the documents under other ids: same text, stored once
head -n 100 "$T/in.jsonl" | sed 's/"crash-/"dup-/' > "$T/dup.jsonl"

count() { "$LAGEBILD" stats --db "$T/db" --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'; }

prev=0
for delay in 0.15 0.4 0.3 0.7; do
    "$LAGEBILD" ingest --quiet --batch 25 --db "$T/db" "$T/in.jsonl" "$T/dup.jsonl" &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -f "$T/db" ] || continue
    c=$(count)
    if [ -z "$c" ]; then
        # killed before the schema was committed: the file holds no schema yet
        # (stats asks for a migration), which the next ingest makes
        "$LAGEBILD" stats --db "$T/db" 2>&1 | grep -q "schema version 0 needs migrating" ||
            fail "database unreadable after kill"
        c=0
    fi
    [ "$c" -ge "$prev" ] || fail "documents went from $prev to $c after a kill"
    [ "$c" -le "$N" ] || fail "$c documents after a kill, more than $N"
    echo "after kill at ${delay}s: $c documents"
    prev=$c
done
"$LAGEBILD" ingest --quiet --db "$T/db" "$T/in.jsonl" "$T/dup.jsonl" || fail "final ingest failed"
c=$(count)
[ "$c" = "$N" ] || fail "expected $N documents after resuming, got $c"
# run again: nothing changes
"$LAGEBILD" ingest --quiet --db "$T/db" "$T/in.jsonl" || fail "re-ingest failed"
[ "$(count)" = "$N" ] || fail "re-ingest changed the count"
if command -v sqlite3 >/dev/null; then
    dups=$(sqlite3 "$T/db" "SELECT count(*) FROM (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1)")
    [ "$dups" = "0" ] || fail "$dups documents stored twice"
    ids=$(sqlite3 "$T/db" "SELECT count(DISTINCT doc_id) FROM documents WHERE doc_id LIKE 'crash-%'")
    [ "$ids" = "$N" ] || fail "expected $N distinct ids, got $ids"
    orphans=$(sqlite3 "$T/db" "SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT id FROM documents)")
    [ "$orphans" = "0" ] || fail "$orphans sentences without a document"
    sents=$(sqlite3 "$T/db" "SELECT count(*) FROM sentences")
    [ "$sents" -ge "$N" ] || fail "only $sents sentences for $N documents"
    ok=$(sqlite3 "$T/db" "PRAGMA quick_check")
    [ "$ok" = "ok" ] || fail "quick_check: $ok"
fi
# the full-text index matches the documents
hits=$("$LAGEBILD" search --db "$T/db" --format json --limit 100000 Zusammenarbeit | grep -o "\"doc\":" | wc -l)
[ "$hits" = "$N" ] || fail "search finds $hits documents, expected $N"
echo "ok: $N documents exactly once after 4 kills"
