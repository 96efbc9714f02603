// Test stand-in for libcoro's <coro/mutex.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <coroutine>

// libcoro v0.15+: co_await m.scoped_lock() -> coro::scoped_lock, and
// co_await m.lock() -> void (caller must unlock()). In v0.14 and earlier
// lock() itself produced the coro::scoped_lock; define
// COROLINT_LIBCORO_LEGACY_MUTEX to get that API instead.

namespace coro {

class mutex;

// Unlocks the mutex when destroyed.
class scoped_lock {
  friend class coro::mutex;

 public:
  enum class lock_strategy {
    // The lock is already acquired, adopt it as the new owner.
    adopt
  };

  explicit scoped_lock(class coro::mutex& m,
                       lock_strategy strategy = lock_strategy::adopt)
      : m_mutex(&m) {
    (void)strategy;
  }
  ~scoped_lock();
  scoped_lock(const scoped_lock&) = delete;
  scoped_lock(scoped_lock&& other) noexcept : m_mutex(other.m_mutex) {
    other.m_mutex = nullptr;
  }
  auto operator=(const scoped_lock&) -> scoped_lock& = delete;
  auto operator=(scoped_lock&& other) noexcept -> scoped_lock& {
    m_mutex = other.m_mutex;
    other.m_mutex = nullptr;
    return *this;
  }
  auto unlock() -> void;

 private:
  class coro::mutex* m_mutex{nullptr};
};

namespace detail {
struct lock_operation_base {
  explicit lock_operation_base(coro::mutex& m) : m_mutex(m) {}
  auto await_ready() const noexcept -> bool { return false; }
  auto await_suspend(std::coroutine_handle<>) noexcept -> bool { return true; }

 protected:
  coro::mutex& m_mutex;
};

template <typename return_type>
struct lock_operation : public lock_operation_base {
  explicit lock_operation(coro::mutex& m) : lock_operation_base(m) {}
  auto await_resume() noexcept -> return_type {
    if constexpr (std::is_same_v<return_type, coro::scoped_lock>)
      return coro::scoped_lock{m_mutex};
  }
};
}  // namespace detail

class mutex {
 public:
  explicit mutex() noexcept = default;
  mutex(const mutex&) = delete;
  mutex(mutex&&) = delete;
  auto operator=(const mutex&) -> mutex& = delete;
  auto operator=(mutex&&) -> mutex& = delete;

#ifdef COROLINT_LIBCORO_LEGACY_MUTEX
  [[nodiscard]] auto lock() -> detail::lock_operation<coro::scoped_lock> {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
#else
  [[nodiscard]] auto scoped_lock() -> detail::lock_operation<coro::scoped_lock> {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
  [[nodiscard]] auto lock() -> detail::lock_operation<void> {
    return detail::lock_operation<void>{*this};
  }
#endif
  [[nodiscard]] auto try_lock() -> bool { return false; }
  auto unlock() -> void {}
};

inline scoped_lock::~scoped_lock() { unlock(); }
inline auto scoped_lock::unlock() -> void {
  if (m_mutex != nullptr) {
    m_mutex->unlock();
    m_mutex = nullptr;
  }
}

}  // namespace coro
