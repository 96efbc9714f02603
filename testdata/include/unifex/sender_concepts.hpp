// Test stand-in for libunifex's <unifex/sender_concepts.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/sender.hpp>

#include <tuple>

namespace unifex {

struct unit {};

namespace _standin {
// Sender types are internal upstream; here unifex::_standin::sender<Values...>.
template <class... Values>
struct sender {
  using corolint_values = std::tuple<Values...>;
};
template <class Tuple>
struct sender_from_tuple;
template <class... Values>
struct sender_from_tuple<std::tuple<Values...>> {
  using type = sender<Values...>;
};
template <class Tuple>
using sender_from_tuple_t = typename sender_from_tuple<Tuple>::type;

template <class Fn>
struct closure {
  Fn fn;
  template <corolint_standin::sender S>
  friend auto operator|(S&& s, closure c) {
    return c.fn(static_cast<S&&>(s));
  }
};
template <class Fn>
closure(Fn) -> closure<Fn>;
}  // namespace _standin

template <class S>
concept sender = corolint_standin::sender<S>;

// Single value of a sender: unit for none, the value for one, a tuple for
// several.
template <class S>
using sender_single_value_result_t = std::conditional_t<
    std::is_same_v<corolint_standin::sender_values_t<S>, std::tuple<>>, unit,
    corolint_standin::await_value_t<corolint_standin::sender_values_t<S>>>;

}  // namespace unifex
