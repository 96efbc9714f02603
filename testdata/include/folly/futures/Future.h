// Test stand-in for folly's <folly/futures/Future.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/Executor.h>
#include <folly/Try.h>
#include <folly/Unit.h>

#include <chrono>
#include <exception>
#include <iterator>
#include <tuple>
#include <type_traits>
#include <vector>

namespace folly {

using HighResDuration = std::chrono::nanoseconds;
class Timekeeper;

template <class T>
class SemiFuture;
template <class T>
class Future;
template <class T>
class Promise;

namespace futures::detail {
template <class R>
struct unwrap_future {
  using type = R;
};
template <class R>
struct unwrap_future<Future<R>> {
  using type = R;
};
template <class R>
struct unwrap_future<SemiFuture<R>> {
  using type = R;
};
// Value type of the Future returned by a continuation that returns R.
template <class F, class... Args>
using continuation_value_t = lift_unit_t<
    typename unwrap_future<std::invoke_result_t<F, Args...>>::type>;
}  // namespace futures::detail

// A future without an executor; get() blocks the calling thread.
template <class T>
class SemiFuture {
 public:
  using value_type = T;

  SemiFuture(SemiFuture&&) noexcept = default;
  SemiFuture& operator=(SemiFuture&&) noexcept = default;
  SemiFuture(const SemiFuture&) = delete;
  SemiFuture& operator=(const SemiFuture&) = delete;
  /* implicit */ SemiFuture(Future<T>&& future) noexcept { (void)future; }

  bool isReady() const { return false; }
  bool hasValue() const { return false; }
  bool valid() const noexcept { return true; }

  T get() && { return corolint_standin::unreachable<T>(); }
  T get(HighResDuration dur) && {
    (void)dur;
    return corolint_standin::unreachable<T>();
  }
  Try<T> getTry() && { return corolint_standin::unreachable<Try<T>>(); }
  SemiFuture& wait() & { return *this; }
  SemiFuture&& wait() && { return static_cast<SemiFuture&&>(*this); }
  bool wait(HighResDuration dur) & {
    (void)dur;
    return true;
  }

  Future<T> via(Executor::KeepAlive<> executor) && {
    (void)executor;
    return corolint_standin::unreachable<Future<T>>();
  }
  Future<T> toUnsafeFuture() && {
    return corolint_standin::unreachable<Future<T>>();
  }
  template <class F>
  SemiFuture<futures::detail::continuation_value_t<F, T&&>> deferValue(
      F&& func) && {
    (void)func;
    return corolint_standin::unreachable<
        SemiFuture<futures::detail::continuation_value_t<F, T&&>>>();
  }

 private:
  SemiFuture() = default;
  template <class U>
  friend class Promise;
};

// A future bound to an executor; get()/wait() block the calling thread.
template <class T>
class Future {
 public:
  using value_type = T;

  Future(Future&&) noexcept = default;
  Future& operator=(Future&&) noexcept = default;
  Future(const Future&) = delete;
  Future& operator=(const Future&) = delete;

  bool isReady() const { return false; }
  bool hasValue() const { return false; }
  bool valid() const noexcept { return true; }
  T& value() & { return corolint_standin::unreachable<T&>(); }
  T&& value() && { return corolint_standin::unreachable<T&&>(); }

  T get() && { return corolint_standin::unreachable<T>(); }
  T get(HighResDuration dur) && {
    (void)dur;
    return corolint_standin::unreachable<T>();
  }
  Try<T> getTry() && { return corolint_standin::unreachable<Try<T>>(); }
  Future& wait() & { return *this; }
  Future&& wait() && { return static_cast<Future&&>(*this); }
  bool wait(HighResDuration dur) & {
    (void)dur;
    return true;
  }

  Future<T> via(Executor::KeepAlive<> executor) && {
    (void)executor;
    return corolint_standin::unreachable<Future<T>>();
  }
  SemiFuture<T> semi() && { return SemiFuture<T>(std::move(*this)); }

  template <class F>
  Future<futures::detail::continuation_value_t<F, T&&>> thenValue(F&& func) && {
    (void)func;
    return corolint_standin::unreachable<
        Future<futures::detail::continuation_value_t<F, T&&>>>();
  }
  template <class F>
  Future<futures::detail::continuation_value_t<F, Try<T>&&>> thenTry(
      F&& func) && {
    (void)func;
    return corolint_standin::unreachable<
        Future<futures::detail::continuation_value_t<F, Try<T>&&>>>();
  }
  template <class F>
  Future<T> ensure(F&& func) && {
    (void)func;
    return std::move(*this);
  }

 private:
  Future() = default;
  template <class U>
  friend class Promise;
};

template <class T>
class Promise {
 public:
  Promise() = default;
  Promise(Promise&&) noexcept = default;
  Promise& operator=(Promise&&) noexcept = default;

  SemiFuture<T> getSemiFuture() { return SemiFuture<T>(); }
  Future<T> getFuture() { return Future<T>(); }
  template <class... Args>
  void setValue(Args&&... args) {
    ((void)args, ...);
  }
  void setException(std::exception_ptr ew) { (void)ew; }
  template <class E>
  void setException(const E& e) {
    (void)e;
  }
  bool isFulfilled() const noexcept { return false; }
};

template <class T>
Future<std::decay_t<T>> makeFuture(T&& value) {
  (void)value;
  return Promise<std::decay_t<T>>().getFuture();
}
inline Future<Unit> makeFuture() { return Promise<Unit>().getFuture(); }
template <class T>
SemiFuture<std::decay_t<T>> makeSemiFuture(T&& value) {
  (void)value;
  return Promise<std::decay_t<T>>().getSemiFuture();
}
inline SemiFuture<Unit> makeSemiFuture() {
  return Promise<Unit>().getSemiFuture();
}

// Runs func on the executor and returns a Future of its result.
template <class Func>
auto via(Executor::KeepAlive<> executor, Func&& func)
    -> Future<futures::detail::continuation_value_t<Func>> {
  (void)executor;
  (void)func;
  return Promise<futures::detail::continuation_value_t<Func>>().getFuture();
}

// collectAll over futures (not folly::coro::collectAll).
template <class InputIterator>
SemiFuture<std::vector<
    Try<typename std::iterator_traits<InputIterator>::value_type::value_type>>>
collectAll(InputIterator first, InputIterator last) {
  (void)first;
  (void)last;
  return Promise<std::vector<Try<typename std::iterator_traits<
      InputIterator>::value_type::value_type>>>()
      .getSemiFuture();
}
template <class Collection>
auto collectAll(Collection&& c) -> decltype(collectAll(c.begin(), c.end())) {
  return collectAll(c.begin(), c.end());
}
template <class... Fs>
SemiFuture<std::tuple<Try<typename std::remove_cvref_t<Fs>::value_type>...>>
collectAll(Fs&&... fs) {
  ((void)fs, ...);
  return Promise<std::tuple<Try<typename std::remove_cvref_t<Fs>::value_type>...>>()
      .getSemiFuture();
}

namespace futures {
SemiFuture<Unit> sleep(HighResDuration dur, Timekeeper* tk = nullptr);
}  // namespace futures

// Futures are awaitable from coroutines (upstream: Future anywhere, SemiFuture
// inside folly::coro::Task).
template <class T>
corolint_standin::awaiter<T> operator co_await(Future<T>&& future) noexcept {
  (void)future;
  return {};
}
template <class T>
corolint_standin::awaiter<T> operator co_await(SemiFuture<T>&& future) noexcept {
  (void)future;
  return {};
}

}  // namespace folly
