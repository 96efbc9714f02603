#include "small/poller.h"
#include "small/task.h"
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

namespace small {

std::mutex cache_mutex;
std::map<int, int> cache;

task refresh(int key) {
  std::lock_guard<std::mutex> guard(cache_mutex);
  co_await yield_now();
  cache[key] = key * 2;
}

task warm_up() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1)); // NOLINT(coro-blocking-call)
  co_await refresh(1);
}

} // namespace small
