// Test stand-in for Boost.Cobalt's <boost/cobalt/race.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace boost::cobalt {

namespace detail {
template <typename A>
using race_component_t = corolint_standin::void_to_t<
    std::remove_cvref_t<corolint_standin::await_result_t<A>>, variant2::monostate>;
}  // namespace detail

// Resumes with the first to finish (chosen at random on ties); the rest are
// cancelled. left_race prefers the leftmost.
template <corolint_standin::awaitable... Promise>
auto race(Promise&&... p) {
  ((void)p, ...);
  return corolint_standin::awaiter<variant2::variant<detail::race_component_t<Promise>...>>{};
}
template <typename PromiseRange>
  requires requires(PromiseRange& r) { r.begin(); }
auto race(PromiseRange&& p) {
  (void)p;
  using R = corolint_standin::await_result_t<decltype(*p.begin())>;
  if constexpr (std::is_void_v<R>)
    return corolint_standin::awaiter<std::size_t>{};
  else
    return corolint_standin::awaiter<std::pair<std::size_t, std::remove_cvref_t<R>>>{};
}
template <corolint_standin::awaitable... Promise>
auto left_race(Promise&&... p) {
  ((void)p, ...);
  return corolint_standin::awaiter<variant2::variant<detail::race_component_t<Promise>...>>{};
}

}  // namespace boost::cobalt
