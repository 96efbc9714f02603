// Test stand-in for folly's <folly/coro/Sleep.h>, written for corolint's tests.
#pragma once
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>

namespace folly::coro {

// co_await folly::coro::sleep(10ms): suspends without blocking the thread.
Task<void> sleep(HighResDuration d, Timekeeper* tk = nullptr);
Task<void> sleepReturnEarlyOnCancel(HighResDuration d, Timekeeper* tk = nullptr);

}  // namespace folly::coro
