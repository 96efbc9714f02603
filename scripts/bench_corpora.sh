#!/usr/bin/env bash
# CPU cost of whole-program coro-blocking-call on real code: the corolint
# driver over the coroutine translation units of each corpus (the rule of
# scripts/corpus_tus.py: main file holds co_await/co_yield/co_return), one
# job, with --cross-tu=off and then on, all coro-* checks.
#
# Usage: CORPUS=/work/corpus scripts/bench_corpora.sh [-b BUILD_DIR] [NAME...]
#   NAME  corpora of $CORPUS/DBS.txt (default: all nine)
# Prints per corpus and mode: "<name> <mode> <TUs> <user+sys s> <max RSS MiB>
# <wall s> <findings>" (CPU of the driver and its children). Each corpus runs
# alone (nice 10, -j1): the figures are CPU seconds, not wall time.
set -uo pipefail
: "${CORPUS:?set CORPUS to the corpus folder}"
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
if [ "${1:-}" = -b ]; then build=$2; shift 2; fi
driver=$build/bin/corolint
NAMES=("$@"); [ ${#NAMES[@]} -gt 0 ] || NAMES=($(awk '{print $1}' "$CORPUS/DBS.txt"))
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for name in "${NAMES[@]}"; do
  db=$(awk -v n="$name" '$1 == n {print $2}' "$CORPUS/DBS.txt")
  [ -f "$db" ] || { echo "$name: no database" >&2; continue; }
  mkdir -p "$work/$name"
  python3 - "$db" "$work/$name/compile_commands.json" "$root/scripts" <<'PY'
import json, os, sys
sys.path.insert(0, sys.argv[3])
import corpus_tus
keep = set(corpus_tus.tus(sys.argv[1]))
seen, out = set(), []
for e in json.load(open(sys.argv[1])):
    f = os.path.normpath(os.path.join(e['directory'], e['file']))
    if f in keep and f not in seen:
        seen.add(f); out.append(e)
json.dump(out, open(sys.argv[2], 'w'))
PY
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/$name/compile_commands.json")
  for mode in off on; do
    /usr/bin/time -f '%U %S %M %e' -o "$work/time" nice -n 10 "$driver" -p "$work/$name" -j 1 \
      --progress=never --source-root="$CORPUS/$name" --cross-tu=$mode > "$work/out" 2> "$work/err"
    read -r u s kib wall < <(tail -n 1 "$work/time")
    found=$(grep -cE ': (warning|error): .*\[coro-' "$work/out")
    awk -v n="$name" -v m="$mode" -v t="$n" -v u="$u" -v s="$s" -v k="$kib" -v w="$wall" -v f="$found" \
      'BEGIN { printf "%-14s %-3s %4d TUs  %8.2f s CPU  %6d MiB  %8.1f s wall  %4d findings\n", n, m, t, u + s, k / 1024, w, f }'
  done
done
