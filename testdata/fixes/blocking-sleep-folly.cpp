// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// folly::coro::Task: the sleep becomes folly::coro::sleep, which suspends
// on the executor's timekeeper instead of holding the thread.
#include <folly/coro/Task.h>
#include <chrono>
#include <thread>
#include <unistd.h>

folly::coro::Task<int> poll_backend(int attempts) {
  int seen = 0;
  while (seen < attempts) {
    ++seen;
    if (seen % 2 == 0)
      std::this_thread::sleep_for(std::chrono::seconds(1));
    else
      sleep(2);
  }
  co_return seen;
}
