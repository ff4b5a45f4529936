#!/bin/bash
# gzip-tail-data-files.sh: issue 14 item 13: plain data appended to a gzip
# file is reported with the file and the offset where it starts (zlib drops it
# quietly); concatenated gzip members and zero padding are no such data; a
# stage whose data files are missing is named in a warning.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-gztail.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
L=$LAGEBILD
command -v gzip >/dev/null || { echo "note: gzip missing, skipped"; exit 0; }

a='{"id":"a","text":"Die Regierung hat am Montag neue Gespräche angekündigt."}'
b='{"id":"b","text":"Der Minister sagte dazu am Dienstag nichts."}'
echo "$a" | gzip > "$T/mixed.jsonl.gz"
gzsize=$(stat -c %s "$T/mixed.jsonl.gz")
echo "$b" >> "$T/mixed.jsonl.gz"
"$L" annotate "$T/mixed.jsonl.gz" >"$T/out" 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "gzip + plain data: exit $rc (want 1)"
grep -q "mixed.jsonl.gz: offset $gzsize: [0-9]* bytes after the end of the gzip data" "$T/err" ||
    fail "no message naming file and offset $gzsize: $(cat "$T/err")"
grep -q '"id":"a"' "$T/out" || fail "the gzip part was not annotated"
"$L" ingest --db "$T/db" "$T/mixed.jsonl.gz" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "ingest of gzip + plain data: exit $rc (want 1)"
grep -q "offset $gzsize" "$T/err" || fail "ingest: no message: $(cat "$T/err")"

# several gzip members (cat a.gz b.gz) and zero padding are read without a word
echo "$a" | gzip > "$T/multi.jsonl.gz"; echo "$b" | gzip >> "$T/multi.jsonl.gz"
"$L" annotate "$T/multi.jsonl.gz" >"$T/out" 2>"$T/err" || fail "multi-member gzip: $(cat "$T/err")"
[ "$(grep -c '"id":"[ab]"' "$T/out")" = 2 ] || fail "multi-member gzip: both documents expected"
[ ! -s "$T/err" ] || fail "multi-member gzip: unexpected message: $(cat "$T/err")"
echo "$a" | gzip > "$T/pad.jsonl.gz"; head -c 512 /dev/zero >> "$T/pad.jsonl.gz"
"$L" annotate "$T/pad.jsonl.gz" >/dev/null 2>"$T/err" || fail "zero padding: $(cat "$T/err")"
[ ! -s "$T/err" ] || fail "zero padding reported: $(cat "$T/err")"
# a text file (not gzip) is untouched by the check
echo "Die Regierung hat neue Gespräche angekündigt." > "$T/plain.txt"
"$L" annotate "$T/plain.txt" >/dev/null 2>"$T/err" || fail "plain text: $(cat "$T/err")"
[ ! -s "$T/err" ] || fail "plain text: unexpected message: $(cat "$T/err")"

# data files: the full data directory gives no warning; an emptied stage and a
# missing tagger model are each named, --quiet silences them
cp -r "$LAGEBILD_DATA" "$T/data"
echo "$a" > "$T/one.jsonl"
"$L" annotate --data "$T/data" "$T/one.jsonl" >/dev/null 2>"$T/err" || fail "full data: $(cat "$T/err")"
! grep -q 'warning' "$T/err" || fail "full data directory warned: $(cat "$T/err")"
rm -rf "$T/data/clean/"*; rm -f "$T/data/morph/en.model"
"$L" annotate --data "$T/data" "$T/one.jsonl" >/dev/null 2>"$T/err" || fail "reduced data: $(cat "$T/err")"
grep -q "warning: .*data/clean: no data files" "$T/err" || fail "empty clean directory not named: $(cat "$T/err")"
grep -q "warning: .*data/morph/en.model: missing" "$T/err" || fail "missing model not named: $(cat "$T/err")"
"$L" annotate --quiet --data "$T/data" "$T/one.jsonl" >/dev/null 2>"$T/err"
! grep -q 'warning' "$T/err" || fail "--quiet still warns: $(cat "$T/err")"
echo "ok: gzip tail reported at offset $gzsize; members and padding accepted; missing data named"
