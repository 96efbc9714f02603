// CHECKS: coro-unbounded-spawn
// Spawns of folly, libcoro, cppcoro, Boost.Cobalt, stdexec, seastar and
// concurrencpp (stand-in headers), each with the library's own limiters,
// joins and awaits.
#include <boost/cobalt.hpp>
#include <concurrencpp/concurrencpp.h>
#include <coro/coro.hpp>
#include <coro/task_group.hpp>
#include <cppcoro/async_scope.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <exec/async_scope.hpp>
#include <folly/coro/AsyncScope.h>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/BoundedQueue.h>
#include <folly/coro/Collect.h>
#include <folly/coro/Task.h>
#include <folly/executors/GlobalExecutor.h>
#include <folly/fibers/Semaphore.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>
#include <stdexec/execution.hpp>

#include <chrono>
#include <memory>
#include <vector>

// --- folly ----------------------------------------------------------------------

namespace with_folly {
folly::coro::Task<void> work(int x);
folly::coro::Task<void> guarded(int x, folly::fibers::Semaphore &sem);

folly::coro::Task<void> scope_per_item(std::vector<int> items) {
  folly::coro::AsyncScope scope;
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items) // expect-note: loop runs once per element of 'items'
    scope.add(folly::coro::co_withExecutor(ex, work(x))); // expect-warning: 'folly::coro::AsyncScope::add' starts one task per iteration of a loop with no concurrency limit; co_await a folly::fibers::Semaphore's co_wait() before each add, or co_await folly::coro::collectAllWindowed(std::move(tasks), N) [coro-unbounded-spawn]
  co_await scope.joinAsync(); // joins after the loop: all of them ran at once
}

void started_per_item(const std::vector<int> &items) {
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items) // expect-note: loop runs once per element of 'items'
    folly::coro::co_withExecutor(ex, work(x)).start(); // expect-warning: 'folly::coro::TaskWithExecutor::start' starts one task per iteration [coro-unbounded-spawn]
}

folly::coro::Task<void> semaphore_slot(std::vector<int> items) {
  folly::coro::AsyncScope scope;
  folly::fibers::Semaphore sem(8);
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items) {
    co_await sem.co_wait(); // guarded() signals when done
    scope.add(folly::coro::co_withExecutor(ex, guarded(x, sem)));
  }
  co_await scope.joinAsync();
}

folly::coro::Task<void> bounded_queue_slot(std::vector<int> items, folly::coro::BoundedQueue<int> &slots) {
  folly::coro::AsyncScope scope;
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items) {
    co_await slots.enqueue(x);
    scope.add(folly::coro::co_withExecutor(ex, work(x)));
  }
  co_await scope.joinAsync();
}

folly::coro::Task<void> joined_each_iteration(std::vector<int> items) {
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items) {
    folly::coro::AsyncScope scope;
    scope.add(folly::coro::co_withExecutor(ex, work(x)));
    scope.add(folly::coro::co_withExecutor(ex, work(-x)));
    co_await scope.joinAsync();
  }
}

void started_and_waited(const std::vector<int> &items) {
  auto ex = folly::getGlobalCPUExecutor();
  for (int x : items)
    folly::coro::co_withExecutor(ex, work(x)).start().get();
}

folly::coro::Task<void> windowed(std::vector<int> items) {
  std::vector<folly::coro::Task<void>> tasks;
  for (int x : items)
    tasks.push_back(work(x)); // lazy: nothing runs yet
  co_await folly::coro::collectAllWindowed(std::move(tasks), 8);
}
} // namespace with_folly

// --- libcoro --------------------------------------------------------------------

