#!/bin/bash
# hostile-files.sh: issue 14 regression tests: read-only databases (directory
# and file), a damaged data page, a negative schema version, gzip bombs
# (blank lines, a flood of bad records, text past the size cap), UTF-8 BOM
# and CR-only line ends, bad option values and literal --speaker matching.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-hostile.XXXXXX)
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
L=$LAGEBILD

"$L" ingest --db "$T/db" "$here/data-store/articles.jsonl" >/dev/null 2>&1 || fail "ingest of the sample failed"

# --- negative schema version: refused with a message (was migrations[-1], UBSan)
if command -v sqlite3 >/dev/null; then
    cp "$T/db" "$T/neg.db"
    sqlite3 "$T/neg.db" 'PRAGMA user_version=-1' || fail "sqlite3"
    "$L" stats --db "$T/neg.db" >/dev/null 2>"$T/err"; rc=$?
    [ $rc = 2 ] || fail "negative schema version: stats exit $rc"
    grep -q 'schema version -1' "$T/err" || fail "negative schema version message: $(cat "$T/err")"
    "$L" ingest --db "$T/neg.db" "$here/data-store/articles.jsonl" >/dev/null 2>"$T/err"; rc=$?
    [ $rc = 2 ] || fail "negative schema version: ingest exit $rc"
fi

# --- a damaged data page: ingest refuses and leaves the file alone; queries fail cleanly or answer
python3 - "$T/db" "$T/bad.db" <<'PY' || fail "python3"
import sys, shutil
shutil.copy(sys.argv[1], sys.argv[2])
f = open(sys.argv[2], 'r+b'); f.seek(0)
hdr = f.read(100); ps = int.from_bytes(hdr[16:18], 'big') or 65536
n = int.from_bytes(hdr[28:32], 'big')
pg = n // 2                                  # a page in the middle, not the schema page
f.seek(pg * ps); f.write(b'\x0d\xff\xff\xff\xff'); f.close()
PY
cp "$T/bad.db" "$T/bad.orig"
"$L" ingest --db "$T/bad.db" "$here/data-store/articles.jsonl" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 2 ] || fail "ingest into a damaged database must exit 2, got $rc"
grep -q 'damaged' "$T/err" || fail "damaged database message: $(cat "$T/err")"
cmp -s "$T/bad.db" "$T/bad.orig" || fail "ingest wrote into a damaged database"
for c in stats events quotes actors timeline; do
    "$L" $c --db "$T/bad.db" >/dev/null 2>"$T/err"; rc=$?
    [ $rc -le 2 ] || fail "$c on a damaged database crashed (exit $rc)"
    [ $rc = 0 ] || [ -s "$T/err" ] || fail "$c failed without a message"
done

