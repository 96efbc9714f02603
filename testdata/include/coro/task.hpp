// Test stand-in for libcoro's <coro/task.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <coroutine>

namespace coro {

template <typename return_type = void>
class task;

namespace detail {
template <typename return_type>
struct promise : corolint_standin::basic_promise<task<return_type>, return_type> {};
}  // namespace detail

// Lazy: the body starts when the task is first awaited (or handed to an
// executor / sync_wait).
template <typename return_type>
class [[nodiscard]] task : public corolint_standin::basic_task<return_type> {
 public:
  using task_type = task<return_type>;
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  using corolint_standin::basic_task<return_type>::basic_task;

  auto is_ready() const noexcept -> bool { return false; }
  auto resume() -> bool { return false; }
  auto destroy() -> bool { return false; }

  auto operator co_await() const& noexcept {
    return corolint_standin::awaiter<std::add_lvalue_reference_t<return_type>>{};
  }
  auto operator co_await() const&& noexcept {
    return corolint_standin::awaiter<std::add_rvalue_reference_t<return_type>>{};
  }
};

}  // namespace coro
