// Test stand-in for cppcoro's <cppcoro/sync_wait.hpp>, written for corolint's tests.
#pragma once
#include <cppcoro/awaitable_traits.hpp>

namespace cppcoro {

// Blocks the calling thread until the awaitable completes.
template <typename AWAITABLE>
auto sync_wait(AWAITABLE&& awaitable)
    -> typename awaitable_traits<AWAITABLE&&>::await_result_t {
  (void)awaitable;
  return corolint_standin::unreachable<
      typename awaitable_traits<AWAITABLE&&>::await_result_t>();
}

}  // namespace cppcoro
