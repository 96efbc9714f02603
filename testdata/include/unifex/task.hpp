// Test stand-in for libunifex's <unifex/task.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <corolint_standin/sender.hpp>

namespace unifex {
namespace _task {

// As upstream, unifex::task<T> is an alias of unifex::_task::_task<T, false>::type.
template <typename T, bool nothrow>
struct _task {
  // Lazy coroutine task that is also a sender; senders can be co_awaited in
  // its body.
  struct type : public corolint_standin::basic_task<T> {
    using corolint_values = corolint_standin::value_tuple_t<T>;

    struct promise_type : corolint_standin::basic_promise<type, T>,
                          corolint_standin::sender_await_transform {};
    using corolint_standin::basic_task<T>::basic_task;

    auto operator co_await() && noexcept { return corolint_standin::awaiter<T>{}; }
  };
};

}  // namespace _task

template <typename T>
using task = typename _task::_task<T, false>::type;
template <typename T>
using nothrow_task = typename _task::_task<T, true>::type;

}  // namespace unifex
