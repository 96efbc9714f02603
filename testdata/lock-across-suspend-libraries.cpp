// CHECKS: coro-lock-across-suspend
// Guards and mutexes of other libraries, coroutine-aware locks (fine across
// awaits), and awaits that never suspend.
#include <absl/synchronization/mutex.h>
#include <boost/thread/lock_guard.hpp>
#include <boost/thread/mutex.hpp>
#include <QMutex>
#include <QMutexLocker>
#include <QReadWriteLock>
#include <cppcoro/async_mutex.hpp>
#include <cppcoro/task.hpp>
#include <folly/Synchronized.h>
#include <folly/coro/Mutex.h>
#include <folly/coro/Task.h>
#include <coro/coro.hpp>
#include <map>
#include <mutex>

cppcoro::task<> cppcoro_step();
folly::coro::Task<void> folly_step();
coro::task<void> libcoro_step();

absl::Mutex amu;
boost::mutex bmu;
QMutex qmu;
QReadWriteLock qrw;
folly::Synchronized<std::map<int, int>> cache;

// --- Reported: synchronous locks of other libraries -------------------------

cppcoro::task<> abseil_guard() {
  absl::MutexLock l(&amu); // expect-warning: 'l' (absl::MutexLock) is held across a suspension point [coro-lock-across-suspend]
  co_await cppcoro_step(); // expect-note: coroutine may suspend here
}

cppcoro::task<> abseil_manual() {
  amu.Lock(); // expect-warning: 'amu' (absl::Mutex) is held [coro-lock-across-suspend]
  co_await cppcoro_step(); // expect-note: coroutine may suspend here
  amu.Unlock();
  co_await cppcoro_step();
}

cppcoro::task<> boost_guard() {
  boost::lock_guard<boost::mutex> g(bmu); // expect-warning: 'g' (boost::lock_guard<boost::mutex>) [coro-lock-across-suspend]
  co_await cppcoro_step(); // expect-note: coroutine may suspend here
}

cppcoro::task<> qt_locker() {
  QMutexLocker locker(&qmu); // expect-warning: 'locker' [coro-lock-across-suspend]
  co_await cppcoro_step(); // expect-note: coroutine may suspend here
}

cppcoro::task<> qt_read_lock() {
  qrw.lockForRead(); // expect-warning: 'qrw' (QReadWriteLock) is held [coro-lock-across-suspend]
  co_await cppcoro_step(); // expect-note: coroutine may suspend here
  qrw.unlock();
}

folly::coro::Task<void> folly_synchronized() {
  auto locked = cache.wlock(); // expect-warning: 'locked' [coro-lock-across-suspend]
  (*locked)[1] = 2;
  co_await folly_step(); // expect-note: coroutine may suspend here
}

// --- Not reported: coroutine-aware locks -----------------------------------

cppcoro::async_mutex cm;
cppcoro::task<> cppcoro_async_mutex() {
  auto lock = co_await cm.scoped_lock_async();
  co_await cppcoro_step();
}

folly::coro::Mutex fm;
folly::coro::Task<void> folly_coro_mutex() {
  std::unique_lock<folly::coro::Mutex> lock = co_await fm.co_scoped_lock();
  co_await folly_step();
}

coro::mutex lm;
coro::task<void> libcoro_mutex() {
  auto lock = co_await lm.scoped_lock();
  co_await libcoro_step();
}

// The folly guard released before the await.
folly::coro::Task<void> folly_synchronized_scoped() {
  {
    auto locked = cache.wlock();
    (*locked)[1] = 2;
  }
  co_await folly_step();
}
