// CHECKS: coro-lock-across-suspend
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// OPTION: coro-lock-across-suspend.NonSuspendingAwaitables=app::ready_t
// OPTION: coro-lock-across-suspend.ExtraLockGuardTypes=app::SpinGuard
// OPTION: coro-lock-across-suspend.ExtraAsyncLockTypes=app::StrandGuard
// asio on its real headers: this_coro queries never suspend; a real
// operation does. Plus the check's options.
#include "corolint_task.hpp"
#include <asio.hpp>
#include <mutex>

std::mutex m;

asio::awaitable<void> executor_query_while_holding() {
  std::lock_guard g(m);
  auto ex = co_await asio::this_coro::executor;
  auto cs = co_await asio::this_coro::cancellation_state;
  (void)ex; (void)cs;
}

asio::awaitable<void> timer_while_holding() {
  std::lock_guard g(m); // expect-warning: 'g' (std::lock_guard<std::mutex>) is held [coro-lock-across-suspend]
  asio::steady_timer t(co_await asio::this_coro::executor);
  co_await t.async_wait(asio::use_awaitable); // expect-note: coroutine may suspend here
}

namespace app {
struct ready_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
inline constexpr ready_t ready{};
struct SpinGuard { explicit SpinGuard(int &); ~SpinGuard(); };
struct StrandGuard { explicit StrandGuard(int &); ~StrandGuard(); };
} // namespace app

int spin;

testing_task::task<> step();
testing_task::task<> with_options() {
  {
    std::lock_guard g(m);
    co_await app::ready; // listed in NonSuspendingAwaitables
  }
  {
    app::StrandGuard s(spin); // listed in ExtraAsyncLockTypes
    co_await step();
  }
  app::SpinGuard sg(spin); // expect-warning: 'sg' (app::SpinGuard) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}
