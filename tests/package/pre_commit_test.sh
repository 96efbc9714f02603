#!/usr/bin/env bash
# The hook in .pre-commit-hooks.yaml, run by the pre-commit framework on a
# small project with a compilation database: a staged coroutine with a
# finding fails the commit, a clean one passes, a staged header alone runs
# nothing.
# Usage: pre_commit_test.sh BIN_DIR (where the built corolint is)
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export PATH=$bin:$PATH PRE_COMMIT_HOME=$tmp/cache

cd "$tmp" && mkdir proj && cd proj
git init -q
cat >task.h <<'CPP'
#include <coroutine>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
CPP
cat >bad.cpp <<'CPP'
#include "task.h"
#include <chrono>
#include <thread>
task nap() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
CPP
cat >good.cpp <<'CPP'
#include "task.h"
task fine() { co_return; }
CPP
mkdir build
python3 - <<'PY'
import json, os
d = os.getcwd()
json.dump([{"directory": d, "file": f, "arguments": ["clang++", "-std=c++20", "-c", f]}
           for f in ("bad.cpp", "good.cpp")], open("build/compile_commands.json", "w"))
PY
echo 'repos: []' >.pre-commit-config.yaml
git add -A

hook() { pre-commit try-repo "$root" corolint --files "$@" 2>&1; }
rc=0; out=$(hook bad.cpp good.cpp) || rc=$?
[ "$rc" = 1 ] || fail "a staged finding did not fail the hook (rc=$rc): $out"
grep -q "bad.cpp:5:3: warning: blocking call to 'std::this_thread::sleep_for'" <<<"$out" ||
  fail "the hook did not show the finding: $out"
rc=0; out=$(hook good.cpp) || rc=$?
[ "$rc" = 0 ] || fail "a clean file failed the hook (rc=$rc): $out"
grep -q "Passed" <<<"$out" || fail "no 'Passed' for a clean file: $out"
rc=0; out=$(hook task.h) || rc=$?
[ "$rc" = 0 ] && grep -q "no files to check" <<<"$out" ||
  fail "a staged header alone should run nothing (rc=$rc): $out"
echo "ok: pre-commit hook"
