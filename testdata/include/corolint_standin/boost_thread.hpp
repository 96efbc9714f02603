// Test stand-in for Boost.Thread's mutexes and locks, used by testdata/include/boost/thread/*.hpp only when the real Boost.Thread headers are not installed; written for corolint's tests.
#pragma once

namespace boost {

struct defer_lock_t {};
struct try_to_lock_t {};
struct adopt_lock_t {};
constexpr defer_lock_t defer_lock{};
constexpr try_to_lock_t try_to_lock{};
constexpr adopt_lock_t adopt_lock{};

template <typename Mutex>
class unique_lock;
template <typename Mutex>
class lock_guard;

// Thread-blocking mutexes.
class mutex {
 public:
  mutex() = default;
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;
  void lock() {}
  void unlock() {}
  bool try_lock() { return false; }
  using scoped_lock = unique_lock<mutex>;
  using scoped_try_lock = unique_lock<mutex>;
};
using try_mutex = mutex;

class recursive_mutex {
 public:
  recursive_mutex() = default;
  recursive_mutex(const recursive_mutex&) = delete;
  void lock() {}
  void unlock() {}
  bool try_lock() { return false; }
  using scoped_lock = unique_lock<recursive_mutex>;
};

class shared_mutex {
 public:
  shared_mutex() = default;
  shared_mutex(const shared_mutex&) = delete;
  void lock() {}
  void unlock() {}
  bool try_lock() { return false; }
  void lock_shared() {}
  void unlock_shared() {}
  bool try_lock_shared() { return false; }
  void lock_upgrade() {}
  void unlock_upgrade() {}
};

template <typename Mutex>
class lock_guard {
 public:
  explicit lock_guard(Mutex& m) : m_(m) { m_.lock(); }
  lock_guard(Mutex& m, adopt_lock_t) : m_(m) {}
  lock_guard(const lock_guard&) = delete;
  lock_guard& operator=(const lock_guard&) = delete;
  ~lock_guard() { m_.unlock(); }

 private:
  Mutex& m_;
};

template <typename Mutex>
class unique_lock {
 public:
  unique_lock() noexcept = default;
  explicit unique_lock(Mutex& m) : m_(&m), owns_(true) { m.lock(); }
  unique_lock(Mutex& m, defer_lock_t) noexcept : m_(&m) {}
  unique_lock(Mutex& m, try_to_lock_t) : m_(&m), owns_(m.try_lock()) {}
  unique_lock(Mutex& m, adopt_lock_t) : m_(&m), owns_(true) {}
  unique_lock(unique_lock&& other) noexcept : m_(other.m_), owns_(other.owns_) {
    other.m_ = nullptr;
    other.owns_ = false;
  }
  unique_lock(const unique_lock&) = delete;
  unique_lock& operator=(const unique_lock&) = delete;
  ~unique_lock() {
    if (owns_) m_->unlock();
  }

  void lock() {
    m_->lock();
    owns_ = true;
  }
  bool try_lock() { return owns_ = m_->try_lock(); }
  void unlock() {
    m_->unlock();
    owns_ = false;
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  Mutex* mutex() const noexcept { return m_; }
  Mutex* release() noexcept {
    owns_ = false;
    return m_;
  }

 private:
  Mutex* m_ = nullptr;
  bool owns_ = false;
};

template <typename Mutex>
class shared_lock {
 public:
  explicit shared_lock(Mutex& m) : m_(&m), owns_(true) { m.lock_shared(); }
  shared_lock(Mutex& m, defer_lock_t) noexcept : m_(&m) {}
  shared_lock(shared_lock&& other) noexcept : m_(other.m_), owns_(other.owns_) {
    other.m_ = nullptr;
    other.owns_ = false;
  }
  shared_lock(const shared_lock&) = delete;
  ~shared_lock() {
    if (owns_) m_->unlock_shared();
  }
  void lock() {
    m_->lock_shared();
    owns_ = true;
  }
  void unlock() {
    m_->unlock_shared();
    owns_ = false;
  }
  bool owns_lock() const noexcept { return owns_; }

 private:
  Mutex* m_ = nullptr;
  bool owns_ = false;
};

}  // namespace boost
