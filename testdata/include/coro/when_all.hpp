// Test stand-in for libcoro's <coro/when_all.hpp>, written for corolint's tests.
#pragma once
#include <coro/concepts/awaitable.hpp>

#include <ranges>
#include <tuple>
#include <vector>

namespace coro {
namespace detail {

template <typename return_type>
class when_all_task {
 public:
  auto return_value() & -> decltype(auto) {
    return corolint_standin::unreachable<std::add_lvalue_reference_t<return_type>>();
  }
  auto return_value() && -> decltype(auto) {
    return corolint_standin::unreachable<std::add_rvalue_reference_t<return_type>>();
  }
};

template <typename task_container_type>
class when_all_ready_awaitable
    : public corolint_standin::awaiter<task_container_type> {};

}  // namespace detail

// co_await when_all(a(), b()) -> std::tuple<when_all_task<A>, ...>; read each
// result with std::get<I>(results).return_value().
template <concepts::awaitable... awaitables_type>
[[nodiscard]] auto when_all(awaitables_type... awaitables) {
  ((void)awaitables, ...);
  return detail::when_all_ready_awaitable<std::tuple<detail::when_all_task<
      typename concepts::awaitable_traits<awaitables_type>::awaiter_return_type>...>>{};
}

template <std::ranges::range range_type,
          concepts::awaitable awaitable_type = std::ranges::range_value_t<range_type>,
          typename return_type =
              typename concepts::awaitable_traits<awaitable_type>::awaiter_return_type>
[[nodiscard]] auto when_all(range_type awaitables)
    -> detail::when_all_ready_awaitable<std::vector<detail::when_all_task<return_type>>> {
  (void)awaitables;
  return {};
}

}  // namespace coro
