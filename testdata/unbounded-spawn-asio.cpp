// CHECKS: coro-unbounded-spawn
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// asio::co_spawn on the real headers: one coroutine per item, with the
// completion tokens that start it (detached, a handler, use_future) and
// those that only build an operation (use_awaitable, deferred).
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/deferred.hpp>
#include <array>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <string>
#include <vector>

using asio::ip::tcp;
using namespace std::chrono_literals;
// (asio 1.22's channel_traits are ambiguous for void(error_code) under clang)
using slot_channel = asio::experimental::channel<void(asio::error_code, int)>;

asio::awaitable<void> handle(std::string request);
asio::awaitable<int> fetch(std::string url);
asio::awaitable<void> session(tcp::socket socket);
asio::awaitable<std::string> next_request();

// --- Reported ---------------------------------------------------------------

asio::awaitable<void> fan_out(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  for (auto &r : requests) // expect-note: loop runs once per element of 'requests'
    asio::co_spawn(ex, handle(r), asio::detached); // expect-warning: 'asio::co_spawn' starts one task per iteration of a loop with no concurrency limit; co_await a slot before each co_spawn [coro-unbounded-spawn]
}

void fan_out_from_plain_function(asio::io_context &io, const std::vector<std::string> &requests) {
  for (const auto &r : requests) // expect-note: loop runs once per element of 'requests'
    co_spawn(io, handle(r), asio::detached); // expect-warning: 'asio::co_spawn' starts one task per iteration [coro-unbounded-spawn]
  io.run();
}

asio::awaitable<void> completion_handler(std::vector<std::string> urls) {
  auto ex = co_await asio::this_coro::executor;
  int done = 0;
  for (std::size_t k = 0; k < urls.size(); ++k) // expect-note: loop runs up to 'urls.size()' times
    asio::co_spawn(ex, fetch(urls[k]), [&done](std::exception_ptr, int) { ++done; }); // expect-warning: 'asio::co_spawn' starts one task [coro-unbounded-spawn]
}

asio::awaitable<void> futures_collected(std::vector<std::string> urls) {
  auto ex = co_await asio::this_coro::executor;
  std::vector<std::future<int>> results;
  for (auto &u : urls) // expect-note: loop runs once per element of 'urls'
    results.push_back(asio::co_spawn(ex, fetch(u), asio::use_future)); // expect-warning: 'asio::co_spawn' starts one task [coro-unbounded-spawn]
  co_return;
}

asio::awaitable<void> drain_queue(std::vector<std::string> &queue) {
  auto ex = co_await asio::this_coro::executor;
  while (!queue.empty()) { // expect-note: loop has no bound on its number of iterations
    asio::co_spawn(ex, handle(queue.back()), asio::detached); // expect-warning: 'asio::co_spawn' starts one task [coro-unbounded-spawn]
    queue.pop_back();
  }
}

asio::awaitable<void> await_per_item_is_not_a_limit(std::vector<std::string> requests) {
  // Awaiting something unrelated in each iteration of a loop over data
  // delays the next spawn but caps nothing.
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex);
  for (auto &r : requests) { // expect-note: loop runs once per element
    timer.expires_after(1ms);
    co_await timer.async_wait(asio::use_awaitable);
    asio::co_spawn(ex, handle(r), asio::detached); // expect-warning: 'asio::co_spawn' starts one task [coro-unbounded-spawn]
  }
}

template <class Executor>
asio::awaitable<void> in_a_template(Executor ex, std::vector<std::string> requests) {
  for (auto &r : requests) // expect-note: loop runs once per element of 'requests'
    asio::co_spawn(ex, handle(r), asio::detached); // expect-warning: 'asio::co_spawn' starts one task [coro-unbounded-spawn]
  co_return;
}

// --- Not reported: awaited right there, or only an operation is built ----------

asio::awaitable<void> sequential(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  for (auto &r : requests)
    co_await asio::co_spawn(ex, handle(r), asio::use_awaitable);
  for (auto &r : requests) {
    auto [e] = co_await asio::co_spawn(ex, handle(r), asio::experimental::as_tuple(asio::use_awaitable));
    (void)e;
  }
}

asio::awaitable<void> lazy_operations(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  std::vector<asio::awaitable<void>> later;
  for (auto &r : requests)
    later.push_back(asio::co_spawn(ex, handle(r), asio::use_awaitable)); // not started until awaited
  for (auto &r : requests) {
    auto op = asio::co_spawn(ex, handle(r), asio::experimental::deferred); // a deferred operation
    co_await std::move(op)(asio::use_awaitable);
  }
  for (auto &a : later)
    co_await std::move(a);
}

