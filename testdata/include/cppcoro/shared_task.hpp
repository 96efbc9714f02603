// Test stand-in for cppcoro's <cppcoro/shared_task.hpp>, written for corolint's tests.
#pragma once
#include <cppcoro/awaitable_traits.hpp>

namespace cppcoro {

// Copyable, lazy; may be awaited any number of times by any number of
// coroutines.
template <typename T = void>
class shared_task {
 public:
  struct promise_type : corolint_standin::basic_promise<shared_task, T> {};

  shared_task() noexcept = default;
  explicit shared_task(std::coroutine_handle<> handle) noexcept
      : handle_(handle) {}
  shared_task(const shared_task&) noexcept = default;
  shared_task& operator=(const shared_task&) noexcept = default;

  bool is_ready() const noexcept { return false; }
  auto operator co_await() const noexcept {
    return corolint_standin::awaiter<std::add_lvalue_reference_t<T>>{};
  }
  auto when_ready() const noexcept { return corolint_standin::awaiter<void>{}; }

 private:
  std::coroutine_handle<> handle_;
};

template <typename AWAITABLE>
auto make_shared_task(AWAITABLE awaitable)
    -> shared_task<std::remove_reference_t<
        typename awaitable_traits<AWAITABLE&&>::await_result_t>> {
  co_return co_await static_cast<AWAITABLE&&>(awaitable);
}

}  // namespace cppcoro
