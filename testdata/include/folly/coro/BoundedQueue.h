// Test stand-in for folly's <folly/coro/BoundedQueue.h>, written for corolint's tests.
#pragma once
#include <folly/coro/Task.h>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace folly::coro {

// enqueue()/dequeue() return Tasks that wait for room/items; the try_*
// forms never wait and report failure through their return value.
template <typename T, bool SingleProducer = false, bool SingleConsumer = false>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::uint32_t capacity) { (void)capacity; }
  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  template <typename U = T>
  folly::coro::Task<void> enqueue(U&& item) {
    (void)item;
    co_return;
  }
  // false when the queue is full: the item was not enqueued.
  template <typename U = T>
  bool try_enqueue(U&& item) {
    (void)item;
    return false;
  }

  folly::coro::Task<T> dequeue() { co_return corolint_standin::unreachable<T>(); }
  folly::coro::Task<void> dequeue(T& item) {
    (void)item;
    co_return;
  }
  std::optional<T> try_dequeue() { return std::nullopt; }
  bool try_dequeue(T& item) {
    (void)item;
    return false;
  }

  bool empty() const { return true; }
  std::size_t size() const { return 0; }
};

}  // namespace folly::coro
