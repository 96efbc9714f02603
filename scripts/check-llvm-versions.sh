#!/usr/bin/env bash
# Builds the same sources against LLVM 22, runs the test suite there, and
# checks that a plugin built for one LLVM major, loaded into the other
# clang-tidy, fails loudly (a non-zero exit and an "Error opening" line)
# instead of silently reporting nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
b19=$root/build
b22=$root/build-llvm22

[ -f "$b19/lib/corolint-tidy.so" ] || "$root/scripts/build.sh" "$b19" 19
"$root/scripts/build.sh" "$b22" 22
ctest --test-dir "$b22" --output-on-failure -j2

status=0
cross() { # plugin, clang-tidy
  local out rc=0
  out=$("$2" --load "$1" -checks='-*,coro-*' --list-checks 2>&1) || rc=$?
  if [ "$rc" -ne 0 ] && grep -q "Error opening" <<<"$out"; then
    echo "ok: $(basename "$2") refuses $1"
  else
    echo "FAIL: $(basename "$2") loaded $1 without a visible error (rc=$rc):"
    echo "$out"
    status=1
  fi
}
cross "$b19/lib/corolint-tidy.so" /usr/lib/llvm-22/bin/clang-tidy
cross "$b22/lib/corolint-tidy.so" /usr/lib/llvm-19/bin/clang-tidy
exit $status
