#!/usr/bin/env bash
# Builds the Debian package from a finished build, checks its metadata,
# extracts it into a temporary root (what dpkg -i would unpack) and runs the
# packaged corolint, plugin and corolint-clangd; then checks that
# `cmake --install --strip` populates a prefix.
# Usage: package_test.sh BUILD_DIR LLVM_MAJOR PROJECT_VERSION
set -euo pipefail
build=$1 major=$2 version=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

deb=$("$root/scripts/package.sh" --prebuilt "$build" 2>"$tmp/package.log" | tail -n 1) ||
  { cat "$tmp/package.log" >&2; fail "scripts/package.sh failed"; }
[ -f "$deb" ] || fail "package.sh's last line is not a file: '$deb'"

# Metadata: the name says the LLVM major unless it is the default (19).
name=corolint
[ "$major" = 19 ] || name=corolint-llvm$major
[ "$(basename "$deb")" = "${name}_${version}_amd64.deb" ] ||
  fail "package file is $(basename "$deb"), expected ${name}_${version}_amd64.deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "$name" ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
for dep in "libclang-common-$major-dev" "libclang-cpp$major" "libllvm$major"; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
for other in 14 15 16 17 18 19 20 21 22; do
  [ "$other" = "$major" ] && continue
  if grep -qE "llvm$other|clang-cpp$other|clang-common-$other" <<<"$depends"; then
    fail "Depends names LLVM $other: $depends"
  fi
done
[ "$(field Recommends)" = "clang-tidy-$major" ] || fail "Recommends: $(field Recommends)"
grep -q "clang-tidy" <<<"$depends" && fail "clang-tidy must only be recommended: $depends"

# Contents, unpacked as dpkg would.
dpkg-deb -x "$deb" "$tmp/root"
usr=$tmp/root/usr
for f in bin/corolint bin/corolint-clangd lib/corolint/corolint-tidy.so \
         share/corolint/rules/std.json share/doc/corolint/checks/coro-blocking-call.md; do
  [ -f "$usr/$f" ] || fail "package lacks /usr/$f"
done
for f in bin/corolint bin/corolint-clangd lib/corolint/corolint-tidy.so; do
  if readelf -S "$usr/$f" | grep -q '\.debug_info'; then fail "/usr/$f is not stripped"; fi
done

cat >"$tmp/finding.cpp" <<'CPP'
#include <chrono>
#include <coroutine>
#include <thread>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
task nap() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
CPP
rc=0
out=$("$usr/bin/corolint" "$tmp/finding.cpp" -- -std=c++20 2>&1) || rc=$?
[ "$rc" = 1 ] || fail "packaged corolint exited $rc (expected 1, a finding): $out"
grep -q "finding.cpp:14:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'nap'" <<<"$out" ||
  fail "packaged corolint did not report the sleep: $out"

tidy=/usr/lib/llvm-$major/bin/clang-tidy
out=$("$tidy" --load "$usr/lib/corolint/corolint-tidy.so" --checks='-*,coro-*' \
      "$tmp/finding.cpp" -- -std=c++20 2>&1) || true
grep -q "\[coro-blocking-call\]" <<<"$out" || fail "packaged plugin found nothing: $out"

"$usr/bin/corolint-clangd" --version | grep -q corolint || fail "corolint-clangd --version"

# cmake --install into a prefix, stripped.
cmake --install "$build" --prefix "$tmp/prefix" --strip >/dev/null
for f in bin/corolint bin/corolint-clangd lib/corolint/corolint-tidy.so share/corolint/rules/asio.json; do
  [ -f "$tmp/prefix/$f" ] || fail "cmake --install left out $f"
done
if readelf -S "$tmp/prefix/bin/corolint" | grep -q '\.debug_info'; then fail "--strip kept debug info"; fi
out=$("$tmp/prefix/bin/corolint" "$tmp/finding.cpp" -- -std=c++20 2>&1) || true
grep -q "\[coro-blocking-call\]" <<<"$out" || fail "installed corolint found nothing: $out"

echo "ok: $(basename "$deb") ($(field Depends))"
