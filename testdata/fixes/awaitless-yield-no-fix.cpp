// fix-check: coro-awaitless-loop
// fix-mode: fix-notes
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// No preemption point is offered where it would be wrong or guessed: a
// spin loop (a yield would keep it polling: await an event instead), a
// lock held around the loop (the yield would suspend with it taken), a
// libcoro task that never said which scheduler runs it, an algorithm call
// (its callable is not the coroutine), a catch handler (no co_await
// there), a loop written by a macro.
#include <coro/coro.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

std::atomic<bool> done{false};
std::mutex table_mutex;

seastar::future<> spin() {
  while (!done.load()) {
  }
  co_return;
}

seastar::future<long> locked(std::vector<int> v) {
  std::lock_guard<std::mutex> guard(table_mutex);
  long s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

coro::task<long> libcoro_unknown_scheduler(std::shared_ptr<coro::io_scheduler> sched,
                                           std::vector<int> v) {
  long s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

seastar::future<long> in_handler(std::vector<int> v) {
  long s = 0;
  try {
    co_await seastar::make_ready_future<>();
  } catch (...) {
    for (int a : v)
      for (int b : v)
        s += a * b;
  }
  co_return s;
}

seastar::future<long> algorithm(std::vector<int> v) {
  long s = 0;
  std::for_each(v.begin(), v.end(), [&](int a) {
    for (int b : v)
      s += a * b;
  });
  co_return s;
}

#define EACH_PAIR(v, s) for (int a : v) for (int b : v) s += a * b

seastar::future<long> by_macro(std::vector<int> v) {
  long s = 0;
  EACH_PAIR(v, s);
  co_return s;
}
