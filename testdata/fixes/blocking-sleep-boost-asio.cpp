// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// Boost.Asio is asio under boost::asio (a namespace alias in the catalog),
// but a fix must be spelled with the names and headers the code uses: the
// idioms entry named boost::asio::awaitable says so. Only the headers the
// file uses are included: the timer's header is added.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <thread>

boost::asio::awaitable<void> reconnect_later(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
  co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
}
