// CHECKS: coro-blocking-call
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// asio on its real headers: the token-less synchronous overloads block, the
// async_* operations awaited with use_awaitable do not.
#include <asio.hpp>
#include <chrono>
#include <thread>

using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> session(tcp::socket socket) {
  char data[1024];
  std::size_t n = socket.read_some(asio::buffer(data)); // expect-warning: blocking call to 'asio::basic_stream_socket::read_some' in coroutine 'session' [coro-blocking-call]
  asio::write(socket, asio::buffer(data, n)); // expect-warning: blocking call to 'asio::write' [coro-blocking-call]
  n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
}

asio::awaitable<void> timers_and_names(tcp::resolver &resolver, tcp::acceptor &acceptor) {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex, 100ms);
  timer.wait(); // expect-warning: blocking call to 'asio::basic_waitable_timer::wait' [coro-blocking-call]
  co_await timer.async_wait(asio::use_awaitable);
  auto endpoints = resolver.resolve("example.com", "80"); // expect-warning: blocking call to 'asio::ip::basic_resolver::resolve' [coro-blocking-call]
  auto async_endpoints = co_await resolver.async_resolve("example.com", "80", asio::use_awaitable);
  tcp::socket peer = acceptor.accept(); // expect-warning: blocking call to 'asio::basic_socket_acceptor::accept' [coro-blocking-call]
  tcp::socket next = co_await acceptor.async_accept(asio::use_awaitable);
  (void)endpoints; (void)async_endpoints;
}

// Blocking work posted to a thread pool runs there, not in the coroutine.
asio::awaitable<void> offload(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(1s); });
  co_await asio::post(pool, asio::use_awaitable);
}

// `co_await asio::post(pool, use_awaitable)` resumes the coroutine on the
// pool; posting back to the io_context's executor returns to the event loop.
asio::awaitable<void> hop_to_pool(asio::thread_pool &pool, asio::io_context &io) {
  std::this_thread::sleep_for(1ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'hop_to_pool' [coro-blocking-call]
  co_await asio::post(pool, asio::use_awaitable);
  std::this_thread::sleep_for(1ms);
  co_await asio::post(io.get_executor(), asio::use_awaitable);
  std::this_thread::sleep_for(1ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'hop_to_pool' [coro-blocking-call]
}

// The same names in plain functions are not this check's business.
void synchronous_client(tcp::socket &socket) {
  char data[16];
  socket.read_some(asio::buffer(data));
}

// boost::asio spells the same classes in another namespace; the catalog's
// namespace alias covers it (exercised in the rule-catalog unit test).
