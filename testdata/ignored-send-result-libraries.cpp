// CHECKS: coro-ignored-send-result
// Queue and channel sends of folly, seastar, libcoro and Boost.Cobalt
// (stand-in headers).
#include <boost/cobalt.hpp>
#include <coro/coro.hpp>
#include <coro/queue.hpp>
#include <coro/ring_buffer.hpp>
#include <folly/coro/BoundedQueue.h>
#include <folly/coro/Task.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/queue.hh>

#include <deque>
#include <utility>
#include <vector>

void note_failure();

// --- folly::coro::BoundedQueue ------------------------------------------------

folly::coro::Task<void> folly_discarded(folly::coro::BoundedQueue<int> &q) {
  q.try_enqueue(1); // expect-warning: result of 'try_enqueue' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: 'try_enqueue' returns false when the queue is full; use co_await queue.enqueue(item), or a check of the returned bool
  bool ok = q.try_enqueue(2); // expect-warning: result of 'try_enqueue' is stored in 'ok' but never read [coro-ignored-send-result]
  // expect-note@-1: 'try_enqueue' returns false
  co_return;
}

folly::coro::Task<void> folly_checked(folly::coro::BoundedQueue<int> &q) {
  if (!q.try_enqueue(1))
    co_await q.enqueue(1);
  co_await q.enqueue(2); // waits for room: nothing to check
  bool ok = q.try_enqueue(3);
  if (!ok)
    note_failure();
}

// --- seastar::queue --------------------------------------------------------------

seastar::future<> seastar_discarded(seastar::queue<int> &q) {
  q.push(1); // expect-warning: result of 'push' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: 'push' returns false when the queue is full; use co_await queue.push_eventually(std::move(item)), or a check of the returned bool
  co_return;
}

seastar::future<> seastar_checked(seastar::queue<int> &q) {
  if (!q.push(1))
    co_await q.push_eventually(1);
  co_await q.push_eventually(2);
}

// --- libcoro: the status comes out of the co_await --------------------------------

coro::task<void> libcoro_discarded(coro::queue<int> &q, coro::ring_buffer<int, 4> &rb) {
  // push/emplace/produce wait for room and fail only once the queue or ring
  // buffer was stopped (drops_when: closed): a discarded status loses
  // nothing in normal operation and is not reported.
  co_await q.push(1);
  co_await q.emplace(2);
  co_await rb.produce(3);
  auto r = co_await q.push(4); // expect-warning: result of 'push' is stored in 'r' but never read; a closed or stopped queue drops the message [coro-ignored-send-result]
  // expect-note@-1: 'push' reports whether the item was queued or the queue was stopped; use a check of the returned coro::queue_produce_result
  for (int i = 0; i < 3; ++i)
    co_await rb.produce(i);
}

coro::task<coro::ring_buffer_result::produce> libcoro_checked(coro::queue<int> &q,
                                                              coro::ring_buffer<int, 4> &rb) {
  if (co_await q.push(1) != coro::queue_produce_result::produced)
    co_return coro::ring_buffer_result::produce::stopped;
  auto r = co_await q.emplace(2);
  if (r == coro::queue_produce_result::stopped)
    note_failure();
  while (co_await rb.produce(3) == coro::ring_buffer_result::produce::produced) {
  }
  co_return co_await rb.produce(4);
}

coro::task<void> libcoro_not_awaited(coro::queue<int> &q) {
  // A task that is never awaited sends nothing: not this check's business.
  auto pending = q.push(1);
  (void)pending;
  co_return;
}

// --- Boost.Cobalt: write throws unless wrapped in as_tuple ---------------------------

boost::cobalt::task<void> cobalt_discarded(boost::cobalt::channel<int> &ch,
                                           boost::cobalt::channel<void> &signal) {
  co_await boost::cobalt::as_tuple(ch.write(1)); // expect-warning: result of 'write' is ignored; a closed channel or a cancelled send drops the message [coro-ignored-send-result]
  // expect-note@-1: 'write' fails when the channel is closed; use co_await channel.write(value) (which throws on error), or a check of the error_code
  auto [ec] = co_await boost::cobalt::as_tuple(ch.write(2)); // expect-warning: result of 'write' is stored in '[ec]' but never read [coro-ignored-send-result]
  // expect-note@-1: 'write' fails when the channel is closed
  co_await boost::cobalt::as_tuple(signal.write()); // expect-warning: result of 'write' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'write' fails when the channel is closed
}

boost::cobalt::task<void> cobalt_checked(boost::cobalt::channel<int> &ch) {
  co_await ch.write(1); // throws when closed
  auto [ec] = co_await boost::cobalt::as_tuple(ch.write(2));
  if (ec)
    co_return;
  auto [rec, value] = co_await boost::cobalt::as_tuple(ch.read()); // a receive
  (void)rec;
  (void)value;
}

// --- Not channels ----------------------------------------------------------------

coro::task<void> containers(std::vector<int> &v, std::deque<int> &d) {
  v.push_back(1);
  d.push_back(2);
  co_return;
}
