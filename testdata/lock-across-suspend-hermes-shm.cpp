// CHECKS: coro-lock-across-suspend
// hermes_shm's spinning locks (rules/hermes-shm.json): its Scoped* guards,
// its locks taken and released by hand with Lock()/ReadLock()/WriteLock(),
// and a project's own guard that wraps one of the library's guards.
#include "corolint_task.hpp"
#include <hermes_shm/thread/lock/mutex.h>
#include <hermes_shm/thread/lock/rwlock.h>

using testing_task::task;

task<int> fetch();

hshm::Mutex mu;
hshm::RwLock rw;

task<int> scoped_mutex_held() {
  hshm::ScopedMutex lock(mu, 0); // expect-warning: 'lock' (hshm::ScopedMutex) is held across a suspension point [coro-lock-across-suspend]
  co_return co_await fetch(); // expect-note: coroutine may suspend here
}

task<int> write_guard_held() {
  hshm::ScopedRwWriteLock lock(rw, 0); // expect-warning: 'lock' (hshm::ScopedRwWriteLock) is held across a suspension point [coro-lock-across-suspend]
  int v = co_await fetch(); // expect-note: coroutine may suspend here
  co_return v;
}

task<int> read_locked_by_hand() {
  rw.ReadLock(0); // expect-warning: 'rw' (hshm::RwLock) is held [coro-lock-across-suspend]
  int v = co_await fetch(); // expect-note: coroutine may suspend here
  rw.ReadUnlock();
  co_return v;
}

// A project's guard whose only member is the library's guard.
struct TableReadLock {
  hshm::ScopedRwReadLock inner_;
  explicit TableReadLock(hshm::RwLock &l) : inner_(l, 0) {}
};

task<int> wrapped_guard_held() {
  TableReadLock lock(rw); // expect-warning: 'lock' (TableReadLock) is held across a suspension point [coro-lock-across-suspend]
  co_return co_await fetch(); // expect-note: coroutine may suspend here
}

// Negatives: the lock ends before the await.
task<int> scoped_before_await() {
  {
    hshm::ScopedRwReadLock lock(rw, 0);
  }
  co_return co_await fetch();
}

task<int> unlocked_by_hand_before_await() {
  mu.Lock(0);
  mu.Unlock();
  co_return co_await fetch();
}

task<int> write_unlocked_before_await() {
  rw.WriteLock(0);
  rw.WriteUnlock();
  int v = co_await fetch();
  co_return v;
}

// A wrapper constructed without taking the lock is no guard.
struct LazyTableLock {
  hshm::RwLock *lock_ = nullptr;
  explicit LazyTableLock(hshm::RwLock &l) : lock_(&l) {}
};

task<int> lazy_wrapper() {
  LazyTableLock lock(rw);
  co_return co_await fetch();
}
