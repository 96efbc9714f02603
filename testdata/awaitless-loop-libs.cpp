// CHECKS: coro-awaitless-loop
// The suggestion names the library of the coroutine's type; each library's
// own yield and thread-pool hop count as suspending or offloading.
#include <concurrencpp/concurrencpp.h>
#include <coro/coro.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/Task.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <atomic>
#include <memory>
#include <vector>

std::atomic<bool> done{false};

// --- cppcoro ------------------------------------------------------------------

cppcoro::task<int> cppcoro_heavy(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'cppcoro_heavy' never suspends and does heavy work per iteration; yield every N iterations (co_await pool.schedule() on the cppcoro::static_thread_pool the coroutine runs on) or move it to a thread pool (co_await pool.schedule() on a cppcoro::static_thread_pool [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_return s;
}

cppcoro::task<int> cppcoro_yields(cppcoro::static_thread_pool &pool,
                                  const std::vector<int> &v) {
  int s = 0, k = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    if (++k % 256 == 0)
      co_await pool.schedule();
  }
  co_return s;
}

// Moved onto the pool first: the heavy loop runs there, which is the advice.
cppcoro::task<int> cppcoro_on_pool(cppcoro::static_thread_pool &pool,
                                   const std::vector<int> &v) {
  co_await pool.schedule();
  int s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

cppcoro::task<> cppcoro_spin() {
  while (!done.load()) { // expect-warning: spins on 'done' without suspending; await an event instead (co_await ev on a cppcoro::async_manual_reset_event [coro-awaitless-loop]
  }
  co_return;
}

// --- libcoro ------------------------------------------------------------------

coro::task<int> libcoro_heavy(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: never suspends and does heavy work per iteration; yield every N iterations (co_await tp->yield() on the coro::thread_pool or scheduler running the task) or move it to a thread pool (co_await tp->schedule() on a coro::thread_pool [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_return s;
}

coro::task<int> libcoro_yields(std::shared_ptr<coro::io_scheduler> sched,
                               const std::vector<int> &v) {
  int s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    co_await sched->yield();
  }
  co_return s;
}

coro::task<int> libcoro_on_pool(std::shared_ptr<coro::thread_pool> tp,
                                const std::vector<int> &v) {
  co_await tp->schedule();
  int s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

// The i/o scheduler is the event loop, not a pool: still reported.
coro::task<int> libcoro_on_io(std::shared_ptr<coro::io_scheduler> sched,
                              const std::vector<int> &v) {
  co_await sched->schedule();
  int s = 0;
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop // expect-note: a preemption point here lets other tasks run
      s += a * b;
  co_return s;
}

// Back from the pool to the event loop: loops after that hop are reported.
coro::task<int> libcoro_pool_then_io(std::shared_ptr<coro::thread_pool> tp,
                                     std::shared_ptr<coro::io_scheduler> sched,
                                     const std::vector<int> &v) {
  co_await tp->schedule();
  int s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_await sched->schedule();
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop // expect-note: a preemption point here lets other tasks run
      s -= a * b;
  co_return s;
}

coro::task<> libcoro_spin() {
  while (!done) { // expect-warning: spins on 'done' without suspending; await an event instead (co_await ev on a coro::event the other side sets) [coro-awaitless-loop]
  }
  co_return;
}

// --- folly ---------------------------------------------------------------------

folly::coro::Task<int> folly_heavy(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: yield every N iterations (co_await folly::coro::co_reschedule_on_current_executor) or move it to a thread pool (co_await folly::via(folly::getGlobalCPUExecutor() [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop // expect-note: a preemption point here lets other tasks run
      s += a * b;
  co_return s;
}

folly::coro::Task<int> folly_yields(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    co_await folly::coro::co_reschedule_on_current_executor;
  }
  co_return s;
}

// --- seastar -------------------------------------------------------------------

seastar::future<int> seastar_heavy(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: yield every N iterations (co_await seastar::coroutine::maybe_yield()) or move it to a thread pool [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop // expect-note: a preemption point here lets other tasks run
      s += a * b;
  co_return s;
}

seastar::future<int> seastar_yields(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    co_await seastar::coroutine::maybe_yield();
  }
  co_return s;
}

// --- concurrencpp --------------------------------------------------------------

concurrencpp::result<int>
concurrencpp_on_pool(std::shared_ptr<concurrencpp::thread_pool_executor> tpe,
                     const std::vector<int> &v) {
  co_await concurrencpp::resume_on(tpe);
  int s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

// A coroutine lambda handed to an executor runs there.
concurrencpp::result<void>
concurrencpp_submit(std::shared_ptr<concurrencpp::thread_pool_executor> tpe,
                    const std::vector<int> &v) {
  auto r = tpe->submit([&]() -> concurrencpp::result<int> {
    int s = 0;
    for (int a : v)
      for (int b : v)
        s += a * b;
    co_return s;
  });
  co_await r;
}

// A coroutine whose first parameters are (executor_tag, executor) is started
// by its caller as a task of that executor, as submit() would run it: one
// CPU chunk of a fan-out over a pool (concurrencpp's prime-number example).
concurrencpp::result<int>
concurrencpp_tagged(concurrencpp::executor_tag, std::shared_ptr<concurrencpp::executor> ex,
                    const std::vector<int> &v) {
  int s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

concurrencpp::result<int> concurrencpp_heavy(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: never suspends and does heavy work per iteration; yield every N iterations (co_await concurrencpp::resume_on(executor)) [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_return s;
}

// resume_on the runtime's background executor (a thread_pool_executor) runs
// the rest there; resume_on a non-pool executor comes back.
concurrencpp::result<int>
concurrencpp_background_then_back(concurrencpp::runtime &rt,
                                  std::shared_ptr<concurrencpp::inline_executor> loop,
                                  const std::vector<int> &v) {
  int s = 0;
  for (int a : v) // expect-warning: never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_await concurrencpp::resume_on(rt.background_executor());
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_await concurrencpp::resume_on(loop);
  for (int a : v) // expect-warning: never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s -= a * b;
  co_return s;
}
