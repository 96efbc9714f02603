// CHECKS: coro-ignored-send-result
// A push onto a queue the code has just seen empty cannot fail for want of
// room: its result says nothing (corpus false alarm seastar rpc.cc:593,
// `SEASTAR_ASSERT(_stream_queue.empty()); _stream_queue.push(eof marker)`).
// The check is read from the code before the push: an assertion, an `if`
// around it or one that leaves early, with no suspension and no other use
// of the queue in between.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/queue.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <cassert>

namespace app {
[[noreturn]] void assert_fail(const char *what);
} // namespace app

// The shape of SEASTAR_ASSERT.
#define APP_ASSERT(x)                                                          \
  do {                                                                         \
    if (!(x)) [[unlikely]] {                                                   \
      app::assert_fail(#x);                                                    \
    }                                                                          \
  } while (0)

struct rcv_buf {
  unsigned size = 0;
};

void log_something();

class connection {
  seastar::queue<rcv_buf> _stream_queue{16};
  seastar::queue<rcv_buf> _other_queue{16};

public:
  // --- not reported: the queue was just seen empty ---------------------------

  // The corpus shape: a continuation that drained the queue pushes the end
  // marker back.
  seastar::future<> stream_receive(bool eof) {
    return _stream_queue.not_empty().then([this, eof] {
      if (eof) {
        APP_ASSERT(_stream_queue.empty());
        _stream_queue.push(rcv_buf{~0u});
      }
    });
  }

  seastar::future<> asserted_with_std_assert() {
    assert(_stream_queue.empty() && "drained");
    _stream_queue.push(rcv_buf{});
    co_return;
  }

  seastar::future<> pushed_when_empty() {
    if (_stream_queue.empty())
      _stream_queue.push(rcv_buf{});
    co_return;
  }

  seastar::future<> leaves_unless_empty() {
    if (_stream_queue.size() != 0)
      co_return;
    log_something(); // does not touch the queue
    _stream_queue.push(rcv_buf{});
  }

  // --- reported: near misses ------------------------------------------------

  // Another queue was checked.
  seastar::future<> other_queue_checked() {
    APP_ASSERT(_other_queue.empty());
    _stream_queue.push(rcv_buf{}); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
    co_return;
  }

  // A suspension in between: other tasks may fill the queue meanwhile.
  seastar::future<> suspends_in_between() {
    APP_ASSERT(_stream_queue.empty());
    co_await seastar::coroutine::maybe_yield();
    _stream_queue.push(rcv_buf{}); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
  }

  // The first push has room; the second may not.
  seastar::future<> two_pushes() {
    APP_ASSERT(_stream_queue.empty());
    _stream_queue.push(rcv_buf{1});
    _stream_queue.push(rcv_buf{2}); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
    co_return;
  }

  // The push is on the branch where the queue is not empty.
  seastar::future<> pushed_when_not_empty() {
    if (_stream_queue.empty())
      log_something();
    else
      _stream_queue.push(rcv_buf{}); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
    co_return;
  }

  // The check does not stop the path: the queue may hold items.
  seastar::future<> checked_but_goes_on() {
    if (!_stream_queue.empty())
      log_something();
    _stream_queue.push(rcv_buf{}); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
    co_return;
  }
};
