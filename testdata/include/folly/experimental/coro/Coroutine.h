// Test stand-in for folly's <folly/experimental/coro/Coroutine.h> (forwards to <folly/coro/Coroutine.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Coroutine.h>
