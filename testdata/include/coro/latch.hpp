// Test stand-in for libcoro's <coro/latch.hpp>, written for corolint's tests.
#pragma once
#include <coro/event.hpp>

#include <cstddef>
#include <cstdint>

namespace coro {

class latch {
 public:
  explicit latch(std::int64_t count) noexcept { (void)count; }
  latch(const latch&) = delete;
  latch& operator=(const latch&) = delete;

  auto is_ready() const noexcept -> bool { return false; }
  auto remaining() const noexcept -> std::size_t { return 0; }
  auto count_down(std::int64_t n = 1) noexcept -> void { (void)n; }
  template <typename executor_type>
  auto count_down(executor_type& executor, std::int64_t n = 1) noexcept -> void {
    (void)executor;
    (void)n;
  }
  auto operator co_await() const noexcept -> event::awaiter { return {}; }
};

}  // namespace coro
