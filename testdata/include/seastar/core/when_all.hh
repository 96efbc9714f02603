// Test stand-in for seastar's <seastar/core/when_all.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <seastar/core/future.hh>

#include <iterator>
#include <tuple>
#include <type_traits>
#include <vector>

namespace seastar {

namespace internal {
template <typename FutOrFunc, bool = is_future<std::remove_cvref_t<FutOrFunc>>::value>
struct future_of {
  using type = std::remove_cvref_t<FutOrFunc>;
};
// No `type` for what is neither a future nor callable (an iterator), so
// that the variadic overloads drop out for the iterator ones.
template <typename Func, typename = void>
struct future_of_call {};
template <typename Func>
struct future_of_call<Func, std::void_t<std::invoke_result_t<Func>>> {
  using type = futurize_t<std::invoke_result_t<Func>>;
};
template <typename Func>
struct future_of<Func, false> : future_of_call<Func> {};
template <typename FutOrFunc>
using future_of_t = typename future_of<FutOrFunc>::type;

template <typename Future>
using non_void_value_tuple_t =
    std::conditional_t<std::is_void_v<typename Future::value_type>, std::tuple<>,
                       std::tuple<typename Future::value_type>>;
}  // namespace internal

// Resolves when all inputs resolve, to a tuple of the (ready) futures.
template <typename... FutOrFuncs>
auto when_all(FutOrFuncs&&... fut_or_funcs) noexcept
    -> future<std::tuple<internal::future_of_t<FutOrFuncs>...>> {
  ((void)fut_or_funcs, ...);
  return make_ready_future<std::tuple<internal::future_of_t<FutOrFuncs>...>>();
}
template <std::input_iterator FutureIterator>
future<std::vector<typename std::iterator_traits<FutureIterator>::value_type>>
when_all(FutureIterator begin, FutureIterator end) noexcept {
  (void)begin;
  (void)end;
  return make_ready_future<
      std::vector<typename std::iterator_traits<FutureIterator>::value_type>>();
}

// Resolves to a tuple of the non-void values, or fails with the first error.
template <typename... FutOrFuncs>
auto when_all_succeed(FutOrFuncs&&... fut_or_funcs) noexcept
    -> future<decltype(std::tuple_cat(std::declval<
                 internal::non_void_value_tuple_t<internal::future_of_t<FutOrFuncs>>>()...))> {
  ((void)fut_or_funcs, ...);
  return corolint_standin::unreachable<future<decltype(std::tuple_cat(
      std::declval<internal::non_void_value_tuple_t<internal::future_of_t<FutOrFuncs>>>()...))>>();
}

// Iterator overload: the values of a range of futures (future<> when they
// are void), or the first error.
namespace internal {
template <typename T>
struct values_of {
  using type = future<std::vector<T>>;
};
template <>
struct values_of<void> {
  using type = future<>;
};
}  // namespace internal
template <std::input_iterator FutureIterator>
typename internal::values_of<
    typename std::iterator_traits<FutureIterator>::value_type::value_type>::type
when_all_succeed(FutureIterator begin, FutureIterator end) noexcept {
  (void)begin;
  (void)end;
  return corolint_standin::unreachable<typename internal::values_of<
      typename std::iterator_traits<FutureIterator>::value_type::value_type>::type>();
}

// Container overload: the values of a vector of futures started already.
template <typename T>
typename internal::values_of<T>::type when_all_succeed(std::vector<future<T>>&& futures) noexcept {
  (void)futures;
  return corolint_standin::unreachable<typename internal::values_of<T>::type>();
}

}  // namespace seastar
