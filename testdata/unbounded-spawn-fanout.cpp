// CHECKS: coro-unbounded-spawn
// Fan-out through concurrent combinators over a collection: one task per
// element, all at once (seastar parallel_for_each, coroutine::parallel_for_each,
// map_reduce, when_all over a vector of futures; folly collectAllRange and
// collectAll over futures), and the bounded shapes that are not reported.
#include <folly/coro/Collect.h>
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/map_reduce.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/when_all.hh>
#include <seastar/coroutine/parallel_for_each.hh>

#include <array>
#include <memory>
#include <vector>

namespace fanout {
struct row {
  int id;
};
struct result_set {
  std::vector<row> rows;
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};
seastar::future<std::shared_ptr<result_set>> query();
seastar::future<> drop(const row &r);
seastar::future<long> size_of(int segment);
seastar::future<> touch(int x);

struct table {
  std::vector<int> segments;
  seastar::semaphore limit{10};

  // --- positives -----------------------------------------------------------

  seastar::future<> drop_all_rows() {
    auto rs = co_await query();
    co_await seastar::coroutine::parallel_for_each(*rs, [&](const row &r) -> seastar::future<> { // expect-warning: 'seastar::coroutine::parallel_for_each' starts one task per element of '*rs' at once, with no concurrency limit [coro-unbounded-spawn]
      co_await drop(r);
    });
  }

  seastar::future<> touch_segments() {
    return seastar::parallel_for_each(segments, [](int s) { return touch(s); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'segments' at once [coro-unbounded-spawn]
  }

  seastar::future<long> usage() {
    co_return co_await seastar::map_reduce( // expect-warning: 'seastar::map_reduce' starts one task per element of 'segments' at once [coro-unbounded-spawn]
        segments, [](int s) { return size_of(s); }, 0L,
        [](long a, long b) { return a + b; });
  }

  seastar::future<> touch_iterators() {
    co_await seastar::parallel_for_each(segments.begin(), segments.end(), [](int s) { return touch(s); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'segments' at once [coro-unbounded-spawn]
  }

  // A vector of started futures, one per item, then awaited together.
  seastar::future<> when_all_over_vector(const std::vector<int> &items) {
    std::vector<seastar::future<>> futs;
    for (int x : items) // expect-note: 'futs' gets one element per iteration of this loop; loop runs once per element of 'items'
      futs.push_back(touch(x));
    co_await seastar::when_all_succeed(futs.begin(), futs.end()); // expect-warning: 'seastar::when_all_succeed' starts one task per element of 'futs' at once [coro-unbounded-spawn]
  }

  // --- negatives -----------------------------------------------------------

  // The fix of the first: at most N at once.
  seastar::future<> drop_all_rows_bounded() {
    auto rs = co_await query();
    co_await seastar::max_concurrent_for_each(*rs, 16, [&](const row &r) -> seastar::future<> {
      co_await drop(r);
    });
  }

  // A limiter shared by every element's work, taken inside it.
  seastar::future<long> usage_limited() {
    co_return co_await seastar::map_reduce(
        segments,
        [this](int s) { return seastar::with_semaphore(limit, 1, [s] { return size_of(s); }); },
        0L, [](long a, long b) { return a + b; });
  }
  seastar::future<> touch_with_units() {
    co_await seastar::coroutine::parallel_for_each(segments, [this](int s) -> seastar::future<> {
      auto units = co_await seastar::get_units(limit, 1);
      co_await touch(s);
    });
  }

  // A collection of constant size.
  seastar::future<> fixed_set() {
    std::array<int, 3> three{1, 2, 3};
    co_await seastar::parallel_for_each(three, [](int s) { return touch(s); });
    co_await seastar::coroutine::parallel_for_each(std::vector<int>{4, 5}, [](int s) { return touch(s); });
  }

  // A vector filled a fixed number of times, or in a loop of constant count.
  seastar::future<> few_futures() {
    std::vector<seastar::future<>> futs;
    futs.push_back(touch(1));
    futs.push_back(touch(2));
    co_await seastar::when_all_succeed(futs.begin(), futs.end());
    std::vector<seastar::future<>> eight;
    for (int k = 0; k < 8; ++k)
      eight.push_back(touch(k));
    co_await seastar::when_all(eight.begin(), eight.end());
  }

  // A batch filled and awaited in the same iteration: at most the batch.
  seastar::future<> batches(const std::vector<std::vector<int>> &groups) {
    for (const auto &group : groups) {
      std::vector<seastar::future<>> futs;
      for (int k = 0; k < 4; ++k)
        futs.push_back(touch(group[k]));
      co_await seastar::when_all_succeed(futs.begin(), futs.end());
    }
  }

  // The variadic overload: a fixed number of awaitables.
  seastar::future<> two_at_once() {
    co_await seastar::when_all_succeed(touch(1), touch(2));
  }
};

// --- folly ----------------------------------------------------------------------

folly::coro::Task<void> fetch(int x);
folly::SemiFuture<int> lookup(int x);

folly::coro::Task<void> fetch_all(std::vector<int> ids) {
  std::vector<folly::coro::Task<void>> tasks;
  for (int id : ids) // expect-note: 'tasks' gets one element per iteration of this loop
    tasks.push_back(fetch(id));
  co_await folly::coro::collectAllRange(std::move(tasks)); // expect-warning: 'folly::coro::collectAllRange' starts one task per element of 'tasks' at once, with no concurrency limit; use folly::coro::collectAllWindowed(range, N) [coro-unbounded-spawn]
}

folly::coro::Task<void> fetch_all_windowed(std::vector<int> ids) {
  std::vector<folly::coro::Task<void>> tasks;
  for (int id : ids)
    tasks.push_back(fetch(id));
  co_await folly::coro::collectAllWindowed(std::move(tasks), 8);
}

void lookup_all(const std::vector<int> &ids) {
  std::vector<folly::SemiFuture<int>> futs;
  for (int id : ids) // expect-note: 'futs' gets one element per iteration of this loop
    futs.push_back(lookup(id));
  (void)folly::collectAll(futs); // expect-warning: 'folly::collectAll' starts one task per element of 'futs' at once [coro-unbounded-spawn]
}

void lookup_two() {
  (void)folly::collectAll(lookup(1), lookup(2));
}
} // namespace fanout
