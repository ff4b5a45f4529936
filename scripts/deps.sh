#!/usr/bin/env bash
# deps.sh: installs the Debian packages lagebild needs, only those missing.
# Usage: scripts/deps.sh [--test]   (--test adds valgrind, clang, the fuzzer runtime, curl, chromium, pandas)
set -euo pipefail
pkgs=(build-essential cmake pkg-config libutf8proc-dev libstemmer-dev libjansson-dev
      libsqlite3-dev zlib1g-dev libssl-dev libmicrohttpd-dev libxml2-dev python3)
# --test: curl for the API tests, chromium for the browser tests (tests/e2e, driven by
# playwright-core from npm; node and npm come with the machine)
if [ "${1:-}" = "--test" ]; then pkgs+=(valgrind clang libclang-rt-dev gzip curl chromium python3-pandas); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "deps: installing ${missing[*]}" >&2
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
