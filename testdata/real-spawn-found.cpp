// CHECKS: coro-unbounded-spawn
// More unbounded fan-outs fixed in public history (see
// testdata/real/README.md, section coro-unbounded-spawn, SP07..): the buggy
// shape is reported, the fix not. (SP06, a spawn one helper below the loop,
// is restated in testdata/real-spawn-helpers.cpp.)
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace ss = seastar;

// --- SP07: redpanda cluster::partition_manager::stop_partitions (3f34d6ed)
// At shutdown every partition of the node is shut down at once with
// parallel_for_each (tens of thousands of tasks, and reactor stalls);
// fixed with max_concurrent_for_each(.., 1024, ..).
namespace sp07 {
struct partition {
  ss::future<> stop();
};
struct partition_manager {
  ss::gate _gate;
  std::map<std::string, std::shared_ptr<partition>> _ntp_table;
  ss::future<> do_shutdown(std::shared_ptr<partition> p);

  ss::future<> stop_partitions_buggy() {
    co_await _gate.close();
    auto partitions = std::exchange(_ntp_table, {});
    co_await ss::parallel_for_each( // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'partitions' at once, with no concurrency limit [coro-unbounded-spawn]
        partitions, [this](auto &e) { return do_shutdown(e.second); });
  }

  ss::future<> stop_partitions_fixed() {
    co_await _gate.close();
    auto partitions = std::exchange(_ntp_table, {});
    co_await ss::max_concurrent_for_each(
        partitions, 1024, [this](auto &e) { return do_shutdown(e.second); });
  }
};
} // namespace sp07
