#!/usr/bin/env bash
# Set-up, build, then corolint over examples/: its findings as text here and
# as SARIF 2.1.0 in examples/build/corolint.sarif, then the diff that --fix
# (and --fix-notes) would apply, made on a copy: examples/ is not changed.
#
# Usage: scripts/demo.sh [--no-build] [--build-dir=DIR]
#   --no-build       skip set-up and build (use an existing build)
#   --build-dir=DIR  the build to use (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
setup=1
for arg in "$@"; do
  case $arg in
    --no-build) setup=0 ;;
    --build-dir=*) build=$(cd "${arg#--build-dir=}" && pwd) ;;
    *) echo "demo.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
if [ "$setup" -eq 1 ]; then
  "$root/scripts/setup.sh"
  "$root/scripts/build.sh" "$build" 19
fi
corolint=$build/bin/corolint
"$root/examples/make-compile-commands.sh" "$root/examples/build" >/dev/null

cd "$root"
echo
echo "\$ corolint -p examples/build --sarif=examples/build/corolint.sarif"
status=0
"$corolint" -p examples/build --sarif=examples/build/corolint.sarif --progress=never || status=$?
echo
echo "exit status $status (1: findings); SARIF written to examples/build/corolint.sarif"
# The example has findings on purpose: anything else is a failure.
[ "$status" -eq 1 ]

# The fixes, applied to a copy.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copy() {
  mkdir -p "$tmp/$1"
  cp -R "$root/examples/include" "$root/examples/src" "$root/examples/make-compile-commands.sh" "$tmp/$1/"
  "$tmp/$1/make-compile-commands.sh" "$tmp/$1/build" >/dev/null
}
copy examples
for mode in fix fix-notes; do
  copy "$mode/examples"
  echo
  echo "\$ corolint -p examples/build --$mode    # on a copy; the diff it makes:"
  (cd "$tmp/$mode/examples" && "$corolint" -p build --"$mode" --progress=never \
     --source-root=. >/dev/null) 2>&1 | grep -v '^corolint: [0-9]* warnings\? in ' || true
  (cd "$tmp/examples" && find include src -type f | sort) | while read -r f; do
    diff -u --label "a/examples/$f" --label "b/examples/$f" \
      "$tmp/examples/$f" "$tmp/$mode/examples/$f" || true
  done
done
