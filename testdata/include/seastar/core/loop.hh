// Test stand-in for seastar's <seastar/core/loop.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/util/bool_class.hh>

#include <cstddef>
#include <iterator>
#include <ranges>

namespace seastar {

struct stop_iteration_tag {};
using stop_iteration = bool_class<stop_iteration_tag>;

// Calls action until it returns (a future of) stop_iteration::yes.
template <typename AsyncAction>
future<> repeat(AsyncAction&& action) noexcept {
  (void)action;
  return make_ready_future<>();
}
template <typename StopCondition, typename AsyncAction>
future<> do_until(StopCondition stop_cond, AsyncAction action) noexcept {
  (void)stop_cond;
  (void)action;
  return make_ready_future<>();
}
template <typename AsyncAction>
future<> keep_doing(AsyncAction action) noexcept {
  (void)action;
  return make_ready_future<>();
}

// One element at a time.
template <std::input_iterator Iterator, typename Sentinel, typename AsyncAction>
future<> do_for_each(Iterator begin, Sentinel end, AsyncAction action) noexcept {
  (void)begin;
  (void)end;
  (void)action;
  return make_ready_future<>();
}
template <std::ranges::range Container, typename AsyncAction>
future<> do_for_each(Container& c, AsyncAction action) noexcept {
  (void)c;
  (void)action;
  return make_ready_future<>();
}

// All elements at once (unbounded concurrency).
template <std::input_iterator Iterator, typename Sentinel, typename Func>
future<> parallel_for_each(Iterator begin, Sentinel end, Func&& func) noexcept {
  (void)begin;
  (void)end;
  (void)func;
  return make_ready_future<>();
}
template <std::ranges::range Range, typename Func>
future<> parallel_for_each(Range&& range, Func&& func) noexcept {
  (void)range;
  (void)func;
  return make_ready_future<>();
}

// At most max_concurrent elements in flight.
template <std::input_iterator Iterator, typename Sentinel, typename Func>
future<> max_concurrent_for_each(Iterator begin, Sentinel end,
                                 std::size_t max_concurrent, Func&& func) noexcept {
  (void)begin;
  (void)end;
  (void)max_concurrent;
  (void)func;
  return make_ready_future<>();
}
template <std::ranges::range Range, typename Func>
future<> max_concurrent_for_each(Range&& range, std::size_t max_concurrent,
                                 Func&& func) noexcept {
  (void)range;
  (void)max_concurrent;
  (void)func;
  return make_ready_future<>();
}

}  // namespace seastar
