// Test stand-in for KJ's <kj/async.h> (Cap'n Proto), written for corolint's
// tests: kj::Promise<T> is an eager coroutine type.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <type_traits>

namespace kj {

template <typename T>
constexpr std::remove_reference_t<T> &&mv(T &&value) noexcept {
  return static_cast<std::remove_reference_t<T> &&>(value);
}

template <typename T = void>
class Promise : public corolint_standin::basic_task<T> {
 public:
  struct promise_type : corolint_standin::basic_promise<Promise, T, false> {};
  using corolint_standin::basic_task<T>::basic_task;
  auto operator co_await() && noexcept { return corolint_standin::awaiter<T>{}; }
  auto operator co_await() & noexcept { return corolint_standin::awaiter<T>{}; }

  template <typename... Attachments>
  Promise attach(Attachments &&...attachments) && {
    (void)sizeof...(attachments);
    return corolint_standin::unreachable<Promise>();
  }
};

class AsyncOutputStream {
 public:
  Promise<void> write(const void *buffer, unsigned long size);
};

}  // namespace kj
