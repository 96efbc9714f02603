// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20
// fix-expect: none
// Boost.Asio matches asio's catalog through the namespace alias, but the
// idiom's template is spelled for standalone asio: no fix.
#include <boost/asio.hpp>

using boost::asio::awaitable;

awaitable<int> fetch_a();
awaitable<int> fetch_b();

awaitable<int> two_fetches() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}
