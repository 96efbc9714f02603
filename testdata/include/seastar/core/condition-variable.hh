// Test stand-in for seastar's <seastar/core/condition-variable.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {

// wait() suspends until signal(); wait(pred) returns a ready future when
// pred() already holds, else waits until a signal makes it true.
class condition_variable {
 public:
  future<> wait() noexcept { return future<>(ready_future_marker{}); }
  template <typename Pred>
  future<> wait(Pred &&pred) noexcept { (void)pred; return future<>(ready_future_marker{}); }
  template <typename Pred>
  future<> when(Pred &&pred) noexcept { (void)pred; return future<>(ready_future_marker{}); }
  void signal() noexcept {}
  void broadcast() noexcept {}
};

}  // namespace seastar
