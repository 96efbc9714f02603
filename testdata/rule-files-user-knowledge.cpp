// CHECKS: coro-awaitless-loop,coro-blocking-call
// OPTION: RuleFiles=%testdata/rule-files-user-knowledge.json
// Spin hints and pool name patterns are catalog data: a project's rule file
// adds its own (docs/rules.md, `spin_hints`, name patterns in `executors`).
#include <coro/coro.hpp>

#include <atomic>
#include <memory>
#include <unistd.h>

std::atomic<bool> done{false};

namespace acme {
void cpu_relax();
void log_poll();
struct WorkerGroup {
  coro::thread_pool::schedule_operation schedule();
};
struct EventLoop {
  coro::thread_pool::schedule_operation schedule();
};
} // namespace acme

// The project's pause hint waits for nothing: the loop still busy-waits.
coro::task<> spin_with_hint() {
  while (!done) { // expect-warning: spins on 'done' without suspending [coro-awaitless-loop]
    acme::cpu_relax();
  }
  co_return;
}

// Another call may wait or do work: not a bare spin.
coro::task<> poll_with_call() {
  while (!done) {
    acme::log_poll();
  }
  co_return;
}

// Named like the project's pools: after the hop, blocking is the offload.
coro::task<> on_worker_group(acme::WorkerGroup &g) {
  co_await g.schedule();
  ::usleep(100);
  co_return;
}

// Not named like a pool: a scheduling call there goes back to the loop.
coro::task<> on_event_loop(acme::EventLoop &l) {
  co_await l.schedule();
  ::usleep(100); // expect-warning: blocking call to 'usleep' in coroutine 'on_event_loop' [coro-blocking-call]
  co_return;
}
