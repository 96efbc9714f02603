// CHECKS: coro-ignored-send-result
// ARGS: -std=c++20 -I%include
// Dropped send results found in public history (testdata/real/README.md,
// section coro-ignored-send-result), restated: the buggy shape is reported,
// the fixed shape beside it is not.
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/system/error_code.hpp>

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
