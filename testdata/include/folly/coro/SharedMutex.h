// Test stand-in for folly's <folly/coro/SharedMutex.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <mutex>
#include <shared_mutex>

namespace folly::coro {

// Async reader/writer mutex.
class SharedMutexFair {
 public:
  SharedMutexFair() noexcept = default;
  SharedMutexFair(const SharedMutexFair&) = delete;
  SharedMutexFair& operator=(const SharedMutexFair&) = delete;

  bool try_lock() noexcept { return false; }
  bool try_lock_shared() noexcept { return false; }
  [[nodiscard]] corolint_standin::awaiter<void> co_lock() noexcept { return {}; }
  [[nodiscard]] corolint_standin::awaiter<void> co_lock_shared() noexcept {
    return {};
  }
  [[nodiscard]] corolint_standin::awaiter<std::unique_lock<SharedMutexFair>>
  co_scoped_lock() noexcept {
    return {};
  }
  [[nodiscard]] corolint_standin::awaiter<std::shared_lock<SharedMutexFair>>
  co_scoped_lock_shared() noexcept {
    return {};
  }
  void unlock() noexcept {}
  void unlock_shared() noexcept {}
};

using SharedMutex = SharedMutexFair;

}  // namespace folly::coro
