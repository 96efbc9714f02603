// Test stand-in for cppcoro's <cppcoro/async_mutex.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <mutex>

namespace cppcoro {

class async_mutex;

// RAII owner of a locked async_mutex; unlocks in its destructor.
class async_mutex_lock {
 public:
  explicit async_mutex_lock(async_mutex& mutex, std::adopt_lock_t) noexcept
      : mutex_(&mutex) {}
  async_mutex_lock(async_mutex_lock&& other) noexcept
      : mutex_(other.mutex_) {
    other.mutex_ = nullptr;
  }
  async_mutex_lock(const async_mutex_lock&) = delete;
  async_mutex_lock& operator=(const async_mutex_lock&) = delete;
  ~async_mutex_lock();

 private:
  async_mutex* mutex_;
};

// co_await mutex.lock_async(): the caller must call unlock() later.
class async_mutex_lock_operation {
 public:
  explicit async_mutex_lock_operation(async_mutex& mutex) noexcept
      : mutex_(mutex) {}
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() const noexcept {}

 protected:
  async_mutex& mutex_;
};

// co_await mutex.scoped_lock_async(): produces an async_mutex_lock.
class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
 public:
  using async_mutex_lock_operation::async_mutex_lock_operation;
  [[nodiscard]] async_mutex_lock await_resume() const noexcept {
    return async_mutex_lock(mutex_, std::adopt_lock);
  }
};

class async_mutex {
 public:
  async_mutex() noexcept = default;
  async_mutex(const async_mutex&) = delete;
  async_mutex& operator=(const async_mutex&) = delete;
  ~async_mutex() = default;

  bool try_lock() noexcept { return false; }
  async_mutex_lock_operation lock_async() noexcept {
    return async_mutex_lock_operation(*this);
  }
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept {
    return async_mutex_scoped_lock_operation(*this);
  }
  void unlock() {}
};

inline async_mutex_lock::~async_mutex_lock() {
  if (mutex_ != nullptr) mutex_->unlock();
}

}  // namespace cppcoro
