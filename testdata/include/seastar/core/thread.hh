// Test stand-in for seastar's <seastar/core/thread.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <type_traits>
#include <utility>

namespace seastar {

struct thread_attributes {};

// A stackful fiber; inside it future::get() may block the fiber.
class thread {
 public:
  thread() = default;
  template <typename Func>
  explicit thread(Func func) {
    (void)func;
  }
  template <typename Func>
  thread(thread_attributes attr, Func func) {
    (void)attr;
    (void)func;
  }
  thread(thread&&) noexcept = default;
  thread& operator=(thread&&) noexcept = default;

  future<> join() { return make_ready_future<>(); }

  static void yield() {}
  static bool should_yield() { return false; }
  static void maybe_yield() {}
  static bool running_in_thread() { return false; }
};

// Runs func in a new seastar::thread.
template <typename Func, typename... Args>
futurize_t<std::invoke_result_t<Func, Args...>> async(Func&& func, Args&&... args) noexcept {
  return futurize_invoke(std::forward<Func>(func), std::forward<Args>(args)...);
}

}  // namespace seastar
