// Test stand-in for libcoro's <coro/event.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <memory>

namespace coro {

enum class resume_order_policy { lifo, fifo };

// co_await e; suspends until another party calls set().
class event {
 public:
  struct awaiter : corolint_standin::awaiter<void> {};

  explicit event(bool initially_set = false) noexcept { (void)initially_set; }
  event(const event&) = delete;
  event& operator=(const event&) = delete;

  auto is_set() const noexcept -> bool { return false; }
  auto set(resume_order_policy policy = resume_order_policy::lifo) noexcept -> void {
    (void)policy;
  }
  template <typename executor_type>
  auto set(std::shared_ptr<executor_type> e,
           resume_order_policy policy = resume_order_policy::lifo) noexcept -> void {
    (void)e;
    (void)policy;
  }
  auto operator co_await() const noexcept -> awaiter { return {}; }
  auto reset() noexcept -> void {}
};

}  // namespace coro
