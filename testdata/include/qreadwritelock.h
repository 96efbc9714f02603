// Test stand-in for Qt's <qreadwritelock.h>, written for corolint's tests.
#pragma once

// Thread-blocking reader/writer lock.
class QReadWriteLock {
 public:
  enum RecursionMode { NonRecursive, Recursive };
  explicit QReadWriteLock(RecursionMode recursionMode = NonRecursive) { (void)recursionMode; }
  QReadWriteLock(const QReadWriteLock&) = delete;
  void lockForRead() {}
  void lockForWrite() {}
  bool tryLockForRead() { return false; }
  bool tryLockForWrite() { return false; }
  void unlock() {}
};

class QReadLocker {
 public:
  explicit QReadLocker(QReadWriteLock* lock) : m_lock(lock) { m_lock->lockForRead(); }
  QReadLocker(const QReadLocker&) = delete;
  ~QReadLocker() { unlock(); }
  void unlock() {
    if (m_lock) m_lock->unlock();
    m_lock = nullptr;
  }
  void relock() {}
  QReadWriteLock* readWriteLock() const { return m_lock; }

 private:
  QReadWriteLock* m_lock;
};

class QWriteLocker {
 public:
  explicit QWriteLocker(QReadWriteLock* lock) : m_lock(lock) { m_lock->lockForWrite(); }
  QWriteLocker(const QWriteLocker&) = delete;
  ~QWriteLocker() { unlock(); }
  void unlock() {
    if (m_lock) m_lock->unlock();
    m_lock = nullptr;
  }
  void relock() {}
  QReadWriteLock* readWriteLock() const { return m_lock; }

 private:
  QReadWriteLock* m_lock;
};
