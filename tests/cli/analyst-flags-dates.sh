#!/bin/bash
# analyst-flags-dates.sh: issue 15's analyst checks on a database built from
# our own small articles: negated and hypothetical events stay out of
# `timeline --svg` and `actors --dyads` unless --include brings them in; the
# three anchoring cases of relative dates; the CSV export read back with
# Python's csv module against every column docs/CODEBOOK.md documents.
set -u
: "${LAGEBILD:?}" "${LAGEBILD_DATA:?}" "${SRCDIR:?}"
T=$(mktemp -d /tmp/lb-analyst.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
L() { "$LAGEBILD" "$@"; }
cd "$T"
cat > a.jsonl <<'JSONL'
{"id":"real","date":"2024-01-15","lang":"de","source":"Testblatt","title":"Echt","url":"https://example.org/echt","text":"Deutschland verhängt neue Sanktionen gegen China."}
{"id":"neg","date":"2024-02-15","lang":"de","source":"Testblatt","title":"Verneint","text":"Deutschland verhängt keine Sanktionen gegen China."}
{"id":"hyp","date":"2024-03-15","lang":"de","source":"Testblatt","title":"Möglich","text":"Deutschland könnte Sanktionen gegen China verhängen."}
{"id":"nov","date":"2021-02-02","lang":"de","source":"Testblatt","title":"November","text":"Deutschland verhängte im November vergangenen Jahres Sanktionen gegen China."}
{"id":"ex","date":"2021-03-01","lang":"de","source":"Testblatt","title":"Übung","text":"Die Übung fand im Jahr 2012 statt. Im Jahr 2020 verhängte Deutschland Anfang Februar Sanktionen gegen Russland. Deutschland verhängte Anfang Februar 2020 Sanktionen gegen Japan."}
{"id":"wk","date":"2024-05-16","lang":"de","source":"Testblatt","title":"Woche","text":"Deutschland verhängte vor einer Woche Sanktionen gegen China."}
JSONL
L ingest --quiet a.jsonl || fail "ingest exited $?"

# flags: absent from the SVG and the dyads by default, present with --include
L timeline DEU CHN --svg d.svg >/dev/null || fail "timeline --svg"
L timeline DEU CHN --include negated,hypothetical --svg i.svg >/dev/null || fail "timeline --svg --include"
grep -q '<title>2024-01: 1 conflictual</title>' d.svg || fail "the real event is missing from the SVG"
grep -q '2024-02: [1-9]' d.svg && fail "negated event drawn in the SVG by default"
grep -q '2024-03: [1-9]' d.svg && fail "hypothetical event drawn in the SVG by default"
grep -q '<title>2024-02: 1 conflictual</title>' i.svg || fail "negated event missing from the SVG with --include"
grep -q '<title>2024-03: 1 conflictual</title>' i.svg || fail "hypothetical event missing from the SVG with --include"
dd=$(L actors --dyads --format csv | grep '^DEU,CHN,' | cut -d, -f3)
di=$(L actors --dyads --include negated,hypothetical --format csv | grep '^DEU,CHN,' | cut -d, -f3)
[ -n "$dd" ] && [ -n "$di" ] || fail "no DEU-CHN dyad ($dd/$di)"
[ "$di" = $((dd + 2)) ] || fail "dyads: $dd by default, $di with --include (expected 2 more)"
dn=$(L actors --dyads --include negated --format csv | grep '^DEU,CHN,' | cut -d, -f3)
[ "$dn" = $((dd + 1)) ] || fail "dyads --include negated: $dn (expected $((dd + 1)))"

# per-actor counts over a date range leave flagged events out the same way
[ "$(L actors --since 2024 --format csv | grep '^DEU,' | cut -d, -f5)" = 2 ] || fail "actors --since: flagged events counted"
[ "$(L actors --since 2024 --include all --format csv | grep '^DEU,' | cut -d, -f5)" = 4 ] || fail "actors --since --include all"

# anchoring: "im November vergangenen Jahres" in 2021-02 is 2020-11; a
# month anchors to the year its own sentence names (before or after it), not
# to the article's subject year; "vor einer Woche" keeps precision week
ev() { L events --format csv --include all | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["doc"] == sys.argv[1] and r["recipient"] == sys.argv[2]: print(r["date"], r["precision"])' "$1" "$2"; }
[ "$(ev nov CHN)" = "2020-11 month" ] || fail "im November vergangenen Jahres: $(ev nov CHN)"
[ "$(ev ex RUS)" = "2020-02 month" ] || fail "Im Jahr 2020 ... Anfang Februar: $(ev ex RUS)"
[ "$(ev ex JPN)" = "2020-02 month" ] || fail "Anfang Februar 2020: $(ev ex JPN)"
[ "$(ev wk CHN)" = "2024-05-06 week" ] || fail "vor einer Woche: $(ev wk CHN)"
# the time stage: a year named later in the same sentence anchors the month
tx=$(printf '%s\n' '{"id":"x","date":"2021-03-01","lang":"de","text":"Die Übung fand im Jahr 2012 statt. Anfang Februar verhängte Deutschland im Jahr 2020 Sanktionen."}' | L annotate)
echo "$tx" | grep -q '"value":"2020-02"' || fail "Anfang Februar ... im Jahr 2020: $tx"
L events --since 2024-05-01 --until 2024-05-31 --format csv | grep -q ',wk,' || fail "week-dated event missed by a date range"

# the CSV export: every documented column, in order, every row complete
L export --format csv --include all > events.csv || fail "export exited $?"
python3 - "$SRCDIR/docs/CODEBOOK.md" events.csv <<'PY' || fail "CSV export does not match the codebook"
import csv, re, sys
book = open(sys.argv[1], encoding="utf-8").read()
sect = book.split("## CSV export", 1)[1].split("\n## ", 1)[0]
doc = []
for line in sect.splitlines():
    m = re.match(r"^\| *([a-z_][a-z_, ]*?) *\|", line)
    if m and m.group(1) != "column":
        doc += [c.strip() for c in m.group(1).split(",")]
assert len(doc) >= 25, doc
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
head, body = rows[0], rows[1:]
assert head == doc, ("header differs from the codebook", head, doc)
assert len(body) == 7, len(body)
for r in body:
    d = dict(zip(head, r))
    assert len(r) == len(head), r
    assert re.fullmatch(r"[0-9a-f]{16}", d["event_id"]), d["event_id"]
    assert d["date_precision"] in ("day", "week", "month", "quarter", "season", "half", "year"), d
    assert d["negated"] in ("0", "1") and d["hypothetical"] in ("0", "1"), d
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", d["publication_date"]), d
    assert d["event_type"] == "SANCTION" and d["actor_code"] == "DEU", d
    assert -10 <= float(d["goldstein"]) <= 10 and 0 < float(d["confidence"]) <= 1, d
    s, e = int(d["trigger_start"]), int(d["trigger_end"])
    assert 0 <= s < e and d["trigger"] and d["sentence"] and d["doc_id"] and d["rule"], d
    assert d["source"] == "Testblatt" and d["title"], d
flags = sorted((d[12], d[13]) for d in body)
assert flags.count(("1", "0")) == 1 and flags.count(("0", "1")) == 1, flags
assert any(r[head.index("url")] == "https://example.org/echt" for r in body)
open("doc-columns", "w").write("\n".join(doc) + "\n")
PY
# and in pandas, where a Python has it (Debian's python3-pandas: scripts/deps.sh --test)
for py in python3 /usr/bin/python3; do
    command -v "$py" >/dev/null && "$py" -c 'import pandas' 2>/dev/null || continue
    "$py" - events.csv doc-columns <<'PY' || fail "pandas.read_csv disagrees with the codebook"
import sys, pandas
doc = open(sys.argv[2]).read().split()
df = pandas.read_csv(sys.argv[1], keep_default_na=False)
assert list(df.columns) == doc, (list(df.columns), doc)
assert len(df) == 7 and set(df["event_type"]) == {"SANCTION"} and set(df["actor_code"]) == {"DEU"}
assert sorted(df["date_precision"]) == ["day"] * 3 + ["month"] * 3 + ["week"], list(df["date_precision"])
PY
    echo "pandas: checked with $py"
    break
done
echo ok
