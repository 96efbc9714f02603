// fix-check: coro-awaitless-loop
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// The loops' state is the coroutine's own (by-value parameters, locals):
// seastar's maybe_yield at the start of each iteration changes only
// timing, so the fix is on the warning. A single-statement body gets
// braces; the header is included once.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

#include <string>
#include <vector>

seastar::future<std::vector<std::string>> names(std::vector<std::string> rows) {
  std::vector<std::string> out;
  for (const auto &r : rows)
    out.push_back(r);
  co_return out;
}

seastar::future<long> checksum(std::vector<long> data, int rounds) {
  long sum = 0;
  for (int round = 0; round < rounds; ++round) {
    for (long d : data)
      sum = sum * 31 + d;
  }
  co_return sum;
}
