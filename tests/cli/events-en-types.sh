#!/usr/bin/env bash
# events-en-types.sh: English event cases per PLOVER type (tests/events/en_types.tsv):
# each sentence is annotated as English and must (or, with !TYPE, must not) have an
# event of the type with the given actor, recipient and flags.
set -uo pipefail
: "${LAGEBILD:?}" "${TESTDIR:?}" "${LAGEBILD_DATA:?}"
cases="$TESTDIR/events/en_types.tsv"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$cases" > "$tmp/in.jsonl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(f) != 5:
        continue
    print(json.dumps({"id": f"L{n}", "lang": "en", "date": "2024-01-01", "text": f[4]}))
PY
"$LAGEBILD" annotate < "$tmp/in.jsonl" > "$tmp/out.jsonl" || { echo "FAIL: annotate exited $?" >&2; exit 1; }
python3 - "$cases" "$tmp/out.jsonl" <<'PY'
import json, sys
out = {}
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    out[d["id"]] = d["events"]
def codes(parts):
    return {p.get("code") for p in parts or []}
def holds(e, actor, rec, flags):
    if actor != "-" and actor not in codes(e["actor"]):
        return False
    if rec != "-" and rec not in codes(e["recipient"]):
        return False
    if flags == "*":
        return True
    return (flags == "neg") == bool(e["negated"]) and (flags == "hyp") == bool(e["hypothetical"])
passed = failed = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(f) != 5:
        continue
    typ, actor, rec, flags, text = f
    if flags not in ("-", "neg", "hyp", "*"):   # a mode column is no flag: PLOVER modes are not checked
        flags = "-"
    evs = out.get(f"L{n}", [])
    want = not typ.startswith("!")
    typ = typ.lstrip("!")
    ok = any(e["type"] == typ and holds(e, actor, rec, flags) for e in evs) == want
    if ok:
        passed += 1
    else:
        failed += 1
        got = "; ".join(f'{e["type"]} {sorted(codes(e["actor"]) - {None})}->{sorted(codes(e["recipient"]) - {None})}'
                        f'{" neg" if e["negated"] else ""}{" hyp" if e["hypothetical"] else ""} ({e["rule"]})' for e in evs)
        print(f"FAIL: en_types.tsv:{n}: {'' if want else '!'}{typ} {actor}->{rec} {flags}: {text}\n      got: {got or 'no events'}", file=sys.stderr)
print(f"en_types: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
