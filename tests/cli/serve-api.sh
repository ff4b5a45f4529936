#!/bin/bash
# serve-api.sh: starts 'lagebild serve' on a free loopback port with a
# database ingested from examples/ and checks every API endpoint against the
# CLI's numbers: stats, events (filters, limit, offset), quotes, actors,
# dyads, timeline, search, suggest, docs, both exports; malformed parameters
# (400), unknown ids and paths (404), path traversal, other methods (405), a
# request body (413), the security headers, and a graceful SIGTERM.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}" "${TESTDIR:?}" "${SRCDIR:?}"
command -v curl >/dev/null || { echo "FAIL: curl is missing (scripts/deps.sh --test installs it)"; exit 1; }
T=$(mktemp -d /tmp/lb-serve-api.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
L() { "$LAGEBILD" "$@"; }
# py EXPR: evaluates a Python expression over the JSON on stdin (bound to j)
py() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

IN="$TESTDIR/cli/data-store"
if [ -d "$SRCDIR/examples" ] && [ -n "$(ls -A "$SRCDIR/examples" 2>/dev/null)" ]; then IN="$SRCDIR/examples"; fi
DB="$T/ex.db"
L ingest --quiet --db "$DB" "$IN" || fail "ingest exited $?"

# a static root of our own: a page, a file outside it and a symlink leading out
mkdir -p "$T/web/sub" "$T/outside"
echo '<!doctype html><title>ui</title>' > "$T/web/index.html"
echo 'body{}' > "$T/web/sub/app.css"
echo 'SECRET' > "$T/outside/secret.txt"
echo 'HIDDEN' > "$T/web/.hidden"
ln -s "$T/outside/secret.txt" "$T/web/link.txt"

"$LAGEBILD" serve --db "$DB" --listen 127.0.0.1:0 --static "$T/web" --threads 2 > "$T/url" 2> "$T/err" &
PID=$!
for _ in $(seq 300); do [ -s "$T/url" ] && break; sleep 0.1; done
B=$(head -1 "$T/url" | sed 's|/$||')
case "$B" in http://127.0.0.1:[0-9]*) ;; *) fail "serve printed no URL: $(cat "$T/url" "$T/err")";; esac

get() { curl -s --max-time 10 "$B$1"; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
expect() { local want=$1; shift; local got; got=$(status "$@"); [ "$got" = "$want" ] || fail "$* -> $got, expected $want"; }

# stats equal the CLI's
cli=$(L stats --db "$DB" --format json)
api=$(get /api/stats)
for k in documents events quotes mentions actors first_event last_event; do
  a=$(echo "$api" | py "j['$k']"); c=$(echo "$cli" | py "j['$k']")
  [ "$a" = "$c" ] || fail "stats $k: api $a, cli $c"
done
nev=$(echo "$api" | py "j['events']")
[ "$nev" -ge 3 ] || fail "too few events ($nev) to test with"

# events: all, filtered by the top dyad's actor, limit and offset
n=$(get "/api/events?limit=1000" | py "len(j['rows'])")
[ "$n" = "$nev" ] || fail "events: $n rows, stats says $nev"
top=$(get "/api/dyads?limit=1" | py "j['rows'][0]['actor']+' '+j['rows'][0]['recipient']+' '+str(j['rows'][0]['events'])")
set -- $top; A=$1; R=$2; NDY=$3
a=$(get "/api/events?actor=$A&limit=1000" | py "len(j['rows'])")
c=$(L events --db "$DB" --actor "$A" --limit 1000 --format json | py "len(j)")
[ "$a" = "$c" ] || fail "events actor=$A: api $a, cli $c"
a=$(get "/api/events?actor=$A&recipient=$R&limit=1000" | py "len(j['rows'])")
[ "$a" = "$NDY" ] || fail "events $A->$R: $a rows, dyads says $NDY"
p3=$(get "/api/events?limit=3" | py "[r['event_id'] for r in j['rows']]")
p2=$(get "/api/events?limit=2&offset=1" | py "[r['event_id'] for r in j['rows']]")
[ "$(echo "$p3" | python3 -c "import ast,sys; print(ast.literal_eval(sys.stdin.read())[1:])")" = "$p2" ] || fail "offset: $p3 vs $p2"
get "/api/events?limit=1" | py "j['more'] and j['limit']==1" | grep -q True || fail "events limit=1: more must be true"
typ=$(get "/api/events?limit=1" | py "j['rows'][0]['type']")
a=$(get "/api/events?type=$(echo "$typ" | tr A-Z a-z)&limit=1000" | py "len(j['rows'])")
c=$(L events --db "$DB" --type "$typ" --limit 1000 --format json | py "len(j)")
[ "$a" = "$c" ] || fail "events type=$typ: api $a, cli $c"
a=$(get "/api/events?since=2024-01&until=2024-12&limit=1000" | py "len(j['rows'])")
c=$(L events --db "$DB" --since 2024-01 --until 2024-12 --limit 1000 --format json | py "len(j)")
[ "$a" = "$c" ] || fail "events since/until: api $a, cli $c"

# quotes, actors, dyads
a=$(get "/api/quotes?limit=1000" | py "len(j['rows'])"); c=$(echo "$cli" | py "j['quotes']")
[ "$a" = "$c" ] || fail "quotes: api $a, stats $c"
spk=$(get "/api/quotes?limit=1" | py "j['rows'][0]['speaker']")
a=$(get "/api/quotes?speaker=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$spk")&limit=1000" | py "len(j['rows'])")
c=$(L quotes --db "$DB" --speaker "$spk" --limit 1000 --format json | py "len(j)")
[ "$a" = "$c" ] || fail "quotes speaker=$spk: api $a, cli $c"
a=$(get "/api/actors?limit=5" | py "[r['code'] for r in j['rows']]")
c=$(L actors --db "$DB" --limit 5 --format json 2>/dev/null | py "[r['code'] for r in j['actors']]")
[ "$a" = "$c" ] || fail "actors: api $a, cli $c"
a=$(get "/api/dyads?limit=5" | py "[(r['actor'],r['recipient'],r['events']) for r in j['rows']]")
c=$(L actors --db "$DB" --limit 5 --format json 2>/dev/null | py "[(r['actor'],r['recipient'],r['events']) for r in j['dyads']]")
[ "$a" = "$c" ] || fail "dyads: api $a, cli $c"

# timeline of the top dyad: the months add up to the dyad's events, as the CLI's
a=$(get "/api/timeline?a=$A&b=$R" | py "sum(r['events'] for r in j['months']['rows'])")
c=$(L timeline --db "$DB" --format json "$A" "$R" | py "sum(r['events'] for r in j['months'])")
[ "$a" = "$c" ] && [ "$a" -ge "$NDY" ] || fail "timeline $A $R: api $a, cli $c, dyad $NDY"
a=$(get "/api/timeline?a=$A&b=$R" | py "sum(r['events'] for r in j['types']['rows'])")
[ "$a" = "$c" ] || fail "timeline types add up to $a, not $c"

# search and suggest
word=$(get "/api/events?limit=1" | py "j['rows'][0]['title'].split()[0]")
a=$(get "/api/search?q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$word")" | py "[r['doc'] for r in j['rows']]")
c=$(L search --db "$DB" --format json "$word" | py "[r['doc'] for r in j]")
[ "$a" = "$c" ] && [ "$a" != "[]" ] || fail "search $word: api $a, cli $c"
get "/api/suggest?q=$(echo "$A" | tr A-Z a-z)" | py "'$A' in [r['code'] for r in j['rows']]" | grep -q True || fail "suggest $A"

# a document with its annotations
doc=$(get "/api/events?limit=1" | py "j['rows'][0]['doc']")
get "/api/docs/$doc" > "$T/doc.json"
python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['text'] and j['events'] and 'sentences' in j" "$T/doc.json" || fail "docs/$doc"
cmp -s <(python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))" "$T/doc.json") \
       <(L show --db "$DB" --format json "$doc" | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))") \
  || fail "docs/$doc differs from 'lagebild show --format json'"

