#!/usr/bin/env bash
# Configures and builds corolint. Usage: scripts/build.sh [BUILD_DIR] [LLVM_MAJOR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
major=${2:-19}
cmake -S "$root" -B "$build" -DClang_DIR=/usr/lib/llvm-$major/lib/cmake/clang >/dev/null
cmake --build "$build" -j2
