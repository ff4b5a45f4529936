#!/bin/bash
# store-malformed.sh: malformed input during ingest is reported per document,
# the good documents are stored, and the database stays intact; a file that is
# not a database is refused without being changed.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-store-bad.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

{
    echo '{"id":"ok-1","text":"Die Regierung hat neue Gespräche angekündigt. Der Minister sagte nichts.","date":"2024-01-02"}'
    echo '{"id":"broken","text":"unterminated'
    echo 'not json at all'
    echo '{"id":"no-text"}'
    printf '{"id":"bad-utf8","text":"Kaputte Bytes \\u00e4 hier. Und \xff\xfe dort."}\n'
    echo '{"id":"ok-2","text":"The government announced new talks on Monday. The minister said nothing."}'
    echo '[1,2,3]'
} > "$T/in.jsonl"
printf 'Ein Artikel mit \xc3\x28 kaputtem UTF-8 und einem NUL \x00 Byte.\n' > "$T/bin.txt"

"$LAGEBILD" ingest --db "$T/db" "$T/in.jsonl" "$T/bin.txt" 2>"$T/err" >/dev/null
rc=$?
[ "$rc" = 1 ] || fail "ingest with bad records must exit 1, got $rc"
n=$(grep -c 'lagebild ingest:' "$T/err")
[ "$n" -ge 3 ] || fail "expected per-document errors, got: $(cat "$T/err")"
grep -q 'in.jsonl:2' "$T/err" || fail "the error names the file and line: $(cat "$T/err")"
docs=$("$LAGEBILD" stats --db "$T/db" --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
[ "$docs" -ge 3 ] || fail "good documents not stored ($docs)"
"$LAGEBILD" search --db "$T/db" --format csv Gespräche | grep -q '^ok-1,' || fail "ok-1 not searchable"
"$LAGEBILD" search --db "$T/db" --format csv minister | grep -q '^ok-2,' || fail "ok-2 not searchable"
if command -v sqlite3 >/dev/null; then
    [ "$(sqlite3 "$T/db" 'PRAGMA quick_check')" = ok ] || fail "database damaged"
    [ "$(sqlite3 "$T/db" 'PRAGMA user_version')" = 4 ] || fail "schema version not 4"
fi
# the same input again: only failures are reported, nothing is stored twice
"$LAGEBILD" ingest --db "$T/db" "$T/in.jsonl" "$T/bin.txt" 2>/dev/null >/dev/null
[ "$("$LAGEBILD" stats --db "$T/db" --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')" = "$docs" ] || fail "re-ingest duplicated documents"

# not a database: refused, left alone
echo "just some text, not SQLite" > "$T/notdb"
cp "$T/notdb" "$T/notdb.orig"
"$LAGEBILD" ingest --db "$T/notdb" "$T/in.jsonl" 2>"$T/err" >/dev/null
[ $? = 2 ] || fail "ingest into a non-database must exit 2"
cmp -s "$T/notdb" "$T/notdb.orig" || fail "the non-database file was changed"
"$LAGEBILD" events --db "$T/notdb" 2>/dev/null >/dev/null; [ $? = 2 ] || fail "events on a non-database must exit 2"
# an unwritable database directory is a setup error
"$LAGEBILD" ingest --db /nonexistent-dir/x.db "$T/in.jsonl" 2>/dev/null >/dev/null; [ $? = 2 ] || fail "bad --db path must exit 2"
echo "ok: $docs good documents stored, errors reported per document"
