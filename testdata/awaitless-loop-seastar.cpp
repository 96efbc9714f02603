// CHECKS: coro-awaitless-loop
// seastar's reactor is stall-sensitive (`stall_sensitive` on seastar::future
// in rules/seastar.json): a single awaitless pass over a runtime-sized range
// that builds per element, or over nested data, is reported. The same code
// in a cppcoro coroutine keeps the level rule (HeavyLevels 2) and is quiet.
#include <cppcoro/task.hpp>
#include <seastar/core/condition-variable.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <algorithm>
#include <array>
#include <coroutine>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

struct table {
  std::string name;
  std::vector<std::string> sstables;
  std::size_t size() const;
};

struct stats {
  long bytes = 0;
};

// --- reported: one pass that builds ------------------------------------------

seastar::future<std::vector<std::string>> names(const std::vector<table> &ts) {
  std::vector<std::string> out;
  for (const auto &t : ts) // expect-warning: loop in coroutine 'names' never suspends and builds per element of a runtime-sized range, which stalls the reactor when the range is large; yield every N iterations (co_await seastar::coroutine::maybe_yield()) [coro-awaitless-loop]
    out.push_back(t.name); // expect-note: 'push_back' inserts into a container // expect-note: a preemption point here lets other tasks run
  co_return out;
}

seastar::future<std::map<std::string, long>> index_by_name(const std::vector<table> &ts) {
  std::map<std::string, long> out;
  for (std::size_t i = 0; i < ts.size(); ++i) // expect-warning: loop in coroutine 'index_by_name' never suspends and builds per element [coro-awaitless-loop]
    out[ts[i].name] = long(i); // expect-note: 'operator[]' inserts into a container // expect-note: a preemption point here lets other tasks run
  co_return out;
}

seastar::future<> allocate_all(const std::vector<table> &ts,
                               std::vector<table *> &copies) {
  for (auto it = ts.begin(); it != ts.end(); ++it) { // expect-warning: never suspends and builds per element [coro-awaitless-loop] // expect-note: a preemption point here lets other tasks run
    table *t = new table(*it); // expect-note: allocates a 'table'
    copies.emplace_back(t);
  }
  co_return;
}

seastar::future<std::string> manifest(const std::vector<table> &ts) {
  std::ostringstream os;
  for (const auto &t : ts) // expect-warning: never suspends and builds per element [coro-awaitless-loop]
    os << t.name << ","; // expect-note: writes to a 'std::basic_ostream' // expect-note: a preemption point here lets other tasks run
  co_return os.str();
}

// A helper that builds, called per element: the note walks to it.
std::string describe(const table &t) {
  return t.name + "/" + std::to_string(t.sstables.size()); // expect-note: 'std::operator+' returns a new object
}

seastar::future<long> total_described(const std::vector<table> &ts) {
  long n = 0;
  for (const auto &t : ts) // expect-warning: never suspends and builds per element [coro-awaitless-loop]
    n += long(describe(t).size()); // expect-note: 'total_described' calls 'describe' // expect-note: a preemption point here lets other tasks run
  co_return n;
}

// Algorithms that call a function per element are loops.
seastar::future<std::vector<std::string>> names_transform(const std::vector<table> &ts) {
  std::vector<std::string> out;
  std::transform(ts.begin(), ts.end(), std::back_inserter(out), // expect-warning: 'std::transform' in coroutine 'names_transform' never suspends and builds per element [coro-awaitless-loop]
                 [](const table &t) { return t.name; }); // expect-note@-1: 'std::back_inserter' inserts into a container
  co_return out;
}

seastar::future<> names_for_each(const std::vector<table> &ts, std::vector<std::string> &out) {
  std::for_each(ts.begin(), ts.end(), [&](const table &t) { // expect-warning: 'std::for_each' in coroutine 'names_for_each' never suspends and builds per element [coro-awaitless-loop]
    out.emplace_back(t.name); // expect-note: 'emplace_back' inserts into a container
  });
  co_return;
}

// A nested traversal of nested data is a level here, even without building.
seastar::future<long> count_sstable_bytes(const std::vector<table> &ts) {
  long n = 0;
  for (const auto &t : ts) // expect-warning: loop in coroutine 'count_sstable_bytes' never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (const auto &s : t.sstables) // expect-note: nested loop over a runtime bound // expect-note: a preemption point here lets other tasks run
      n += long(s.size());
  co_return n;
}

