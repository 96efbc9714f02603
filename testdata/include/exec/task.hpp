// Test stand-in for stdexec's <exec/task.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <stdexec/execution.hpp>

#include <tuple>
#include <type_traits>

namespace exec {

namespace __task {
template <class _Ty>
struct default_task_context {};

// Lazy coroutine task that is also a sender; senders can be co_awaited in
// its body. As upstream, exec::task<T> is an alias: the class is
// exec::__task::basic_task<T, exec::__task::default_task_context<T>>.
template <class _Ty, class _Context>
class basic_task : public corolint_standin::basic_task<_Ty> {
 public:
  using sender_concept = stdexec::sender_t;
  using corolint_values = corolint_standin::value_tuple_t<_Ty>;

  struct promise_type : corolint_standin::basic_promise<basic_task, _Ty>,
                        stdexec::with_awaitable_senders<promise_type> {};
  using corolint_standin::basic_task<_Ty>::basic_task;

  auto operator co_await() && noexcept { return corolint_standin::awaiter<_Ty>{}; }
};
}  // namespace __task

template <class _Ty>
using default_task_context = __task::default_task_context<_Ty>;
template <class _Ty, class _Context = default_task_context<_Ty>>
using basic_task = __task::basic_task<_Ty, _Context>;
template <class _Ty>
using task = basic_task<_Ty, default_task_context<_Ty>>;

}  // namespace exec
