#!/usr/bin/env bash
# Measures what corolint costs on top of parsing: wall time and peak memory of
# clang-tidy with each coro check alone and all of them, against
# `clang++ -fsyntax-only` on the same generated translation unit, and of the
# corolint driver over a compile database of several such files.
#
# Usage: scripts/bench.sh [BUILD_DIR]
#   BENCH_COROUTINES (default 1000)  coroutines in the generated file
#   BENCH_HELPERS    (default 200)   helpers in the diamond call lattice
#   BENCH_FILES      (default 4)     files in the driver's compile database
#   BENCH_PROJECT_FILES (default 200) files of the generated whole-program
#                                    project (scripts/bench_project.py)
# For whole-program scale (several project sizes, peak memory of the driver
# and its largest child, summary size, the cache after a header change) see
# scripts/bench_wholeprog.py; for real code, scripts/bench_corpora.sh.
# The last line compares a run with --cache-dir on an empty cache and again
# on the unchanged files (CPU seconds, children included).
# Not part of the test run: numbers depend on the machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
major=$(sed -n 's/^LLVM_DIR:PATH=\/usr\/lib\/llvm-\([0-9]*\).*/\1/p' "$build/CMakeCache.txt")
plugin=$build/lib/corolint-tidy.so
driver=$build/bin/corolint
for f in "$plugin" "$driver"; do
  [ -e "$f" ] || { echo "bench: $f not found; run scripts/build.sh first" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
coroutines=${BENCH_COROUTINES:-1000}
helpers=${BENCH_HELPERS:-200}
files=${BENCH_FILES:-4}
python3 "$root/scripts/bench_source.py" "$coroutines" "$helpers" > "$work/bench.cpp"
flags=(-std=c++20 "-I$root/testdata/include")
echo "workload: $coroutines coroutines, $helpers helpers, $(wc -l < "$work/bench.cpp") lines; LLVM $major"

# Prints "<label>  <seconds> s  <MiB> MiB  <findings>" for one command.
measure() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2>&1 || true
  read -r secs kib < <(tail -n 1 "$work/time")
  local found
  if [ -s "$work/out.sarif" ]; then
    found=$(python3 -c 'import json,sys; print(sum(len(r["results"]) for r in json.load(open(sys.argv[1]))["runs"]))' "$work/out.sarif")
    rm "$work/out.sarif"
  else
    found=$(grep -cE 'warning: |error: ' "$work/out" || true)
  fi
  printf '%-28s %7s s %7d MiB %7s findings\n' "$label" "$secs" $((kib / 1024)) "$found"
}

measure "parse only (clang++)" "clang++-$major" -fsyntax-only "${flags[@]}" "$work/bench.cpp"
checks=$(clang-tidy-"$major" --load "$plugin" -checks='-*,coro-*' --list-checks | grep -o 'coro-[a-z-]*')
for check in $checks; do
  measure "$check" "clang-tidy-$major" --load "$plugin" -checks="-*,$check" \
    "$work/bench.cpp" -- "${flags[@]}"
done
measure "coro-* (plugin)" "clang-tidy-$major" --load "$plugin" -checks='-*,coro-*' \
  "$work/bench.cpp" -- "${flags[@]}"

# The driver over a database of copies, one job and two.
entries=()
for i in $(seq 1 "$files"); do
  cp "$work/bench.cpp" "$work/bench$i.cpp"
  entries+=("{\"directory\":\"$work\",\"file\":\"bench$i.cpp\",\"arguments\":[\"clang++\",\"-std=c++20\",\"-I$root/testdata/include\",\"-c\",\"bench$i.cpp\"]}")
done
(IFS=,; echo "[${entries[*]}]") > "$work/compile_commands.json"
measure "driver, $files files, -j1" "$driver" -p "$work" -j 1 --format=sarif -o "$work/out.sarif"
measure "driver, $files files, -j2" "$driver" -p "$work" -j 2 --format=sarif -o "$work/out.sarif"

# Whole-program coro-blocking-call (docs/whole-program.md): CPU (user+sys,
# children included) of the driver over a generated multi-file project with
# --cross-tu on and off, against clang++ -fsyntax-only over the same files,
# and the size of the merged summaries.
project_files=${BENCH_PROJECT_FILES:-200}
python3 "$root/scripts/bench_project.py" "$work/proj" "$project_files"
cpu() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" > /dev/null 2>&1 || true
        tail -n 1 "$work/cpu" | awk '{ printf "%.2f", $1 + $2 }'; }
parse=$(cd "$work/proj" && cpu sh -c 'for f in src/*.cpp; do clang++-'"$major"' -fsyntax-only -std=c++20 -Iinclude "$f"; done')
off=$(cpu "$driver" -p "$work/proj" -j 2 --progress=never --checks=-*,coro-blocking-call --cross-tu=off)
on=$(cpu "$driver" -p "$work/proj" -j 2 --progress=never --checks=-*,coro-blocking-call --cross-tu=on)
"$driver" summarize -p "$work/proj" -j 2 --progress=never --checks=-*,coro-blocking-call -o "$work/summaries.json" 2>/dev/null || true
found=$("$driver" -p "$work/proj" -j 2 --progress=never --checks=-*,coro-blocking-call 2>/dev/null | grep -c 'warning: ' || true)
printf 'cross-TU, %d files: parse %s s CPU; driver off %s s, on %s s (%s findings); summaries %d bytes\n' \
  "$project_files" "$parse" "$off" "$on" "$found" "$(wc -c < "$work/summaries.json")"
# The incremental cache (--cache-dir): a cold run fills it, a warm run over
# the unchanged files reuses every translation unit. CPU seconds, the
# children's included; the warm run's SARIF must be the cold one's.
cpu_seconds() {
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" > /dev/null 2>&1 || true
  awk '{ print $1 + $2 }' < <(tail -n 1 "$work/time")
}
rm -rf "$work/cache"
cold=$(cpu_seconds "$driver" -p "$work" -j 2 --cache-dir="$work/cache" --format=sarif -o "$work/cold.sarif")
warm=$(cpu_seconds "$driver" -p "$work" -j 2 --cache-dir="$work/cache" --format=sarif -o "$work/warm.sarif")
same=$(python3 - "$work/cold.sarif" "$work/warm.sarif" <<'PY'
import json, sys
def load(p):
    log = json.load(open(p))
    for run in log["runs"]:
        for inv in run["invocations"]:
            for k in ("startTimeUtc", "endTimeUtc", "commandLine"):
                inv.pop(k, None)
    return log
print("same SARIF" if load(sys.argv[1]) == load(sys.argv[2]) else "DIFFERENT SARIF")
PY
)
awk -v c="$cold" -v w="$warm" -v s="$same" -v n="$files" 'BEGIN {
  printf "driver, %d files, cache: cold %.2f s CPU, warm %.2f s CPU (%.1f%%), %s\n", n, c, w, c > 0 ? 100 * w / c : 0, s }'