namespace with_libcoro {
coro::task<void> work(int x);
coro::task<void> release_after(coro::task<void> t, coro::semaphore<8> &sem);

coro::task<void> detached_per_item(std::shared_ptr<coro::thread_pool> tp, std::vector<int> items) {
  for (int x : items) // expect-note: loop runs once per element of 'items'
    tp->spawn_detached(work(x)); // expect-warning: 'coro::thread_pool::spawn_detached' starts one task per iteration of a loop with no concurrency limit; co_await a coro::semaphore's acquire() before each spawn [coro-unbounded-spawn]
  co_return;
}

coro::task<void> joinables_collected(std::shared_ptr<coro::thread_pool> tp, std::vector<int> items) {
  std::vector<coro::task<void>> joins;
  for (int x : items) // expect-note: loop runs once
    joins.push_back(tp->spawn_joinable(work(x))); // expect-warning: 'coro::thread_pool::spawn_joinable' starts one task [coro-unbounded-spawn]
  co_await coro::when_all(std::move(joins));
}

coro::task<void> group_after_loop(coro::thread_pool *tp, std::vector<int> items) {
  coro::task_group<coro::thread_pool> group(tp);
  std::size_t k = 0;
  while (k < items.size()) { // expect-note: loop has no bound
    (void)group.start(work(items[k])); // expect-warning: 'coro::task_group::start' starts one task [coro-unbounded-spawn]
    ++k;
  }
  co_await group;
}

coro::task<void> awaited_right_there(std::shared_ptr<coro::thread_pool> tp, std::vector<int> items) {
  for (int x : items)
    co_await tp->spawn_joinable(work(x)); // eager, but awaited before the next
}

coro::task<void> semaphore_first(std::shared_ptr<coro::thread_pool> tp, coro::semaphore<8> &sem, std::vector<int> items) {
  for (int x : items) {
    co_await sem.acquire();
    tp->spawn_detached(release_after(work(x), sem));
  }
}

// A helper that returns the semaphore's awaitable for the caller to await.
struct limiter {
  coro::semaphore<8> s{8};
  auto slot() { return s.acquire(); }
};
auto hop(coro::thread_pool &tp) { return tp.schedule(); }

coro::task<void> slot_from_a_helper(coro::thread_pool &tp, limiter &lim, std::vector<int> items) {
  for (int x : items) {
    co_await lim.slot();
    tp.spawn_detached(release_after(work(x), lim.s));
  }
}

coro::task<void> helper_returns_no_limiter(coro::thread_pool &tp, std::vector<int> items) {
  for (int x : items) { // expect-note: loop runs once per element of 'items'
    co_await hop(tp); // resumes on the pool, caps nothing
    tp.spawn_detached(work(x)); // expect-warning: 'coro::thread_pool::spawn_detached' starts one task [coro-unbounded-spawn]
  }
}

coro::task<void> batches(std::shared_ptr<coro::thread_pool> tp, std::vector<int> items) {
  std::vector<coro::task<void>> joins;
  for (int x : items) {
    joins.push_back(tp->spawn_joinable(work(x)));
    if (joins.size() >= 8) {
      co_await coro::when_all(std::move(joins));
      joins.clear();
    }
  }
  co_await coro::when_all(std::move(joins));
}

coro::task<void> group_per_iteration(coro::thread_pool *tp, std::vector<std::vector<int>> chunks) {
  for (auto &chunk : chunks) {
    coro::task_group<coro::thread_pool> group(tp);
    for (int k = 0; k < 4; ++k)
      (void)group.start(work(chunk[k]));
    co_await group;
  }
}

#define EXPECT_TRUE_ONCE(cond) do { if (!(cond)) return; } while ((void)0, false)

void in_a_statement_macro(std::shared_ptr<coro::thread_pool> tp, const std::vector<int> &items) {
  // The macro's do-while(false) runs once: the loop that counts is the for.
  for (int k = 0; k < 4; ++k)
    EXPECT_TRUE_ONCE(tp->spawn_detached(work(k)));
  for (int x : items) // expect-note: loop runs once per element of 'items'
    EXPECT_TRUE_ONCE(tp->spawn_detached(work(x))); // expect-warning: 'coro::thread_pool::spawn_detached' starts one task [coro-unbounded-spawn] // expect-note@-7: expanded from macro
}

// A spawn API that starts a range it is given: its callers choose how many.
class batch_group : public coro::task_group<coro::thread_pool> {
public:
  batch_group(coro::thread_pool *tp, std::vector<coro::task<void>> tasks)
      : coro::task_group<coro::thread_pool>(tp) {
    for (auto &t : tasks)
      (void)start(std::move(t));
  }
};

template <class Executor>
class batch_group_template : public coro::task_group<Executor> {
public:
  template <class Range>
  batch_group_template(Executor *ex, Range tasks) : coro::task_group<Executor>(ex) {
    for (auto &t : tasks)
      (void)this->start(std::move(t));
  }
};

void sync_waited(std::shared_ptr<coro::thread_pool> tp, const std::vector<int> &items) {
  for (int x : items)
    coro::sync_wait(tp->spawn_joinable(work(x)));
}
} // namespace with_libcoro

