// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// fix-expect: none
// With a std::mutex held, a timer wait would suspend with the lock taken:
// another coroutine on this thread could then block on the mutex while the
// holder cannot resume. No fix adds that deadlock.
#include <asio.hpp>
#include <chrono>
#include <mutex>
#include <thread>

std::mutex table_mutex;

asio::awaitable<void> throttled_update() {
  std::lock_guard<std::mutex> guard(table_mutex);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  co_return;
}

asio::awaitable<void> manual_lock() {
  table_mutex.lock();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  table_mutex.unlock();
  co_return;
}
