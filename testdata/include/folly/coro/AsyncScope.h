// Test stand-in for folly's <folly/coro/AsyncScope.h>, written for corolint's tests.
#pragma once
#include <folly/Unit.h>
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>

#include <cstddef>

namespace folly::coro {

// Owns detached work. add() takes an awaitable that already has an executor
// (e.g. co_withExecutor(ex, task())); joinAsync()/cleanup() must complete
// before the scope is destroyed.
class AsyncScope {
 public:
  AsyncScope() noexcept = default;
  explicit AsyncScope(bool throwOnJoin) noexcept { (void)throwOnJoin; }
  AsyncScope(const AsyncScope&) = delete;
  AsyncScope& operator=(const AsyncScope&) = delete;
  ~AsyncScope() = default;

  std::size_t remaining() const noexcept { return 0; }

  template <typename Awaitable>
  void add(Awaitable&& awaitable, void* returnAddress = nullptr) {
    (void)awaitable;
    (void)returnAddress;
  }

  Task<void> joinAsync() noexcept;
  SemiFuture<Unit> cleanup() noexcept;
};

class CancellableAsyncScope {
 public:
  CancellableAsyncScope() noexcept = default;
  std::size_t remaining() const noexcept { return 0; }

  template <typename Awaitable>
  void add(Awaitable&& awaitable, void* returnAddress = nullptr) {
    (void)awaitable;
    (void)returnAddress;
  }

  void requestCancellation() const noexcept {}
  bool isScopeCancellationRequested() const noexcept { return false; }
  Task<void> joinAsync() noexcept;
  Task<void> cancelAndJoinAsync() noexcept;
};

}  // namespace folly::coro
