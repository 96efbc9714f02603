// Stand-in for hermes_shm's mutex (hermes_shm/thread/lock/mutex.h), for
// corolint's tests.
#pragma once
#include <atomic>
#include <cstdint>

namespace hshm {

struct Mutex {
  std::atomic<uint32_t> lock_{0};
  void Lock(uint32_t owner) { (void)owner; lock_.store(1); }
  bool TryLock(uint32_t owner) { (void)owner; return lock_.exchange(1) == 0; }
  void Unlock() { lock_.store(0); }
};

struct ScopedMutex {
  Mutex &lock_;
  bool is_locked_ = false;
  explicit ScopedMutex(Mutex &lock, uint32_t owner) : lock_(lock) { Lock(owner); }
  ~ScopedMutex() { Unlock(); }
  void Lock(uint32_t owner) {
    if (!is_locked_) {
      lock_.Lock(owner);
      is_locked_ = true;
    }
  }
  void Unlock() {
    if (is_locked_) {
      lock_.Unlock();
      is_locked_ = false;
    }
  }
};

} // namespace hshm
