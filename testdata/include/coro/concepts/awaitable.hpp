// Test stand-in for libcoro's <coro/concepts/awaitable.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace coro::concepts {

template <typename type>
concept awaitable = corolint_standin::awaitable<type>;

template <awaitable awaitable>
struct awaitable_traits {
  using awaiter_type = corolint_standin::awaiter_t<awaitable>;
  using awaiter_return_type = corolint_standin::await_result_t<awaitable>;
};

}  // namespace coro::concepts