# exports: the same records as the CLI's
get "/api/export.jsonl?limit=100000" > "$T/api.jsonl"
L export --db "$DB" --format plover-jsonl > "$T/cli.jsonl"
cmp -s "$T/api.jsonl" "$T/cli.jsonl" || fail "export.jsonl differs from the CLI's export"
[ "$(wc -l < "$T/api.jsonl")" = "$nev" ] || fail "export.jsonl: $(wc -l < "$T/api.jsonl") lines, $nev events"
get "/api/export.csv" > "$T/api.csv"
L export --db "$DB" --format csv > "$T/cli.csv"
cmp -s "$T/api.csv" "$T/cli.csv" || fail "export.csv differs from the CLI's export"
rows=$(get "/api/export.csv" | python3 -c "import csv,sys; r=list(csv.reader(sys.stdin)); print(len(r)-1, r[0][0])")
[ "$rows" = "$nev event_id" ] || fail "export.csv: $rows"
curl -s -D - -o /dev/null "$B/api/export.csv" | grep -qi '^content-disposition: attachment' || fail "export.csv: no attachment header"
n=$(get "/api/export.jsonl?actor=$A&recipient=$R" | wc -l)
[ "$n" = "$NDY" ] || fail "export.jsonl $A->$R: $n lines, dyad $NDY"

