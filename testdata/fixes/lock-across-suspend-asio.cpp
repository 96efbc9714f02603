// fix-check: coro-lock-across-suspend
// fix-mode: fix
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// On real asio: the socket the awaited write is called on is not what the
// lock guards; the queue is, and it is not used after the write.
#include <asio.hpp>
#include <deque>
#include <mutex>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

class Session {
public:
  awaitable<void> send_next() {
    std::unique_lock lk(mu_);
    std::string msg = std::move(queue_.front());
    queue_.pop_front();
    co_await sock_.async_write_some(asio::buffer(msg), use_awaitable);
  }

  awaitable<void> send_next_guarded() {
    std::lock_guard g(mu_);
    std::string msg = std::move(queue_.front());
    queue_.pop_front();
    co_await sock_.async_write_some(asio::buffer(msg), use_awaitable);
  }

private:
  std::mutex mu_;
  std::deque<std::string> queue_;
  tcp::socket sock_;
};
