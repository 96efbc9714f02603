// CHECKS: coro-ignored-send-result
// ARGS: -std=c++20 -I%include
// Dropped send results found in public history (testdata/real/README.md,
// section coro-ignored-send-result), restated: the buggy shape is reported,
// the fixed shape beside it is not.
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdio>
#include <string>

// --- SR01: a session's outgoing messages handed to its writer coroutine
// through a bounded concurrent_channel with try_send, result dropped: on a
// full channel the message is lost (uuiid/Doodle socket_io sid_data::
// seed_message; fixed by falling back to async_send when try_send fails).
namespace sr01 {
class sid_data {
  using channel_type = boost::asio::experimental::concurrent_channel<void(boost::system::error_code, std::string)>;

public:
  explicit sid_data(boost::asio::io_context &io) : channel_(io, 9999) {}

  void seed_message_buggy(const std::string &message) {
    channel_.try_send(boost::system::error_code{}, message); // expect-warning: result of 'try_send' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'try_send' returns false when the channel is full or closed
  }

  void seed_message_fixed(const std::string &message) {
    if (!channel_.try_send(boost::system::error_code{}, message))
      channel_.async_send(boost::system::error_code{}, message, [](boost::system::error_code ec) {
        if (ec)
          std::fprintf(stderr, "seed_message error %s\n", ec.message().c_str());
      });
  }

private:
  channel_type channel_;
};
} // namespace sr01

// --- SR02: the session's heartbeat coroutine wakes every ping interval and
// queues a ping on the same bounded channel with try_send, result dropped:
// with the channel full the ping is lost and the client times the session
// out (uuiid/Doodle sid_data::impl_run; fixed by sending the ping with
// async_send and a handler that logs a failure). The real loop called the
// SR01 helper; restated with the send inline in the coroutine.
namespace sr02 {
using channel_type = boost::asio::experimental::concurrent_channel<void(boost::system::error_code, std::string)>;

struct session {
  channel_type channel_;
  boost::asio::steady_timer timer_;
  bool timed_out() const;

  boost::asio::awaitable<void> heartbeat_buggy() {
    for (;;) {
      if (timed_out())
        co_return;
      timer_.expires_after(std::chrono::seconds(25));
      co_await timer_.async_wait(boost::asio::use_awaitable);
      channel_.try_send(boost::system::error_code{}, std::string("2")); // expect-warning: result of 'try_send' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
      // expect-note@-1: 'try_send' returns false when the channel is full or closed
    }
  }

  boost::asio::awaitable<void> heartbeat_fixed() {
    for (;;) {
      if (timed_out())
        co_return;
      timer_.expires_after(std::chrono::seconds(25));
      co_await timer_.async_wait(boost::asio::use_awaitable);
      channel_.async_send(boost::system::error_code{}, std::string("2"), [](boost::system::error_code ec) {
        if (ec)
          std::fprintf(stderr, "ping error %s\n", ec.message().c_str());
      });
    }
  }
};
} // namespace sr02
