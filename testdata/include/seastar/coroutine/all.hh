// Test stand-in for seastar's <seastar/coroutine/all.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

#include <concepts>
#include <tuple>
#include <type_traits>

namespace seastar::coroutine {

namespace internal {
template <typename Future>
using value_tuple_element_t =
    std::conditional_t<std::is_void_v<typename Future::value_type>, std::tuple<>,
                       std::tuple<typename Future::value_type>>;
template <typename... Futures>
using value_tuple_for_non_void_futures =
    decltype(std::tuple_cat(std::declval<value_tuple_element_t<Futures>>()...));
template <typename T>
concept future_type = seastar::is_future<T>::value;
}  // namespace internal

// auto [a, b] = co_await all([] { return f(); }, [] { return g(); });
// Runs the callables' futures concurrently; yields a tuple of the non-void
// results.
template <typename... Futures>
  requires(sizeof...(Futures) > 0)
class [[nodiscard("must co_await an all() object")]] all {
  using value_tuple = internal::value_tuple_for_non_void_futures<Futures...>;

 public:
  template <typename... Func>
    requires(... && std::invocable<Func>) &&
            (... && internal::future_type<std::invoke_result_t<Func>>)
  explicit all(Func&&... funcs) {
    ((void)funcs, ...);
  }
  corolint_standin::awaiter<value_tuple> operator co_await() { return {}; }
};

template <typename FirstFunc, typename... MoreFuncs>
explicit all(FirstFunc&&, MoreFuncs&&...)
    -> all<std::invoke_result_t<FirstFunc>, std::invoke_result_t<MoreFuncs>...>;

}  // namespace seastar::coroutine
