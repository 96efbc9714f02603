// Test stand-in for Boost.Cobalt's <boost/cobalt/gather.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

#include <tuple>
#include <type_traits>
#include <vector>

namespace boost::cobalt {

// Awaits all, never throwing: each outcome is a boost::system::result.
template <corolint_standin::awaitable... Promise>
auto gather(Promise&&... p) {
  ((void)p, ...);
  return corolint_standin::awaiter<std::tuple<boost::system::result<
      std::remove_cvref_t<corolint_standin::await_result_t<Promise>>,
      std::exception_ptr>...>>{};
}
template <typename PromiseRange>
  requires requires(PromiseRange& r) { r.begin(); }
auto gather(PromiseRange&& p) {
  (void)p;
  using R = std::remove_cvref_t<corolint_standin::await_result_t<decltype(*p.begin())>>;
  return corolint_standin::awaiter<
      std::vector<boost::system::result<R, std::exception_ptr>>>{};
}

}  // namespace boost::cobalt
