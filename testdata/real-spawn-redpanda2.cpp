// CHECKS: coro-unbounded-spawn
// Unbounded fan-outs over partitions, topics and segments fixed in redpanda
// (see testdata/real/README.md, section coro-unbounded-spawn, SP08..SP10):
// the buggy shape is reported, the fix not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/map_reduce.hh>
#include <seastar/core/semaphore.hh>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ss = seastar;

// --- SP08: a reallocation per partition, all at once ------------------------
// A node-wide update keeps the partitions to move in a map inside the
// update's metadata; the backend reconciles every entry with one
// parallel_for_each. Bounded with max_concurrent_for_each.
namespace sp08 {
struct reallocation {
  int state = 0;
};
struct update_meta {
  std::map<int, reallocation> partition_reallocations;
};
struct members_backend {
  ss::future<> reconcile(int ntp, reallocation &r);

  ss::future<> reconcile_update(update_meta &meta) {
    co_await ss::parallel_for_each( // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'meta.partition_reallocations' at once [coro-unbounded-spawn]
        meta.partition_reallocations,
        [this](auto &pair) { return reconcile(pair.first, pair.second); });
  }
  ss::future<> reconcile_update_fixed(update_meta &meta) {
    co_await ss::max_concurrent_for_each(
        meta.partition_reallocations, 32,
        [this](auto &pair) { return reconcile(pair.first, pair.second); });
  }
};
} // namespace sp08

// --- SP09: clearing every topic of a migration at once ----------------------
// The range is a reference to a member of the element an iterator points
// at: the outstanding topics of one migration (any number).
namespace sp09 {
struct topic_state {};
using topic_map_t = std::unordered_map<std::string, topic_state>;
struct reconciliation_state {
  topic_map_t outstanding_topics;
};
using states_t = std::map<int, reconciliation_state>;
struct backend {
  states_t _states;
  ss::future<> clear_tstate(const topic_map_t::value_type &entry);

  ss::future<> drop_state(states_t::iterator rs_it) {
    const auto &topics = rs_it->second.outstanding_topics;
    co_await ss::parallel_for_each( // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'topics' at once [coro-unbounded-spawn]
        topics, [this](const topic_map_t::value_type &e) { return clear_tstate(e); });
    _states.erase(rs_it);
  }
  ss::future<> drop_state_fixed(states_t::iterator rs_it) {
    const auto &topics = rs_it->second.outstanding_topics;
    co_await ss::max_concurrent_for_each(
        topics, 64, [this](const topic_map_t::value_type &e) { return clear_tstate(e); });
    _states.erase(rs_it);
  }
};
} // namespace sp09

// --- SP10: redpanda log_manager::disk_usage (2e7b5f0d) -----------------------
// Disk usage of every partition's log, collected with map_reduce over a
// vector filled with one handle per log: thousands of statistics
// collections at once. Fixed with a semaphore of 20 taken in the mapper.
namespace sp10 {
struct usage {
  std::size_t bytes = 0;
  usage operator+(usage o) const { return {bytes + o.bytes}; }
};
struct log {
  ss::future<usage> disk_usage();
};
struct log_manager {
  std::map<int, std::shared_ptr<log>> _logs;

  ss::future<usage> disk_usage() {
    std::vector<std::shared_ptr<log>> logs;
    for (auto &[id, l] : _logs) // expect-note: 'logs' gets one element per iteration of this loop; loop runs once per element of '_logs'
      logs.push_back(l);
    co_return co_await ss::map_reduce( // expect-warning: 'seastar::map_reduce' starts one task per element of 'logs' at once [coro-unbounded-spawn]
        logs.begin(), logs.end(),
        [](std::shared_ptr<log> l) { return l->disk_usage(); }, usage{},
        [](usage acc, usage u) { return acc + u; });
  }
  ss::future<usage> disk_usage_fixed() {
    std::vector<std::shared_ptr<log>> logs;
    for (auto &[id, l] : _logs)
      logs.push_back(l);
    ss::semaphore limit(20);
    co_return co_await ss::map_reduce(
        logs.begin(), logs.end(),
        [&limit](std::shared_ptr<log> l) {
          return ss::with_semaphore(limit, 1, [l] { return l->disk_usage(); });
        },
        usage{}, [](usage acc, usage u) { return acc + u; });
  }
};
} // namespace sp10
