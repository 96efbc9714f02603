// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// In a seastar coroutine a blocking sleep stalls the whole shard; it
// becomes seastar::sleep (and its header). usleep's plain number of
// microseconds gets its unit spelled out.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

seastar::future<> flush_slowly(int pages) {
  for (int i = 0; i < pages; ++i) {
    co_await seastar::make_ready_future<>();
    std::this_thread::sleep_for(10ms);
  }
  usleep(500);
  co_return;
}
