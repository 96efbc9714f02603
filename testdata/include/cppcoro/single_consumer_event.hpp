// Test stand-in for cppcoro's <cppcoro/single_consumer_event.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace cppcoro {

// Manual-reset event that at most one coroutine awaits at a time.
class single_consumer_event {
 public:
  single_consumer_event(bool initiallySet = false) noexcept { (void)initiallySet; }
  bool is_set() const noexcept { return false; }
  void set() {}
  void reset() noexcept {}
  auto operator co_await() noexcept { return corolint_standin::awaiter<void>{}; }
};

}  // namespace cppcoro
