// Test stand-in for seastar's <seastar/core/queue.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <cstddef>
#include <exception>

namespace seastar {

// Bounded single-shard queue. push() does not wait: it returns false (and
// drops nothing) when the queue is full; push_eventually() waits for room.
template <typename T>
class queue {
 public:
  explicit queue(std::size_t size) { (void)size; }

  bool push(T&& a) {
    (void)a;
    return false;
  }
  T pop() noexcept { return corolint_standin::unreachable<T>(); }
  T& front() noexcept { return corolint_standin::unreachable<T&>(); }
  template <typename Func>
  bool consume(Func&& func) {
    (void)func;
    return false;
  }
  bool empty() const noexcept { return true; }
  bool full() const noexcept { return false; }
  std::size_t size() const noexcept { return 0; }
  std::size_t max_size() const noexcept { return 0; }
  void set_max_size(std::size_t max) noexcept { (void)max; }

  future<> not_empty() noexcept { return make_ready_future<>(); }
  future<> not_full() noexcept { return make_ready_future<>(); }
  future<T> pop_eventually() noexcept { return make_ready_future<T>(); }
  future<> push_eventually(T&& data) noexcept {
    (void)data;
    return make_ready_future<>();
  }
  void abort(std::exception_ptr ex) noexcept { (void)ex; }
  bool has_blocked_consumer() const noexcept { return false; }
};

}  // namespace seastar
