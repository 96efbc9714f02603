// Test stand-in for Boost.Cobalt's <boost/cobalt/task.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

namespace boost::cobalt {

// Lazy: starts when awaited, or when handed to run()/spawn().
template <typename Return>
struct [[nodiscard]] task : public corolint_standin::basic_task<Return> {
  struct promise_type : corolint_standin::basic_promise<task, Return> {};
  using corolint_standin::basic_task<Return>::basic_task;

  auto operator co_await() { return corolint_standin::awaiter<Return>{}; }
};

}  // namespace boost::cobalt
