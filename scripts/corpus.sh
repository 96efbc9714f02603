#!/bin/bash
# Run the coro-* checks over the coroutine translation units of the real
# corpora (see "Measuring on real code" in README.md).
#
# usage: CORPUS=/work/corpus scripts/corpus.sh [-p PLUGIN] [-o OUTDIR] [-j JOBS] [-t TUDIR] [NAME...]
#   PLUGIN  clang-tidy plugin        (default build/lib/corolint-tidy.so)
#   OUTDIR  where results go          (default $CORPUS/results/latest)
#   NAME    corpora to run            (default: all in $CORPUS/DBS.txt)
#   TUDIR   only the TUs listed in TUDIR/<name>.tus-done, where that file
#           exists (to compare with an earlier, partial run)
# Databases come from $CORPUS/DBS.txt, one "<name> <compile_commands.json>" a line.
# A coroutine TU is a database entry whose main file contains co_await,
# co_yield or co_return (the rule of $CORPUS/tools/syntax_check.py --list).
# Writes per corpus <out>/<name>.txt (de-duplicated findings, one block per
# finding: warning line plus its notes, sorted; paths relative to $CORPUS),
# <out>/<name>.errors (TUs where clang-tidy exited non-zero or reported a
# compiler error, with the first lines of its complaint), and
# <out>/summary.tsv (corpus, check, count) over all corpora run.
set -u
: "${CORPUS:?set CORPUS to the corpus folder}"
PLUGIN=build/lib/corolint-tidy.so OUT=$CORPUS/results/latest JOBS=2 TUDIR=
while getopts p:o:j:t: o; do
  case $o in p) PLUGIN=$OPTARG ;; o) OUT=$OPTARG ;; j) JOBS=$OPTARG ;; t) TUDIR=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
PLUGIN=$(realpath "$PLUGIN"); [ -f "$PLUGIN" ] || { echo "no plugin $PLUGIN" >&2; exit 2; }
mkdir -p "$OUT"; OUT=$(realpath "$OUT")
NAMES=("$@"); [ ${#NAMES[@]} -gt 0 ] || NAMES=($(awk '{print $1}' "$CORPUS/DBS.txt"))
HERE=$(cd "$(dirname "$0")" && pwd)

# One TU: clang-tidy output to $2.out, exit code and stderr to $2.rc/$2.err.
run_tu() {  # $1 = db dir, $2 = output stem, $3 = file, $4 = corpus root
  clang-tidy-19 --load "$PLUGIN" -p "$1" --quiet --config='{Checks: "-*,coro-*"}' \
    --header-filter="^$4/" \
    --exclude-header-filter='/(build[^/]*|_deps|third_?party|gen)/|^/usr/' \
    "$3" > "$2.out" 2> "$2.err"
  echo $? > "$2.rc"
}
export -f run_tu; export PLUGIN

for name in "${NAMES[@]}"; do
  db=$(awk -v n="$name" '$1 == n {print $2}' "$CORPUS/DBS.txt")
  [ -f "$db" ] || { echo "$name: no database in $CORPUS/DBS.txt" >&2; continue; }
  tmp=$(mktemp -d); start=$(date +%s)
  python3 "$HERE/corpus_tus.py" list "$db" > "$tmp/tus"
  if [ -n "$TUDIR" ] && [ -f "$TUDIR/$name.tus-done" ]; then
    grep -Fxf "$TUDIR/$name.tus-done" "$tmp/tus" > "$tmp/tus.only"; mv "$tmp/tus.only" "$tmp/tus"
  fi
  n=0
  while read -r f; do n=$((n + 1)); printf '%s\0%s\0%s\0%s\0' "$(dirname "$db")" "$tmp/$n" "$f" "$CORPUS/$name"; done < "$tmp/tus" |
    xargs -0 -n 4 -P "$JOBS" bash -c 'run_tu "$@"' _
  python3 "$HERE/corpus_tus.py" collect "$tmp" "$CORPUS" "$name" "$OUT"
  echo "$name: $(wc -l < "$tmp/tus") TUs, $(( $(date +%s) - start ))s, $(grep -cE '^[^ ].*: (warning|error): .*\[coro-' "$OUT/$name.txt") findings, $(grep -c '^TU ' "$OUT/$name.errors") TU errors"
  rm -rf "$tmp"
done
python3 "$HERE/corpus_tus.py" summary "$OUT"
