// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// libcoro's timer is the scheduler's yield_for. After `co_await
// sched->schedule()` the task provably runs on `sched`, so the sleep
// becomes a wait on that scheduler's timer. cppcoro likewise, on the
// io_service it scheduled onto.
#include <coro/coro.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <chrono>
#include <memory>
#include <thread>

using namespace std::chrono_literals;

coro::task<int> poll_device(std::shared_ptr<coro::io_scheduler> sched, int tries) {
  co_await sched->schedule();
  for (int i = 0; i < tries; ++i)
    std::this_thread::sleep_for(250ms);
  co_return tries;
}

cppcoro::task<> refresh(cppcoro::io_service &io) {
  co_await io.schedule();
  std::this_thread::sleep_for(std::chrono::seconds(5));
}
