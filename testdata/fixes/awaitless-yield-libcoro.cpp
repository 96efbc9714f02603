// fix-check: coro-awaitless-loop
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// libcoro yields through the scheduler running the task: after `co_await
// sched->schedule()` that is provably `sched`, so its yield() is used.
#include <coro/coro.hpp>

#include <memory>
#include <vector>

coro::task<long> pairs(std::shared_ptr<coro::io_scheduler> sched, std::vector<int> v) {
  co_await sched->schedule();
  long s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
  }
  co_return s;
}