# malformed parameters: 400 with a JSON error
for q in "events?since=2024-13" "events?until=20240101" "events?type=FOO" "events?limit=0" "events?limit=abc" \
         "events?limit=1001" "events?offset=-1" "events?include=bogus" "events?foo=1" "events?actor=A&actor=B" \
         "events?actor=%01" "timeline?a=USA" "timeline" "search" "search?q=" "quotes?type=AGREE" \
         "docs/$doc?x=1" "export.csv?limit=100001" "suggest"; do
  expect 400 "$B/api/$q"
  get "/api/$q" | py "j['status']" | grep -qx 400 || fail "$q: no JSON error"
done
long=$(head -c 300 /dev/zero | tr '\0' a)
expect 400 "$B/api/events?actor=$long"

# unknown ids and paths: 404; path traversal never leaves the static root
expect 404 "$B/api/docs/no-such-doc"
expect 404 "$B/api/nope"
expect 404 "$B/api/"
expect 404 "$B/nope.html"
for p in "/../outside/secret.txt" "/sub/../../outside/secret.txt" "/%2e%2e/outside/secret.txt" "/..%2foutside%2fsecret.txt" \
         "/link.txt" "/.hidden" "/sub/" "/sub" "//etc/passwd" "/..%5coutside%5csecret.txt"; do
  got=$(curl -s --path-as-is --max-time 10 -w ' %{http_code}' "$B$p")
  case "$got" in *SECRET*|*HIDDEN*|*root:*) fail "traversal $p served: $got";; esac
  case "$got" in *" 404") ;; *) fail "traversal $p -> $got, expected 404";; esac
done
expect 200 "$B/"
expect 200 "$B/sub/app.css"
curl -s -D - -o /dev/null "$B/" | grep -qi '^content-type: text/html' || fail "index.html content type"

# methods, bodies, headers
for m in POST PUT DELETE PATCH; do expect 405 -X "$m" "$B/api/stats"; done
curl -s -D - -o /dev/null -X POST "$B/api/stats" | grep -qi '^allow: GET, HEAD' || fail "405 without Allow"
expect 413 -X GET --data-binary 'x=1' "$B/api/stats"
expect 200 -I "$B/api/stats"
for u in /api/stats / /api/nope; do
  h=$(curl -s -D - -o /dev/null "$B$u")
  echo "$h" | grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" || fail "$u: no CSP"
  echo "$h" | grep -qi '^x-content-type-options: nosniff' || fail "$u: no nosniff"
done
big=$(head -c 100000 /dev/zero | tr '\0' a)
got=$(status -H "X-Big: $big" "$B/api/stats")
case "$got" in 200) fail "a 100 kB header was accepted";; esac

# the database is opened read-only: the file is unchanged after all this
sum1=$(sha256sum < "$DB")

# graceful shutdown on SIGTERM
kill -TERM "$PID"
for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$PID" 2>/dev/null && fail "serve still runs 5 s after SIGTERM"
wait "$PID"; rc=$?; PID=""
[ "$rc" = 0 ] || fail "serve exited $rc after SIGTERM"
[ "$(sha256sum < "$DB")" = "$sum1" ] || fail "the database changed"

# setup errors: exit 2 with a message
L serve --db "$T/none.db" --listen 127.0.0.1:0 2>/dev/null; [ $? = 2 ] || fail "missing db must exit 2"
L serve --db "$DB" --listen nohost 2>/dev/null; [ $? = 2 ] || fail "bad --listen must exit 2"
L serve --db "$DB" --listen localhost:0 2>/dev/null; [ $? = 2 ] || fail "non-IPv4 host must exit 2"
# the reply cache follows the database: an ingest by another process shows at once
cp "$DB" "$T/live.db"
rm -f "$T/url"     # not the previous server's URL: the redirect below may truncate late
"$LAGEBILD" serve --db "$T/live.db" --listen 127.0.0.1:0 --static "$T/web" > "$T/url" 2> "$T/err" &
PID=$!
for _ in $(seq 300); do [ -s "$T/url" ] && break; sleep 0.1; done
B=$(head -1 "$T/url" | sed 's|/$||')
d1=$(get /api/stats | py "j['documents']")
d1b=$(get /api/stats | py "j['documents']")
[ "$d1" = "$d1b" ] || fail "cached stats differ"
L ingest --quiet --db "$T/live.db" "$TESTDIR/cli/data-store/articles.jsonl" || fail "ingest into the served database"
sleep 0.6
d2=$(get /api/stats | py "j['documents']")
[ "$d2" -gt "$d1" ] || fail "stats still say $d2 documents after an ingest (was $d1): stale cache"
kill -TERM "$PID"; wait "$PID"; PID=""

echo "serve-api: ok ($nev events, dyad $A->$R)"
