// Test stand-in for folly's <folly/coro/BlockingWait.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/Executor.h>
#include <folly/coro/Task.h>

#include <type_traits>

namespace folly::coro {

template <typename Awaitable>
using semi_await_result_t = corolint_standin::await_result_t<Awaitable>;

namespace detail {
template <typename T>
using decay_rvalue_reference_t =
    std::conditional_t<std::is_rvalue_reference_v<T>, std::remove_cvref_t<T>, T>;
}  // namespace detail

// Upstream blockingWait is a function object, not a function: a call is
// operator() of folly::coro::blocking_wait_fn on the variable
// folly::coro::blocking_wait, which folly::coro::blockingWait refers to.
// It blocks the calling thread until the awaitable completes.
struct blocking_wait_fn {
  template <typename Awaitable>
  auto operator()(Awaitable&& awaitable) const
      -> detail::decay_rvalue_reference_t<semi_await_result_t<Awaitable>> {
    (void)awaitable;
    return corolint_standin::unreachable<
        detail::decay_rvalue_reference_t<semi_await_result_t<Awaitable>>>();
  }
  template <typename SemiAwaitable>
  auto operator()(SemiAwaitable&& awaitable,
                  folly::DrivableExecutor* executor) const
      -> detail::decay_rvalue_reference_t<semi_await_result_t<SemiAwaitable>> {
    (void)awaitable;
    (void)executor;
    return corolint_standin::unreachable<
        detail::decay_rvalue_reference_t<semi_await_result_t<SemiAwaitable>>>();
  }
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const& blockingWait = blocking_wait;

}  // namespace folly::coro
