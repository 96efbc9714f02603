// Test stand-in for seastar's <seastar/coroutine/parallel_for_each.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <seastar/core/coroutine.hh>

#include <ranges>

namespace seastar::coroutine {

// co_await parallel_for_each(range, [] (auto& x) -> future<> { ... });
template <typename Func>
class [[nodiscard("must co_await a parallel_for_each() object")]] parallel_for_each {
 public:
  template <typename Iterator, typename Sentinel>
  parallel_for_each(Iterator begin, Sentinel end, Func&& func) noexcept {
    (void)begin;
    (void)end;
    (void)func;
  }
  template <std::ranges::range Range>
  parallel_for_each(Range&& range, Func&& func) noexcept {
    (void)range;
    (void)func;
  }
  corolint_standin::awaiter<void> operator co_await() { return {}; }
};

template <typename Iterator, typename Sentinel, typename Func>
parallel_for_each(Iterator, Sentinel, Func&&) -> parallel_for_each<Func>;
template <std::ranges::range Range, typename Func>
parallel_for_each(Range&&, Func&&) -> parallel_for_each<Func>;

}  // namespace seastar::coroutine
