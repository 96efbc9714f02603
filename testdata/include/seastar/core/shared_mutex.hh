// Test stand-in for seastar's <seastar/core/shared_mutex.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <type_traits>
#include <utility>

namespace seastar {

// Fiber reader/writer lock: lock()/lock_shared() return futures.
class shared_mutex {
 public:
  shared_mutex() = default;
  shared_mutex(const shared_mutex&) = delete;

  future<> lock_shared() noexcept { return make_ready_future<>(); }
  bool try_lock_shared() noexcept { return false; }
  void unlock_shared() noexcept {}
  future<> lock() noexcept { return make_ready_future<>(); }
  bool try_lock() noexcept { return false; }
  void unlock() noexcept {}
};

template <typename Func>
futurize_t<std::invoke_result_t<Func>> with_shared(shared_mutex& sm, Func&& func) noexcept {
  (void)sm;
  return futurize_invoke(std::forward<Func>(func));
}
template <typename Lock, typename Func>
futurize_t<std::invoke_result_t<Func>> with_lock(Lock& lock, Func&& func) noexcept {
  (void)lock;
  return futurize_invoke(std::forward<Func>(func));
}

}  // namespace seastar
