// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// A blocking sleep in an asio coroutine becomes a wait on asio's steady
// timer, on the coroutine's own executor.
#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

asio::awaitable<void> heartbeat(int beats) {
  for (int i = 0; i < beats; ++i) {
    std::this_thread::sleep_for(100ms);
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
}

asio::awaitable<void> until(std::chrono::steady_clock::time_point deadline) {
  std::this_thread::sleep_until(deadline);
  co_return;
}
