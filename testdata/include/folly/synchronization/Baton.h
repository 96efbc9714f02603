// Test stand-in for folly's <folly/synchronization/Baton.h>, written for corolint's tests.
#pragma once
#include <atomic>
#include <chrono>

namespace folly {

// Thread-blocking one-shot signal (contrast folly::coro::Baton).
template <bool MayBlock = true, template <typename> class Atom = std::atomic>
class Baton {
 public:
  constexpr Baton() noexcept = default;
  Baton(const Baton&) = delete;
  Baton& operator=(const Baton&) = delete;

  bool ready() const noexcept { return false; }
  void reset() noexcept {}
  void post() noexcept {}
  // Blocks the calling thread until post().
  void wait() noexcept {}
  bool try_wait() const noexcept { return false; }
  template <typename Rep, typename Period>
  bool try_wait_for(const std::chrono::duration<Rep, Period>& timeout) noexcept {
    (void)timeout;
    return false;
  }
  template <typename Clock, typename Duration>
  bool try_wait_until(
      const std::chrono::time_point<Clock, Duration>& deadline) noexcept {
    (void)deadline;
    return false;
  }
};

}  // namespace folly
