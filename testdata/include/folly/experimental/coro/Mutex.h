// Test stand-in for folly's <folly/experimental/coro/Mutex.h> (forwards to <folly/coro/Mutex.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Mutex.h>
