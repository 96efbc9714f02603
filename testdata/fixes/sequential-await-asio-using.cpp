// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// The awaitable operators are included and in force already: only the
// declarations change. A directive in another function's block is not in
// force here.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

using asio::awaitable;

awaitable<int> fetch_a();
awaitable<int> fetch_b();

namespace in_force {
using namespace asio::experimental::awaitable_operators;

awaitable<int> two_fetches() {
  const int a = co_await fetch_a();
  const int b = co_await fetch_b();
  co_return a + b;
}
} // namespace in_force

namespace elsewhere {
awaitable<int> first() {
  using namespace asio::experimental::awaitable_operators;
  auto [a, b] = co_await (fetch_a() && fetch_b());
  co_return a + b;
}

awaitable<int> second() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}
} // namespace elsewhere
