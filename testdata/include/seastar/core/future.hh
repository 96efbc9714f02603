// Test stand-in for seastar's <seastar/core/future.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <exception>
#include <functional>
#include <type_traits>
#include <utility>

namespace seastar {

template <class T = void>
class promise;
template <class T = void>
class future;

struct ready_future_marker {};

template <typename T>
struct is_future : std::false_type {};
template <typename T>
struct is_future<future<T>> : std::true_type {};

// futurize_t<T>: future<T>, with future<U> left alone and void -> future<>.
template <typename T>
struct futurize {
  using type = future<T>;
};
template <typename T>
struct futurize<future<T>> {
  using type = future<T>;
};
template <typename T>
using futurize_t = typename futurize<T>::type;

namespace internal {
template <typename Func, typename T>
struct continuation_result {
  using type = std::invoke_result_t<Func, T&&>;
};
template <typename Func>
struct continuation_result<Func, void> {
  using type = std::invoke_result_t<Func>;
};
template <typename Func, typename T>
using continuation_future_t = futurize_t<typename continuation_result<Func, T>::type>;
}  // namespace internal

// Eager result of an asynchronous operation. get() on a future that is not
// yet available is only allowed inside a seastar::thread; in a coroutine use
// co_await std::move(f) (see <seastar/core/coroutine.hh>).
template <class T>
class [[nodiscard]] future {
 public:
  using value_type = T;
  using promise_type_t = promise<T>;

  explicit future(ready_future_marker) noexcept {}
  future(future&&) noexcept = default;
  future& operator=(future&&) noexcept = default;
  future(const future&) = delete;
  future& operator=(const future&) = delete;

  bool available() const noexcept { return false; }
  bool failed() const noexcept { return false; }

  // Waits (seastar::thread only) and returns the value or throws.
  T get() { return corolint_standin::unreachable<T>(); }
  void wait() noexcept {}
  std::exception_ptr get_exception() noexcept { return {}; }
  void ignore_ready_future() noexcept {}

  template <typename Func>
  internal::continuation_future_t<Func, T> then(Func&& func) noexcept {
    (void)func;
    return corolint_standin::unreachable<internal::continuation_future_t<Func, T>>();
  }
  template <typename Func>
  futurize_t<std::invoke_result_t<Func, future&&>> then_wrapped(Func&& func) noexcept {
    (void)func;
    return corolint_standin::unreachable<futurize_t<std::invoke_result_t<Func, future&&>>>();
  }
  template <typename Func>
  future finally(Func&& func) noexcept {
    (void)func;
    return std::move(*this);
  }
  template <typename Func>
  future handle_exception(Func&& func) noexcept {
    (void)func;
    return std::move(*this);
  }
  future<> discard_result() noexcept { return future<>(ready_future_marker{}); }
};

template <class T>
class promise {
 public:
  promise() noexcept = default;
  promise(promise&&) noexcept = default;
  future<T> get_future() noexcept { return future<T>(ready_future_marker{}); }
  template <typename... A>
  void set_value(A&&... a) noexcept {
    ((void)a, ...);
  }
  void set_exception(std::exception_ptr ex) noexcept { (void)ex; }
};

template <typename T = void, typename... A>
future<T> make_ready_future(A&&... value) noexcept {
  ((void)value, ...);
  return future<T>(ready_future_marker{});
}
template <typename T = void>
future<T> make_exception_future(std::exception_ptr ex) noexcept {
  (void)ex;
  return future<T>(ready_future_marker{});
}
template <typename T = void, typename Exception>
future<T> make_exception_future(Exception&& ex) noexcept {
  (void)ex;
  return future<T>(ready_future_marker{});
}

// Calls func and wraps its result (or exception) in a future.
template <typename Func, typename... Args>
auto futurize_invoke(Func&& func, Args&&... args) noexcept
    -> futurize_t<std::invoke_result_t<Func, Args...>> {
  (void)func;
  ((void)args, ...);
  return corolint_standin::unreachable<futurize_t<std::invoke_result_t<Func, Args...>>>();
}

}  // namespace seastar
