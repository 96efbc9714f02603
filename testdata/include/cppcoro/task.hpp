// Test stand-in for cppcoro's <cppcoro/task.hpp>, written for corolint's tests.
#pragma once
#include <cppcoro/awaitable_traits.hpp>

namespace cppcoro {

// Lazy: the body starts when the task is first awaited.
template <typename T = void>
class task : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<task, T> {};
  using corolint_standin::basic_task<T>::basic_task;

  bool is_ready() const noexcept { return false; }

  // co_await on an lvalue task yields T&, on an rvalue T&& (void stays void).
  auto operator co_await() const& noexcept {
    return corolint_standin::awaiter<std::add_lvalue_reference_t<T>>{};
  }
  auto operator co_await() const&& noexcept {
    return corolint_standin::awaiter<std::add_rvalue_reference_t<T>>{};
  }
  // Waits for completion without producing the result.
  auto when_ready() const noexcept { return corolint_standin::awaiter<void>{}; }
};

template <typename AWAITABLE>
auto make_task(AWAITABLE awaitable)
    -> task<std::remove_reference_t<
        typename awaitable_traits<AWAITABLE&&>::await_result_t>> {
  co_return co_await static_cast<AWAITABLE&&>(awaitable);
}

}  // namespace cppcoro
