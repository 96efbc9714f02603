// Test stand-in for QCoro's <qcoro/qcorotimer.h> (sleepFor/sleepUntil only; no QTimer wrapper), written for corolint's tests.
#pragma once
#include <qcoro/qcorotask.h>

#include <chrono>

namespace QCoro {

// co_await QCoro::sleepFor(100ms): suspends without blocking the event loop.
template <typename Rep, typename Period>
Task<> sleepFor(const std::chrono::duration<Rep, Period>& timeout) {
  (void)timeout;
  co_return;
}
template <typename Clock, typename Duration>
Task<> sleepUntil(const std::chrono::time_point<Clock, Duration>& timepoint) {
  (void)timepoint;
  co_return;
}

}  // namespace QCoro
