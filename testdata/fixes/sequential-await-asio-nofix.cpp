// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// fix-expect: none
// Independent awaits that no rewrite into `&&` would keep as they are.
#include <asio.hpp>
#include <memory>
#include <string>
#include <tuple>

using asio::awaitable;

awaitable<int> fetch_a();
awaitable<int> fetch_b();
awaitable<std::string> fetch_name();
awaitable<std::tuple<int, int>> fetch_pair();

#define AWAIT_A co_await fetch_a()

// A declared type that is not the operation's result: `auto` would change it.
awaitable<long> widened() {
  long a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}

// One const, one not.
awaitable<int> mixed_const() {
  const int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}

// A comment between them would be lost.
awaitable<int> commented() {
  int a = co_await fetch_a();
  // the second one
  int b = co_await fetch_b();
  co_return a + b;
}

// A statement between them.
awaitable<int> statement_between(int k) {
  int a = co_await fetch_a();
  int twice = k * 2;
  int b = co_await fetch_b();
  co_return a + b + twice;
}

// A result that is a tuple: `&&` would flatten it.
awaitable<int> tuple_result() {
  auto p = co_await fetch_pair();
  int b = co_await fetch_b();
  co_return std::get<0>(p) + b;
}

// A variable returned by name would be copied, not moved.
awaitable<std::string> returned() {
  std::string name = co_await fetch_name();
  int b = co_await fetch_b();
  name += std::to_string(b);
  co_return name;
}

// Written by a macro.
awaitable<int> by_macro() {
  int a = AWAIT_A;
  int b = co_await fetch_b();
  co_return a + b;
}

// Assignments to existing variables.
awaitable<int> assignments() {
  int a = 0, b = 0;
  a = co_await fetch_a();
  b = co_await fetch_b();
  co_return a + b;
}
