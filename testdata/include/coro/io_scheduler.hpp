// Test stand-in for libcoro's <coro/io_scheduler.hpp> (v0.15 and earlier; renamed coro::scheduler in v0.16), written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <coro/detail/timeout_status.hpp>
#include <coro/expected.hpp>
#include <coro/fd.hpp>
#include <coro/poll.hpp>
#include <coro/task.hpp>
#include <coro/thread_pool.hpp>
#include <coro/time.hpp>

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <functional>
#include <memory>

namespace coro {

// Event loop + timers + (optionally) a thread pool.
class io_scheduler : public std::enable_shared_from_this<io_scheduler> {
  struct private_constructor {
    private_constructor() = default;
  };

 public:
  // co_await s.schedule() resumes the caller on one of the scheduler's threads.
  class schedule_operation : public corolint_standin::awaiter<void> {};

  enum class thread_strategy_t { spawn, manual };
  enum class execution_strategy_t {
    process_tasks_on_thread_pool,
    process_tasks_inline
  };
  struct options {
    thread_strategy_t thread_strategy{thread_strategy_t::spawn};
    std::function<void()> on_io_thread_start_functor{nullptr};
    std::function<void()> on_io_thread_stop_functor{nullptr};
    thread_pool::options pool{};
    execution_strategy_t execution_strategy{
        execution_strategy_t::process_tasks_on_thread_pool};
  };

  explicit io_scheduler(options&& opts, private_constructor) { (void)opts; }
  io_scheduler(const io_scheduler&) = delete;
  io_scheduler& operator=(const io_scheduler&) = delete;
  virtual ~io_scheduler() = default;

  static auto make_shared() -> std::shared_ptr<io_scheduler> { return nullptr; }
  static auto make_shared(options opts) -> std::shared_ptr<io_scheduler> {
    (void)opts;
    return nullptr;
  }
  static auto make_unique() -> std::unique_ptr<io_scheduler> { return nullptr; }
  static auto make_unique(options opts) -> std::unique_ptr<io_scheduler> {
    (void)opts;
    return nullptr;
  }

  auto process_events(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> std::size_t {
    (void)timeout;
    return 0;
  }

  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
  template <typename return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type> {
    co_await schedule();
    co_return co_await std::move(task);
  }
  template <typename return_type, typename rep, typename period>
  [[nodiscard]] auto schedule(coro::task<return_type> task,
                              std::chrono::duration<rep, period> timeout)
      -> coro::task<coro::expected<return_type, timeout_status>> {
    (void)task;
    (void)timeout;
    co_return corolint_standin::unreachable<
        coro::expected<return_type, timeout_status>>();
  }
  template <class rep_type, class period_type>
  [[nodiscard]] auto schedule_after(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void> {
    (void)amount;
    co_return;
  }
  [[nodiscard]] auto schedule_at(time_point time) -> coro::task<void> {
    (void)time;
    co_return;
  }
  [[nodiscard]] auto yield() -> schedule_operation { return {}; }
  // Suspends the caller for the duration without blocking the thread.
  template <class rep_type, class period_type>
  [[nodiscard]] auto yield_for(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void> {
    (void)amount;
    co_return;
  }
  [[nodiscard]] auto yield_until(time_point time) -> coro::task<void> {
    (void)time;
    co_return;
  }
  [[nodiscard]] auto poll(fd_t fd, coro::poll_op op,
                          std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<poll_status> {
    (void)fd;
    (void)op;
    (void)timeout;
    co_return poll_status::event;
  }

  // Fire-and-forget: the scheduler owns the task from here on.
  auto spawn(coro::task<void>&& task) -> bool {
    (void)task;
    return true;
  }
  auto spawn_detached(coro::task<void>&& task) -> bool {
    (void)task;
    return true;
  }
  auto spawn_joinable(coro::task<void>&& task) -> coro::task<void> {
    return std::move(task);
  }

  auto resume(std::coroutine_handle<> handle) -> bool {
    (void)handle;
    return true;
  }
  auto size() const noexcept -> std::size_t { return 0; }
  auto empty() const noexcept -> bool { return true; }
  auto shutdown() noexcept -> void {}
};

}  // namespace coro
