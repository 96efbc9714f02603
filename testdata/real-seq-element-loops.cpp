// CHECKS: coro-sequential-await
// A loop that awaits one void operation on each element in turn. Reported
// when each operation is called on its own element, writes nothing else
// and its result is dropped; silent when iterations share state.
#include "corolint_task.hpp"
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

using testing_task::task;

struct logger {
  void debug(const char *fmt, long v) const;
};

// RB14 (redpanda remote_partition::stop, b8ba09ca): every segment of a
// partition stopped one after the other; shutdown took over 9 minutes.
namespace rb14 {
struct remote_segment {
  seastar::future<> stop();
  long base_offset() const;
};
struct remote_partition {
  std::map<long, std::shared_ptr<remote_segment>> segments_;
  logger log_;
  seastar::future<> stop_buggy() {
    decltype(segments_) to_stop;
    to_stop.swap(segments_);
    for (auto &[offset, segment] : to_stop) { // expect-note: start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
      log_.debug("remote partition stop {}", segment->base_offset());
      co_await segment->stop(); // expect-warning: 'segment->stop()' is awaited on each element in turn, but no element's operation depends on another's; await them concurrently [coro-sequential-await]
    }
  }
  // The fix starts every stop and waits for all of them (modelled here as
  // one combined operation): nothing sequential is left.
  seastar::future<> stop_all(std::map<long, std::shared_ptr<remote_segment>> &segs);
  seastar::future<> stop_fixed() {
    decltype(segments_) to_stop;
    to_stop.swap(segments_);
    co_await stop_all(to_stop);
  }
};

// RB14, second half (materialized_segments::run_eviction_loop): a worklist
// drained one stop at a time.
struct materialized_segments {
  std::deque<std::shared_ptr<remote_segment>> in_flight_;
  seastar::future<> evict_buggy() {
    while (!in_flight_.empty()) { // expect-note: start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
      auto seg = std::move(in_flight_.front());
      in_flight_.pop_front();
      co_await seg->stop(); // expect-warning: 'seg->stop()' is awaited on each element in turn [coro-sequential-await]
    }
  }
  seastar::future<> stop_all(std::deque<std::shared_ptr<remote_segment>> &q);
  seastar::future<> evict_fixed() { co_await stop_all(in_flight_); }
};
} // namespace rb14

struct client {
  task<> stop();
  task<> close_with(int code);
  task<> send_to(client &peer);
  task<bool> flush();
};
struct stream {
  task<> write(int v);
};

std::vector<std::unique_ptr<client>> clients();
int g_code;

// The shape of the brief: one stop per client, by reference.
task<> stop_clients(std::vector<std::unique_ptr<client>> &cs) {
  for (auto &c : cs)
    co_await c->stop(); // expect-warning: 'c->stop()' is awaited on each element in turn [coro-sequential-await]
}

// Elements by value, an element-local argument and a read-only one.
task<> close_all(std::vector<client> cs, const int code) {
  for (auto &c : cs) {
    int mine = code + 1;
    co_await c.close_with(mine); // expect-warning: 'c.close_with(...)' is awaited on each element in turn [coro-sequential-await]
  }
}

// Negative: the same receiver every iteration (writes to one stream).
task<> write_all(stream &out, std::vector<int> values) {
  for (int v : values)
    co_await out.write(v);
}

// Negative: the operation writes a shared object (a peer passed by
// reference).
task<> send_all(std::vector<client> &cs, client &hub) {
  for (auto &c : cs)
    co_await c.send_to(hub);
}

// Negative: an early exit depends on the result.
task<> flush_until_failure(std::vector<client> &cs) {
  for (auto &c : cs) {
    bool ok = co_await c.flush();
    if (!ok)
      break;
  }
}

// Negative: a lock held around each operation orders them.
std::mutex m;
task<> stop_locked(std::vector<client> &cs) {
  for (auto &c : cs) {
    std::lock_guard<std::mutex> g(m);
    co_await c.stop();
  }
}

// Negative: the body writes shared state (a counter the next iteration
// sees) and reads a mutable global.
task<> stop_counted(std::vector<client> &cs, int &stopped) {
  for (auto &c : cs) {
    co_await c.stop();
    ++stopped;
  }
}
task<> close_global(std::vector<client> &cs) {
  for (auto &c : cs)
    co_await c.close_with(g_code);
}

// Negative: a local reference bound to something other than the element.
task<> stop_shared(std::vector<client> &cs, client &one) {
  for (auto &c : cs) {
    client &target = one;
    (void)c;
    co_await target.stop();
  }
}

// Negative: a worklist that grows while it is walked, and one that is
// never popped.
task<> walk_growing(std::deque<std::shared_ptr<client>> q) {
  while (!q.empty()) {
    auto c = q.front();
    q.pop_front();
    q.push_back(c);
    co_await c->stop();
  }
}
task<> walk_unpopped(std::deque<std::shared_ptr<client>> q) {
  while (!q.empty()) {
    auto c = q.front();
    co_await c->stop();
  }
}

// Negative: a constant trip count below MinIndependentAwaits.
task<> stop_one(client (&cs)[1]) {
  for (auto &c : cs)
    co_await c.stop();
}
