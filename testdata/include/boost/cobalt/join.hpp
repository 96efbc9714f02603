// Test stand-in for Boost.Cobalt's <boost/cobalt/join.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

#include <tuple>
#include <type_traits>
#include <vector>

namespace boost::cobalt {

namespace detail {
template <typename A>
using join_component_t = corolint_standin::void_to_t<
    std::remove_cvref_t<corolint_standin::await_result_t<A>>, variant2::monostate>;
}  // namespace detail

// Awaits all; on the first error cancels the rest and rethrows. void
// results become variant2::monostate.
template <corolint_standin::awaitable... Promise>
auto join(Promise&&... p) {
  ((void)p, ...);
  return corolint_standin::awaiter<std::tuple<detail::join_component_t<Promise>...>>{};
}
template <typename PromiseRange>
  requires requires(PromiseRange& r) { r.begin(); }
auto join(PromiseRange&& p) {
  (void)p;
  using R = corolint_standin::await_result_t<decltype(*p.begin())>;
  if constexpr (std::is_void_v<R>)
    return corolint_standin::awaiter<void>{};
  else
    return corolint_standin::awaiter<std::vector<std::remove_cvref_t<R>>>{};
}

}  // namespace boost::cobalt