# --- read-only directory and file (needs a non-root user: root ignores modes)
NB=()
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null && NB=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if [ "$(id -u)" != 0 ] || [ ${#NB[@]} -gt 0 ]; then
    chmod 755 "$T"
    mkdir "$T/ro" "$T/rw"
    cp "$T/db" "$T/ro/db"; cp "$T/db" "$T/rw/db"
    chmod 444 "$T/ro/db" "$T/rw/db"; chmod 555 "$T/ro"
    [ "$(id -u)" = 0 ] && chown 65534 "$T/rw"
    chmod 755 "$T/rw"
    for d in ro rw; do
        "${NB[@]}" "$L" stats --db "$T/$d/db" --format json >"$T/out" 2>"$T/err"; rc=$?
        [ $rc = 0 ] || fail "stats on a read-only database ($d dir) exit $rc: $(cat "$T/err")"
        grep -q '"documents":[1-9]' "$T/out" || fail "stats on a read-only database: $(cat "$T/out")"
        "${NB[@]}" "$L" search --db "$T/$d/db" --format csv Regierung >"$T/out" 2>"$T/err" || fail "search read-only ($d): $(cat "$T/err")"
        "${NB[@]}" "$L" ingest --db "$T/$d/db" "$here/data-store/articles.jsonl" >/dev/null 2>"$T/err"; rc=$?
        [ $rc = 2 ] || fail "ingest into a read-only database ($d dir) must exit 2 at open, got $rc"
        grep -q 'read-only' "$T/err" || fail "read-only message ($d): $(cat "$T/err")"
        [ "$(grep -c . "$T/err")" = 1 ] || fail "ingest into a read-only database reported per document: $(cat "$T/err")"
    done
else
    echo "note: read-only checks skipped (root without setpriv)"
fi

# --- gzip bombs: cheap on blank lines, error output capped, oversized text refused
python3 - "$T" <<'PY' || fail "python3"
import gzip, sys
t = sys.argv[1]
with gzip.open(t + '/blank.jsonl.gz', 'wb', compresslevel=9) as f:
    for _ in range(64): f.write(b'\n' * (1 << 20))
with gzip.open(t + '/braces.jsonl.gz', 'wb', compresslevel=9) as f:
    f.write(b'{}\n' * 200000)
with gzip.open(t + '/big.txt.gz', 'wb', compresslevel=9) as f:
    for _ in range(40): f.write(b'Wort ' * (1 << 18))
PY
s0=$(date +%s)
timeout 60 "$L" annotate "$T/blank.jsonl.gz" >"$T/out" 2>"$T/err"; rc=$?
s1=$(date +%s)
[ $rc = 0 ] || fail "64 MB of blank lines: exit $rc"
[ $((s1 - s0)) -le 20 ] || fail "64 MB of blank lines took $((s1 - s0)) s"
timeout 60 "$L" annotate "$T/braces.jsonl.gz" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "200000 bad records: exit $rc"
[ "$(wc -c <"$T/err")" -lt 20000 ] || fail "error output not capped: $(wc -c <"$T/err") bytes"
grep -q '199980 more error' "$T/err" || fail "no count of the errors not shown: $(tail -2 "$T/err")"
timeout 60 "$L" ingest --db "$T/g.db" "$T/braces.jsonl.gz" >/dev/null 2>"$T/err"
[ "$(wc -c <"$T/err")" -lt 20000 ] || fail "ingest error output not capped"
timeout 60 "$L" annotate "$T/big.txt.gz" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "50 MB text from gzip: exit $rc"
grep -q 'larger than' "$T/err" || fail "oversized text message: $(cat "$T/err")"

# --- UTF-8 BOM and CR-only line ends (JSONL, text, dictionary)
printf '\xef\xbb\xbf{"id":"a","text":"Die Regierung tagt."}\r{"id":"b","text":"Der Minister spricht."}\r\r{"id":"c"\r' >"$T/bomcr.jsonl"
"$L" annotate "$T/bomcr.jsonl" >"$T/out" 2>"$T/err"
[ "$(grep -c '"id":"a"' "$T/out")" = 1 ] || fail "BOM: the first record was lost: $(cat "$T/err")"
grep -q '"id":"b"' "$T/out" || fail "CR-only: the second record was lost"
grep -q 'bomcr.jsonl:4:' "$T/err" || fail "CR-only: line numbers: $(cat "$T/err")"
printf '\xef\xbb\xbfRegierung plant Gesetz\rBerlin - Die Ministerin sagte am Montag etwas.\rZweiter Absatz.' >"$T/bomcr.txt"
"$L" annotate "$T/bomcr.txt" >"$T/out" 2>"$T/err" || fail "BOM/CR text: $(cat "$T/err")"
grep -q '"title":"Regierung plant Gesetz"' "$T/out" || fail "BOM/CR text: title not the first line: $(head -c 300 "$T/out")"
printf '\xef\xbb\xbfname\tFantasia\tFAN\tGOV\tLOC\tname\t-\tFantasia\r# a comment\rname\tQuuxland\tQUX\tGOV\tLOC\tname\t-\tQuuxland\r' >"$T/dict.tsv"
printf 'Fantasia und Quuxland tagten.\n' >"$T/fq.txt"
"$L" annotate --dict "$T/dict.tsv" "$T/fq.txt" >"$T/out" 2>"$T/err" || fail "BOM/CR dictionary refused: $(cat "$T/err")"
grep -q '"code":"FAN"' "$T/out" || fail "BOM: the first dictionary entry was lost"
grep -q '"code":"QUX"' "$T/out" || fail "CR-only: the dictionary lines were not split"

# --- bad option values: a clear error and exit 2
bad() {
    "$L" "$@" >/dev/null 2>"$T/err"; local rc=$?
    [ $rc = 2 ] || fail "'$*' must exit 2, got $rc"
    [ -s "$T/err" ] || fail "'$*' exits without a message"
}
D=$T/db
bad search --db "$D" --limit " -1" x
bad search --db "$D" --limit -1 x
bad search --db "$D" --limit 0 x
bad search --db "$D" --limit 99999999999999999999 x
bad search --db "$D" --limit 5x x
bad events --db "$D" --since garbage
bad events --db "$D" --until 2024-02-30
bad events --db "$D" --format xml
bad events --db "$D" --include maybe
bad events --db "$D" --type NOT_A_TYPE
bad quotes --db "$D" --limit abc
bad actors --db "$D" --limit 1e3
bad timeline --db "$D" --since 2024-1-1
bad annotate --format xml
bad ingest --db "$T/x.db" --jobs 0 /dev/null
bad ingest --db "$T/x.db" --jobs " 2" /dev/null
bad ingest --db "$T/x.db" --jobs 99999999999999999999 /dev/null
bad ingest --db "$T/x.db" --batch -5 /dev/null
bad serve --db "$D" --threads 4abc
bad serve --db "$D" --threads 0
bad serve --db "$D" --cache-mb -1
bad serve --db "$D" --listen "127.0.0.1: 80"
bad serve --db "$D" --listen 127.0.0.1:65536
# --speaker matches literally: % and _ are no wildcards
n=$("$L" quotes --db "$D" --speaker '%' --format csv | wc -l)
[ "$n" = 1 ] || fail "--speaker % acted as a wildcard ($n lines)"
n=$("$L" quotes --db "$D" --speaker '_' --format csv | wc -l)
[ "$n" = 1 ] || fail "--speaker _ acted as a wildcard ($n lines)"
echo "ok: read-only, damaged, schema version, gzip bombs, BOM/CR, option values"
