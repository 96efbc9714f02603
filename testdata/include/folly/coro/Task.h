// Test stand-in for folly's <folly/coro/Task.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/Executor.h>
#include <folly/Unit.h>
#include <folly/coro/Coroutine.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/Invoke.h>
#include <folly/futures/Future.h>
#include <folly/lang/CustomizationPoint.h>

#include <utility>

namespace folly::coro {

template <typename T = void>
class Task;
template <typename T = void>
class TaskWithExecutor;

// A Task bound to an executor: start() runs it eagerly, or co_await it.
template <typename T>
class [[nodiscard]] TaskWithExecutor : public corolint_standin::basic_task<T> {
 public:
  using corolint_standin::basic_task<T>::basic_task;

  folly::Executor* executor() const noexcept { return nullptr; }

  SemiFuture<lift_unit_t<T>> start() && {
    return corolint_standin::unreachable<SemiFuture<lift_unit_t<T>>>();
  }
  template <typename F>
  void start(F&& tryCallback) && {
    (void)tryCallback;
  }
  SemiFuture<lift_unit_t<T>> startInlineUnsafe() && {
    return corolint_standin::unreachable<SemiFuture<lift_unit_t<T>>>();
  }
  std::pair<Task<T>, Executor::KeepAlive<>> unwrap() && {
    return corolint_standin::unreachable<std::pair<Task<T>, Executor::KeepAlive<>>>();
  }

  auto operator co_await() && noexcept { return corolint_standin::awaiter<T>{}; }
};

// Lazy, move-only; only an rvalue can be awaited (co_await std::move(t)).
template <typename T>
class [[nodiscard]] Task : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<Task, T> {};
  using corolint_standin::basic_task<T>::basic_task;

  // Found by ADL through the folly::coro::co_withExecutor CPO below.
  friend TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor,
                                             Task task) noexcept {
    (void)executor;
    (void)task;
    return corolint_standin::unreachable<TaskWithExecutor<T>>();
  }
  // Deprecated upstream in favour of co_withExecutor(executor, task).
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept {
    return co_withExecutor(std::move(executor), std::move(*this));
  }
  SemiFuture<lift_unit_t<T>> semi() && {
    return corolint_standin::unreachable<SemiFuture<lift_unit_t<T>>>();
  }

  auto operator co_await() && noexcept { return corolint_standin::awaiter<T>{}; }
};

namespace detail::adl {
void co_withExecutor();
struct WithExecutorFunction {
  template <typename Awaitable>
  auto operator()(Executor::KeepAlive<> executor, Awaitable awaitable) const
      -> decltype(co_withExecutor(std::move(executor), std::move(awaitable))) {
    return co_withExecutor(std::move(executor), std::move(awaitable));
  }
};
}  // namespace detail::adl

// folly::coro::co_withExecutor(executor, task()) -> TaskWithExecutor<T>
FOLLY_DEFINE_CPO(detail::adl::WithExecutorFunction, co_withExecutor)

}  // namespace folly::coro
