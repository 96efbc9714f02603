// CHECKS: coro-unbounded-spawn
// Drain loops and dropped futures: an await only paces a loop when it
// delivers what the spawn works on (an accept or receive); a timer, a yield
// or a hook between starts does not. `std::ignore = f(x)` drops f's future
// as `(void)f(x)` does.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/queue.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <array>
#include <chrono>
#include <tuple>
#include <vector>

namespace drain {
seastar::future<> process(int item);
seastar::future<> checkpoint();

// --- positives -------------------------------------------------------------

seastar::future<> drain_with_sleep(seastar::queue<int> &q) {
  while (!q.empty()) { // expect-note: loop has no bound on its number of iterations
    co_await seastar::sleep(std::chrono::milliseconds(1));
    int item = q.pop();
    (void)process(item); // expect-warning: 'drain::process' starts one task per iteration of a loop with no concurrency limit (its 'seastar::future' is dropped) [coro-unbounded-spawn]
  }
}

seastar::future<> drain_with_yield(seastar::queue<int> &q) {
  for (;;) { // expect-note: loop has no bound
    co_await checkpoint();
    if (q.empty())
      break;
    std::ignore = process(q.pop()); // expect-warning: 'drain::process' starts one task per iteration [coro-unbounded-spawn]
    co_await seastar::coroutine::maybe_yield();
  }
}

seastar::future<> ignore_per_item(std::vector<int> items) {
  for (int x : items) // expect-note: loop runs once per element of 'items'
    std::ignore = process(x); // expect-warning: 'drain::process' starts one task per iteration [coro-unbounded-spawn]
  co_return;
}

// --- negatives -------------------------------------------------------------

// A receive loop: each iteration waits for the item it then starts work on.
seastar::future<> receive_loop(seastar::queue<int> &q) {
  for (;;) {
    int item = co_await q.pop_eventually();
    (void)process(item);
  }
}

// The drain loop with a limiter before each start.
seastar::future<> drain_limited(seastar::queue<int> &q, seastar::semaphore &sem) {
  while (!q.empty()) {
    auto units = co_await seastar::get_units(sem, 1);
    co_await seastar::sleep(std::chrono::milliseconds(1));
    std::ignore = process(q.pop());
  }
}

// A constant number of starts.
seastar::future<> ignore_fixed() {
  std::array<int, 3> three{1, 2, 3};
  for (int x : three)
    std::ignore = process(x);
  co_return;
}

// Kept, not dropped: awaited in the same iteration.
seastar::future<> ignore_result_of_await(std::vector<int> items) {
  for (int x : items)
    co_await process(x);
}
} // namespace drain
