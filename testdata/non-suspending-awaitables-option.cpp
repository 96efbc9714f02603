// CHECKS: coro-lock-across-suspend,coro-awaitless-loop,coro-blocking-call,coro-sequential-await
// OPTION: NonSuspendingAwaitables=app::ready_t;app::.*_now_t
// One suspension policy: the global NonSuspendingAwaitables option, set once,
// tells every check that these awaits never suspend. A check that decided
// suspension its own way would report (or miss) something here.
#include "corolint_task.hpp"
#include <cppcoro/io_service.hpp>
#include <cstdint>
#include <mutex>
#include <vector>

using testing_task::task;

namespace app {
// Look like real awaiters (await_ready() is not constant true); the option
// says they complete at once.
struct ready_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
inline constexpr ready_t ready{};
struct clock_now_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  int await_resume() const noexcept;
};
clock_now_t clock_now();
// Not listed: really suspends.
struct yield_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
yield_t yield();
// A listed lookup (matches app::.*_now_t) and an unlisted fetch.
struct lookup_now_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  int await_resume() const noexcept;
};
lookup_now_t lookup_now(int key);
struct fetch_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  int await_resume() const noexcept;
};
fetch_t fetch(int key);
} // namespace app

std::mutex m;
task<> step();

// --- coro-lock-across-suspend ----------------------------------------------

task<> lock_across_listed_awaits() {
  std::lock_guard g(m);
  co_await app::ready;
  int now = co_await app::clock_now();
  (void)now;
}

task<> lock_across_unlisted_await() {
  std::lock_guard g(m); // expect-warning: 'g' (std::lock_guard<std::mutex>) is held across a suspension point [coro-lock-across-suspend]
  co_await app::ready;
  co_await app::yield(); // expect-note: coroutine may suspend here
}

// --- coro-awaitless-loop -----------------------------------------------------

task<std::uint32_t> loop_awaiting_only_listed(const std::vector<std::uint8_t> &data, int rounds) {
  std::uint32_t sum = 0;
  for (int r = 0; r < rounds; ++r) { // expect-warning: loop in coroutine 'loop_awaiting_only_listed' never suspends [coro-awaitless-loop]
    sum += co_await app::clock_now();
    for (std::uint8_t b : data) // expect-note: nested loop over a runtime bound
      sum = sum * 31 + b;
  }
  co_return sum;
}

task<std::uint32_t> loop_yielding(const std::vector<std::uint8_t> &data, int rounds) {
  std::uint32_t sum = 0;
  for (int r = 0; r < rounds; ++r) {
    co_await app::yield();
    for (std::uint8_t b : data)
      sum = sum * 31 + b;
  }
  co_return sum;
}

// --- coro-blocking-call --------------------------------------------------------
// A coroutine that never suspends and drives an event loop is that loop's
// thread: awaiting only listed awaitables, it never suspends.

task<int> drive_after_listed(cppcoro::io_service &io) {
  co_await app::ready;
  io.process_events();
  co_return 0;
}

task<int> drive_after_yield(cppcoro::io_service &io) {
  co_await app::yield();
  io.process_events(); // expect-error: blocking call to 'cppcoro::io_service::process_events' in coroutine 'drive_after_yield' [coro-blocking-call]
  co_return 0;
}

// --- coro-sequential-await ------------------------------------------------------
// Awaits that complete at once have no wait to overlap.

task<int> two_listed_lookups() {
  int a = co_await app::lookup_now(1);
  int b = co_await app::lookup_now(2);
  co_return a + b;
}

task<int> two_fetches() {
  int a = co_await app::fetch(1); // expect-note: 'app::fetch(...)' is awaited here
  int b = co_await app::fetch(2); // expect-warning: does not depend on the result of [coro-sequential-await]
  co_return a + b;
}
