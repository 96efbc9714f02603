// Test stand-in for folly's <folly/Synchronized.h>, written for corolint's tests.
#pragma once
#include <folly/SharedMutex.h>

#include <mutex>
#include <type_traits>
#include <utility>

namespace folly {

namespace detail {
enum class SynchronizedMutexLevel { Unknown, Unique, Shared, Upgrade };
enum class SynchronizedMutexMethod { Lock, TryLock };

template <class Mutex>
constexpr SynchronizedMutexLevel kSynchronizedMutexLevel =
    requires(Mutex& m) { m.lock_upgrade(); } ? SynchronizedMutexLevel::Upgrade
    : requires(Mutex& m) { m.lock_shared(); } ? SynchronizedMutexLevel::Shared
                                               : SynchronizedMutexLevel::Unique;

template <SynchronizedMutexLevel Level, SynchronizedMutexMethod Method>
struct SynchronizedLockPolicy {
  static constexpr SynchronizedMutexLevel level = Level;
  static constexpr SynchronizedMutexMethod method = Method;
};
using SynchronizedLockPolicyExclusive =
    SynchronizedLockPolicy<SynchronizedMutexLevel::Unique,
                           SynchronizedMutexMethod::Lock>;
using SynchronizedLockPolicyTryExclusive =
    SynchronizedLockPolicy<SynchronizedMutexLevel::Unique,
                           SynchronizedMutexMethod::TryLock>;
using SynchronizedLockPolicyShared =
    SynchronizedLockPolicy<SynchronizedMutexLevel::Shared,
                           SynchronizedMutexMethod::Lock>;
using SynchronizedLockPolicyTryShared =
    SynchronizedLockPolicy<SynchronizedMutexLevel::Shared,
                           SynchronizedMutexMethod::TryLock>;
using SynchronizedLockPolicyUpgrade =
    SynchronizedLockPolicy<SynchronizedMutexLevel::Upgrade,
                           SynchronizedMutexMethod::Lock>;
}  // namespace detail

// RAII pointer to the guarded data; holds the lock until destroyed or
// unlock()ed. Returned by Synchronized's wlock()/rlock()/ulock()/lock().
template <class SynchronizedType, class LockPolicy>
class LockedPtr {
  using DataType = typename std::remove_const_t<SynchronizedType>::DataType;
  using CDataType = std::conditional_t<
      std::is_const_v<SynchronizedType> ||
          LockPolicy::level == detail::SynchronizedMutexLevel::Shared,
      const DataType, DataType>;

 public:
  LockedPtr() = default;
  explicit LockedPtr(SynchronizedType* parent) : parent_(parent) {}
  LockedPtr(LockedPtr&& other) noexcept
      : parent_(std::exchange(other.parent_, nullptr)) {}
  LockedPtr& operator=(LockedPtr&& other) noexcept {
    std::swap(parent_, other.parent_);
    return *this;
  }
  LockedPtr(const LockedPtr&) = delete;
  LockedPtr& operator=(const LockedPtr&) = delete;
  ~LockedPtr() = default;

  bool isNull() const { return parent_ == nullptr; }
  explicit operator bool() const { return parent_ != nullptr; }
  CDataType* operator->() const { return nullptr; }
  CDataType& operator*() const { return *operator->(); }
  void unlock() { parent_ = nullptr; }

 private:
  SynchronizedType* parent_ = nullptr;
};

// As upstream, the lock accessors live in SynchronizedBase, chosen by what
// the mutex supports: wlock()/rlock() for shared mutexes (plus ulock() for
// upgradable ones), lock() for exclusive-only mutexes such as std::mutex.
template <class Subclass, detail::SynchronizedMutexLevel level>
class SynchronizedBase;

template <class Subclass>
class SynchronizedBase<Subclass, detail::SynchronizedMutexLevel::Shared> {
 public:
  using WLockedPtr =
      ::folly::LockedPtr<Subclass, detail::SynchronizedLockPolicyExclusive>;
  using ConstWLockedPtr =
      ::folly::LockedPtr<const Subclass, detail::SynchronizedLockPolicyExclusive>;
  using RLockedPtr =
      ::folly::LockedPtr<Subclass, detail::SynchronizedLockPolicyShared>;
  using ConstRLockedPtr =
      ::folly::LockedPtr<const Subclass, detail::SynchronizedLockPolicyShared>;
  using LockedPtr = WLockedPtr;
  using ConstLockedPtr = ConstRLockedPtr;

  WLockedPtr wlock() { return WLockedPtr(static_cast<Subclass*>(this)); }
  ConstWLockedPtr wlock() const {
    return ConstWLockedPtr(static_cast<const Subclass*>(this));
  }
  RLockedPtr rlock() { return RLockedPtr(static_cast<Subclass*>(this)); }
  ConstRLockedPtr rlock() const {
    return ConstRLockedPtr(static_cast<const Subclass*>(this));
  }
  template <class Function>
  decltype(auto) withWLock(Function&& function) {
    return function(*wlock());
  }
  template <class Function>
  decltype(auto) withRLock(Function&& function) const {
    return function(*rlock());
  }
};

template <class Subclass>
class SynchronizedBase<Subclass, detail::SynchronizedMutexLevel::Upgrade>
    : public SynchronizedBase<Subclass, detail::SynchronizedMutexLevel::Shared> {
 public:
  using UpgradeLockedPtr =
      ::folly::LockedPtr<Subclass, detail::SynchronizedLockPolicyUpgrade>;
  UpgradeLockedPtr ulock() {
    return UpgradeLockedPtr(static_cast<Subclass*>(this));
  }
  template <class Function>
  decltype(auto) withULockPtr(Function&& function) {
    return function(ulock());
  }
};

template <class Subclass>
class SynchronizedBase<Subclass, detail::SynchronizedMutexLevel::Unique> {
 public:
  using LockedPtr =
      ::folly::LockedPtr<Subclass, detail::SynchronizedLockPolicyExclusive>;
  using ConstLockedPtr =
      ::folly::LockedPtr<const Subclass, detail::SynchronizedLockPolicyExclusive>;

  LockedPtr lock() { return LockedPtr(static_cast<Subclass*>(this)); }
  ConstLockedPtr lock() const {
    return ConstLockedPtr(static_cast<const Subclass*>(this));
  }
  template <class Function>
  decltype(auto) withLock(Function&& function) {
    return function(*lock());
  }
};

template <class T, class Mutex = SharedMutex>
struct Synchronized
    : public SynchronizedBase<Synchronized<T, Mutex>,
                              detail::kSynchronizedMutexLevel<Mutex>> {
  using DataType = T;
  using MutexType = Mutex;

  Synchronized() = default;
  explicit Synchronized(const T& value) : datum_(value) {}
  explicit Synchronized(T&& value) : datum_(std::move(value)) {}
  Synchronized(const Synchronized&) = delete;
  Synchronized& operator=(const Synchronized&) = delete;

  T copy() const { return datum_; }
  void swap(T& rhs) { std::swap(datum_, rhs); }
  T exchange(T&& rhs) { return std::exchange(datum_, std::move(rhs)); }
  T& unsafeGetUnlocked() { return datum_; }

 private:
  T datum_{};
  mutable Mutex mutex_;
};

}  // namespace folly
