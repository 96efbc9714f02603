// CHECKS: coro-blocking-call
// A wait on a future that is complete returns at once. Beyond the ones an
// await hands back (blocking-call-libraries.cpp), a future is complete when
// it comes from a coroutine of this file that never suspends (seastar
// starts coroutines eagerly: `ready_coroutine().get()` in seastar's
// coroutines_test.cc:113), and when the code has just seen one of the
// catalogued `ready_queries` (`available`, `failed`) true on it, directly
// or as the only way out of a lambda it awaited (coroutines_test.cc:769).
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

seastar::future<int> fetch();

seastar::future<int> ready_coroutine() { co_return 64; }

seastar::future<int> yielding_coroutine() {
  co_await seastar::coroutine::maybe_yield();
  co_return 1;
}

// --- not reported ----------------------------------------------------------

seastar::future<int> completed_coroutine_result() {
  co_return ready_coroutine().get();
}

seastar::future<int> checked_available() {
  auto f = fetch();
  if (f.available())
    co_return f.get();
  co_return co_await std::move(f);
}

seastar::future<int> checked_failed() {
  auto f = fetch();
  if (!f.failed())
    co_return co_await std::move(f);
  co_return f.get(); // throws the stored exception at once
}

seastar::future<int> waited_until_available() {
  auto f = fetch();
  while (!f.available())
    co_await seastar::coroutine::maybe_yield();
  co_return f.get();
}

seastar::future<int> lambda_returns_once_available() {
  auto f0 = fetch();
  bool stop = false;
  auto set_stop = [&]() -> seastar::future<> {
    for (;;) {
      stop = true;
      if (f0.available()) {
        co_return;
      }
      co_await seastar::coroutine::maybe_yield();
    }
  };
  co_await set_stop();
  co_return f0.get();
}

// The same inside a test macro: `do { try { ... } catch ... } while
// (dummy_cond())`, whose condition is a function returning false (Boost's
// BOOST_REQUIRE_THROW, as at coroutines_test.cc:769): the body runs once.
namespace tt {
inline bool dummy_cond() { return false; }
} // namespace tt
#define REQUIRE_THROWS(S)                                                      \
  do {                                                                         \
    try {                                                                      \
      S;                                                                       \
    } catch (...) {                                                            \
    }                                                                          \
  } while (tt::dummy_cond())

seastar::future<> lambda_returns_once_available_in_macro() {
  auto f0 = fetch();
  auto set_stop = [&]() -> seastar::future<> {
    for (;;) {
      if (f0.available())
        co_return;
      co_await seastar::coroutine::maybe_yield();
    }
  };
  co_await set_stop();
  REQUIRE_THROWS(f0.get());
}

// --- reported: near misses -------------------------------------------------

// The coroutine suspends: its future may still be pending.
seastar::future<int> suspending_coroutine_result() {
  co_return yielding_coroutine().get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'suspending_coroutine_result' [coro-blocking-call]
}

// Another future was checked.
seastar::future<int> other_future_checked() {
  auto f = fetch();
  auto g = fetch();
  if (g.available())
    co_return f.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'other_future_checked' [coro-blocking-call]
  co_return co_await std::move(g);
}

// The branch where it is not available.
seastar::future<int> wrong_branch() {
  auto f = fetch();
  if (f.available())
    co_return 0;
  else
    co_return f.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'wrong_branch' [coro-blocking-call]
}

// Replaced after the check.
seastar::future<int> replaced_after_check() {
  auto f = fetch();
  if (f.available()) {
    f = fetch();
    co_return f.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'replaced_after_check' [coro-blocking-call]
  }
  co_return 0;
}

// The lambda may also return without seeing the future complete.
seastar::future<int> lambda_may_give_up() {
  auto f0 = fetch();
  auto wait_a_bit = [&]() -> seastar::future<> {
    for (int i = 0; i < 3; ++i) {
      if (f0.available())
        co_return;
      co_await seastar::coroutine::maybe_yield();
    }
  };
  co_await wait_a_bit();
  co_return f0.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'lambda_may_give_up' [coro-blocking-call]
}

// A do-while that may run its body again: the second time, nothing says the
// future is complete.
bool again();
seastar::future<> repeated_after_check() {
  auto f0 = fetch();
  auto set_stop = [&]() -> seastar::future<> {
    for (;;) {
      if (f0.available())
        co_return;
      co_await seastar::coroutine::maybe_yield();
    }
  };
  co_await set_stop();
  do {
    f0.get(); // expect-error: blocking call to 'seastar::future::get' in coroutine 'repeated_after_check' [coro-blocking-call]
  } while (again());
}
