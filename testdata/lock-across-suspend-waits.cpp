// CHECKS: coro-lock-across-suspend
// Awaits that are not "lock held across a suspension": a condition-variable
// wait that releases the lock it is given, guards an await hands over (taken
// without blocking), and guards moved into the awaited call. The shapes come
// from async_simple's and libcoro's own code (corpus false alarms).
#include <async_simple/coro/ConditionVariable.h>
#include <async_simple/coro/Mutex.h>
#include <async_simple/coro/SpinLock.h>
#include <mutex>

using async_simple::coro::ConditionVariable;
using async_simple::coro::Lazy;
using async_simple::coro::SpinLock;

Lazy<> sleepABit();

struct Queue {
  SpinLock mutex;
  ConditionVariable<SpinLock> cv;
  int items = 0;

  // A guard built on the spin lock by hand, then a wait that releases it.
  Lazy<> pop() {
    std::unique_lock lk(mutex);
    co_await cv.wait(mutex, [&] { return items > 0; });
    --items;
  }

  // The same guard across another await is held.
  Lazy<> popThenSleep() {
    std::unique_lock lk(mutex); // expect-warning: 'lk' (std::unique_lock<async_simple::coro::SpinLock>) is held across a suspension point [coro-lock-across-suspend]
    co_await cv.wait(mutex, [&] { return items > 0; });
    --items;
    co_await sleepABit(); // expect-note: coroutine may suspend here
  }

  // A guard on another mutex is not released by this wait.
  SpinLock other;
  Lazy<> waitHoldingOther() {
    std::unique_lock lk(other); // expect-warning: 'lk' (std::unique_lock<async_simple::coro::SpinLock>) is held [coro-lock-across-suspend]
    co_await cv.wait(mutex, [&] { return items > 0; }); // expect-note: coroutine may suspend here
  }

  // The spin lock's synchronous guard held across an unrelated await.
  Lazy<> scopedSpin() {
    async_simple::coro::ScopedSpinLock guard(mutex); // expect-warning: 'guard' (async_simple::coro::ScopedSpinLock) is held [coro-lock-across-suspend]
    co_await sleepABit(); // expect-note: coroutine may suspend here
  }
};

// Guards handed over by an await: the lock was taken without blocking.
Lazy<> latchWait(SpinLock &mutex, ConditionVariable<SpinLock> &cv, int &count) {
  auto lk = co_await mutex.coScopedLock();
  co_await cv.wait(mutex, [&] { return count == 0; });
}

async_simple::coro::Mutex am;
Lazy<> heldCoroutineMutex() {
  auto scopedLock = co_await am.coScopedLock();
  co_await sleepABit();
}

std::mutex m;
Lazy<> assignedGuard() {
  std::unique_lock<std::mutex> lk;
  co_await sleepABit();
  lk = std::unique_lock<std::mutex>(m); // expect-warning: 'lk' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  co_await sleepABit(); // expect-note: coroutine may suspend here
}

// A guard moved into the awaited operation is the operation's.
Lazy<> consume(std::unique_lock<std::mutex> lk);
Lazy<> movedIntoAwait() {
  std::unique_lock lk(m);
  co_await consume(std::move(lk));
  co_await sleepABit();
}

// An awaiter built with the guard itself, which it stores: it takes the lock
// over and releases it once the coroutine is queued (concurrencpp's
// async_lock: `co_await async_lock_awaiter(*this, lock)`).
struct lock_awaiter {
  lock_awaiter(std::mutex &owner, std::unique_lock<std::mutex> &lock)
      : owner(owner), held(std::move(lock)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) { held.unlock(); }
  void await_resume() const noexcept {}
  std::mutex &owner;
  std::unique_lock<std::mutex> held;
};
// An awaiter that only looks at the guard does not take it.
struct peek_awaiter {
  explicit peek_awaiter(const std::unique_lock<std::mutex> &lock) : owns(lock.owns_lock()) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const noexcept {}
  bool owns;
};

Lazy<> lockSlowPath(bool &locked) {
  while (true) {
    std::unique_lock<std::mutex> lock(m);
    if (!locked) {
      locked = true;
      break;
    }
    co_await lock_awaiter(m, lock);
  }
}

Lazy<> peekWhileHolding() {
  std::unique_lock<std::mutex> lock(m); // expect-warning: 'lock' (std::unique_lock<std::mutex>) is held [coro-lock-across-suspend]
  co_await peek_awaiter(lock); // expect-note: coroutine may suspend here
}