// --- cppcoro ---------------------------------------------------------------------

namespace with_cppcoro {
cppcoro::task<void> work(int x);

cppcoro::task<void> scope_per_item(std::vector<int> items) {
  cppcoro::async_scope scope;
  for (int x : items) // expect-note: loop runs once per element of 'items'
    scope.spawn(work(x)); // expect-warning: 'cppcoro::async_scope::spawn' starts one task per iteration of a loop with no concurrency limit; co_await cppcoro::when_all on batches of at most N tasks [coro-unbounded-spawn]
  co_await scope.join();
}

cppcoro::task<void> scope_joined_per_chunk(std::vector<std::vector<int>> chunks) {
  for (auto &chunk : chunks) {
    cppcoro::async_scope scope;
    for (int k = 0; k < 4; ++k)
      scope.spawn(work(chunk[k]));
    co_await scope.join();
  }
}

cppcoro::task<void> lazy_tasks_awaited_together(std::vector<int> items) {
  std::vector<cppcoro::task<void>> tasks;
  for (int x : items)
    tasks.push_back(work(x)); // lazy: starts only inside when_all
  co_await cppcoro::when_all(std::move(tasks));
}
} // namespace with_cppcoro

// --- Boost.Cobalt ---------------------------------------------------------------

namespace with_cobalt {
boost::cobalt::task<void> work(int x);
boost::cobalt::promise<void> eager(int x);

boost::cobalt::task<void> spawned_per_item(std::vector<int> items) {
  auto ex = boost::cobalt::this_thread::get_executor();
  for (int x : items) // expect-note: loop runs once
    boost::cobalt::spawn(ex, work(x), [](std::exception_ptr) {}); // expect-warning: 'boost::cobalt::spawn' starts one task per iteration of a loop with no concurrency limit; write to a boost::cobalt::channel with N slots before each spawn [coro-unbounded-spawn]
  co_return;
}

boost::cobalt::task<void> wait_group_unbounded(std::vector<int> items) {
  boost::cobalt::wait_group wg;
  for (int x : items) // expect-note: loop runs once
    wg.push_back(eager(x)); // expect-warning: 'boost::cobalt::wait_group::push_back' starts one task [coro-unbounded-spawn]
  co_await wg.wait();
}

boost::cobalt::task<void> wait_group_capped(std::vector<int> items) {
  boost::cobalt::wait_group wg;
  for (int x : items) {
    if (wg.size() >= 8)
      co_await wg.wait_one();
    wg.push_back(eager(x));
  }
  co_await wg.wait();
}

boost::cobalt::task<void> channel_slot(std::vector<int> items, boost::cobalt::channel<int> &slots) {
  auto ex = boost::cobalt::this_thread::get_executor();
  for (int x : items) {
    co_await slots.write(x);
    boost::cobalt::spawn(ex, work(x), [](std::exception_ptr) {});
  }
}
} // namespace with_cobalt

// --- stdexec ---------------------------------------------------------------------

namespace with_stdexec {
void start_each(const std::vector<int> &items) {
  for (int x : items) // expect-note: loop runs once per element of 'items'
    stdexec::start_detached(stdexec::just(x)); // expect-warning: 'stdexec::start_detached' starts one task per iteration of a loop with no concurrency limit; start at most N senders at a time and wait for each batch with stdexec::when_all [coro-unbounded-spawn]
}

void scope_each(exec::async_scope &scope, const std::vector<int> &items) {
  for (int x : items) // expect-note: loop runs once
    scope.spawn(stdexec::just(x)); // expect-warning: 'exec::__scope::async_scope::spawn' starts one task [coro-unbounded-spawn]
  stdexec::sync_wait(scope.on_empty());
}

void scope_drained_each_iteration(exec::async_scope &scope, const std::vector<int> &items) {
  for (int x : items) {
    scope.spawn(stdexec::just(x));
    stdexec::sync_wait(scope.on_empty());
  }
}

template <class Future> void keep(Future &&);
void scope_futures_each(exec::async_scope &scope, const std::vector<int> &items) {
  for (int x : items) // expect-note: loop runs once
    keep(scope.spawn_future(stdexec::just(x))); // expect-warning: 'exec::__scope::async_scope::spawn_future' starts one task [coro-unbounded-spawn]
  stdexec::sync_wait(scope.on_empty());
}

void scope_future_waited_each_iteration(exec::async_scope &scope, const std::vector<int> &items) {
  for (int x : items) {
    auto f = scope.spawn_future(stdexec::just(x));
    stdexec::sync_wait(std::move(f));
  }
}
} // namespace with_stdexec

