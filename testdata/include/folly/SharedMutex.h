// Test stand-in for folly's <folly/SharedMutex.h>, written for corolint's tests.
#pragma once
#include <chrono>

namespace folly {

// Thread-blocking reader/writer mutex with upgrade support.
template <bool ReaderPriority, typename Tag_ = void,
          bool BlockImmediately = false>
class SharedMutexImpl {
 public:
  constexpr SharedMutexImpl() noexcept = default;
  SharedMutexImpl(const SharedMutexImpl&) = delete;
  SharedMutexImpl& operator=(const SharedMutexImpl&) = delete;

  void lock() {}
  bool try_lock() { return false; }
  void unlock() {}
  void lock_shared() {}
  bool try_lock_shared() { return false; }
  void unlock_shared() {}
  void lock_upgrade() {}
  void unlock_upgrade() {}
  void unlock_upgrade_and_lock() {}
  void unlock_and_lock_upgrade() {}
  void unlock_and_lock_shared() {}
  void unlock_upgrade_and_lock_shared() {}
};

using SharedMutexReadPriority = SharedMutexImpl<true>;
using SharedMutexWritePriority = SharedMutexImpl<false>;
using SharedMutex = SharedMutexWritePriority;

}  // namespace folly
