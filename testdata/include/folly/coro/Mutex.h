// Test stand-in for folly's <folly/coro/Mutex.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <folly/coro/Coroutine.h>

#include <mutex>

namespace folly::coro {

// Async mutex. co_await m.co_lock() (then m.unlock()), or
// std::unique_lock<Mutex> lock = co_await m.co_scoped_lock();
class Mutex {
  class LockAwaiter {
   public:
    explicit LockAwaiter(Mutex& mutex) noexcept : mutex_(mutex) {}
    bool await_ready() noexcept { return mutex_.try_lock(); }
    bool await_suspend(coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}

   protected:
    Mutex& mutex_;
  };
  class ScopedLockAwaiter : public LockAwaiter {
   public:
    using LockAwaiter::LockAwaiter;
    std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>{mutex_, std::adopt_lock};
    }
  };
  // Upstream this is awaitable inside folly coroutines via viaIfAsync.
  template <typename Awaiter>
  class LockOperation {
   public:
    explicit LockOperation(Mutex& mutex) noexcept : mutex_(mutex) {}
    Awaiter operator co_await() const noexcept { return Awaiter{mutex_}; }

   private:
    Mutex& mutex_;
  };

 public:
  Mutex() noexcept = default;
  Mutex(const Mutex&) = delete;
  Mutex(Mutex&&) = delete;
  Mutex& operator=(const Mutex&) = delete;
  Mutex& operator=(Mutex&&) = delete;
  ~Mutex() = default;

  bool try_lock() noexcept { return false; }
  [[nodiscard]] LockOperation<ScopedLockAwaiter> co_scoped_lock() noexcept {
    return LockOperation<ScopedLockAwaiter>{*this};
  }
  [[nodiscard]] LockOperation<LockAwaiter> co_lock() noexcept {
    return LockOperation<LockAwaiter>{*this};
  }
  void unlock() noexcept {}
};

}  // namespace folly::coro
