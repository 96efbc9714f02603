// CHECKS: coro-sequential-await
// coro-sequential-await with the task types of cppcoro, folly, libcoro,
// Boost.Cobalt, seastar and stdexec: the combinator the note names comes from
// the awaited operation's type; each library's synchronisation primitives
// and combinators are never "independent".
#include <boost/cobalt.hpp>
#include <coro/coro.hpp>
#include <cppcoro/async_mutex.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <exec/task.hpp>
#include <folly/coro/Baton.h>
#include <folly/coro/Collect.h>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

// --- cppcoro ----------------------------------------------------------------

namespace cp {
cppcoro::task<int> fetch_a();
cppcoro::task<int> fetch_b();
cppcoro::task<int> fetch_item(int id);
cppcoro::task<int> fetch_after(int a);

cppcoro::task<int> two() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here; run them together with co_await cppcoro::when_all(a(), b())
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' awaited on line 34; await them concurrently [coro-sequential-await]
  co_return a + b;
}

cppcoro::task<std::vector<int>> per_item(std::vector<int> ids) {
  std::vector<int> items;
  for (int id : ids) // expect-note: start one per element, then co_await cppcoro::when_all(std::move(tasks)) on a std::vector of tasks
    items.push_back(co_await fetch_item(id)); // expect-warning: 'fetch_item(...)' is awaited in every iteration [coro-sequential-await]
  co_return items;
}

cppcoro::task<int> data_dependent() {
  int a = co_await fetch_a();
  int b = co_await fetch_after(a);
  co_return b;
}

cppcoro::task<int> already_when_all() {
  auto [a, b] = co_await cppcoro::when_all(fetch_a(), fetch_b());
  int c = co_await fetch_item(3);
  co_return a + b + c;
}

cppcoro::task<int> after_mutex(cppcoro::async_mutex &m) {
  auto lock = co_await m.scoped_lock_async();
  int a = co_await fetch_a();
  co_return a;
}

cppcoro::task<int> after_schedule(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  int a = co_await fetch_a();
  int b = co_await fetch_after(a);
  co_return b;
}
} // namespace cp

// --- folly ------------------------------------------------------------------

namespace fl {
folly::coro::Task<int> fetch_a();
folly::coro::Task<int> fetch_b();
folly::coro::Task<std::string> fetch_name(int id);

folly::coro::Task<int> two() {
  int a = co_await fetch_a(); // expect-note: run them together with co_await folly::coro::collectAll(a(), b())
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  co_return a + b;
}

folly::coro::Task<std::vector<std::string>> names(std::vector<int> ids) {
  std::vector<std::string> out;
  for (int id : ids) { // expect-note: start one per element, then co_await folly::coro::collectAllRange(std::move(tasks)), or folly::coro::collectAllWindowed(std::move(tasks), n) to bound concurrency
    std::string name = co_await fetch_name(id); // expect-warning: 'fetch_name(...)' is awaited in every iteration [coro-sequential-await]
    out.push_back(name);
  }
  co_return out;
}

folly::coro::Task<int> already_collected() {
  auto [a, b] = co_await folly::coro::collectAll(fetch_a(), fetch_b());
  int c = co_await fetch_a();
  co_return a + b + c;
}

// Sleep, then the operation: a backoff.
folly::coro::Task<int> retry_after_sleep() {
  co_await folly::coro::sleep(std::chrono::milliseconds(10));
  int a = co_await fetch_a();
  co_return a;
}

// Wait for a baton, then fetch: the baton orders it.
folly::coro::Task<int> after_baton(folly::coro::Baton &ready) {
  co_await ready;
  int a = co_await fetch_a();
  co_return a;
}
} // namespace fl

// --- libcoro ----------------------------------------------------------------

