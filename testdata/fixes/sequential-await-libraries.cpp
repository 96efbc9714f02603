// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20 -Itestdata/include
// folly collectAll, cppcoro when_all, libcoro when_all (its results are
// read with return_value()), seastar when_all_succeed, on the stand-ins in
// testdata/include.
#include <coro/task.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/Task.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <string>

namespace cp {
cppcoro::task<int> fetch_a();
cppcoro::task<std::string> fetch_name(int id);
cppcoro::task<int> two(int id) {
  int a = co_await fetch_a();
  std::string name = co_await fetch_name(id);
  co_return a + static_cast<int>(name.size());
}
} // namespace cp

namespace fo {
folly::coro::Task<int> fetch_a();
folly::coro::Task<int> fetch_b();
folly::coro::Task<int> two() {
  const int a = co_await fetch_a();
  const int b = co_await fetch_b();
  co_return a + b;
}
} // namespace fo

namespace lc {
coro::task<int> fetch_a();
coro::task<std::string> fetch_name(int id);
coro::task<int> two(int id) {
  int a = co_await fetch_a();
  std::string name = co_await fetch_name(id);
  co_return a + static_cast<int>(name.size());
}
} // namespace lc

namespace ss {
seastar::future<int> fetch_a();
seastar::future<long> fetch_b();
seastar::future<long> two() {
  int a = co_await fetch_a();
  long b = co_await fetch_b();
  co_return a + b;
}
} // namespace ss