asio::awaitable<void> future_waited_in_iteration(std::vector<std::string> urls) {
  auto ex = co_await asio::this_coro::executor;
  for (auto &u : urls) {
    std::future<int> f = asio::co_spawn(ex, fetch(u), asio::use_future);
    f.wait();
  }
}

// --- Not reported: small bounds ------------------------------------------------

asio::awaitable<void> small_bounds(std::array<std::string, 4> four) {
  auto ex = co_await asio::this_coro::executor;
  for (auto &r : four)
    asio::co_spawn(ex, handle(r), asio::detached);
  for (int k = 0; k < 8; ++k)
    asio::co_spawn(ex, fetch("k"), asio::detached);
  for (const char *u : {"a", "b"})
    asio::co_spawn(ex, fetch(u), asio::detached);
}

// --- Not reported: a limiter on the path to the spawn ---------------------------

asio::awaitable<void> channel_slots(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  slot_channel slots(ex, 16);
  for (auto &r : requests) {
    co_await slots.async_send(asio::error_code{}, 0, asio::use_awaitable); // waits while 16 are in flight
    asio::co_spawn(ex, handle(r), [&slots](std::exception_ptr) { slots.try_receive([](asio::error_code, int) {}); });
  }
}

auto acquire_slot(slot_channel &slots) {
  return slots.async_send(asio::error_code{}, 0, asio::use_awaitable);
}

asio::awaitable<void> channel_slot_from_a_helper(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  slot_channel slots(ex, 16);
  for (auto &r : requests) {
    co_await acquire_slot(slots);
    asio::co_spawn(ex, handle(r), [&slots](std::exception_ptr) { slots.try_receive([](asio::error_code, int) {}); });
  }
}

asio::awaitable<void> inflight_counter(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex);
  int inflight = 0;
  for (auto &r : requests) {
    while (inflight >= 32) {
      timer.expires_after(1ms);
      co_await timer.async_wait(asio::use_awaitable);
    }
    ++inflight;
    asio::co_spawn(ex, handle(r), [&inflight](std::exception_ptr) { --inflight; });
  }
}

// --- Not reported: accept and receive loops -----------------------------------

asio::awaitable<void> listener(tcp::acceptor acceptor) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(ex, session(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> listener_as_tuple(tcp::acceptor acceptor) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    if (auto [e, socket] = co_await acceptor.async_accept(asio::experimental::as_tuple(asio::use_awaitable)); !e)
      asio::co_spawn(ex, session(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> request_loop() {
  auto ex = co_await asio::this_coro::executor;
  while (true) {
    std::string request = co_await next_request();
    asio::co_spawn(ex, handle(std::move(request)), asio::detached);
  }
}

// --- Not reported: no loop, or only once ----------------------------------------

asio::awaitable<void> single(std::string r) {
  asio::co_spawn(co_await asio::this_coro::executor, handle(r), asio::detached);
}

asio::awaitable<void> spawn_first_then_leave(std::vector<std::string> requests) {
  auto ex = co_await asio::this_coro::executor;
  for (auto &r : requests) {
    if (r.empty())
      continue;
    asio::co_spawn(ex, handle(r), asio::detached);
    co_return;
  }
}

// An io_context pool runs one thread per event loop: the number of loops is
// the program's configuration (made in the pool's constructor), not data.
struct io_context_pool {
  std::vector<std::shared_ptr<asio::io_context>> io_contexts_;
  void run() {
    std::vector<std::shared_ptr<std::thread>> threads;
    for (std::size_t i = 0; i < io_contexts_.size(); ++i)
      threads.emplace_back(std::make_shared<std::thread>(
          [](std::shared_ptr<asio::io_context> io) { io->run(); }, io_contexts_[i]));
    for (auto &t : threads)
      t->join();
  }
  // One thread per request is still reported.
  void serve(const std::vector<std::string> &requests) {
    std::vector<std::shared_ptr<std::thread>> threads;
    for (std::size_t i = 0; i < requests.size(); ++i) // expect-note: loop runs up to 'requests.size()' times
      threads.emplace_back(std::make_shared<std::thread>([](const std::string &) {}, requests[i])); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
    for (auto &t : threads)
      t->join();
  }
};

int main(int argc, char **argv) {
  // One listener per port named on the command line.
  asio::io_context io;
  for (int i = 1; i < argc; ++i)
    asio::co_spawn(io, handle(argv[i]), asio::detached);
  io.run();
}