namespace lc {
coro::task<int> fetch_a();
coro::task<int> fetch_b();
coro::task<int> fetch_after(int a);

coro::task<int> two() {
  int a = co_await fetch_a(); // expect-note: run them together with co_await coro::when_all(a(), b())
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  co_return a + b;
}

coro::task<int> scheduled(coro::thread_pool &tp) {
  co_await tp.schedule();
  int a = co_await fetch_a();
  co_return a;
}

coro::task<int> locked(coro::mutex &m) {
  auto lock = co_await m.scoped_lock();
  int a = co_await fetch_a();
  co_return a;
}

coro::task<int> popped(coro::queue<int> &q) {
  auto item = co_await q.pop();
  int a = co_await fetch_a();
  co_return a + (item ? *item : 0);
}

coro::task<int> already_when_all() {
  auto results = co_await coro::when_all(fetch_a(), fetch_b());
  int c = co_await fetch_after(1);
  (void)results;
  co_return c;
}

coro::task<int> dependent_loop(std::vector<int> seeds) {
  int acc = 0;
  std::vector<int> out;
  for (int s : seeds) {
    acc = co_await fetch_after(s + acc);
    out.push_back(acc);
  }
  co_return acc;
}
} // namespace lc

// --- Boost.Cobalt -----------------------------------------------------------

namespace cb {
boost::cobalt::task<int> fetch_a();
boost::cobalt::task<int> fetch_b();

boost::cobalt::task<int> two() {
  int a = co_await fetch_a(); // expect-note: run them together with co_await boost::cobalt::join(a(), b())
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend [coro-sequential-await]
  co_return a + b;
}

boost::cobalt::task<int> already_joined() {
  auto [a, b] = co_await boost::cobalt::join(fetch_a(), fetch_b());
  int c = co_await fetch_a();
  co_return a + b + c;
}
} // namespace cb

// --- seastar ----------------------------------------------------------------

namespace ss {
seastar::future<int> fetch_a();
seastar::future<int> fetch_b();

seastar::future<int> two() {
  int a = co_await fetch_a(); // expect-note: run them together with co_await seastar::coroutine::all([&] { return a(); }, [&] { return b(); })
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend [coro-sequential-await]
  co_return a + b;
}

seastar::future<int> after_sleep() {
  co_await seastar::sleep(std::chrono::milliseconds(5));
  int a = co_await fetch_a();
  co_return a;
}
} // namespace ss

// --- stdexec ----------------------------------------------------------------

namespace sx {
exec::task<int> fetch_a();
exec::task<int> fetch_b();

exec::task<int> two() {
  int a = co_await fetch_a(); // expect-note: run them together with co_await stdexec::when_all(a(), b())
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend [coro-sequential-await]
  co_return a + b;
}
} // namespace sx

// --- coroutines that never suspend: synchronous computations ------------------

namespace sync_work {
// Defined here and never suspends: awaiting it runs it to completion on the
// spot, so there is no wait to overlap (async_simple's CountChar demo).
cppcoro::task<int> count_char(const std::string &line, char c) {
  int n = 0;
  for (char x : line)
    n += x == c;
  co_return n;
}
// Suspends: a real wait per element.
cppcoro::task<int> fetch_count(const std::string &key);
cppcoro::task<int> count_remote(const std::string &key) {
  co_return co_await fetch_count(key);
}

cppcoro::task<int> count_all(const std::vector<std::string> &lines) {
  int total = 0;
  for (const auto &line : lines)
    total += co_await count_char(line, 'x');
  co_return total;
}

// Never suspends but blocks on file i/o: run on a pool, several would
// overlap their waits (async_simple's ReadFiles demo).
cppcoro::task<int> count_in_file(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line))
    ++n;
  co_return n;
}

cppcoro::task<int> count_files(const std::vector<std::string> &paths) {
  int total = 0;
  for (const auto &path : paths) // expect-note: start one per element
    total += co_await count_in_file(path); // expect-warning: 'count_in_file(...)' is awaited in every iteration [coro-sequential-await]
  co_return total;
}

cppcoro::task<int> count_all_remote(const std::vector<std::string> &keys) {
  int total = 0;
  for (const auto &key : keys) // expect-note: start one per element
    total += co_await count_remote(key); // expect-warning: 'count_remote(...)' is awaited in every iteration [coro-sequential-await]
  co_return total;
}
} // namespace sync_work
