#!/usr/bin/env bash
# Builds corolint's Debian package with CPack: stripped binaries under /usr,
# Depends computed from what they link. Its last output line is the .deb's path.
# Without --prebuilt it first installs the build's dependencies (setup.sh, for
# this LLVM major only) and builds, so it works on a fresh Debian 12 machine.
# Usage: scripts/package.sh [--prebuilt] [BUILD_DIR] [LLVM_MAJOR]
#   --prebuilt  package BUILD_DIR as it is (no configure, no build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prebuilt=0
if [ "${1:-}" = --prebuilt ]; then prebuilt=1; shift; fi
build=${1:-$root/build}
mkdir -p "$build" && build=$(cd "$build" && pwd)
major=${2:-19}

if [ "$prebuilt" = 0 ]; then
  COROLINT_LLVM_MAJORS=$major "$root/scripts/setup.sh" >&2
  "$root/scripts/build.sh" "$build" "$major" >&2
elif [ ! -f "$build/CPackConfig.cmake" ]; then
  echo "package.sh: $build is not a configured corolint build" >&2
  exit 2
fi
out=$build/package
rm -f "$out"/*.deb
(cd "$build" && cpack -G DEB -B "$out" >&2)
deb=$(find "$out" -maxdepth 1 -name '*.deb' -print -quit)
[ -n "$deb" ] || { echo "package.sh: cpack made no .deb in $out" >&2; exit 1; }
echo "$deb"
