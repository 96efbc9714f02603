// CHECKS: coro-sequential-await
// MISSED (not run: kept outside the annotated set). SQ03, scylladb
// compaction_manager::stop (fix d80d1948, "stop compaction tasks in
// parallel ... to speed up shutdown"): every compaction task stopped one
// after the other with do_for_each; fixed with parallel_for_each. The
// callback calls a member function of the manager (`this->task_stop(t)`)
// that in fact touches only the task it is given; coro-sequential-await
// treats any call on *this as shared state (it would need a summary of the
// member function saying it uses nothing of *this).
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <list>
#include <memory>

namespace sq03 {
struct task {
  bool stopping = false;
  seastar::future<> close_gate();
};
struct compaction_manager {
  std::list<std::shared_ptr<task>> tasks_;
  seastar::future<> task_stop(std::shared_ptr<task> t) {
    t->stopping = true;
    co_await t->close_gate();
    t->stopping = false;
  }
  seastar::future<> stop_buggy() {
    auto tasks = tasks_;
    // would be: expect-warning: 'this->task_stop(...)' is awaited on each element in turn
    co_await seastar::do_for_each(tasks, [this](std::shared_ptr<task> &t) {
      return this->task_stop(t);
    });
  }
  seastar::future<> stop_fixed() {
    auto tasks = tasks_;
    co_await seastar::parallel_for_each(tasks, [this](std::shared_ptr<task> &t) {
      return this->task_stop(t);
    });
  }
};
} // namespace sq03