// --- seastar ----------------------------------------------------------------------

namespace with_seastar {
seastar::future<> handle(int x);
seastar::future<> handle_with(int x, seastar::semaphore_units<seastar::semaphore_default_exception_factory> units);
seastar::future<int> next_connection();

seastar::future<> dropped_per_item(std::vector<int> items) {
  for (int x : items) // expect-note: loop runs once per element of 'items'
    (void)handle(x); // expect-warning: 'with_seastar::handle' starts one task per iteration of a loop with no concurrency limit (its 'seastar::future' is dropped); use seastar::max_concurrent_for_each(range, N, fn) [coro-unbounded-spawn]
  co_return;
}

void dropped_chain(const std::vector<int> &items) {
  for (int x : items) // expect-note: loop runs once
    (void)handle(x).then([] { return handle(0); }); // expect-warning: 'with_seastar::handle' starts one task per iteration of a loop with no concurrency limit (its 'seastar::future' is dropped) [coro-unbounded-spawn]
}

seastar::future<> semaphore_inside_the_dropped_work(std::vector<int> items, seastar::semaphore &sem) {
  // The units are taken inside each dropped future: every item still gets
  // a waiting task at once.
  for (int x : items) // expect-note: loop runs once
    (void)seastar::with_semaphore(sem, 1, [x] { return handle(x); }); // expect-warning: 'seastar::with_semaphore' starts one task [coro-unbounded-spawn]
  co_return;
}

seastar::future<> awaited(std::vector<int> items) {
  for (int x : items)
    co_await handle(x);
}

seastar::future<> one_behind(std::vector<int> items) {
  seastar::future<> last = seastar::make_ready_future<>();
  for (int x : items) {
    co_await std::move(last);
    last = handle(x); // kept, awaited in the next iteration
  }
  co_await std::move(last);
}

seastar::future<> units_first(std::vector<int> items, seastar::semaphore &sem) {
  for (int x : items) {
    auto units = co_await seastar::get_units(sem, 1);
    (void)handle_with(x, std::move(units));
  }
}

auto take(seastar::semaphore &s) { return seastar::get_units(s, 1); }

seastar::future<> units_from_a_helper(std::vector<int> items, seastar::semaphore &sem) {
  for (int x : items) {
    auto units = co_await take(sem);
    (void)handle_with(x, std::move(units));
  }
}

seastar::future<> bounded_helper(std::vector<int> items) {
  co_await seastar::max_concurrent_for_each(items, 8, [](int x) { return handle(x); });
}

seastar::future<> accept_loop() {
  while (true) {
    int connection = co_await next_connection();
    (void)handle(connection);
  }
}
} // namespace with_seastar

// --- concurrencpp ------------------------------------------------------------------

namespace with_concurrencpp {
int process(int x);

void posted(concurrencpp::runtime &rt, const std::vector<int> &items) {
  auto ex = rt.thread_pool_executor();
  for (int x : items) // expect-note: loop runs once
    ex->post([x] { process(x); }); // expect-warning: 'concurrencpp::derivable_executor::post' starts one task per iteration of a loop with no concurrency limit; co_await concurrencpp::when_all on batches of at most N results [coro-unbounded-spawn]
}

concurrencpp::result<void> submitted(std::shared_ptr<concurrencpp::thread_pool_executor> ex, std::vector<int> items) {
  std::vector<concurrencpp::result<int>> results;
  for (int x : items) // expect-note: loop runs once
    results.push_back(ex->submit(process, x)); // expect-warning: 'concurrencpp::derivable_executor::submit' starts one task [coro-unbounded-spawn]
  co_return;
}

concurrencpp::result<void> awaited_each(std::shared_ptr<concurrencpp::thread_pool_executor> ex, std::vector<int> items) {
  for (int x : items)
    co_await ex->submit(process, x);
  for (int x : items)
    ex->submit(process, x).get();
}
} // namespace with_concurrencpp
