// CHECKS: coro-ignored-send-result
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Sends outside coroutine bodies: a try_send in a plain member function of
// a class template (the channel's type is dependent, so the call is matched
// by its member name), and non-catalogued queues whose own API says the
// push result matters.
#include <asio.hpp>
#include <asio/experimental/channel.hpp>

#include <cstddef>
#include <optional>

// A publisher templated on its channel, as in asio channel users: the
// result of try_send is dropped in a plain (non-coroutine) function.
template <class Channel> class publisher {
public:
  explicit publisher(Channel &ch) : ch_(ch) {}
  void publish(int v) {
    ch_.try_send(asio::error_code{}, v); // expect-warning: result of 'try_send' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'try_send' returns false when the channel is full or closed
  }
  bool publish_checked(int v) { return ch_.try_send(asio::error_code{}, v); }
  void publish_or_count(int v) {
    if (!ch_.try_send(asio::error_code{}, v))
      ++dropped_;
  }
  void publish_explicitly_dropped(int v) {
    (void)ch_.try_send(asio::error_code{}, v);
  }
  // Not a send whose status is returned: async_send's error goes to the
  // completion.
  template <class Token> void publish_async(int v, Token t) {
    ch_.async_send(asio::error_code{}, v, t);
  }

private:
  Channel &ch_;
  std::size_t dropped_ = 0;
};

// A resolved try_send in a plain function.
using channel = asio::experimental::channel<void(asio::error_code, int)>;
void notify(channel &ch) {
  ch.try_send(asio::error_code{}, 1); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
}

// A project's own bounded queue whose push is [[nodiscard]]: clang's
// -Wunused-result reports the discard; this check reports only a result
// that is stored and never read.
enum class push_status { ok, full, closed };
template <class T> class ring {
public:
  [[nodiscard]] push_status push(T v);
  [[nodiscard]] bool try_push(T v);
  void push_all(T v) {
    (void)push(v);
  }
};
void produce(ring<int> &r) {
  r.push(1); // -Wunused-result's, not ours
  push_status s = r.push(2); // expect-warning: result of 'push' is stored in 's' but never read; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: check whether 'push' delivered the message
  bool ok = r.try_push(3);
  if (!ok)
    return;
}

// A queue without [[nodiscard]] whose push returns bool: not catalogued,
// not marked, so the check cannot tell a status from a convenience value.
struct plain_queue {
  bool push(int v);
  bool enqueue(int v);
};
void fill(plain_queue &q) {
  q.push(1);
  q.enqueue(2);
}
