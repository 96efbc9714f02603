// Test stand-in for concurrencpp's <concurrencpp/threads/async_lock.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/executors/executor.h>
#include <concurrencpp/results/lazy_result.h>
#include <concurrencpp/results/promises.h>

#include <memory>
#include <mutex>

namespace concurrencpp {

class scoped_async_lock;

// Async mutex: auto guard = co_await lock.lock(resume_executor);
class async_lock {
 public:
  async_lock() noexcept = default;
  ~async_lock() noexcept = default;
  async_lock(const async_lock&) = delete;
  async_lock& operator=(const async_lock&) = delete;

  lazy_result<scoped_async_lock> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock() {}
};

// RAII owner of an async_lock; unlocks in its destructor.
class scoped_async_lock {
 public:
  scoped_async_lock() noexcept = default;
  scoped_async_lock(scoped_async_lock&& rhs) noexcept
      : m_lock(rhs.m_lock), m_owns(rhs.m_owns) {
    rhs.m_lock = nullptr;
    rhs.m_owns = false;
  }
  scoped_async_lock(async_lock& lock, std::defer_lock_t) noexcept : m_lock(&lock) {}
  scoped_async_lock(async_lock& lock, std::adopt_lock_t) noexcept
      : m_lock(&lock), m_owns(true) {}
  ~scoped_async_lock() noexcept {
    if (m_owns) m_lock->unlock();
  }

  lazy_result<void> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock() {
    if (m_owns) m_lock->unlock();
    m_owns = false;
  }
  bool owns_lock() const noexcept { return m_owns; }
  explicit operator bool() const noexcept { return m_owns; }
  void swap(scoped_async_lock& rhs) noexcept {
    std::swap(m_lock, rhs.m_lock);
    std::swap(m_owns, rhs.m_owns);
  }
  async_lock* release() noexcept {
    m_owns = false;
    return m_lock;
  }
  async_lock* mutex() const noexcept { return m_lock; }

 private:
  async_lock* m_lock = nullptr;
  bool m_owns = false;
};

}  // namespace concurrencpp
