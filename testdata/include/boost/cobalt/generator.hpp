// Test stand-in for Boost.Cobalt's <boost/cobalt/generator.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

#include <type_traits>

namespace boost::cobalt {

// Async generator: the body co_yields (and may co_await); each
// `co_await gen` produces the next value.
template <typename Yield, typename Push = void>
struct [[nodiscard]] generator : public corolint_standin::basic_task<void> {
  struct promise_type {
    generator get_return_object() noexcept {
      return generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    // co_yield produces the next value and, when Push is not void, the
    // value the consumer pushes back.
    auto yield_value(Yield value) {
      (void)value;
      if constexpr (std::is_void_v<Push>)
        return corolint_standin::awaiter<void>{};
      else
        return corolint_standin::awaiter<Push>{};
    }
    void return_value(Yield value) { (void)value; }
    void unhandled_exception() noexcept {}
  };

  using corolint_standin::basic_task<void>::basic_task;

  explicit operator bool() const { return true; }
  void cancel() {}
  bool ready() const { return false; }
  Yield get() { return corolint_standin::unreachable<Yield>(); }

  auto operator co_await() { return corolint_standin::awaiter<Yield>{}; }
  template <typename P = Push>
    requires(!std::is_void_v<P>)
  auto operator()(P&& push) {
    (void)push;
    return corolint_standin::awaiter<Yield>{};
  }
};

}  // namespace boost::cobalt
