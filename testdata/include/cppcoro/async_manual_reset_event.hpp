// Test stand-in for cppcoro's <cppcoro/async_manual_reset_event.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace cppcoro {

class async_manual_reset_event {
 public:
  async_manual_reset_event(bool initiallySet = false) noexcept { (void)initiallySet; }
  bool is_set() const noexcept { return false; }
  void set() noexcept {}
  void reset() noexcept {}
  auto operator co_await() const noexcept { return corolint_standin::awaiter<void>{}; }
};

}  // namespace cppcoro
