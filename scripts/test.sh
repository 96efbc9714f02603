#!/usr/bin/env bash
# The whole test run: set-up, build against LLVM 19, every test, then the
# LLVM 22 build and the cross-version plugin check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build" 19
ctest --test-dir "$root/build" --output-on-failure -j2
"$root/scripts/check-llvm-versions.sh"
