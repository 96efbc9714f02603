// CHECKS: coro-lock-across-suspend
#include "corolint_task.hpp"
#include <coroutine>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <pthread.h>

using testing_task::task;
using testing_task::generator;

task<int> fetch();
task<> step();
std::mutex m, m2;
std::shared_mutex sm;
pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;

// --- Reported ---------------------------------------------------------------

task<> explicit_guard() {
  std::lock_guard<std::mutex> g(m); // expect-warning: 'g' (std::lock_guard<std::mutex>) is held across a suspension point [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> ctad_guard_and_await_in_declaration() {
  std::unique_lock lk(m); // expect-warning: 'lk' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  int v = co_await fetch(); // expect-note: coroutine may suspend here
  (void)v;
}

task<> auto_guard() {
  auto g = std::unique_lock(m); // expect-warning: 'g' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> scoped_lock_two_mutexes() {
  std::scoped_lock both(m, m2); // expect-warning: 'both' (std::scoped_lock<std::mutex, std::mutex>) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> manual_lock() {
  m.lock(); // expect-warning: 'm' (std::mutex) is held across a suspension point [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
  m.unlock();
}

task<> pthread_lock() {
  pthread_mutex_lock(&pm); // expect-warning: 'pm' (pthread_mutex_t) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
  pthread_mutex_unlock(&pm);
}

generator<int> shared_lock_yield() {
  std::shared_lock r(sm); // expect-warning: 'r' (std::shared_lock<std::shared_mutex>) is held [coro-lock-across-suspend]
  co_yield 1; // expect-note: coroutine may suspend here
  co_yield 2; // expect-note: coroutine may suspend here
}

task<> guard_before_loop(int n) {
  std::lock_guard g(m); // expect-warning: 'g' (std::lock_guard<std::mutex>) [coro-lock-across-suspend]
  for (int i = 0; i < n; ++i)
    co_await step(); // expect-note: coroutine may suspend here
}

task<> guard_in_if_branch(bool b) {
  if (b) {
    std::lock_guard g(m); // expect-warning: 'g' (std::lock_guard<std::mutex>) [coro-lock-across-suspend]
    co_await step(); // expect-note: coroutine may suspend here
  }
  co_await step();
}

task<> unlock_relock_await() {
  std::unique_lock lk(m);
  lk.unlock();
  co_await step();
  lk.lock(); // expect-warning: 'lk' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> released_on_one_path(bool b) {
  std::unique_lock lk(m); // expect-warning: 'lk' [coro-lock-across-suspend]
  if (b)
    lk.unlock();
  co_await step(); // expect-note: coroutine may suspend here
}

task<> guard_in_if_init() {
  if (std::lock_guard g(m); true) { // expect-warning: 'g' [coro-lock-across-suspend]
    co_await step(); // expect-note: coroutine may suspend here
  }
}

task<> optional_guard() {
  std::optional<std::lock_guard<std::mutex>> g;
  g.emplace(m); // expect-warning: 'g' [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
  g.reset();
  co_await step();
}

auto coroutine_lambda = []() -> task<> {
  std::lock_guard g(m); // expect-warning: 'g' [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
};

task<> moved_into_new_owner() {
  std::unique_lock a(m);
  std::unique_lock b(std::move(a)); // expect-warning: 'b' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

// --- Not reported -----------------------------------------------------------

task<> inner_scope_ends_first() {
  {
    std::lock_guard g(m);
  }
  co_await step();
}

task<> unlock_before_await() {
  std::unique_lock lk(m);
  lk.unlock();
  co_await step();
}

task<> defer_lock_locked_after_await() {
  std::unique_lock lk(m, std::defer_lock);
  co_await step();
  lk.lock();
}

void consume(std::unique_lock<std::mutex>);
task<> moved_out_guard() {
  std::unique_lock lk(m);
  consume(std::move(lk));
  co_await step();
}

task<> plain_lambda_inside() {
  auto critical = [] { std::lock_guard g(m); return 1; };
  critical();
  co_await step();
}

task<> lock_after_last_await() {
  co_await step();
  std::lock_guard g(m);
}

task<> non_suspending_awaits() {
  std::lock_guard g(m);
  co_await std::suspend_never{};
}

task<> swapped_away() {
  std::unique_lock a(m);
  std::unique_lock<std::mutex> b;
  a.swap(b);
  b.unlock();
  co_await step();
}
