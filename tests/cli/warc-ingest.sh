#!/bin/bash
# warc-ingest.sh: a WARC.gz (one gzip member per record, as Common Crawl
# writes them) with three good HTML responses (UTF-8 and ISO-8859-1), a PDF,
# a 404, request/metadata/warcinfo records, a record with a wrong
# Content-Length and a truncated last record. `ingest` must store exactly
# the three pages with their URLs and dates and report each broken or
# skipped record; `annotate` must give the extracted text, not the markup.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}"
T=$(mktemp -d /tmp/lb-warc.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$T"

python3 - <<'PY' || fail "cannot write the test WARC"
import gzip
def page(title, body, head=''):
    paras = ''.join('<p>%s</p>' % p for p in body)
    return ('<!DOCTYPE html><html lang="de"><head><title>%s | Testblatt</title>%s</head><body>'
            '<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>'
            '<article><h1>%s</h1>%s</article>'
            '<footer>Impressum und Datenschutz</footer></body></html>' % (title, head, title, paras))
def http(status, ctype, body):
    return (b'HTTP/1.1 %d X\r\nContent-Type: %s\r\n\r\n' % (status, ctype.encode())) + body
def record(kind, url, date, block, length=None):
    h = ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n'
         'Content-Length: %d\r\n\r\n' % (kind, url, date, len(block) if length is None else length)).encode()
    return h + block + b'\r\n\r\n'
p1 = page('Der Rat beschließt den Haushalt',
          ['Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, nach langer Debatte.',
           'Die Opposition kritisierte die hohen Ausgaben für den Straßenbau und forderte mehr Geld für Schulen.'],
          '<meta property="article:published_time" content="2024-01-01T08:00:00+01:00">')
p2 = page('Zürich baut eine neue Brücke',
          ['In Zürich beginnt im Frühling der Bau einer neuen Brücke über die Limmat, teilte die Stadt mit.',
           'Die Kosten werden auf zwölf Millionen Franken geschätzt, wie der zuständige Stadtrat sagte.'])
p3 = page('Hafen meldet Rekordumschlag',
          ['Der Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor, hieß es am Montag.',
           'Vor allem der Handel mit Asien habe zugenommen, erklärte die Hafenbehörde bei der Vorstellung der Bilanz.'])
recs = [
    record('warcinfo', '', '2024-02-03T10:00:00Z', b'software: test\r\n'),
    record('request', 'https://a.example/haushalt', '2024-02-03T10:00:01Z', b'GET /haushalt HTTP/1.1\r\nHost: a.example\r\n\r\n'),
    record('response', 'https://a.example/haushalt', '2024-02-03T10:00:01Z', http(200, 'text/html; charset=utf-8', p1.encode('utf-8'))),
    record('metadata', 'https://a.example/haushalt', '2024-02-03T10:00:01Z', b'fetchTimeMs: 12\r\n'),
    record('response', 'https://b.example/bruecke', '2024-02-03T10:00:02Z', http(200, 'text/html; charset=ISO-8859-1', p2.encode('latin-1'))),
    record('response', 'https://c.example/bericht.pdf', '2024-02-03T10:00:03Z', http(200, 'application/pdf', b'%PDF-1.4 binary')),
    record('response', 'https://d.example/weg', '2024-02-03T10:00:04Z', http(404, 'text/html', b'<html><body>Not found</body></html>')),
    record('response', 'https://e.example/kaputt', '2024-02-03T10:00:05Z', http(200, 'text/html', p1.encode('utf-8')), length=100),
    record('response', 'https://f.example/hafen', '2024-02-03T10:00:06Z', http(200, 'text/html', p3.encode('utf-8'))),
]
last = record('response', 'https://g.example/abgeschnitten', '2024-02-03T10:00:07Z', http(200, 'text/html', p3.encode('utf-8')))
with open('crawl.warc.gz', 'wb') as f:
    for r in recs:
        f.write(gzip.compress(r))
    f.write(gzip.compress(last[:len(last) // 2]))
PY

"$LAGEBILD" ingest --quiet --no-progress --db t.db crawl.warc.gz 2>/dev/null
[ $? -eq 1 ] || fail "ingest should exit 1 (some records failed)"
"$LAGEBILD" ingest --no-progress --db t2.db crawl.warc.gz 2>err.txt >/dev/null
for why in "HTTP status 404" "not HTML (application/pdf)" "Content-Length" "truncated"; do
    grep -q "$why" err.txt || fail "no report of: $why ($(cat err.txt))"
done
[ "$(grep -c 'crawl.warc.gz' err.txt)" -eq 4 ] || fail "expected 4 reported records: $(cat err.txt)"
got=$(sqlite3 t.db "SELECT url || ' ' || substr(date, 1, 10) FROM documents ORDER BY url")
want="https://a.example/haushalt 2024-01-01
https://b.example/bruecke 2024-02-03
https://f.example/hafen 2024-02-03"
[ "$got" = "$want" ] || fail "stored documents: got
$got
want
$want"

# annotate: the text is the article, the title the headline, ISO-8859-1 decoded
"$LAGEBILD" annotate --quiet crawl.warc.gz > out.jsonl 2>/dev/null
grep -q '"text":"Der Stadtrat hat am Dienstag' out.jsonl || fail "annotate text is not the article: $(head -c 300 out.jsonl)"
grep -q 'Impressum' out.jsonl && fail "footer text in the output"
grep -q '<p>' out.jsonl && fail "markup in the output"
grep -q '"title":"Zürich baut eine neue Brücke"' out.jsonl || fail "latin-1 page title: $(grep -o '"title":"[^"]*"' out.jsonl)"
grep -q '"url":"https://f.example/hafen"' out.jsonl || fail "url missing"
echo ok
