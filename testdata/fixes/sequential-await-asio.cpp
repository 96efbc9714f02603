// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Independent awaited declarations become one `&&` of asio's awaitable
// operators; the include and the using-directive are added.
#include <asio.hpp>
#include <array>
#include <cstddef>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<int> fetch_a();
awaitable<int> fetch_b();
awaitable<std::string> fetch_name(int id);

awaitable<int> two_fetches() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}

// Three operations, auto and explicit types, arguments.
awaitable<std::size_t> three(int id) {
  auto a = co_await fetch_a();
  std::string name = co_await fetch_name(id);
  int c = co_await fetch_b();
  co_return a + name.size() + c;
}

// Two sockets, two buffers.
awaitable<std::size_t> read_from_both(tcp::socket s1, tcp::socket s2) {
  std::array<char, 512> d1, d2;
  std::size_t n1 = co_await s1.async_read_some(asio::buffer(d1), use_awaitable);
  std::size_t n2 = co_await s2.async_read_some(asio::buffer(d2), use_awaitable);
  co_return n1 + n2;
}
