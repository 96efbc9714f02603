// Test stand-in for seastar's <seastar/coroutine/maybe_yield.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace seastar::coroutine {

// co_await seastar::coroutine::maybe_yield(); lets other tasks run if the
// reactor wants to preempt this one.
class [[nodiscard("must co_await an maybe_yield() object")]] maybe_yield {
 public:
  auto operator co_await() { return corolint_standin::awaiter<void>{}; }
};

}  // namespace seastar::coroutine
