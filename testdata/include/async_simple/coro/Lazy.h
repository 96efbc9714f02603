// Test stand-in for async_simple's <async_simple/coro/Lazy.h>, written for
// corolint's tests: Lazy<T> is a lazy coroutine type.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace async_simple::coro {

template <typename T = void>
class Lazy : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<Lazy, T, true> {};
  using corolint_standin::basic_task<T>::basic_task;
  auto operator co_await() && noexcept { return corolint_standin::awaiter<T>{}; }
};

}  // namespace async_simple::coro
