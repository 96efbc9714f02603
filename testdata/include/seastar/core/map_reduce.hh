// Test stand-in for seastar's <seastar/core/map_reduce.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <iterator>
#include <ranges>
#include <type_traits>

namespace seastar {

// Runs mapper on every element at once and folds the results with reduce.
template <typename Iterator, typename Sentinel, typename Mapper,
          typename Initial, typename Reduce>
future<Initial> map_reduce(Iterator begin, Sentinel end, Mapper&& mapper,
                           Initial initial, Reduce reduce) {
  (void)begin;
  (void)end;
  (void)mapper;
  (void)reduce;
  return make_ready_future<Initial>(std::move(initial));
}
template <std::ranges::range Range, typename Mapper, typename Initial,
          typename Reduce>
future<Initial> map_reduce(Range&& range, Mapper&& mapper, Initial initial,
                           Reduce reduce) {
  (void)range;
  (void)mapper;
  (void)reduce;
  return make_ready_future<Initial>(std::move(initial));
}

}  // namespace seastar
