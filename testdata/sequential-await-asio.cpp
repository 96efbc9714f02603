// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// CHECKS: coro-sequential-await
// coro-sequential-await on real asio: sockets and resolvers are receivers,
// buffers are written by reads, timers/channels/this_coro order a coroutine.
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/parallel_group.hpp>
#include <array>
#include <string>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using channel = asio::experimental::channel<void(asio::error_code, int)>;

awaitable<int> fetch_a();
awaitable<int> fetch_b();
awaitable<int> fetch_c();
awaitable<int> lookup(std::string host);
awaitable<int> handle(int message);

// --- Reported ---------------------------------------------------------------

awaitable<int> two_fetches() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here; run them together with co_await (a() && b()) with asio::experimental::awaitable_operators
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' awaited on line 30; await them concurrently [coro-sequential-await]
  co_return a + b;
}

// Two sockets, two buffers.
awaitable<std::size_t> read_from_both(tcp::socket s1, tcp::socket s2) {
  std::array<char, 512> d1, d2;
  std::size_t n1 = co_await s1.async_read_some(asio::buffer(d1), use_awaitable); // expect-note: 's1.async_read_some(...)' is awaited here; run them together with co_await (a() && b())
  std::size_t n2 = co_await s2.async_read_some(asio::buffer(d2), use_awaitable); // expect-warning: 's2.async_read_some(...)' does not depend on the result of 's1.async_read_some(...)' [coro-sequential-await]
  co_return n1 + n2;
}

// Two resolvers for two hosts.
awaitable<void> resolve_both(asio::io_context &ctx) {
  tcp::resolver r1(ctx), r2(ctx);
  auto primary = co_await r1.async_resolve("a.example", "443", use_awaitable); // expect-note: 'r1.async_resolve(...)' is awaited here
  auto backup = co_await r2.async_resolve("b.example", "443", use_awaitable); // expect-warning: 'r2.async_resolve(...)' does not depend on the result of 'r1.async_resolve(...)' [coro-sequential-await]
  (void)primary;
  (void)backup;
}

// Free functions on different streams: writes have effects a later
// operation may observe (the peer may answer one write by writing to the
// other stream), so they are never grouped, whatever the receivers.
awaitable<std::size_t> write_both(tcp::socket &a, asio::posix::stream_descriptor &b,
                                  const std::string &msg) {
  std::size_t n = co_await asio::async_write(a, asio::buffer(msg), use_awaitable);
  std::size_t m = co_await asio::async_write(b, asio::buffer(msg), use_awaitable);
  co_return n + m;
}

// Reads on different streams through the free function: independent.
awaitable<std::size_t> read_both(tcp::socket &a, asio::posix::stream_descriptor &b) {
  std::array<char, 64> d1, d2;
  std::size_t n = co_await asio::async_read(a, asio::buffer(d1), use_awaitable); // expect-note: 'asio::async_read(...)' is awaited here
  std::size_t m = co_await asio::async_read(b, asio::buffer(d2), use_awaitable); // expect-warning: 'asio::async_read(...)' does not depend on the result of 'asio::async_read(...)' [coro-sequential-await]
  co_return n + m;
}

// A loop over hosts: one lookup per element, results collected.
awaitable<std::vector<int>> lookup_all(std::vector<std::string> hosts) {
  std::vector<int> found;
  for (const std::string &host : hosts) // expect-note: start one per element, then asio::experimental::make_parallel_group
    found.push_back(co_await lookup(host)); // expect-warning: 'lookup(...)' is awaited in every iteration, but no iteration depends on another; await them concurrently [coro-sequential-await]
  co_return found;
}

// --- Not reported -----------------------------------------------------------

// One socket: a protocol's steps are ordered.
awaitable<std::size_t> header_then_body(tcp::socket sock) {
  std::array<char, 16> header;
  std::array<char, 512> body;
  std::size_t h = co_await sock.async_read_some(asio::buffer(header), use_awaitable);
  std::size_t b = co_await sock.async_read_some(asio::buffer(body), use_awaitable);
  co_return h + b;
}

// One socket through free functions.
awaitable<std::size_t> write_then_read(tcp::socket &sock, std::string request) {
  std::array<char, 512> reply;
  std::size_t w = co_await asio::async_write(sock, asio::buffer(request), use_awaitable);
  std::size_t r = co_await asio::async_read(sock, asio::buffer(reply), use_awaitable);
  co_return w + r;
}

// Two sockets reading into one buffer.
awaitable<std::size_t> shared_buffer(tcp::socket s1, tcp::socket s2) {
  std::array<char, 512> data;
  std::size_t n1 = co_await s1.async_read_some(asio::buffer(data), use_awaitable);
  std::size_t n2 = co_await s2.async_read_some(asio::buffer(data), use_awaitable);
  co_return n1 + n2;
}

