// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// CHECKS: coro-awaitless-loop
#include <asio.hpp>

#include <atomic>
#include <cstddef>
#include <vector>

asio::awaitable<int> pairs(std::vector<int> v) {
  int s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'pairs' never suspends and does heavy work per iteration; yield every N iterations (co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable)) or move it to a thread pool (co_await asio::co_spawn(pool, [&]() -> asio::awaitable<T> { co_return work(); }, asio::use_awaitable) with an asio::thread_pool pool) [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      s += a * b;
  co_return s;
}

asio::awaitable<int> yields_each_row(std::vector<int> v) {
  int s = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
  co_return s;
}

// Asking for the executor completes at once: no yield.
asio::awaitable<int> asks_executor(std::vector<int> v) {
  int s = 0;
  for (int a : v) { // expect-warning: loop in coroutine 'asks_executor' never suspends [coro-awaitless-loop]
    auto ex = co_await asio::this_coro::executor;
    (void)ex;
    for (int b : v) // expect-note: nested loop
      s += a * b;
  }
  co_return s;
}

// The heavy loop runs in a coroutine spawned on a thread pool.
asio::awaitable<int> offloaded(asio::thread_pool &pool, std::vector<int> v) {
  int r = co_await asio::co_spawn(
      pool,
      [&]() -> asio::awaitable<int> {
        int s = 0;
        for (int a : v)
          for (int b : v)
            s += a * b;
        co_return s;
      },
      asio::use_awaitable);
  asio::post(pool, [&] {
    for (int a : v)
      for (int b : v)
        r += a * b;
  });
  co_return r;
}

// Spawned on the i/o context: it still holds the event loop.
asio::awaitable<void> spawns_on_io(asio::io_context &io, std::vector<int> v) {
  asio::co_spawn(
      io,
      [v]() -> asio::awaitable<void> {
        long s = 0;
        for (int a : v) // expect-warning: loop in coroutine 'lambda at awaitless-loop-asio.cpp:63:7' never suspends [coro-awaitless-loop]
          for (int b : v) // expect-note: nested loop
            s += a * b;
        co_return;
      },
      asio::detached);
  co_return;
}

// An echo session awaits every read: an event loop, not a hog.
asio::awaitable<void> session(asio::ip::tcp::socket sock) {
  char data[1024];
  unsigned sum = 0;
  for (;;) {
    std::size_t n = co_await sock.async_read_some(asio::buffer(data),
                                                  asio::use_awaitable);
    for (std::size_t i = 0; i < n; ++i)
      sum += static_cast<unsigned char>(data[i]);
    co_await asio::async_write(sock, asio::buffer(data, n), asio::use_awaitable);
  }
}

std::atomic<bool> stopped{false};
asio::awaitable<void> waits_for_stop() {
  while (!stopped.load(std::memory_order_acquire)) { // expect-warning: loop in coroutine 'waits_for_stop' spins on 'stopped' without suspending; await an event instead (co_await chan.async_receive(asio::use_awaitable) on an asio::experimental::channel the other side sends to) [coro-awaitless-loop]
  }
  co_return;
}
