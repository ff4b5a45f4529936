#!/usr/bin/env bash
# dict-hostile.sh: a user dictionary with a huge line (/dev/zero, a file
# without line breaks) is refused at once with file:line and exit 2, under a
# memory limit too (it was read whole first: memory ran out, and the
# allocation failure was swallowed with exit 0).
set -uo pipefail
: "${LAGEBILD:?}" "${SRCDIR:?}" "${LAGEBILD_DATA:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

printf 'Die Bundesregierung tagte.\n' > "$tmp/a.txt"
# a memory limit, unless the binary cannot start under one (AddressSanitizer)
limit=1000000
(ulimit -v $limit; "$LAGEBILD" --help > /dev/null 2>&1) || limit=unlimited
(ulimit -v $limit; timeout 60 "$LAGEBILD" annotate --dict /dev/zero "$tmp/a.txt" > /dev/null 2> "$tmp/err.txt"); rc=$?
check "/dev/zero: exit 2" "[ $rc -eq 2 ]"
check "/dev/zero: file:line named" "grep -q '/dev/zero:1: line longer than' '$tmp/err.txt'"

head -c 20000000 /dev/zero | tr '\0' 'x' > "$tmp/long.tsv"
(ulimit -v $limit; timeout 60 "$LAGEBILD" annotate --dict "$tmp/long.tsv" "$tmp/a.txt" > /dev/null 2> "$tmp/err.txt"); rc=$?
check "20 MB line: exit 2" "[ $rc -eq 2 ]"
check "20 MB line: file:line named" "grep -q 'long.tsv:1: line longer than' '$tmp/err.txt'"

# a long but legal last line without a line break still loads
printf '# a comment\n\nname\tFantasia\tFAN\tGOV\tLOC\tname\t-\tFantasia' > "$tmp/ok.tsv"
printf 'Fantasia tagte.\n' > "$tmp/b.txt"
"$LAGEBILD" annotate --dict "$tmp/ok.tsv" "$tmp/b.txt" > "$tmp/out.jsonl"; rc=$?
check "valid dictionary: exit 0" "[ $rc -eq 0 ]"
check "valid dictionary: last line without newline used" "grep -q '\"code\":\"FAN\"' '$tmp/out.jsonl'"
exit $fail
