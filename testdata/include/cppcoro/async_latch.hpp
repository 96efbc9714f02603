// Test stand-in for cppcoro's <cppcoro/async_latch.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <cstddef>

namespace cppcoro {

class async_latch {
 public:
  async_latch(std::ptrdiff_t initialCount) noexcept { (void)initialCount; }
  bool is_ready() const noexcept { return false; }
  void count_down(std::ptrdiff_t n = 1) noexcept { (void)n; }
  auto operator co_await() const noexcept { return corolint_standin::awaiter<void>{}; }
};

}  // namespace cppcoro
