// CHECKS: coro-ignored-send-result
// A push whose room the function's callers provide: every call of the
// function waits for room in the queue first, and the function uses the
// queue for this one push only ("Caller guarantees enough room"). Corpus
// false alarm seastar httpd.cc:377: read_one() calls generate_reply() in
// the continuation of _replies.not_full(), and generate_reply() pushes the
// reply once the route's handler is done.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/queue.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <memory>

struct reply {
  int status = 200;
};

seastar::future<std::unique_ptr<reply>> handle(int request);

class connection {
  seastar::queue<std::unique_ptr<reply>> _replies{10};
  seastar::queue<std::unique_ptr<reply>> _other{10};
  connection *_peer = nullptr;

public:
  // --- not reported ----------------------------------------------------------

  // Its only caller (read_one) waits for room first; the push comes after
  // the handler's future, which does not touch the queue.
  seastar::future<bool> generate_reply(int request) {
    return handle(request).then([this](std::unique_ptr<reply> r) {
      r->status = 200;
      _replies.push(std::move(r));
      return false;
    });
  }

  seastar::future<bool> read_one(int request) {
    return _replies.not_full().then([this, request] {
      return generate_reply(request);
    });
  }

  // Two callers, each awaiting room first (one of them after this point in
  // the file).
  seastar::future<> push_awaited() {
    auto r = co_await handle(1);
    _replies.push(std::move(r));
  }

  seastar::future<> first_caller() {
    co_await _replies.not_full();
    co_await push_awaited();
  }

  // --- reported: near misses -------------------------------------------------

  // One caller waits for room, the other does not.
  seastar::future<> push_mixed() {
    auto r = co_await handle(2);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> mixed_with_room() {
    co_await _replies.not_full();
    co_await push_mixed();
  }

  seastar::future<> mixed_without_room() {
    co_await push_mixed(); // expect-note: 'push_mixed' is called here without waiting for room in '_replies'
  }

  // The caller waited for room in another queue.
  seastar::future<> push_other_room() {
    auto r = co_await handle(3);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> calls_after_other_room() {
    co_await _other.not_full();
    co_await push_other_room();
  }

  // Room in this connection's queue says nothing about the peer's.
  seastar::future<> push_peer() {
    auto r = co_await handle(4);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> calls_peer() {
    co_await _replies.not_full();
    co_await _peer->push_peer();
  }

  // The function pushes twice: the callers' room covers one push only.
  seastar::future<> push_twice() {
    auto r = co_await handle(5);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
    _replies.push(std::make_unique<reply>()); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> calls_twice() {
    co_await _replies.not_full();
    co_await push_twice();
  }

  // A suspension between the wait for room and the call.
  seastar::future<> push_after_yield() {
    auto r = co_await handle(6);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> calls_after_yield() {
    co_await _replies.not_full();
    co_await seastar::coroutine::maybe_yield();
    co_await push_after_yield();
  }

  // Overrides are called through the base, out of view.
  virtual seastar::future<> push_virtual() {
    auto r = co_await handle(7);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> calls_virtual() {
    co_await _replies.not_full();
    co_await push_virtual();
  }

  // No caller in view.
  seastar::future<> push_uncalled() {
    auto r = co_await handle(8);
    _replies.push(std::move(r)); // expect-warning: result of 'push' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'push' returns false when the queue is full
  }

  seastar::future<> second_caller();
};

seastar::future<> connection::second_caller() {
  co_await _replies.not_full();
  co_await push_awaited();
}
