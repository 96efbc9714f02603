// Test stand-in for libunifex's <unifex/then.hpp>, written for corolint's tests.
#pragma once
#include <unifex/sender_concepts.hpp>

namespace unifex {
namespace _then::_cpo {
struct _fn {
  template <sender S, class F>
  auto operator()(S&& s, F f) const {
    (void)s;
    (void)f;
    return _standin::sender_from_tuple_t<corolint_standin::value_tuple_t<
        corolint_standin::apply_result_t<F, corolint_standin::sender_values_t<S>>>>{};
  }
  template <class F>
  auto operator()(F f) const {
    return _standin::closure{[f](auto&& s) { return _fn{}(static_cast<decltype(s)&&>(s), f); }};
  }
};
}  // namespace _then::_cpo
inline constexpr _then::_cpo::_fn then{};
}  // namespace unifex
