// Test stand-in for folly's <folly/coro/CurrentExecutor.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/Executor.h>

namespace folly::coro {

namespace detail {
struct co_current_executor_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_executor_(secret_) {}
  // Upstream this is handled by Task's await_transform.
  corolint_standin::awaiter<folly::Executor*> operator co_await() const noexcept {
    return {};
  }
};
class co_reschedule_on_current_executor_ {
 public:
  corolint_standin::awaiter<void> operator co_await() const noexcept { return {}; }
};
}  // namespace detail

using co_current_executor_t = detail::co_current_executor_;
// Executor* e = co_await folly::coro::co_current_executor;
inline constexpr co_current_executor_t co_current_executor{
    co_current_executor_t::secret_::token_};

using co_reschedule_on_current_executor_t =
    detail::co_reschedule_on_current_executor_;
// co_await folly::coro::co_reschedule_on_current_executor; yields to the
// executor so that other work can run.
inline constexpr co_reschedule_on_current_executor_t
    co_reschedule_on_current_executor;

}  // namespace folly::coro
