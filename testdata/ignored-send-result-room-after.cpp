// CHECKS: coro-ignored-send-result
// A push right after the queue was emptied, or once it has room, cannot
// fail for want of room (the send entry's `room_after`: seastar's
// queue::abort() empties the queue, queue::not_full() resolves once there
// is room). Corpus false alarms seastar httpd.cc:102/113/124
// (`_replies.abort(ex); _replies.push(nullptr);`) and httpd.cc:254
// (`_replies.not_full().then([this] { ... _replies.push(reply); })`).
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/queue.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <exception>
#include <memory>

struct reply {
  int status = 200;
};

void log_something();

class connection {
  seastar::queue<std::unique_ptr<reply>> _replies{10};
  seastar::queue<std::unique_ptr<reply>> _other{10};

public:
  // --- not reported --------------------------------------------------------

  // The queue was just emptied by abort(): a wake-up marker has room.
  void fail(std::exception_ptr ex) {
    _replies.abort(ex);
    _replies.push(std::unique_ptr<reply>());
  }

  // The continuation of not_full(): there is room for one reply.
  seastar::future<> send_continue() {
    return _replies.not_full().then([this] {
      auto r = std::make_unique<reply>();
      r->status = 100;
      log_something();
      _replies.push(std::move(r));
    });
  }

  // Awaited not_full(), then one push.
  seastar::future<> send_awaited() {
    co_await _replies.not_full();
    _replies.push(std::make_unique<reply>());
  }

  // --- reported: near misses -------------------------------------------------

  // Room on another queue says nothing about this one.
  void fail_other(std::exception_ptr ex) {
    _other.abort(ex);
    _replies.push(std::unique_ptr<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  // The second push after one not_full() may find the queue full.
  seastar::future<> send_two() {
    co_await _replies.not_full();
    _replies.push(std::make_unique<reply>());
    _replies.push(std::make_unique<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  // A suspension between the wait and the push lets another producer in.
  seastar::future<> send_after_yield() {
    co_await _replies.not_full();
    co_await seastar::coroutine::maybe_yield();
    _replies.push(std::make_unique<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  // A continuation of something else.
  seastar::future<> send_after_other(seastar::future<> f) {
    return f.then([this] {
      _replies.push(std::make_unique<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
    });
  }

  // An error reply pushed with no room check (httpd.cc:200, a true finding).
  void error_reply() {
    _replies.push(std::make_unique<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }
};
