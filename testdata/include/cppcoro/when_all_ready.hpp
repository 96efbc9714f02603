// Test stand-in for cppcoro's <cppcoro/when_all_ready.hpp>, written for corolint's tests.
#pragma once
#include <cppcoro/awaitable_traits.hpp>

#include <tuple>
#include <vector>

namespace cppcoro {
namespace detail {

struct void_value {};

template <typename RESULT>
class when_all_task {
 public:
  decltype(auto) result() & {
    return corolint_standin::unreachable<std::add_lvalue_reference_t<RESULT>>();
  }
  decltype(auto) result() && {
    return corolint_standin::unreachable<std::add_rvalue_reference_t<RESULT>>();
  }
  decltype(auto) non_void_result() & {
    return corolint_standin::unreachable<
        std::add_lvalue_reference_t<corolint_standin::void_to_t<RESULT, void_value>>>();
  }
};

template <typename TASK_CONTAINER>
class when_all_ready_awaitable
    : public corolint_standin::awaiter<TASK_CONTAINER> {};

template <typename A>
using await_result_t = typename awaitable_traits<A>::await_result_t;

}  // namespace detail

// Waits for every awaitable; never throws, results are read per task.
template <typename... AWAITABLES>
[[nodiscard]] auto when_all_ready(AWAITABLES&&... awaitables)
    -> detail::when_all_ready_awaitable<std::tuple<
        detail::when_all_task<detail::await_result_t<AWAITABLES&&>>...>> {
  ((void)awaitables, ...);
  return {};
}

template <typename AWAITABLE,
          typename RESULT = detail::await_result_t<AWAITABLE&>>
[[nodiscard]] auto when_all_ready(std::vector<AWAITABLE> awaitables)
    -> detail::when_all_ready_awaitable<
        std::vector<detail::when_all_task<RESULT>>> {
  (void)awaitables;
  return {};
}

}  // namespace cppcoro
