// Test stand-in for folly's <folly/coro/AsyncGenerator.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <type_traits>

namespace folly::coro {

// A generator that may co_await between co_yields; consumers loop on
// `while (auto item = co_await gen.next())`.
template <typename Reference,
          typename Value = std::remove_cvref_t<Reference>,
          bool RequiresCleanup = false>
class [[nodiscard]] AsyncGenerator : public corolint_standin::basic_task<void> {
  using ref_t = std::remove_reference_t<Reference>;

 public:
  using value_type = Value;
  using reference = Reference;

  struct promise_type {
    AsyncGenerator get_return_object() noexcept {
      return AsyncGenerator(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(ref_t&& value) noexcept {
      (void)value;
      return {};
    }
    std::suspend_always yield_value(const ref_t& value) noexcept {
      (void)value;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };

  class NextResult {
   public:
    bool has_value() const noexcept { return false; }
    explicit operator bool() const noexcept { return false; }
    Reference value() { return corolint_standin::unreachable<Reference>(); }
    Reference operator*() { return corolint_standin::unreachable<Reference>(); }
    std::add_pointer_t<ref_t> operator->() { return nullptr; }
  };

  using corolint_standin::basic_task<void>::basic_task;

  [[nodiscard]] corolint_standin::awaiter<NextResult> next() noexcept {
    return {};
  }
};

}  // namespace folly::coro
