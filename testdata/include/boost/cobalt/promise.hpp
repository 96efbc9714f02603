// Test stand-in for Boost.Cobalt's <boost/cobalt/promise.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

namespace boost::cobalt {

// Eager: runs on creation. Destroying an attached, unfinished promise
// cancels it; detach() lets it run on.
template <typename Return>
struct [[nodiscard]] promise : public corolint_standin::basic_task<Return> {
  struct promise_type : corolint_standin::basic_promise<promise, Return, false> {};
  using corolint_standin::basic_task<Return>::basic_task;

  auto operator co_await() { return corolint_standin::awaiter<Return>{}; }
  void cancel() {}
  bool ready() const { return false; }
  explicit operator bool() const { return true; }
  Return get() { return corolint_standin::unreachable<Return>(); }
  void detach() {}
  void attach() {}
};

}  // namespace boost::cobalt
