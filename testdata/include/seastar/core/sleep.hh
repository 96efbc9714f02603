// Test stand-in for seastar's <seastar/core/sleep.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/timer.hh>

#include <chrono>

namespace seastar {

class abort_source;

// Resolves after dur without blocking the reactor thread.
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur) {
  (void)dur;
  return make_ready_future<>();
}

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur) {
  (void)dur;
  return make_ready_future<>();
}
template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur, abort_source& as) {
  (void)dur;
  (void)as;
  return make_ready_future<>();
}

}  // namespace seastar
