#!/bin/bash
# store-e2e.sh: ingests the example articles (examples/, else the bundled
# tests/cli/data-store/) into a fresh database and checks every query command:
# counts, idempotent re-ingest, stemmed search, output formats, limits, and
# that events/export/stats agree with each other.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}" "${TESTDIR:?}" "${SRCDIR:?}"
T=$(mktemp -d /tmp/lb-store-e2e.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
L() { "$LAGEBILD" "$@"; }

IN="$TESTDIR/cli/data-store"
if [ -d "$SRCDIR/examples" ] && [ -n "$(ls -A "$SRCDIR/examples" 2>/dev/null)" ]; then IN="$SRCDIR/examples"; fi
cd "$T"

L ingest --quiet "$IN" || fail "ingest exited $?"
[ -f lagebild.db ] || fail "no ./lagebild.db by default"
ndocs=$(L stats --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
[ -n "$ndocs" ] && [ "$ndocs" -ge 3 ] || fail "stats: expected at least 3 documents, got '$ndocs'"
L stats --format json | grep -q '"events":[0-9]' || fail "stats json lacks events"
L stats --format json | grep -q '"quotes":[0-9]' || fail "stats json lacks quotes"
L stats | grep -q '^documents *'"$ndocs"'$' || fail "stats table"

# idempotent: a second ingest stores nothing new
L ingest --quiet "$IN" || fail "re-ingest exited $?"
[ "$(L stats --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')" = "$ndocs" ] || fail "re-ingest changed the document count"

# --db elsewhere, reading from stdin
cat "$TESTDIR/cli/data-store/articles.jsonl" | L ingest --quiet --db "$T/other.db" - || fail "ingest from stdin"
L stats --db "$T/other.db" --format json | grep -q '"documents":3' || fail "stdin ingest: 3 documents expected"

# full-text search with stemming (German and English), snippets, formats
out=$(L search --db other.db Sanktion)
echo "$out" | grep -q '^de-001 ' || fail "search Sanktion: $out"
echo "$out" | grep -q '\[Sanktionen\]' || fail "search: no highlighted snippet: $out"
echo "$out" | grep -q 'en-001' && fail "search Sanktion found the English article"
L search --db other.db --format json negotiators | grep -q '"doc":"en-001"' || fail "search negotiators"
L search --db other.db --format csv Paris | head -1 | grep -q '^doc,date,source,title,score,snippet$' || fail "search csv header"
L search --db other.db --format csv Paris | grep -q '^de-002,2024-05-20,Testblatt' || fail "search csv row"
L search --db other.db --raw 'Paris OR Geneva' --format json | grep -c '"doc":' | grep -q '^2$' || fail "raw FTS query"
L search --db other.db 'tränengas' | grep -q 'de-002' || fail "search is case-insensitive"
L search --db other.db --limit 1 --format json Die 2>"$T/err" >/dev/null
grep -q 'more matched' "$T/err" || fail "truncation note missing"
L search --db other.db --limit 1 Die | grep -q '^(first 1 rows shown' || fail "table truncation note"

# events, quotes, export and stats agree
nev=$(L stats --format json | sed -n 's/.*"events":\([0-9]*\).*/\1/p')
nexp=$(L export --limit 1000000 | wc -l)
[ "$nexp" = "$nev" ] || fail "export has $nexp records, stats says $nev events"
nevj=$(L events --limit 1000000 --format json | grep -c '^{')
[ "$nevj" = "$nev" ] || fail "events --format json has $nevj rows, stats says $nev"
L events | head -1 | grep -q '^event_id *date *precision *actor *type *mode *recipient *flags' || fail "events table header"
L events --format csv | head -1 | grep -q '^event_id,date,precision,actor,type,mode,recipient,flags,goldstein,confidence,doc,source,sentence,title,url$' || fail "events csv header"
L export --format csv | head -1 | grep -q '^event_id,event_date,date_precision,publication_date,event_type,mode,actor_code,actor_sector,actor_name,recipient_code,recipient_sector,recipient_name,negated,hypothetical,' || fail "export csv header"
# flagged events count only when included, and then everywhere alike
nall=$(L stats --include negated,hypothetical --format json | sed -n 's/.*"events":\([0-9]*\).*/\1/p')
[ "$(L export --include all | wc -l)" = "$nall" ] || fail "export --include all disagrees with stats --include"
L events --include bogus 2>/dev/null && fail "--include bogus accepted"
L events --since 2020-13 2>/dev/null && fail "--since 2020-13 accepted"
L events --type assault >/dev/null || fail "--type is case-insensitive"
L events --type FIGHTING 2>/dev/null && fail "--type FIGHTING accepted"
L events --until 2021-02-29 2>/dev/null && fail "--until 2021-02-29 accepted"
L events --until 2024-02-29 >/dev/null || fail "--until 2024-02-29 (a leap day) refused"
# actor filters: codes, code/sector, names in German and English resolve alike; nothing is an error
ndeu=$(L events --actor DEU --include all --format csv | wc -l)
[ "$ndeu" -gt 1 ] || fail "no DEU events in the examples"
[ "$(L events --actor Deutschland --include all --format csv | wc -l)" = "$ndeu" ] || fail "--actor Deutschland differs from DEU"
[ "$(L events --actor Germany --include all --format csv | wc -l)" = "$ndeu" ] || fail "--actor Germany differs from DEU"
[ "$(L events --actor DEU/GOV --include all --format csv | wc -l)" -gt 1 ] || fail "--actor DEU/GOV"
L events --actor Narnia >/dev/null 2>"$T/err" && fail "--actor Narnia accepted"
grep -q "names no actor" "$T/err" || fail "no message for an unknown actor"
# provenance: documents record the annotator; stats shows it
L stats --format json | grep -q '"annotators":"[0-9]' || fail "stats lacks the annotator version"
L codes | grep -q '^  ASSAULT' || fail "codes lacks ASSAULT"
# tables fit the terminal: narrow columns drop provenance first, then cut the widest
COLUMNS=80 L events --include all | python3 -c 'import sys; w=max(len(l.rstrip("\n")) for l in sys.stdin); sys.exit(w > 80)' || fail "events table wider than 80 columns"
COLUMNS=80 L quotes | python3 -c 'import sys; w=max(len(l.rstrip("\n")) for l in sys.stdin); sys.exit(w > 80)' || fail "quotes table wider than 80 columns"
COLUMNS=400 L events | head -1 | grep -q 'title *url' || fail "a wide terminal shows title and url"
# show: a stored article with its annotations marked, JSON with offsets; unknown ids exit 1
doc1=$(L events --format csv --limit 1 | sed -n '2p' | cut -d, -f11)
[ -n "$doc1" ] || fail "no document id in the events csv"
L show "$doc1" | grep -q '\*{#1 ' || fail "show marks no event trigger"
L show --format json "$doc1" | python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["text"].encode(); e=d["events"][0]; assert e["trigger_start"] < e["trigger_end"] <= len(t)' || fail "show --format json offsets"
L show no-such-document 2>/dev/null; [ $? = 1 ] || fail "show of an unknown id should exit 1"
# explain by stored id: the stored text annotated again, events with provenance
L explain --db lagebild.db "$doc1" | grep -q 'provenance: rule' || fail "explain --db $doc1 shows no provenance"
L explain --db lagebild.db no-such-document 2>/dev/null; [ $? = 1 ] || fail "explain of an unknown stored id should exit 1"
# reannotate: nothing to do with the same dictionaries; all documents after a new --dict
L reannotate 2>"$T/err" || fail "reannotate exited $?"
grep -q ' 0 documents re-annotated' "$T/err" || fail "reannotate without changes: $(cat "$T/err")"
printf 'name\tTestland\tTST\t-\tLOC\tname\n' > "$T/user.tsv"
L ingest --dict "$T/user.tsv" "$IN" 2>"$T/err" >/dev/null
grep -q "reannotate" "$T/err" || fail "ingest with a new --dict does not say that stored documents are stale"
L reannotate --dict "$T/user.tsv" 2>"$T/err" || fail "reannotate --dict exited $?"
grep -q " $ndocs documents re-annotated, 0 failed" "$T/err" || fail "reannotate --dict: $(cat "$T/err")"
[ "$(L stats --format json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')" = "$ndocs" ] || fail "reannotate changed the document count"
nq=$(L stats --format json | sed -n 's/.*"quotes":\([0-9]*\).*/\1/p')
nqj=$(L quotes --limit 1000000 --format json | grep -c '^{')
[ "$nqj" = "$nq" ] || fail "quotes has $nqj rows, stats says $nq"
L actors --format json | grep -q '^{"actors":\[' || fail "actors json"
L timeline USA CHN | grep -q 'balance per month' || fail "timeline table"
L timeline USA CHN --format json | grep -q '^{"months":\[' || fail "timeline json"
L timeline USA CHN --svg "$T/t.svg" >/dev/null || fail "timeline --svg"
grep -q '^<svg ' "$T/t.svg" || fail "no SVG written"

# usage errors
L actors lookup Merkel > "$T/lookup" 2>"$T/err" && grep -q "DEU" "$T/lookup" || fail "actors lookup must resolve Merkel to DEU"
L timeline USA 2>/dev/null; [ $? = 2 ] || fail "timeline with one actor must exit 2"
L events --limit 0 2>/dev/null; [ $? = 2 ] || fail "--limit 0 must be refused"
L events --format xml 2>/dev/null; [ $? = 2 ] || fail "--format xml must be refused"
L events --db "$T/missing.db" 2>"$T/err"; [ $? = 2 ] || fail "missing database must exit 2"
grep -q 'no such database' "$T/err" || fail "missing database message"
[ -f "$T/missing.db" ] && fail "a query created a database"
L search --db other.db 2>/dev/null; [ $? = 2 ] || fail "search without words must exit 2"
for c in ingest events quotes actors timeline search export stats; do
    L "$c" --help | grep -q "^usage: lagebild $c" || fail "$c --help"
done
echo "ok: $ndocs documents, $nev events, $nq quotes"
