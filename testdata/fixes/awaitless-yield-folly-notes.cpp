// fix-check: coro-awaitless-loop
// fix-mode: fix-notes
// fix-args: -std=c++20 -Itestdata/include
// The loop walks a vector the caller owns: while the inserted reschedule
// lets other tasks run they may change it, so the fix is a note's
// (--fix-notes, a quick fix to review), not the warning's.
#include <folly/coro/Task.h>

#include <vector>

folly::coro::Task<long> pairs(const std::vector<int> &v) {
  long s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
  }
  co_return s;
}
