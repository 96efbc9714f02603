// Test stand-in for KJ's <kj/mutex.h> (Cap'n Proto), written for corolint's
// tests: MutexGuarded<T>::lockExclusive() returns a Locked<T> that unlocks
// when destroyed.
#pragma once

namespace kj {
namespace _ {
class Mutex {
 public:
  enum Exclusivity { EXCLUSIVE, SHARED };
  bool lock(Exclusivity exclusivity);
  void unlock(Exclusivity exclusivity);
};
}  // namespace _

template <typename T>
class Locked {
 public:
  Locked() : mutex(nullptr), ptr(nullptr) {}
  Locked(Locked &&other) noexcept : mutex(other.mutex), ptr(other.ptr) {
    other.mutex = nullptr;
    other.ptr = nullptr;
  }
  ~Locked() {
    if (mutex != nullptr) mutex->unlock(_::Mutex::EXCLUSIVE);
  }
  void release() {
    if (mutex != nullptr) mutex->unlock(_::Mutex::EXCLUSIVE);
    mutex = nullptr;
  }
  T *operator->() { return ptr; }
  T &operator*() { return *ptr; }

 private:
  _::Mutex *mutex;
  T *ptr;
  Locked(_::Mutex &m, T &value) : mutex(&m), ptr(&value) {}
  template <typename U> friend class MutexGuarded;
};

template <typename T>
class MutexGuarded {
 public:
  Locked<T> lockExclusive() const;
  Locked<const T> lockShared() const;
};

}  // namespace kj
