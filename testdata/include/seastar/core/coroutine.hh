// Test stand-in for seastar's <seastar/core/coroutine.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <seastar/core/future.hh>

#include <coroutine>
#include <functional>
#include <utility>

// Makes seastar::future<T> a coroutine return type (through
// std::coroutine_traits, as upstream) and awaitable (rvalues only).

namespace seastar {

namespace internal {
template <typename T>
class coroutine_traits_base {
 public:
  class promise_type final : public corolint_standin::promise_return<T> {
   public:
    future<T> get_return_object() noexcept {
      return future<T>(ready_future_marker{});
    }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
};

template <bool CheckPreempt, typename T>
class awaiter : public corolint_standin::awaiter<T> {
 public:
  explicit awaiter(future<T>&& f) noexcept { (void)f; }
};

template <typename T>
struct [[nodiscard]] without_preemption_check : public seastar::future<T> {
  explicit without_preemption_check(seastar::future<T>&& f) noexcept
      : seastar::future<T>(std::move(f)) {}
};
}  // namespace internal

template <typename T>
auto operator co_await(future<T>&& f) noexcept {
  return internal::awaiter<true, T>(std::move(f));
}

namespace coroutine {

// co_await without_preemption_check(std::move(f)) skips the preemption point.
template <typename T>
inline auto without_preemption_check(seastar::future<T>&& f) noexcept {
  return internal::without_preemption_check<T>(std::move(f));
}

// Wraps a coroutine lambda so it can be passed to continuations safely
// (the lambda object must outlive the coroutine).
template <typename Func>
class lambda {
  Func* _func;

 public:
  explicit lambda(Func&& func) : _func(&func) {}
  template <typename... Args>
  decltype(auto) operator()(Args&&... args) const {
    return std::invoke(*_func, std::forward<Args>(args)...);
  }
};

}  // namespace coroutine

template <typename T>
auto operator co_await(internal::without_preemption_check<T> f) noexcept {
  return internal::awaiter<false, T>(std::move(f));
}

}  // namespace seastar

namespace std {
template <typename T, typename... Args>
struct coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
}  // namespace std
