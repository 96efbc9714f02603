// CHECKS: coro-unbounded-spawn
// Fan-out over the shards or the scheduling groups starts at most one task
// per core (or per group, a compile-time maximum): the machine bounds it, as
// it bounds a loop up to std::thread::hardware_concurrency(). The catalogs
// name such counts and ranges (`executors` entries of `kind: shards`:
// seastar::smp::count, smp::all_shards(), this_smp_all_shards()), counting
// ranges over them (std::views::iota; `element_work` `kind: iota`:
// boost::irange) and views that keep at most their input's elements
// (`kind: view`: std::views::filter). Fan-out over the data is reported.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/map_reduce.hh>
#include <seastar/core/smp.hh>
#include <seastar/coroutine/parallel_for_each.hh>

#include <boost/range/irange.hpp>
#include <boost/range/iterator_range.hpp>

#include <array>
#include <ranges>
#include <vector>

namespace shards {
seastar::future<> flush_shard(unsigned shard);
seastar::future<long> usage_on(unsigned shard);

struct group_data {
  bool initialized = false;
  long usage = 0;
};
struct per_group {
  std::array<group_data, 16> groups; // one per scheduling group
};

// --- not reported: bounded by the core count or the group count -------------

seastar::future<> flush_all_cpus() {
  co_await seastar::parallel_for_each(seastar::smp::all_cpus(), [](unsigned c) { return flush_shard(c); });
}

seastar::future<> flush_all_shards() {
  co_await seastar::parallel_for_each(seastar::this_smp().all_shards(), [](unsigned c) { return flush_shard(c); });
}

seastar::future<long> total_usage() {
  co_return co_await seastar::map_reduce(
      seastar::this_smp_all_shards().begin(), seastar::this_smp_all_shards().end(),
      [](unsigned c) { return usage_on(c); }, 0L, [](long a, long b) { return a + b; });
}

seastar::future<> flush_iota() {
  co_await seastar::parallel_for_each(std::views::iota(0u, seastar::this_smp_shard_count()),
                                      [](unsigned c) { return flush_shard(c); });
}

seastar::future<> flush_irange() {
  co_await seastar::coroutine::parallel_for_each(boost::irange(0u, seastar::smp::count),
                                                 [](unsigned c) { return flush_shard(c); });
}

seastar::future<> flush_loop(const std::vector<unsigned> &per_shard) {
  for (unsigned c = 0; c < seastar::smp::count; ++c)
    (void)flush_shard(per_shard[c]);
  co_return;
}

seastar::future<long> group_usage(per_group &data) {
  co_return co_await seastar::map_reduce(
      data.groups | std::views::filter([](const group_data &g) { return g.initialized; }),
      [](const group_data &g) { return seastar::make_ready_future<long>(g.usage); }, 0L,
      [](long a, long b) { return a + b; });
}

// Workers: a counting range up to a configured concurrency whose element
// picks no data (io_tester's `parallelism` request loops), like a counted
// worker loop.
struct tester {
  unsigned parallelism = 4;
  seastar::future<> issue();
  seastar::future<> run() {
    co_await seastar::parallel_for_each(std::views::iota(0u, parallelism), [this](unsigned) { return issue(); });
  }
};

// Collections of constant size handed to the combinator by forwarding
// reference (it iterates its range, it does not resize it): seven elements,
// none, five (a copy of a constant counting range).
seastar::future<long> seven() {
  auto vec = std::vector<int>{1, 2, 3, 4, 5, 6, 7};
  co_return co_await seastar::map_reduce(vec, [](int s) { return usage_on(s); }, 0L,
                                         [](long a, long b) { return a + b; });
}

seastar::future<> none() {
  co_await seastar::parallel_for_each(std::vector<unsigned>(), [](unsigned c) { return flush_shard(c); });
}

seastar::future<> five() {
  auto range = boost::copy_range<std::vector<unsigned>>(boost::irange(1u, 6u));
  co_await seastar::parallel_for_each(range, [](unsigned c) { return flush_shard(c); });
}

// --- reported: bounded by the data --------------------------------------------

// The same vector grown from the input.
seastar::future<long> seven_and_more(const std::vector<int> &more) {
  auto vec = std::vector<int>{1, 2, 3, 4, 5, 6, 7};
  for (int m : more) // expect-note: 'vec' gets one element per iteration of this loop
    vec.push_back(m);
  co_return co_await seastar::map_reduce(vec, [](int s) { return usage_on(s); }, 0L, // expect-warning: 'seastar::map_reduce' starts one task per element of 'vec' at once [coro-unbounded-spawn]
                                         [](long a, long b) { return a + b; });
}


seastar::future<> flush_n(const std::vector<unsigned> &ids, unsigned n) {
  co_await seastar::parallel_for_each(std::views::iota(0u, n), [&](unsigned c) { return flush_shard(ids[c]); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'std::views::iota(0u, n)' at once, with no concurrency limit [coro-unbounded-spawn]
}

seastar::future<> flush_irange_n(const std::vector<unsigned> &ids, unsigned n) {
  co_await seastar::coroutine::parallel_for_each(boost::irange(0u, n), [&](unsigned c) { return flush_shard(ids[c]); }); // expect-warning: 'seastar::coroutine::parallel_for_each' starts one task per element of 'boost::irange(0u, n)' at once [coro-unbounded-spawn]
}

// Up to the size of the data, the element a plain number: still per item.
seastar::future<> flush_each_id(const std::vector<unsigned> &ids) {
  co_await seastar::parallel_for_each(std::views::iota(0u, unsigned(ids.size())), [](unsigned c) { return flush_shard(c); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of [coro-unbounded-spawn]
}

seastar::future<> flush_selected(std::vector<unsigned> ids) {
  co_await seastar::parallel_for_each(ids | std::views::filter([](unsigned c) { return c % 2 == 0; }), [](unsigned c) { return flush_shard(c); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of [coro-unbounded-spawn]
}

seastar::future<> flush_loop_n(const std::vector<unsigned> &ids, unsigned n) {
  for (unsigned c = 0; c < n; ++c) // expect-note: loop runs up to 'n' times
    (void)flush_shard(ids[c]); // expect-warning: 'shards::flush_shard' starts one task per iteration of a loop with no concurrency limit [coro-unbounded-spawn]
  co_return;
}
} // namespace shards
