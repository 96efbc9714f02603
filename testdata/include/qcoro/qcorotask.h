// Test stand-in for QCoro's <qcoro/qcorotask.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <type_traits>

namespace QCoro {

template <typename T>
concept Awaitable = corolint_standin::awaitable<T>;

// Eager: runs until its first suspension when called.
template <typename T = void>
class Task : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<Task, T, false> {};
  using corolint_standin::basic_task<T>::basic_task;

  bool isReady() const { return false; }
  auto operator co_await() const noexcept { return corolint_standin::awaiter<T>{}; }

  // Continuation run when the task finishes.
  template <typename ThenCallback>
  auto then(ThenCallback&& callback) {
    (void)callback;
    if constexpr (std::is_void_v<T>)
      return Task<std::invoke_result_t<ThenCallback>>();
    else
      return Task<std::invoke_result_t<ThenCallback, T>>();
  }
};

// Lazy variant (QCoro >= 0.10): starts when awaited.
template <typename T = void>
class LazyTask : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<LazyTask, T, true> {};
  using corolint_standin::basic_task<T>::basic_task;

  bool isReady() const { return false; }
  auto operator co_await() const noexcept { return corolint_standin::awaiter<T>{}; }
};

// Blocks the calling thread (running a nested Qt event loop) until the task
// or awaitable completes.
template <typename T>
T waitFor(QCoro::Task<T>& task) {
  (void)task;
  return corolint_standin::unreachable<T>();
}
template <typename T>
T waitFor(QCoro::Task<T>&& task) {
  (void)task;
  return corolint_standin::unreachable<T>();
}
template <Awaitable A>
auto waitFor(A&& awaitable) {
  (void)awaitable;
  return corolint_standin::unreachable<corolint_standin::await_result_t<A>>();
}

}  // namespace QCoro
