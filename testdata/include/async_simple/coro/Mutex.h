// Test stand-in for async_simple's <async_simple/coro/Mutex.h>, written for
// corolint's tests: a coroutine-aware mutex.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <mutex>

namespace async_simple::coro {

class Mutex {
 public:
  bool tryLock() noexcept;
  void unlock() noexcept;
  Lazy<> coLock() noexcept;
  [[nodiscard]] Lazy<std::unique_lock<Mutex>> coScopedLock() noexcept;
};

}  // namespace async_simple::coro
