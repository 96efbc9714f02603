// CHECKS: coro-awaitless-loop
// Reductions of the false alarms of the heavy-helper path in yalantinglibs
// (/work/corpus/results/s22-base/TABLE.md, the NEW classes): a coroutine
// calls, once, a plain function whose own loop was judged heavy. Each quiet
// case has a near miss beside it that is still reported.
#include "corolint_task.hpp"
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <vector>

using testing_task::task;
task<int> other();

// --- 1. an inner loop on a branch that leaves the outer loop -----------------
// coro_rpc_server_base::async_start: on the first listen error every
// acceptor is closed and the loop stops, so the closing loop runs at most
// once per call and does not multiply with the loop around it.
namespace exits {
struct acceptor {
  int listen();
  void close_now();
};
struct server {
  std::vector<std::unique_ptr<acceptor>> acceptors_;

  int start_breaks() {
    int err = 0;
    for (std::size_t i = 0; i < acceptors_.size(); ++i) {
      if (acceptors_[i]->listen() != 0) {
        err = 1;
        for (auto &a : acceptors_)
          a->close_now();
        break;
      }
    }
    return err;
  }
  int start_returns() {
    for (auto &each : acceptors_)
      if (each->listen() != 0) {
        for (auto &a : acceptors_)
          a->close_now();
        return 1;
      }
    return 0;
  }
  int start_throws() {
    for (auto &each : acceptors_) {
      if (each->listen() == 0)
        continue;
      if (each->listen() != 0) {
        for (auto &a : acceptors_)
          a->close_now();
        throw std::runtime_error("listen failed");
      }
    }
    return 0;
  }
  int start_aborts() {
    for (auto &each : acceptors_)
      if (each->listen() != 0) {
        for (auto &a : acceptors_)
          a->close_now();
        std::abort();
      }
    return 0;
  }

  // Near misses: the closing loop runs after every failure.
  int start_keeps_going() {
    int err = 0;
    for (std::size_t i = 0; i < acceptors_.size(); ++i) { // expect-note: loop in 'exits::server::start_keeps_going' over a runtime bound
      if (acceptors_[i]->listen() != 0) {
        ++err;
        for (auto &a : acceptors_) // expect-note: loop in 'exits::server::start_keeps_going' over a runtime bound
          a->close_now();
      }
    }
    return err;
  }
  // The break leaves the switch, not the loop.
  int start_switch() {
    int err = 0;
    for (auto &each : acceptors_) { // expect-note: loop in 'exits::server::start_switch' over a runtime bound
      switch (each->listen()) {
      case 0:
        break;
      default: {
        ++err;
        for (auto &a : acceptors_) // expect-note: loop in 'exits::server::start_switch' over a runtime bound
          a->close_now();
        break;
      }
      }
    }
    return err;
  }
  // The exception is caught inside the loop, which goes on.
  int start_catches() {
    int err = 0;
    for (auto &each : acceptors_) { // expect-note: loop in 'exits::server::start_catches' over a runtime bound
      try {
        if (each->listen() != 0) {
          for (auto &a : acceptors_) // expect-note: loop in 'exits::server::start_catches' over a runtime bound
            a->close_now();
          throw std::runtime_error("listen failed");
        }
      } catch (const std::exception &) {
        ++err;
      }
    }
    return err;
  }
  // A return in the callable of std::for_each ends one element's call only.
  void start_each() {
    std::for_each(acceptors_.begin(), acceptors_.end(), [&](auto &each) { // expect-note: 'std::for_each' calls its function on every element
      if (each->listen() != 0) {
        for (auto &a : acceptors_) // expect-note: loop in 'exits::server::start_each' over a runtime bound
          a->close_now();
        return;
      }
    });
  }
};

task<int> run_breaks(server &s) {
  s.start_breaks();
  co_return co_await other();
}
task<int> run_returns(server &s) {
  s.start_returns();
  co_return co_await other();
}
task<int> run_throws(server &s) {
  s.start_throws();
  co_return co_await other();
}
task<int> run_aborts(server &s) {
  s.start_aborts();
  co_return co_await other();
}
task<int> run_keeps_going(server &s) {
  s.start_keeps_going(); // expect-warning: 'exits::server::start_keeps_going' loops without suspending and does heavy work per iteration, called in coroutine 'exits::run_keeps_going' [coro-awaitless-loop]
  co_return co_await other();
}
task<int> run_switch(server &s) {
  s.start_switch(); // expect-warning: 'exits::server::start_switch' loops without suspending [coro-awaitless-loop]
  co_return co_await other();
}
task<int> run_catches(server &s) {
  s.start_catches(); // expect-warning: 'exits::server::start_catches' loops without suspending [coro-awaitless-loop]
  co_return co_await other();
}
task<int> run_each(server &s) {
  s.start_each(); // expect-warning: 'exits::server::start_each' loops without suspending [coro-awaitless-loop]
  co_return co_await other();
}

// The same in the coroutine's own loop: one pass, plus a clean-up pass that
// runs once before the loop is left.
task<int> start_in_coroutine(server &s) {
  int err = 0;
  for (auto &each : s.acceptors_)
    if (each->listen() != 0) {
      for (auto &a : s.acceptors_)
        a->close_now();
      err = 1;
      break;
    }
  co_return err + co_await other();
}
task<int> start_in_coroutine_keeps_going(server &s) {
  int err = 0;
  for (auto &each : s.acceptors_) // expect-warning: loop in coroutine 'exits::start_in_coroutine_keeps_going' never suspends and does heavy work [coro-awaitless-loop]
    if (each->listen() != 0) {
      for (auto &a : s.acceptors_) // expect-note: nested loop over a runtime bound
        a->close_now();
      ++err;
    }
  co_return err + co_await other();
}
} // namespace exits

