// Test stand-in for libcoro's <coro/thread_pool.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <coro/task.hpp>

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace coro {

// Mirrors libcoro v0.15 (make_shared, spawn) plus the v0.16 additions
// (make_unique, spawn_detached, spawn_joinable).
class thread_pool : public std::enable_shared_from_this<thread_pool> {
  struct private_constructor {
    private_constructor() = default;
  };

 public:
  // co_await tp.schedule() resumes the caller on a pool thread.
  class schedule_operation : public corolint_standin::awaiter<void> {};

  struct options {
    std::uint32_t thread_count = 1;
    std::function<void(std::size_t)> on_thread_start_functor = nullptr;
    std::function<void(std::size_t)> on_thread_stop_functor = nullptr;
  };

  explicit thread_pool(options&& opts, private_constructor) { (void)opts; }
  // Public constructors of libcoro <= v0.14.
  thread_pool() = default;
  explicit thread_pool(options opts) { (void)opts; }
  thread_pool(const thread_pool&) = delete;
  thread_pool& operator=(const thread_pool&) = delete;
  virtual ~thread_pool() = default;

  static auto make_shared() -> std::shared_ptr<thread_pool> { return nullptr; }
  static auto make_shared(options opts) -> std::shared_ptr<thread_pool> {
    (void)opts;
    return nullptr;
  }
  static auto make_unique() -> std::unique_ptr<thread_pool> { return nullptr; }
  static auto make_unique(options opts) -> std::unique_ptr<thread_pool> {
    (void)opts;
    return nullptr;
  }

  auto thread_count() const noexcept -> std::size_t { return 1; }

  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
  template <typename return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type> {
    co_await schedule();
    co_return co_await std::move(task);
  }
  [[nodiscard]] auto yield() -> schedule_operation { return schedule(); }

  // Fire-and-forget: the pool owns the task from here on.
  auto spawn(coro::task<void>&& task) noexcept -> bool {
    (void)task;
    return true;
  }
  auto spawn_detached(coro::task<void>&& task) noexcept -> bool {
    (void)task;
    return true;
  }
  auto spawn_joinable(coro::task<void>&& task) noexcept -> coro::task<void> {
    return std::move(task);
  }

  auto resume(std::coroutine_handle<> handle) noexcept -> bool {
    (void)handle;
    return true;
  }
  auto shutdown() noexcept -> void {}
  auto size() const noexcept -> std::size_t { return 0; }
  auto empty() const noexcept -> bool { return true; }
  auto queue_size() const noexcept -> std::size_t { return 0; }
  auto queue_empty() const noexcept -> bool { return true; }
};

}  // namespace coro
