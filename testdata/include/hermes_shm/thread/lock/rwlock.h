// Stand-in for hermes_shm's reader-writer lock (iowarp
// context-transport-primitives, hermes_shm/thread/lock/rwlock.h), for
// corolint's tests: a spinning lock that yields the thread while it waits,
// and its scoped guards.
#pragma once
#include <atomic>
#include <cstdint>

namespace hshm {

struct RwLock {
  std::atomic<int> readers_{0};
  std::atomic<int> writers_{0};
  void ReadLock(uint32_t owner) { (void)owner; readers_.fetch_add(1); }
  void ReadUnlock() { readers_.fetch_sub(1); }
  void WriteLock(uint32_t owner) { (void)owner; writers_.fetch_add(1); }
  void WriteUnlock() { writers_.fetch_sub(1); }
};

struct ScopedRwReadLock {
  RwLock &lock_;
  bool is_locked_ = false;
  explicit ScopedRwReadLock(RwLock &lock, uint32_t owner) : lock_(lock) { Lock(owner); }
  ~ScopedRwReadLock() { Unlock(); }
  void Lock(uint32_t owner) {
    if (!is_locked_) {
      lock_.ReadLock(owner);
      is_locked_ = true;
    }
  }
  void Unlock() {
    if (is_locked_) {
      lock_.ReadUnlock();
      is_locked_ = false;
    }
  }
};

struct ScopedRwWriteLock {
  RwLock &lock_;
  bool is_locked_ = false;
  explicit ScopedRwWriteLock(RwLock &lock, uint32_t owner) : lock_(lock) { Lock(owner); }
  ~ScopedRwWriteLock() { Unlock(); }
  void Lock(uint32_t owner) {
    if (!is_locked_) {
      lock_.WriteLock(owner);
      is_locked_ = true;
    }
  }
  void Unlock() {
    if (is_locked_) {
      lock_.WriteUnlock();
      is_locked_ = false;
    }
  }
};

} // namespace hshm
