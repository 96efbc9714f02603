// Test stand-in for folly's <folly/experimental/coro/BoundedQueue.h> (forwards to <folly/coro/BoundedQueue.h>), written for corolint's tests.
#pragma once
#include <folly/coro/BoundedQueue.h>
