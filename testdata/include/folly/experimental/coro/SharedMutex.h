// Test stand-in for folly's <folly/experimental/coro/SharedMutex.h> (forwards to <folly/coro/SharedMutex.h>), written for corolint's tests.
#pragma once
#include <folly/coro/SharedMutex.h>
