// CHECKS: coro-blocking-call
// Running another coroutine or scheduler to completion inside a coroutine
// (error level), and the libraries' own non-blocking ways (no finding).
#include <chrono>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>
#include <coro/coro.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/when_all.hh>
#include <seastar/coroutine/as_future.hh>
#include <stdexec/execution.hpp>
#include <thread>

using namespace std::chrono_literals;

// --- cppcoro -----------------------------------------------------------------
cppcoro::task<int> cppcoro_inner();
cppcoro::task<int> cppcoro_outer() {
  int v = cppcoro::sync_wait(cppcoro_inner()); // expect-error: blocking call to 'cppcoro::sync_wait' in coroutine 'cppcoro_outer' [coro-blocking-call]
  int w = co_await cppcoro_inner();
  co_return v + w;
}

// --- folly::coro -------------------------------------------------------------
folly::coro::Task<int> folly_inner();
folly::coro::Task<int> folly_outer(folly::SemiFuture<int> f) {
  int v = folly::coro::blockingWait(folly_inner()); // expect-error: blocking call to 'folly::coro::blockingWait' in coroutine 'folly_outer' [coro-blocking-call]
  int w = std::move(f).get(); // expect-error: blocking call to 'folly::SemiFuture::get' [coro-blocking-call]
  co_await folly::coro::sleep(std::chrono::milliseconds(10));
  co_return v + w + co_await folly_inner();
}

// --- libcoro -----------------------------------------------------------------
coro::task<int> libcoro_inner();
coro::task<int> libcoro_outer(coro::thread_pool &tp) {
  int v = coro::sync_wait(libcoro_inner()); // expect-error: blocking call to 'coro::sync_wait' in coroutine 'libcoro_outer' [coro-blocking-call]
  std::this_thread::sleep_for(5ms); // expect-warning: 'std::this_thread::sleep_for' [coro-blocking-call]
  co_await tp.schedule();
  co_await tp.yield();
  co_return v + co_await libcoro_inner();
}
coro::task<void> libcoro_timer(coro::io_scheduler &s) {
  co_await s.yield_for(5ms);
}

// --- stdexec -----------------------------------------------------------------
coro::task<void> sender_in_coroutine() {
  auto r = stdexec::sync_wait(stdexec::just(1)); // expect-error: blocking call to 'stdexec::sync_wait' [coro-blocking-call]
  (void)r;
  co_return;
}

// --- seastar ----------------------------------------------------------------
// future::get() waits only on a future that is not resolved yet; the ones an
// await hands back (as_future, when_all) and make_ready_future's are.
seastar::future<int> seastar_inner();
seastar::future<int> seastar_waits() {
  seastar::future<int> f = seastar_inner();
  int a = f.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'seastar_waits' [coro-blocking-call]
  int b = seastar_inner().get(); // expect-error: blocking call to 'seastar::future::get' [coro-blocking-call]
  auto g = co_await seastar::coroutine::as_future(seastar_inner());
  g = seastar_inner(); // no longer the awaited, resolved future
  int c = g.get(); // expect-error: blocking call to 'seastar::future::get' [coro-blocking-call]
  co_return a + b + c;
}
seastar::future<int> seastar_ready_values() {
  auto f = co_await seastar::coroutine::as_future(seastar_inner());
  int a = f.get();
  f = co_await seastar::coroutine::as_future(seastar_inner());
  a += f.get();
  auto [x, y] = co_await seastar::when_all(seastar_inner(), seastar_inner());
  a += x.get() + y.get();
  a += (co_await seastar::coroutine::as_future(seastar_inner())).get();
  a += seastar::make_ready_future<int>(1).get();
  co_return a;
}

// --- Outside coroutines every one of these is fine ----------------------------
int main_like() {
  int a = cppcoro::sync_wait(cppcoro_inner());
  int b = folly::coro::blockingWait(folly_inner());
  int c = coro::sync_wait(libcoro_inner());
  return a + b + c;
}
