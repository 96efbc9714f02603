// CHECKS: coro-lock-across-suspend
// Guard types no catalog names: inferred from their constructor and
// destructor, or from clang's thread-safety annotations.
#include "corolint_task.hpp"
#include <coro/mutex.hpp>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>

using testing_task::task;

task<> step();
std::mutex m;
std::shared_mutex sm;
pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;
coro::mutex am;

namespace app {

// The project's own guard: locks a std::mutex it refers to, unlocks it on
// destruction.
class Guard {
public:
  explicit Guard(std::mutex &mu) : mu_(mu) { mu_.lock(); }
  ~Guard() { mu_.unlock(); }
  Guard(const Guard &) = delete;

private:
  std::mutex &mu_;
};

// Through a pointer, a shared lock, and the class's own helpers.
class ReadGuard {
public:
  explicit ReadGuard(std::shared_mutex *mu) : mu_(mu) { take(); }
  ~ReadGuard() { give(); }

private:
  void take() { mu_->lock_shared(); }
  void give() { mu_->unlock_shared(); }
  std::shared_mutex *mu_;
};

// A guard over a pthread mutex.
struct PthreadGuard {
  explicit PthreadGuard(pthread_mutex_t *p) : p_(p) { pthread_mutex_lock(p_); }
  ~PthreadGuard() { pthread_mutex_unlock(p_); }
  pthread_mutex_t *p_;
};

// A template guard over any lockable (std::lock_guard's shape).
template <typename Mutex> class BasicGuard {
public:
  explicit BasicGuard(Mutex &mu) : mu_(mu) { mu_.lock(); }
  ~BasicGuard() { mu_.unlock(); }

private:
  Mutex &mu_;
};

// Holds a catalogued guard as a member.
struct Transaction {
  explicit Transaction(std::mutex &mu) : lock(mu) {}
  std::unique_lock<std::mutex> lock;
  int changes = 0;
};

// A user's own mutex type (lock() returns at once) and a guard over it.
class SpinLock {
public:
  void lock();
  bool try_lock();
  void unlock();
};
class SpinGuard {
public:
  explicit SpinGuard(SpinLock &s) : s_(s) { s_.lock(); }
  ~SpinGuard() { s_.unlock(); }

private:
  SpinLock &s_;
};

// clang's thread-safety annotations: a scoped_lockable guard the catalog
// does not name, whose constructor is only declared here.
class __attribute__((capability("mutex"))) AnnotatedMutex {
public:
  void Acquire() __attribute__((acquire_capability()));
  void Release() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) AnnotatedLock {
public:
  explicit AnnotatedLock(AnnotatedMutex *mu) __attribute__((acquire_capability(mu)));
  ~AnnotatedLock() __attribute__((release_capability()));
};
void lockBoth(AnnotatedMutex *a) __attribute__((acquire_capability(a)));
void unlockBoth(AnnotatedMutex *a) __attribute__((release_capability(a)));

// --- Look-alikes that are not guards ---------------------------------------

// The constructor does not lock (it only remembers the mutex).
class Watcher {
public:
  explicit Watcher(std::mutex &mu) : mu_(mu) {}
  ~Watcher() { mu_.unlock(); }

private:
  std::mutex &mu_;
};

// Unlocks for its lifetime: the reverse of a guard.
class Unlocker {
public:
  explicit Unlocker(std::mutex &mu) : mu_(mu) { mu_.unlock(); }
  ~Unlocker() { mu_.lock(); }

private:
  std::mutex &mu_;
};

// Over a coroutine-aware mutex: libcoro's coro::mutex is catalogued as one.
class AsyncHolder {
public:
  explicit AsyncHolder(coro::mutex &mu) : mu_(mu) { (void)mu_.try_lock(); }
  ~AsyncHolder() { mu_.unlock(); }

private:
  coro::mutex &mu_;
};

// Over a mutex whose lock() is an awaitable: coroutine-aware by its shape.
struct LockAwaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
class EventMutex {
public:
  LockAwaiter lock();
  void unlock();
};
class EventHolder {
public:
  explicit EventHolder(EventMutex &mu) : mu_(mu) { mu_.lock(); }
  ~EventHolder() { mu_.unlock(); }

private:
  EventMutex &mu_;
};

} // namespace app

app::AnnotatedMutex amu;
app::SpinLock spin;
app::EventMutex evm;

// --- Reported ---------------------------------------------------------------

task<> own_guard() {
  app::Guard g(m); // expect-warning: 'g' (app::Guard) is held across a suspension point [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> own_read_guard() {
  app::ReadGuard r(&sm); // expect-warning: 'r' (app::ReadGuard) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> own_pthread_guard() {
  app::PthreadGuard g(&pm); // expect-warning: 'g' (app::PthreadGuard) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> own_template_guard() {
  app::BasicGuard<std::mutex> g(m); // expect-warning: 'g' (app::BasicGuard<std::mutex>) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> guard_member() {
  app::Transaction t(m); // expect-warning: 't' (app::Transaction) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> own_mutex_guard() {
  app::SpinGuard g(spin); // expect-warning: 'g' (app::SpinGuard) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> scoped_lockable_guard() {
  app::AnnotatedLock l(&amu); // expect-warning: 'l' (app::AnnotatedLock) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
}

task<> capability_methods() {
  amu.Acquire(); // expect-warning: 'amu' (app::AnnotatedMutex) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
  amu.Release();
  co_await step();
}

task<> capability_functions() {
  lockBoth(&amu); // expect-warning: 'amu' (app::AnnotatedMutex) is held [coro-lock-across-suspend]
  co_await step(); // expect-note: coroutine may suspend here
  unlockBoth(&amu);
  co_await step();
}

// --- Not reported -----------------------------------------------------------

task<> own_guard_scoped() {
  {
    app::Guard g(m);
  }
  co_await step();
}

task<> watcher() {
  app::Watcher w(m);
  co_await step();
}

task<> unlocker() {
  app::Unlocker u(m);
  co_await step();
}

task<> async_holder() {
  app::AsyncHolder h(am);
  co_await step();
}

task<> awaitable_lock_holder() {
  app::EventHolder h(evm);
  co_await step();
}

task<> template_guard_over_async_mutex() {
  app::BasicGuard<coro::mutex> g(am);
  co_await step();
}

task<> annotated_released_before_await() {
  amu.Acquire();
  amu.Release();
  co_await step();
}
