#!/usr/bin/env bash
# explain-provenance.sh: `lagebild explain` shows per sentence with events
# its clause analysis and per event its provenance (rule, trigger span and
# participant spans, as byte offsets that point at those words); the CLI is
# a client of the public header only (no internal header in src/cli/).
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}" "${LAGEBILD_DATA:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

printf 'Die Bundesregierung sagte der Ukraine weitere Hilfe zu.\n' > "$tmp/a.txt"
"$LAGEBILD" explain "$tmp/a.txt" > "$tmp/out.txt"; rc=$?
check "explain exits 0" "[ $rc -eq 0 ]"
check "clause block per sentence" "grep -q '^a sentence 1: clauses\$' '$tmp/out.txt'"
check "provenance line" "grep -q '^  provenance: rule [a-z]' '$tmp/out.txt'"
check "trigger span" "grep -q 'trigger \"sagte\" @20-25' '$tmp/out.txt'"
check "actor span" "grep -q 'actor DEU \"Bundesregierung\" @4-19' '$tmp/out.txt'"
check "recipient span" "grep -q 'recipient UKR \"Ukraine\" @30-37' '$tmp/out.txt'"
check "marked sentence" "grep -q '{T sagte}' '$tmp/out.txt'"

# the CLI includes only its own headers (src/cli/) and lagebild.h
bad=""
for f in "$SRCDIR"/src/cli/*.c "$SRCDIR"/src/cli/*.h; do
  while IFS= read -r inc; do
    case "$inc" in
      lagebild.h) ;;
      cli/*) [ -f "$SRCDIR/src/$inc" ] || bad="$bad $f:$inc" ;;
      */*) bad="$bad $f:$inc" ;;
      *) [ -f "$SRCDIR/src/cli/$inc" ] || bad="$bad $f:$inc" ;;
    esac
  done < <(sed -n 's/^#include "\(.*\)".*/\1/p' "$f")
done
check "no internal header in src/cli" "[ -z \"\$bad\" ]"
[ -n "$bad" ] && echo "$bad" >&2
exit $fail
