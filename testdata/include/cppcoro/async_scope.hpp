// Test stand-in for cppcoro's <cppcoro/async_scope.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace cppcoro {

// Owns fire-and-forget work started with spawn(); join() must be awaited
// before the scope is destroyed.
class async_scope {
 public:
  class join_operation : public corolint_standin::awaiter<void> {};

  async_scope() noexcept = default;
  async_scope(const async_scope&) = delete;
  async_scope& operator=(const async_scope&) = delete;
  ~async_scope() = default;

  template <typename AWAITABLE>
  void spawn(AWAITABLE&& awaitable) {
    (void)awaitable;
  }

  [[nodiscard]] join_operation join() noexcept { return {}; }
};

}  // namespace cppcoro
