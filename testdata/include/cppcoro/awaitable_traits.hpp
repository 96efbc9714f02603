// Test stand-in for cppcoro's <cppcoro/awaitable_traits.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace cppcoro {

template <typename T, typename = void>
struct awaitable_traits {};

template <typename T>
struct awaitable_traits<T, std::void_t<corolint_standin::await_result_t<T>>> {
  using awaiter_t = corolint_standin::awaiter_t<T>;
  using await_result_t = corolint_standin::await_result_t<T>;
};

}  // namespace cppcoro
