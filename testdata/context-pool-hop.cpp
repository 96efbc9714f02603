// CHECKS: coro-blocking-call,coro-awaitless-loop
// One idea of where the code runs, shared by every check (the coroutine
// context's execution context): a libcoro coroutine that reads a file,
// sleeps and loops heavily on the event loop is reported by both checks;
// after `co_await tp->schedule()` the same work runs on the pool, which is
// what the hop is for, and neither check reports it.
#include <coro/coro.hpp>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>
#include <unistd.h>

using namespace std::chrono_literals;

coro::task<long> before_the_hop(std::shared_ptr<coro::thread_pool> tp, int fd,
                                const std::vector<int> &v) {
  char buf[64];
  ::read(fd, buf, sizeof buf); // expect-warning: blocking call to 'read' in coroutine 'before_the_hop' [coro-blocking-call]
  std::this_thread::sleep_for(1ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'before_the_hop' [coro-blocking-call]
  long s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'before_the_hop' never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_await tp->schedule();
  co_return s;
}

coro::task<long> after_the_hop(std::shared_ptr<coro::thread_pool> tp, int fd,
                               const std::vector<int> &v) {
  co_await tp->schedule();
  char buf[64];
  ::read(fd, buf, sizeof buf);
  std::this_thread::sleep_for(1ms);
  long s = 0;
  for (int a : v)
    for (int b : v)
      s += a * b;
  co_return s;
}

// Back on the event loop after a hop there: reported again by both.
coro::task<long> hop_back(std::shared_ptr<coro::thread_pool> tp,
                          std::shared_ptr<coro::io_scheduler> io, int fd,
                          const std::vector<int> &v) {
  co_await tp->schedule();
  char buf[64];
  ::read(fd, buf, sizeof buf);
  co_await io->schedule();
  std::this_thread::sleep_for(1ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'hop_back' [coro-blocking-call]
  long s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'hop_back' never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b; // expect-note@-1: a preemption point here lets other tasks run
  co_return s;
}