// --- 2. a catalogued offload: the asynchronous logger ------------------------
// easylog::logger::operator+= (rules/yalantinglibs.json, offload kind queue)
// hands the record to the writer thread; its appender loop runs there.
namespace easylog {
struct record_t {
  template <typename T> record_t &operator<<(const T &) { return *this; }
};
template <int Id = 0> struct logger {
  static logger &instance();
  void operator+=(record_t &r) { write(r); }
  void write(record_t &r) {
    for (auto &app : appenders_) // expect-note: loop in 'easylog::logger::write' over a runtime bound
      app(r);
    queue(r);
  }
  void queue(record_t &r);
  std::vector<std::function<void(record_t &)>> appenders_;
};
} // namespace easylog
#define LOG_WARN easylog::logger<>::instance() += easylog::record_t{}

namespace offload {
int sum(const std::vector<int> &v) {
  int s = 0;
  for (int x : v) {
    s += x;
    if (x < 0)
      LOG_WARN << "negative";
  }
  return s;
}
task<int> sums(const std::vector<int> &v) {
  co_await other();
  co_return sum(v);
}
// Near miss: the synchronous writer called directly.
int sum_sync(const std::vector<int> &v) {
  int s = 0;
  for (int x : v) { // expect-note: loop in 'offload::sum_sync' over a runtime bound
    s += x;
    if (x < 0) {
      easylog::record_t r;
      easylog::logger<>::instance().write(r); // expect-note: 'offload::sum_sync' calls 'easylog::logger::write'
    }
  }
  return s;
}
task<int> sums_sync(const std::vector<int> &v) {
  co_await other();
  co_return sum_sync(v); // expect-warning: 'offload::sum_sync' loops without suspending [coro-awaitless-loop]
}
} // namespace offload

// --- 3. a lock-free queue's operations -----------------------------------------
// moodycamel::ConcurrentQueue::enqueue finds the calling thread's producer
// in a small lock-free hash (probe loops, a rare resize): amortised constant
// time, not work that grows with the data.
namespace lockfree_impl {
template <class T> struct hashed_producers {
  struct kv {
    std::atomic<std::size_t> key;
    void *value;
  };
  struct hash_t {
    hash_t *prev;
    std::size_t capacity;
    kv *entries;
  };
  std::atomic<hash_t *> hash_;
  std::atomic<std::size_t> count_;
  void *producer_for(std::size_t id) {
    auto main = hash_.load();
    for (auto *h = main; h != nullptr; h = h->prev) { // expect-note: loop in 'lockfree_impl::hashed_producers::producer_for' over a runtime bound
      auto index = id;
      while (true) {
        index &= h->capacity - 1;
        if (h->entries[index].key.load() == id)
          return h->entries[index].value;
        if (h->entries[index].key.load() == 0)
          break;
        ++index;
      }
    }
    if (1 + count_.fetch_add(1) >= main->capacity / 2) { // grow (rare)
      auto *h = static_cast<hash_t *>(std::malloc(sizeof(hash_t)));
      h->capacity = main->capacity * 2;
      h->entries = static_cast<kv *>(std::malloc(sizeof(kv) * h->capacity));
      for (std::size_t i = 0; i != h->capacity; ++i) 
        h->entries[i].key.store(0);
      h->prev = main;
      hash_.store(h);
    }
    return nullptr;
  }
  // A consumer tries each producer (one per producing thread) in turn.
  bool take_any() {
    for (auto *h = hash_.load(); h != nullptr; h = h->prev) // expect-note: loop in 'lockfree_impl::hashed_producers::take_any' over a runtime bound
      if (h->capacity != 0)
        return true;
    return false;
  }
};
} // namespace lockfree_impl

