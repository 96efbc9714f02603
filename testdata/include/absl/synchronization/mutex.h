// Test stand-in for abseil's <absl/synchronization/mutex.h>, written for corolint's tests.
// Defers to the real header when one is installed further down the include path.
#pragma once

#if __has_include_next(<absl/synchronization/mutex.h>)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include_next <absl/synchronization/mutex.h>
#pragma GCC diagnostic pop
#else

namespace absl {

class Condition {
 public:
  template <typename T>
  Condition(bool (*func)(T*), T* arg) {
    (void)func;
    (void)arg;
  }
  explicit Condition(const bool* cond) { (void)cond; }
  bool Eval() const { return true; }
};

// Thread-blocking mutex.
class Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;
  ~Mutex() = default;

  void Lock() {}
  void Unlock() {}
  bool TryLock() { return false; }
  void AssertHeld() const {}
  void ReaderLock() {}
  void ReaderUnlock() {}
  bool ReaderTryLock() { return false; }
  void AssertReaderHeld() const {}
  void WriterLock() {}
  void WriterUnlock() {}
  bool WriterTryLock() { return false; }

  // Standard-library style names.
  void lock() {}
  void unlock() {}
  bool try_lock() { return false; }
  void lock_shared() {}
  void unlock_shared() {}
  bool try_lock_shared() { return false; }

  // Blocks until cond holds.
  void Await(const Condition& cond) { (void)cond; }
  void LockWhen(const Condition& cond) { (void)cond; }
  void ReaderLockWhen(const Condition& cond) { (void)cond; }
  void WriterLockWhen(const Condition& cond) { (void)cond; }
};

// RAII exclusive lock.
class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  explicit MutexLock(Mutex& mu) : MutexLock(&mu) {}
  MutexLock(Mutex* mu, const Condition& cond) : mu_(mu) { mu_->LockWhen(cond); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;
  ~MutexLock() { mu_->Unlock(); }

 private:
  Mutex* const mu_;
};

// RAII shared lock.
class ReaderMutexLock {
 public:
  explicit ReaderMutexLock(Mutex* mu) : mu_(mu) { mu_->ReaderLock(); }
  explicit ReaderMutexLock(Mutex& mu) : ReaderMutexLock(&mu) {}
  ReaderMutexLock(const ReaderMutexLock&) = delete;
  ReaderMutexLock& operator=(const ReaderMutexLock&) = delete;
  ~ReaderMutexLock() { mu_->ReaderUnlock(); }

 private:
  Mutex* const mu_;
};

// RAII exclusive lock (writer side).
class WriterMutexLock {
 public:
  explicit WriterMutexLock(Mutex* mu) : mu_(mu) { mu_->WriterLock(); }
  explicit WriterMutexLock(Mutex& mu) : WriterMutexLock(&mu) {}
  WriterMutexLock(const WriterMutexLock&) = delete;
  WriterMutexLock& operator=(const WriterMutexLock&) = delete;
  ~WriterMutexLock() { mu_->WriterUnlock(); }

 private:
  Mutex* const mu_;
};

class CondVar {
 public:
  CondVar() = default;
  CondVar(const CondVar&) = delete;
  // Blocks the calling thread.
  void Wait(Mutex* mu) { (void)mu; }
  void Signal() {}
  void SignalAll() {}
};

}  // namespace absl

#endif