// --- not reported ---------------------------------------------------------------

// A pass that only reads: cheap per element.
seastar::future<long> sum_sizes(const std::vector<table> &ts) {
  long n = 0;
  for (const auto &t : ts)
    n += long(t.sstables.size());
  co_return n;
}

// Yields every element.
seastar::future<std::vector<std::string>> names_yielding(const std::vector<table> &ts) {
  std::vector<std::string> out;
  for (const auto &t : ts) {
    out.push_back(t.name);
    co_await seastar::coroutine::maybe_yield();
  }
  co_return out;
}

// A small constant range builds a few elements.
seastar::future<std::vector<std::string>> fixed_names() {
  std::vector<std::string> out;
  const std::array<const char *, 3> parts{"a", "b", "c"};
  for (const char *p : parts)
    out.push_back(p);
  for (int i = 0; i < 8; ++i)
    out.emplace_back(std::to_string(i));
  co_return out;
}

// Moving into a local and reading, copying a shared pointer: no new object.
seastar::future<long> moves_only(std::vector<std::shared_ptr<table>> &ts) {
  long n = 0;
  for (auto &t : ts) {
    std::shared_ptr<table> keep = t;
    n += long(keep->sstables.size());
  }
  co_return n;
}

// A linear algorithm with a reading callable.
seastar::future<long> count_big(const std::vector<table> &ts) {
  co_return std::count_if(ts.begin(), ts.end(),
                          [](const table &t) { return t.sstables.size() > 8; });
}

// The same building loops in a cppcoro coroutine: the level rule only.
cppcoro::task<std::vector<std::string>> names_cppcoro(const std::vector<table> &ts) {
  std::vector<std::string> out;
  for (const auto &t : ts)
    out.push_back(t.name);
  std::transform(ts.begin(), ts.end(), std::back_inserter(out),
                 [](const table &t) { return t.name; });
  co_return out;
}

cppcoro::task<long> count_sstable_bytes_cppcoro(const std::vector<table> &ts) {
  long n = 0;
  for (const auto &t : ts)
    for (const auto &s : t.sstables)
      n += long(s.size());
  co_return n;
}

// --- algorithms as loops, in every library ------------------------------------

// A per-element algorithm over the whole range inside a loop over it: nested.
cppcoro::task<long> pairs_cppcoro(const std::vector<int> &v) {
  long s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'pairs_cppcoro' never suspends and does heavy work per iteration [coro-awaitless-loop]
    std::for_each(v.begin(), v.end(), [&](int b) { s += a * b; }); // expect-note: 'std::for_each' calls its function on every element
  co_return s;
}

// Over the current element: linear.
cppcoro::task<long> rows_cppcoro(const std::vector<std::vector<int>> &m) {
  long s = 0;
  for (const auto &row : m)
    std::for_each(row.begin(), row.end(), [&](int x) { s += x; });
  co_return s;
}

// --- busy-wait on an await that never suspends ----------------------------------

bool stopping = false;

seastar::future<> spin_on_ready_wait(seastar::condition_variable &cv) {
  for (;;) { // expect-warning: loop in coroutine 'spin_on_ready_wait' spins: its awaits complete without suspending; await an event instead (co_await the future of a seastar::promise [coro-awaitless-loop]
    co_await cv.wait([] { return true; }); // expect-note: this await never suspends
    if (stopping)
      break;
  }
}

cppcoro::task<> spin_on_suspend_never() {
  while (true) { // expect-warning: loop in coroutine 'spin_on_suspend_never' spins: its awaits complete without suspending [coro-awaitless-loop]
    co_await std::suspend_never{}; // expect-note: this await never suspends
  }
}

// A predicate that can be false: the wait suspends.
seastar::future<> waits_for_work(seastar::condition_variable &cv, std::vector<int> &q) {
  for (;;) {
    co_await cv.wait([&] { return !q.empty() || stopping; });
    if (stopping)
      break;
    q.clear();
  }
}

// An infinite loop around a ready await that leaves on its own data: a
// bounded loop, not a wait.
cppcoro::task<int> ready_then_data(const std::vector<int> &v) {
  std::size_t i = 0;
  int s = 0;
  for (;;) {
    co_await std::suspend_never{};
    if (i == v.size())
      break;
    s += v[i++];
  }
  co_return s;
}
