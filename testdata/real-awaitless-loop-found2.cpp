// CHECKS: coro-awaitless-loop
// More reactor stalls ScyllaDB fixed with maybe_yield (see
// testdata/real/README.md, section coro-awaitless-loop, AL06..): each
// buggy coroutine is followed by its fixed shape, which is quiet.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

struct stall_logger {
  void debug(const char *fmt, const std::string &a) const;
  void info(const char *fmt, std::size_t n) const;
};
extern stall_logger cmlog;

// --- AL06: compaction_manager::postponed_compactions_reevaluation (67ebd70e)
// Every postponed table resubmitted for compaction in one pass; each
// submission runs the compaction strategy's heuristics and creates a task,
// thousands of tables stall the reactor every hour. Fixed with a yield per
// submission.
namespace al06 {
struct schema {
  std::string ks_name, cf_name;
};
struct table_state {
  std::shared_ptr<schema> s;
  std::shared_ptr<schema> get_schema() const { return s; }
};
struct compaction_task {
  table_state *t;
  explicit compaction_task(table_state *t) : t(t) {}
};
struct compaction_manager {
  std::unordered_set<table_state *> _postponed;
  std::vector<std::shared_ptr<compaction_task>> _tasks;
  seastar::future<> when_reevaluation();

  void submit(table_state &t) {
    _tasks.push_back(std::make_shared<compaction_task>(&t)); // expect-note: 'push_back' inserts into a container
  }

  seastar::future<> reevaluate_buggy() {
    while (true) {
      co_await when_reevaluation();
      auto postponed = std::move(_postponed);
      for (auto &t : postponed) { // expect-warning: loop in coroutine 'al06::compaction_manager::reevaluate_buggy' never suspends and builds per element of a runtime-sized range [coro-awaitless-loop]
        auto s = t->get_schema();
        cmlog.debug("resubmitting postponed compaction for table {}", s->cf_name);
        submit(*t); // expect-note: calls 'al06::compaction_manager::submit'
      }
    }
  }

  seastar::future<> reevaluate_fixed() {
    while (true) {
      co_await when_reevaluation();
      auto postponed = std::move(_postponed);
      for (auto &t : postponed) {
        auto s = t->get_schema();
        cmlog.debug("resubmitting postponed compaction for table {}", s->cf_name);
        submit(*t);
        co_await seastar::coroutine::maybe_yield();
      }
    }
  }
};
} // namespace al06

// --- AL07: sstables_manager::maybe_reclaim_components (10fffcd6) -----------
// While the components' memory is over the threshold, scan every active
// sstable for the one holding the most and reclaim it: a scan per
// reclaimed sstable, in a plain function called from the reclaim fiber
// (a coroutine). Fixed by making the helper a coroutine that yields per
// reclaimed sstable.
namespace al07 {
struct sstable {
  std::size_t reclaimable = 0;
  std::size_t total_reclaimable_memory_size() const { return reclaimable; }
  std::size_t reclaim_memory_from_components();
};
struct sstables_manager {
  std::vector<sstable> _active;
  std::vector<sstable *> _reclaimed;
  std::size_t _total_reclaimable_memory = 0;
  std::size_t _threshold = 0;
  seastar::future<> memory_change();

  void maybe_reclaim_components() {
    while (_total_reclaimable_memory > _threshold) { // expect-note: loop in 'al07::sstables_manager::maybe_reclaim_components' over a runtime bound
      auto max = std::max_element(_active.begin(), _active.end(), // expect-note: 'std::max_element' calls its function on every element
                                  [](const sstable &a, const sstable &b) {
                                    return a.total_reclaimable_memory_size() <
                                           b.total_reclaimable_memory_size();
                                  });
      std::size_t reclaimed = max->reclaim_memory_from_components();
      _total_reclaimable_memory -= reclaimed;
      _reclaimed.push_back(&*max);
    }
  }

  seastar::future<> reclaim_fiber_buggy() {
    while (true) {
      co_await memory_change();
      maybe_reclaim_components(); // expect-warning: 'al07::sstables_manager::maybe_reclaim_components' loops without suspending and does heavy work per iteration, called in coroutine 'al07::sstables_manager::reclaim_fiber_buggy'; make it a coroutine that yields every N iterations (co_await seastar::coroutine::maybe_yield()) [coro-awaitless-loop]
    }
  }

  seastar::future<> maybe_reclaim_components_fixed() {
    while (_total_reclaimable_memory > _threshold) {
      auto max = std::max_element(_active.begin(), _active.end(),
                                  [](const sstable &a, const sstable &b) {
                                    return a.total_reclaimable_memory_size() <
                                           b.total_reclaimable_memory_size();
                                  });
      std::size_t reclaimed = max->reclaim_memory_from_components();
      _total_reclaimable_memory -= reclaimed;
      _reclaimed.push_back(&*max);
      co_await seastar::coroutine::maybe_yield();
    }
  }
  seastar::future<> reclaim_fiber_fixed() {
    while (true) {
      co_await memory_change();
      co_await maybe_reclaim_components_fixed();
    }
  }
};
} // namespace al07
