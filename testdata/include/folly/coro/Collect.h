// Test stand-in for folly's <folly/coro/Collect.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/Try.h>
#include <folly/Unit.h>
#include <folly/coro/Task.h>

#include <cstddef>
#include <iterator>
#include <tuple>
#include <type_traits>
#include <vector>

namespace folly::coro {

namespace detail {
template <typename A>
using collect_result_t = corolint_standin::await_result_t<A>;
template <typename A>
using collect_all_component_t =
    lift_unit_t<std::remove_cvref_t<collect_result_t<A>>>;
template <typename A>
using collect_all_try_component_t =
    Try<std::remove_cvref_t<collect_result_t<A>>>;
// Range elements are moved out and awaited as rvalues.
template <typename Range>
using range_awaitable_t =
    std::remove_cvref_t<decltype(*std::begin(std::declval<Range&>()))>;
template <typename Range>
using range_result_t = collect_result_t<range_awaitable_t<Range>>;
}  // namespace detail

// co_await collectAll(a(), b()) runs them concurrently -> std::tuple of
// results (folly::Unit for void). Takes the awaitables by value.
template <typename... SemiAwaitables>
auto collectAll(SemiAwaitables... awaitables)
    -> Task<std::tuple<detail::collect_all_component_t<SemiAwaitables>...>> {
  ((void)awaitables, ...);
  return {};
}

template <typename... SemiAwaitables>
auto collectAllTry(SemiAwaitables... awaitables)
    -> Task<std::tuple<detail::collect_all_try_component_t<SemiAwaitables>...>> {
  ((void)awaitables, ...);
  return {};
}

template <typename InputRange,
          std::enable_if_t<!std::is_void_v<detail::range_result_t<InputRange>>,
                           int> = 0>
auto collectAllRange(InputRange awaitables) -> Task<std::vector<
    std::remove_cvref_t<detail::range_result_t<InputRange>>>> {
  (void)awaitables;
  return {};
}
template <typename InputRange,
          std::enable_if_t<std::is_void_v<detail::range_result_t<InputRange>>,
                           int> = 0>
auto collectAllRange(InputRange awaitables) -> Task<void> {
  (void)awaitables;
  return {};
}

template <typename InputRange>
auto collectAllTryRange(InputRange awaitables) -> Task<std::vector<
    Try<std::remove_cvref_t<detail::range_result_t<InputRange>>>>> {
  (void)awaitables;
  return {};
}

// At most maxConcurrency of the awaitables run at once.
template <typename InputRange,
          std::enable_if_t<!std::is_void_v<detail::range_result_t<InputRange>>,
                           int> = 0>
auto collectAllWindowed(InputRange awaitables, std::size_t maxConcurrency)
    -> Task<std::vector<
        std::remove_cvref_t<detail::range_result_t<InputRange>>>> {
  (void)awaitables;
  (void)maxConcurrency;
  return {};
}
template <typename InputRange,
          std::enable_if_t<std::is_void_v<detail::range_result_t<InputRange>>,
                           int> = 0>
auto collectAllWindowed(InputRange awaitables, std::size_t maxConcurrency)
    -> Task<void> {
  (void)awaitables;
  (void)maxConcurrency;
  return {};
}

}  // namespace folly::coro
