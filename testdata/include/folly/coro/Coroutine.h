// Test stand-in for folly's <folly/coro/Coroutine.h>, written for corolint's tests.
#pragma once
#include <coroutine>

namespace folly::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace folly::coro
