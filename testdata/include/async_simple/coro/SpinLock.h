// Test stand-in for async_simple's <async_simple/coro/SpinLock.h>, written
// for corolint's tests: lock() spins on the thread, coLock()/coScopedLock()
// are awaited.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <mutex>

namespace async_simple::coro {

class SpinLock {
 public:
  Lazy<> coLock();
  void lock() noexcept;
  bool tryLock() noexcept;
  void unlock() noexcept;
  [[nodiscard]] Lazy<std::unique_lock<SpinLock>> coScopedLock();
};

class ScopedSpinLock {
 public:
  explicit ScopedSpinLock(SpinLock &lock) : _lock(lock) { _lock.lock(); }
  ~ScopedSpinLock() { _lock.unlock(); }

 private:
  SpinLock &_lock;
};

}  // namespace async_simple::coro
