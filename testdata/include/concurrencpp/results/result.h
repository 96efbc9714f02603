// Test stand-in for concurrencpp's <concurrencpp/results/result.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <concurrencpp/forward_declarations.h>

#include <chrono>
#include <exception>

namespace concurrencpp {

enum class result_status { idle, value, exception };

// Eager, single-consumer result of an async operation. get()/wait()/
// wait_for() block the calling thread; co_await does not.
template <class type>
class result {
 public:
  using value_type = type;

  result() noexcept = default;
  result(result&&) noexcept = default;
  result& operator=(result&&) noexcept = default;
  result(const result&) = delete;
  result& operator=(const result&) = delete;

  explicit operator bool() const noexcept { return true; }
  result_status status() const { return result_status::idle; }

  void wait() const {}
  template <class duration_type, class ratio_type>
  result_status wait_for(std::chrono::duration<duration_type, ratio_type> duration) const {
    (void)duration;
    return result_status::idle;
  }
  template <class clock_type, class duration_type>
  result_status wait_until(
      std::chrono::time_point<clock_type, duration_type> timeout_time) const {
    (void)timeout_time;
    return result_status::idle;
  }
  type get() { return corolint_standin::unreachable<type>(); }

  // co_await r -> type; co_await r.resolve() -> result<type> (no throw).
  auto operator co_await() { return corolint_standin::awaiter<type>{}; }
  auto resolve() { return corolint_standin::awaiter<result<type>>{}; }
};

template <class type>
class result_promise {
 public:
  result_promise() = default;
  result_promise(result_promise&&) noexcept = default;
  result_promise& operator=(result_promise&&) noexcept = default;

  explicit operator bool() const noexcept { return true; }
  template <class... argument_types>
  void set_result(argument_types&&... arguments) {
    ((void)arguments, ...);
  }
  void set_exception(std::exception_ptr exception_ptr) { (void)exception_ptr; }
  template <class callable_type, class... argument_types>
  void set_from_function(callable_type&& callable, argument_types&&... args) noexcept {
    (void)callable;
    ((void)args, ...);
  }
  result<type> get_result() { return {}; }
};

template <class type, class... argument_types>
result<type> make_ready_result(argument_types&&... arguments) {
  ((void)arguments, ...);
  return {};
}
template <class type>
result<type> make_exceptional_result(std::exception_ptr exception_ptr) {
  (void)exception_ptr;
  return {};
}

}  // namespace concurrencpp
