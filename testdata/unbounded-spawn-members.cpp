// CHECKS: coro-unbounded-spawn
// Collections whose size the code fixes where the fan-out cannot see it:
// a data member of a class of this file, built in the constructor from a
// constant range and only read after (a benchmark fixture); a local moved
// into a lambda's capture; a counting range held in a local first; a
// collection of scheduling groups (seastar has at most 16: catalog
// `bounded_counts`). Each has a near miss beside it that is reported: a
// member grown elsewhere in the file, a member built from the caller's
// data, a capture of a local filled per item, a counting range whose
// element picks data, a collection of tenants.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/scheduling.hh>
#include <seastar/core/when_all.hh>
#include <seastar/coroutine/parallel_for_each.hh>

#include <boost/range/irange.hpp>

#include <ranges>
#include <vector>

namespace members {
seastar::future<> touch(int v);
seastar::future<int> value_of(int v);

// --- not reported -------------------------------------------------------------

// future_util_perf.cc: a fixture built once from a constant range; the
// benchmarks (derived classes, as PERF_TEST_F makes them) only read it.
struct fixture {
  std::vector<int> empty_range;
  std::vector<int> range;
  static constexpr int max_range_size = 100;

  fixture()
      : empty_range(),
        range(boost::copy_range<std::vector<int>>(boost::irange(1, max_range_size))) {}
};

struct bench_immediate : fixture {
  seastar::future<> run() {
    return seastar::parallel_for_each(range, [](int v) { return touch(v); });
  }
};

struct bench_coroutine : fixture {
  seastar::future<std::size_t> run() {
    co_await seastar::coroutine::parallel_for_each(range, [](int v) { return touch(v); });
    co_await seastar::parallel_for_each(empty_range, [](int v) { return touch(v); });
    for (int v : range) // a range-for over the member: bounded too
      (void)touch(v);
    co_return range.size();
  }
};

// A member with a braced default initialiser, a constructor that leaves it.
class presets {
  std::vector<int> ids_{1, 2, 3};
  int scale_;

public:
  explicit presets(int scale) : scale_(scale) {}
  seastar::future<> apply() {
    co_await seastar::parallel_for_each(ids_, [this](int v) { return touch(v * scale_); });
  }
};

// futures_test.cc: a vector of a constant number of futures moved into the
// continuation's capture.
seastar::future<> captured_constant() {
  std::vector<seastar::future<int>> futs;
  for (int i = 0; i < 10; i++)
    futs.push_back(value_of(i));
  return seastar::make_ready_future<>().then([futs = std::move(futs)]() mutable {
    return seastar::when_all_succeed(std::move(futs)).discard_result();
  });
}

// iotune.cc: as many workers as the configured concurrency, the counting
// range held in a local first; the element picks no data.
struct worker {
  seastar::future<> issue();
};
seastar::future<> run_workers(worker &w, unsigned max_os_concurrency) {
  auto concurrency = std::views::iota(0u, max_os_concurrency);
  co_await seastar::parallel_for_each(std::move(concurrency), [&w](unsigned) { return w.issue(); });
}

// scheduling_group_nesting_test.cc: one busy loop per scheduling group.
seastar::future<> run_busyloops(std::vector<seastar::scheduling_group> groups) {
  std::vector<seastar::future<>> f;
  for (auto &g : groups)
    f.push_back(seastar::with_scheduling_group(g, [] { return touch(0); }));
  co_await seastar::when_all(f.begin(), f.end());
}

// A constant list handed to a constructor that only reads it.
struct reader {
  explicit reader(const std::vector<int> &from);
};
seastar::future<> read_by_constructor() {
  auto ids = std::vector<int>{1, 2, 3};
  reader r(ids);
  co_await seastar::parallel_for_each(ids, [](int v) { return touch(v); });
}

// --- reported -------------------------------------------------------------------

// The same list handed to a constructor that may grow it.
struct appender {
  explicit appender(std::vector<int> &into);
};
seastar::future<> grown_by_constructor() {
  auto ids = std::vector<int>{1, 2, 3};
  appender a(ids);
  co_await seastar::parallel_for_each(ids, [](int v) { return touch(v); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'ids' at once [coro-unbounded-spawn]
}

// The same fixture shape, but a member function grows the member.
struct growing_fixture {
  std::vector<int> range;
  growing_fixture() : range(boost::copy_range<std::vector<int>>(boost::irange(1, 10))) {}
  void add(int v) { range.push_back(v); }
  seastar::future<> run() {
    co_await seastar::parallel_for_each(range, [](int v) { return touch(v); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'range' at once [coro-unbounded-spawn]
  }
};

// Grown through a reference taken to it.
struct aliased_fixture {
  std::vector<int> range;
  aliased_fixture() : range{1, 2, 3} {}
  seastar::future<> run() {
    co_await seastar::parallel_for_each(range, [](int v) { return touch(v); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'range' at once [coro-unbounded-spawn]
  }
};
void extend(aliased_fixture &f, const std::vector<int> &more) {
  auto &r = f.range;
  for (int m : more)
    r.push_back(m);
}

// Built from the caller's data.
class table {
  std::vector<int> rows_;

public:
  explicit table(std::vector<int> rows) : rows_(std::move(rows)) {}
  seastar::future<> flush() {
    co_await seastar::parallel_for_each(rows_, [](int r) { return touch(r); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'rows_' at once [coro-unbounded-spawn]
  }
};

// A capture of a local filled once per item.
seastar::future<> captured_items(const std::vector<int> &items) {
  std::vector<seastar::future<int>> futs;
  for (int i : items) // expect-note: 'futs' gets one element per iteration of this loop
    futs.push_back(value_of(i));
  return seastar::make_ready_future<>().then([futs = std::move(futs)]() mutable {
    return seastar::when_all_succeed(std::move(futs)).discard_result(); // expect-warning: 'seastar::when_all_succeed' starts one task per element of 'futs' at once [coro-unbounded-spawn]
  });
}

// The counting range's element picks the data.
seastar::future<> run_items(const std::vector<int> &items, unsigned n) {
  auto each = std::views::iota(0u, n);
  co_await seastar::parallel_for_each(std::move(each), [&items](unsigned i) { return touch(items[i]); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'each' at once [coro-unbounded-spawn]
}

// One future per tenant, not per group.
struct tenant {
  seastar::scheduling_group group;
  int id = 0;
};
seastar::future<> run_tenants(std::vector<tenant> tenants) {
  std::vector<seastar::future<>> f;
  for (auto &t : tenants) // expect-note: 'f' gets one element per iteration of this loop
    f.push_back(seastar::with_scheduling_group(t.group, [&t] { return touch(t.id); }));
  co_await seastar::when_all(f.begin(), f.end()); // expect-warning: 'seastar::when_all' starts one task per element of 'f' at once [coro-unbounded-spawn]
}
} // namespace members
