// Test stand-in for seastar's <seastar/coroutine/as_future.hh>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <seastar/core/future.hh>

#include <utility>

namespace seastar::coroutine {

// future<T> f = co_await as_future(std::move(fut)); never throws.
template <typename T = void>
class [[nodiscard]] as_future {
 public:
  explicit as_future(seastar::future<T>&& f) noexcept { (void)f; }
  corolint_standin::awaiter<seastar::future<T>> operator co_await() && noexcept {
    return {};
  }
};

}  // namespace seastar::coroutine
