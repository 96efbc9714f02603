// Test stand-in for libcoro's <coro/task_group.hpp> (v0.16), written for corolint's tests.
#pragma once
#include <coro/event.hpp>
#include <coro/task.hpp>

#include <cstddef>
#include <memory>

namespace coro {

// Starts tasks on an executor and lets the owner co_await until all finish.
template <typename executor_type>
class task_group {
 public:
  explicit task_group(executor_type* executor) { (void)executor; }
  explicit task_group(executor_type* executor, coro::task<void>&& task) {
    (void)executor;
    (void)task;
  }
  explicit task_group(std::unique_ptr<executor_type>& executor) { (void)executor; }
  explicit task_group(std::unique_ptr<executor_type>& executor, coro::task<void>&& task) {
    (void)executor;
    (void)task;
  }
  task_group(const task_group&) = delete;
  task_group& operator=(const task_group&) = delete;

  [[nodiscard]] auto start(coro::task<void>&& task) -> bool {
    (void)task;
    return true;
  }
  [[nodiscard]] auto size() const -> std::size_t { return 0; }
  [[nodiscard]] auto empty() const -> bool { return true; }
  auto operator co_await() const noexcept -> event::awaiter { return {}; }
};

}  // namespace coro
