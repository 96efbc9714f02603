// Test stand-in for Boost.Cobalt's <boost/cobalt/result.hpp> (as_tuple), written for corolint's tests.
#pragma once
#include <boost/cobalt/channel.hpp>
#include <boost/cobalt/config.hpp>

#include <exception>
#include <tuple>
#include <type_traits>

namespace boost::cobalt {

namespace detail {
template <typename Aw>
struct as_tuple_result {
  using value_t = corolint_standin::await_result_t<Aw>;
  using type = std::conditional_t<std::is_void_v<value_t>, std::tuple<std::exception_ptr>,
                                  std::tuple<std::exception_ptr, corolint_standin::void_to_t<value_t, int>>>;
};
template <typename Aw>
  requires requires(corolint_standin::awaiter_t<Aw> a) { a.await_resume(as_tuple_tag{}); }
struct as_tuple_result<Aw> {
  using type = decltype(std::declval<corolint_standin::awaiter_t<Aw>&>().await_resume(as_tuple_tag{}));
};
}  // namespace detail

// auto [ec, v] = co_await as_tuple(ch.read()); never throws. Awaitables with
// an error_code (channel ops) give std::tuple<system::error_code, T...>,
// others std::tuple<std::exception_ptr, T...>.
template <typename Aw>
auto as_tuple(Aw&& aw) {
  (void)aw;
  return corolint_standin::awaiter<typename detail::as_tuple_result<Aw&&>::type>{};
}

}  // namespace boost::cobalt
