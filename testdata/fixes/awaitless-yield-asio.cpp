// fix-check: coro-awaitless-loop
// fix-mode: fix
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// asio's cheap yield is a post to the coroutine's own executor. A loop
// written on one line stays on one line.
#include <asio.hpp>

#include <vector>

asio::awaitable<long> pairs(std::vector<int> v) {
  long s = 0;
  for (int a : v) for (int b : v) s += a * b;
  co_return s;
}
