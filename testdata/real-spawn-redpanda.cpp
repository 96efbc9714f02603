// CHECKS: coro-unbounded-spawn
// Real unbounded fan-outs in Redpanda, restated (see testdata/real/README.md,
// section coro-unbounded-spawn): the buggy shape is reported, the fix not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/map_reduce.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/when_all.hh>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ss = seastar;

// RB13: the disk usage of a log sums the size of every segment with
// map_reduce, one outstanding future per segment (and one such log per
// partition). Fixed by taking a semaphore of 10 inside the mapper.
namespace rb13 {
struct segment {
  ss::future<long> persistent_size();
};
using segment_ptr = std::shared_ptr<segment>;

ss::future<long> disk_usage(std::vector<segment_ptr> segments) {
  co_return co_await ss::map_reduce( // expect-warning: 'seastar::map_reduce' starts one task per element of 'segments' at once, with no concurrency limit [coro-unbounded-spawn]
      segments, [](const segment_ptr &s) { return s->persistent_size(); }, 0L,
      [](long a, long b) { return a + b; });
}

ss::future<long> disk_usage_fixed(std::vector<segment_ptr> segments) {
  ss::semaphore limit(10);
  co_return co_await ss::map_reduce(
      segments,
      [&limit](const segment_ptr &s) {
        return ss::with_semaphore(limit, 1, [&s] { return s->persistent_size(); });
      },
      0L, [](long a, long b) { return a + b; });
}
} // namespace rb13

// SP02: the controller bootstraps every topic's pending deltas at once;
// the futures' bookkeeping needs one large contiguous allocation. Fixed
// with max_concurrent_for_each(.., 1024, ..).
namespace bc02 {
struct deltas {};
struct controller_backend {
  std::map<std::string, deltas> topic_deltas;
  ss::future<> bootstrap_ntp(const std::string &ntp, deltas &d);

  ss::future<> do_bootstrap() {
    return ss::parallel_for_each(topic_deltas.begin(), topic_deltas.end(), // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'topic_deltas' at once [coro-unbounded-spawn]
                                 [this](auto &entry) { return bootstrap_ntp(entry.first, entry.second); });
  }
  ss::future<> do_bootstrap_fixed() {
    return ss::max_concurrent_for_each(topic_deltas.begin(), topic_deltas.end(), 1024,
                                       [this](auto &entry) { return bootstrap_ntp(entry.first, entry.second); });
  }
};
} // namespace bc02

// SP03: archival reconciliation creates an archiver for every new partition
// at once; they all compete for the connection pool. Fixed with
// max_concurrent_for_each bounded by half the connection limit.
namespace bc03 {
struct ntp {
  std::string name;
};
struct scheduler {
  std::size_t connection_limit = 20;
  ss::future<> add_archiver(const ntp &n);

  ss::future<> create_archivers(std::vector<ntp> to_create) {
    co_await ss::parallel_for_each(to_create, [this](const ntp &n) { return add_archiver(n); }); // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'to_create' at once [coro-unbounded-spawn]
  }
  ss::future<> create_archivers_fixed(std::vector<ntp> to_create) {
    auto concurrency = std::max<std::size_t>(1, connection_limit / 2);
    co_await ss::max_concurrent_for_each(to_create, concurrency, [this](const ntp &n) { return add_archiver(n); });
  }
};
} // namespace bc03

// SP04: after creating topics, a future per partition waiting for its
// leader is pushed into a vector and the whole vector awaited with
// when_all_succeed. Fixed with max_concurrent_for_each(.., 64, ..) per topic.
namespace bc04 {
struct assignment {
  int id;
};
struct topic_result {
  bool ok;
  std::vector<assignment> assignments;
};
struct metadata_cache {
  ss::future<int> get_leader(int partition);
};

ss::future<> wait_for_leaders(metadata_cache &md, std::vector<topic_result> results) {
  std::vector<ss::future<int>> futures;
  for (auto &r : results) {
    if (!r.ok)
      continue;
    for (auto &a : r.assignments) // expect-note: 'futures' gets one element per iteration of this loop; loop runs once per element of 'r.assignments'
      futures.push_back(md.get_leader(a.id));
  }
  co_await ss::when_all_succeed(futures.begin(), futures.end()); // expect-warning: 'seastar::when_all_succeed' starts one task per element of 'futures' at once [coro-unbounded-spawn]
}

ss::future<> wait_for_leaders_fixed(metadata_cache &md, std::vector<topic_result> results) {
  for (auto &r : results) {
    if (!r.ok)
      continue;
    co_await ss::max_concurrent_for_each(r.assignments, 64, [&md](const assignment &a) -> ss::future<> {
      co_await md.get_leader(a.id);
    });
  }
}
} // namespace bc04