// A buffer view made before both.
awaitable<std::size_t> shared_buffer_view(tcp::socket s1, tcp::socket s2) {
  std::array<char, 512> data;
  auto view = asio::buffer(data);
  std::size_t n1 = co_await s1.async_read_some(view, use_awaitable);
  std::size_t n2 = co_await s2.async_read_some(asio::buffer(data), use_awaitable);
  co_return n1 + n2;
}

// One named buffer view for both reads.
awaitable<std::size_t> one_view_two_sockets(tcp::socket s1, tcp::socket s2) {
  std::array<char, 512> data;
  auto view = asio::buffer(data);
  std::size_t n1 = co_await s1.async_read_some(view, use_awaitable);
  std::size_t n2 = co_await s2.async_read_some(view, use_awaitable);
  co_return n1 + n2;
}

// Forwarding: read on one socket, write what was read to the other.
awaitable<void> forward(tcp::socket from, tcp::socket to) {
  std::array<char, 1024> data;
  std::size_t n = co_await from.async_read_some(asio::buffer(data), use_awaitable);
  std::size_t m = co_await asio::async_write(to, asio::buffer(data, n), use_awaitable);
  (void)m;
}

// this_coro::executor, then one operation.
awaitable<int> executor_then_operation() {
  auto ex = co_await asio::this_coro::executor;
  int a = co_await fetch_a();
  (void)ex;
  co_return a;
}

// Resolve then connect: data dependence.
awaitable<void> resolve_then_connect(tcp::socket &sock) {
  tcp::resolver resolver(sock.get_executor());
  auto endpoints = co_await resolver.async_resolve("example.com", "80", use_awaitable);
  auto ep = co_await asio::async_connect(sock, endpoints, use_awaitable);
  (void)ep;
}

// Receive, then handle the message.
awaitable<int> receive_then_handle(channel &ch) {
  int msg = co_await ch.async_receive(use_awaitable);
  int r = co_await handle(msg);
  co_return r;
}

// Receive, then an unrelated operation: a channel receive orders the
// coroutine (the sender may be waiting for this one to finish something).
awaitable<int> receive_then_fetch(channel &ch) {
  int msg = co_await ch.async_receive(use_awaitable);
  int b = co_await fetch_b();
  co_return msg + b;
}

// Timer, then the operation: backoff before a retry.
awaitable<int> backoff_then_retry(asio::steady_timer &timer) {
  timer.expires_after(std::chrono::milliseconds(100));
  auto [ec] = co_await timer.async_wait(asio::experimental::as_tuple(use_awaitable));
  int a = co_await fetch_a();
  co_return ec ? 0 : a;
}

// Posting to an executor reschedules the coroutine.
awaitable<int> post_then_fetch() {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, use_awaitable);
  int a = co_await fetch_a();
  co_return a;
}

// Already concurrent: awaitable operators.
awaitable<int> already_concurrent() {
  auto [a, b] = co_await (fetch_a() && fetch_b());
  int c = co_await fetch_c();
  co_return a + b + c;
}

// Already concurrent: a parallel group.
awaitable<void> parallel_group(tcp::socket &s1, tcp::socket &s2) {
  std::array<char, 64> d1, d2;
  auto [order, e1, n1, e2, n2] = co_await asio::experimental::make_parallel_group(
      s1.async_read_some(asio::buffer(d1), asio::experimental::deferred),
      s2.async_read_some(asio::buffer(d2), asio::experimental::deferred))
      .async_wait(asio::experimental::wait_for_all(), use_awaitable);
  int c = co_await fetch_c();
  (void)order;
  (void)c;
}

// Already concurrent: a parallel group kept in a variable.
awaitable<void> named_parallel_group(tcp::socket &s1, tcp::socket &s2) {
  std::array<char, 64> d1, d2;
  auto group = asio::experimental::make_parallel_group(
      s1.async_read_some(asio::buffer(d1), asio::experimental::deferred),
      s2.async_read_some(asio::buffer(d2), asio::experimental::deferred));
  auto [order, e1, n1, e2, n2] =
      co_await group.async_wait(asio::experimental::wait_for_all(), use_awaitable);
  int c = co_await fetch_c();
  (void)order;
  (void)c;
}

// A session's socket: every read in the loop is on it.
awaitable<void> echo_loop(tcp::socket sock, std::vector<std::string> lines) {
  std::vector<std::size_t> sizes;
  for (const std::string &line : lines)
    sizes.push_back(co_await asio::async_write(sock, asio::buffer(line), use_awaitable));
}
