// Test stand-in plumbing for the sender/receiver stand-ins (stdexec, exec, unifex), written for corolint's tests (not a real library).
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <optional>
#include <tuple>
#include <type_traits>

// A stand-in sender advertises what it completes with as a member alias
// `corolint_values = std::tuple<Values...>`; operations compute the values of
// the senders they return from that. Nothing is ever connected or started.

namespace corolint_standin {

template <class S>
using sender_values_t = typename std::remove_cvref_t<S>::corolint_values;

template <class S>
concept sender = requires { typename sender_values_t<S>; };

template <class F, class Tuple>
struct apply_result;
template <class F, class... Vs>
struct apply_result<F, std::tuple<Vs...>> {
  using type = std::invoke_result_t<F, Vs...>;
};
template <class F, class Tuple>
using apply_result_t = typename apply_result<F, Tuple>::type;

// std::tuple<R>, or std::tuple<> when R is void.
template <class R>
using value_tuple_t =
    std::conditional_t<std::is_void_v<R>, std::tuple<>, std::tuple<std::remove_cvref_t<R>>>;

template <class... Tuples>
using tuple_cat_t = decltype(std::tuple_cat(std::declval<Tuples>()...));

// What co_await of a sender produces: nothing -> void, one value -> it,
// several -> a tuple.
template <class Tuple>
struct await_value {
  using type = Tuple;
};
template <>
struct await_value<std::tuple<>> {
  using type = void;
};
template <class T>
struct await_value<std::tuple<T>> {
  using type = T;
};
template <class Tuple>
using await_value_t = typename await_value<Tuple>::type;

// await_transform of promises that accept senders (stdexec's
// with_awaitable_senders, unifex::task): senders become awaitable,
// anything else is awaited as is.
struct sender_await_transform {
  template <class Value>
  decltype(auto) await_transform(Value&& value) {
    if constexpr (sender<Value> && !awaitable<Value>)
      return awaiter<await_value_t<sender_values_t<Value>>>{};
    else
      return static_cast<Value&&>(value);
  }
};

}  // namespace corolint_standin