namespace moodycamel {
template <class T> struct ConcurrentQueue : lockfree_impl::hashed_producers<T> {
  bool enqueue(T) { return this->producer_for(1) != nullptr; }
  bool try_dequeue(T &) { return this->take_any(); }
};
} // namespace moodycamel
namespace ylt::detail::moodycamel {
template <class T> struct ConcurrentQueue : lockfree_impl::hashed_producers<T> {
  bool enqueue(T) { return this->producer_for(1) != nullptr; }
  bool try_dequeue(T &) { return this->take_any(); }
};
} // namespace ylt::detail::moodycamel
namespace mine {
template <class T> struct HashedQueue : lockfree_impl::hashed_producers<T> {
  bool enqueue(T) { return this->producer_for(1) != nullptr; } // expect-note: 'mine::HashedQueue::enqueue' calls 'lockfree_impl::hashed_producers::producer_for'
  bool try_dequeue(T &) { return this->take_any(); } // expect-note: 'mine::HashedQueue::try_dequeue' calls 'lockfree_impl::hashed_producers::take_any'
};
} // namespace mine

namespace lockfree {
struct client {
  ~client();
};
template <class Queue> struct client_pool {
  Queue free_;
  void put_back(std::unique_ptr<client> c) {
    free_.enqueue(std::move(c)); // expect-note: 'lockfree::client_pool::put_back' calls 'mine::HashedQueue::enqueue'
  }
};
template <class Queue> struct balancer {
  std::vector<std::shared_ptr<client_pool<Queue>>> pools_; // one per host
  void refill() {
    for (auto &p : pools_) // expect-note: loop in 'lockfree::balancer::refill' over a runtime bound
      p->put_back(nullptr); // expect-note: 'lockfree::balancer::refill' calls 'lockfree::client_pool::put_back'

  }
};
task<int> shrink(balancer<moodycamel::ConcurrentQueue<std::unique_ptr<client>>> &b) {
  co_await other();
  b.refill();
  co_return 0;
}
task<int> shrink_vendored(
    balancer<ylt::detail::moodycamel::ConcurrentQueue<std::unique_ptr<client>>> &b) {
  co_await other();
  b.refill();
  co_return 0;
}
// Near miss: a queue the catalogs do not know is read as it is written.
task<int> shrink_own(balancer<mine::HashedQueue<std::unique_ptr<client>>> &b) {
  co_await other();
  b.refill(); // expect-warning: 'lockfree::balancer::refill' loops without suspending [coro-awaitless-loop]
  co_return 0;
}

// ib_buffer_pool_t::collect_idle_timeout_client: a clean-up fiber that
// drops at most 1000 idle buffers per call and yields between calls.
template <class Queue> struct idle_queue {
  Queue q_;
  std::size_t clear_old(std::size_t max) {
    std::size_t n = 0;
    std::unique_ptr<client> item;
    while (n < max && q_.try_dequeue(item)) // expect-note: loop in 'lockfree::idle_queue::clear_old' over a runtime bound // expect-note: 'lockfree::idle_queue::clear_old' calls 'mine::HashedQueue::try_dequeue'
      ++n;
    return n;
  }
};
task<int> collect(idle_queue<ylt::detail::moodycamel::ConcurrentQueue<std::unique_ptr<client>>> &q) {
  while (q.clear_old(1000) == 1000)
    co_await other();
  co_return 0;
}
// Near miss: the unknown queue's consumer walk is followed.
task<int> collect_own(idle_queue<mine::HashedQueue<std::unique_ptr<client>>> &q) {
  while (q.clear_old(1000) == 1000) // expect-warning: 'lockfree::idle_queue::clear_old' loops without suspending [coro-awaitless-loop]
    co_await other();
  co_return 0;
}
} // namespace lockfree
