// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// libcoro's timer is a method of the scheduler (io_scheduler::yield_for);
// with no scheduler in scope a fix would have to invent one: none.
#include <coro/coro.hpp>
#include <chrono>
#include <thread>

coro::task<int> backoff(int tries) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50 * tries));
  co_return tries;
}
