// Test stand-in for libcoro's <coro/sync_wait.hpp>, written for corolint's tests.
#pragma once
#include <coro/concepts/awaitable.hpp>

#include <type_traits>

namespace coro {

// Blocks the calling thread until the awaitable completes.
template <concepts::awaitable awaitable_type,
          typename return_type = typename concepts::awaitable_traits<
              awaitable_type>::awaiter_return_type>
auto sync_wait(awaitable_type&& a) -> decltype(auto) {
  (void)a;
  using result_t =
      std::conditional_t<std::is_rvalue_reference_v<return_type>,
                         std::remove_cvref_t<return_type>, return_type>;
  return corolint_standin::unreachable<result_t>();
}

}  // namespace coro
