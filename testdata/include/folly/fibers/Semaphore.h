// Test stand-in for folly's <folly/fibers/Semaphore.h>, written for corolint's tests.
#pragma once
#include <folly/coro/Task.h>

#include <cstddef>

namespace folly::fibers {

// A counting semaphore usable from threads, fibers and coroutines:
// co_await sem.co_wait() takes a token, signal() returns it.
class Semaphore {
 public:
  explicit Semaphore(std::size_t tokenCount) { (void)tokenCount; }
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  void signal() {}
  bool try_wait() { return false; }
  void wait() {}  // blocks the thread (or fiber) until a token is free
  folly::coro::Task<void> co_wait() { co_return; }
  std::size_t getCapacity() const { return 0; }
};

}  // namespace folly::fibers
