// Test stand-in for Qt's <qmutex.h> (Qt 6 shape: QMutexLocker is a class template), written for corolint's tests.
#pragma once

// Thread-blocking mutexes.
class QBasicMutex {
 public:
  constexpr QBasicMutex() = default;
  void lock() noexcept {}
  void unlock() noexcept {}
  bool tryLock() noexcept { return false; }
  bool try_lock() noexcept { return false; }
};

class QMutex : public QBasicMutex {
 public:
  constexpr QMutex() = default;
  QMutex(const QMutex&) = delete;
  QMutex& operator=(const QMutex&) = delete;
  using QBasicMutex::tryLock;
  bool tryLock(int timeout) noexcept {
    (void)timeout;
    return false;
  }
};

class QRecursiveMutex {
 public:
  QRecursiveMutex() = default;
  QRecursiveMutex(const QRecursiveMutex&) = delete;
  void lock() {}
  void unlock() {}
  bool tryLock(int timeout = 0) {
    (void)timeout;
    return false;
  }
  bool try_lock() { return false; }
};

// RAII lock: QMutexLocker locker(&mutex); (CTAD also accepts Qt 5 style code).
template <typename Mutex>
class QMutexLocker {
 public:
  explicit QMutexLocker(Mutex* mutex) noexcept : m_mutex(mutex), m_isLocked(true) {
    if (m_mutex) m_mutex->lock();
  }
  QMutexLocker(const QMutexLocker&) = delete;
  QMutexLocker& operator=(const QMutexLocker&) = delete;
  ~QMutexLocker() noexcept {
    if (m_isLocked) unlock();
  }

  bool isLocked() const noexcept { return m_isLocked; }
  void unlock() noexcept {
    if (m_mutex) m_mutex->unlock();
    m_isLocked = false;
  }
  void relock() noexcept {
    if (m_mutex) m_mutex->lock();
    m_isLocked = true;
  }
  Mutex* mutex() const { return m_mutex; }

 private:
  Mutex* m_mutex;
  bool m_isLocked;
};
