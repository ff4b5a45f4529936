#!/bin/bash
# store-check.sh: `lagebild check` (issue 14 item 8): a sound database passes
# (exit 0); a damaged data page, rows without their document, aggregates that
# disagree with the events and an unknown schema version are each reported
# with a message naming the problem (exit 1); a missing file is exit 2.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-check.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
L=$LAGEBILD
command -v sqlite3 >/dev/null || { echo "note: sqlite3 missing, skipped"; exit 0; }

"$L" ingest --db "$T/db" "$here/data-store/articles.jsonl" >/dev/null 2>&1 || fail "ingest of the sample failed"
[ "$(sqlite3 "$T/db" 'SELECT count(*) FROM dyad_totals')" -gt 0 ] || fail "the sample has no dyads to check"

"$L" check --db "$T/db" >"$T/out" 2>&1; rc=$?
[ $rc = 0 ] || fail "a sound database: exit $rc: $(cat "$T/out")"
grep -q ': ok' "$T/out" || fail "no ok line: $(cat "$T/out")"
"$L" check --quick --db "$T/db" >/dev/null 2>&1 || fail "--quick on a sound database"

# expect DB PATTERN: check exits 1 and prints a line matching PATTERN
expect() {
    "$L" check --db "$1" >"$T/out" 2>&1; local rc=$?
    [ $rc = 1 ] || fail "$1: exit $rc (want 1): $(cat "$T/out")"
    grep -q -- "$2" "$T/out" || fail "$1: no line matching '$2': $(cat "$T/out")"
    grep -q 'DAMAGED' "$T/out" || fail "$1: no verdict line: $(cat "$T/out")"
}

cp "$T/db" "$T/totals.db"
sqlite3 "$T/totals.db" "UPDATE dyad_totals SET events = events + 1 WHERE (a, r, flags) IN (SELECT a, r, flags FROM dyad_totals LIMIT 1)"
expect "$T/totals.db" 'dyad_totals'

cp "$T/db" "$T/months.db"
sqlite3 "$T/months.db" "UPDATE dyad_months SET gsum = gsum + 2.5 WHERE (a, r, month, type, flags) IN (SELECT a, r, month, type, flags FROM dyad_months LIMIT 1)"
expect "$T/months.db" 'dyad_months'

cp "$T/db" "$T/am.db"
sqlite3 "$T/am.db" "DELETE FROM actor_months WHERE (actor, role, month, flags) IN (SELECT actor, role, month, flags FROM actor_months LIMIT 1)"
expect "$T/am.db" 'actor_months'

cp "$T/db" "$T/orphan.db"
sqlite3 "$T/orphan.db" "PRAGMA foreign_keys=OFF; DELETE FROM documents WHERE id = (SELECT doc FROM events LIMIT 1)"
expect "$T/orphan.db" 'events whose document is missing'

cp "$T/db" "$T/ver.db"
sqlite3 "$T/ver.db" 'PRAGMA user_version=99'
expect "$T/ver.db" 'schema version 99'

# garbage over a data page in the middle of a copy
python3 - "$T/db" "$T/bad.db" <<'PY' || fail "python3"
import sys, shutil
shutil.copy(sys.argv[1], sys.argv[2])
f = open(sys.argv[2], 'r+b')
hdr = f.read(100); ps = int.from_bytes(hdr[16:18], 'big') or 65536
n = int.from_bytes(hdr[28:32], 'big')
f.seek((n // 2) * ps); f.write(b'\x0d\xff\xff\xff\xff' + b'garbage' * 40); f.close()
PY
expect "$T/bad.db" 'SQLite'
"$L" check --quick --db "$T/bad.db" >/dev/null 2>&1; [ $? = 1 ] || fail "--quick misses the damaged page"

"$L" check --db "$T/none.db" >/dev/null 2>&1; [ $? = 2 ] || fail "a missing database must exit 2"
"$L" check --bogus >/dev/null 2>&1; [ $? = 2 ] || fail "an unknown option must exit 2"
[ ! -e "$T/none.db" ] || fail "check created a database"
echo "ok: sound, damaged page, orphans, aggregates, schema version"
