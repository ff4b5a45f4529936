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
L events | head -1 | grep -q '^date *actor *type *mode *recipient *flags' || fail "events table header"
L events --format csv | head -1 | grep -q '^date,actor,type,mode,recipient,flags,goldstein,confidence,doc,source,sentence$' || fail "events csv header"
L export --format csv | head -1 | grep -q '^event_id,date,event_type' || fail "export csv header"
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
