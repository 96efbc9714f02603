#!/usr/bin/env bash
# Set-up, build, then corolint over examples/: its findings as text here and
# as SARIF 2.1.0 in examples/build/corolint.sarif.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build" 19
"$root/examples/make-compile-commands.sh" "$root/examples/build" >/dev/null

cd "$root"
echo
echo "\$ build/bin/corolint -p examples/build --sarif=examples/build/corolint.sarif"
status=0
build/bin/corolint -p examples/build --sarif=examples/build/corolint.sarif || status=$?
echo
echo "exit status $status (1: findings); SARIF written to examples/build/corolint.sarif"
# The example has findings on purpose: anything else is a failure.
[ "$status" -eq 1 ]
