// Test stand-in for seastar's <seastar/coroutine/exception.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <exception>
#include <utility>

namespace seastar::coroutine {

// co_await coroutine::exception(eptr): fails the coroutine's future without
// throwing. (Upstream also accepts co_return of it in non-void coroutines;
// the stand-in does not.)
struct exception {
  std::exception_ptr eptr;
  explicit exception(std::exception_ptr eptr) noexcept : eptr(std::move(eptr)) {}
  corolint_standin::awaiter<void> operator co_await() const noexcept { return {}; }
};

// co_await coroutine::return_exception(my_error{});
template <typename T>
exception return_exception(T&& t) noexcept {
  return exception(std::make_exception_ptr(std::forward<T>(t)));
}
inline exception return_exception_ptr(std::exception_ptr ex) noexcept {
  return exception(std::move(ex));
}

}  // namespace seastar::coroutine
