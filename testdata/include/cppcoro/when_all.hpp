// Test stand-in for cppcoro's <cppcoro/when_all.hpp>, written for corolint's tests.
#pragma once
#include <cppcoro/when_all_ready.hpp>

namespace cppcoro {

// Awaits all of them concurrently; produces a tuple of results, with
// detail::void_value standing for void results.
template <typename... AWAITABLES>
[[nodiscard]] auto when_all(AWAITABLES&&... awaitables)
    -> corolint_standin::awaiter<std::tuple<corolint_standin::void_to_t<
        std::remove_cvref_t<detail::await_result_t<AWAITABLES&&>>,
        detail::void_value>...>> {
  ((void)awaitables, ...);
  return {};
}

// Range form: a vector of results, or void when the results are void.
template <typename AWAITABLE,
          typename RESULT = detail::await_result_t<AWAITABLE&&>>
[[nodiscard]] auto when_all(std::vector<AWAITABLE> awaitables)
    -> corolint_standin::awaiter<std::conditional_t<
        std::is_void_v<RESULT>, void,
        std::vector<std::remove_cvref_t<RESULT>>>> {
  (void)awaitables;
  return {};
}

}  // namespace cppcoro
