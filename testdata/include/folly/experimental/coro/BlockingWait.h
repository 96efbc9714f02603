// Test stand-in for folly's <folly/experimental/coro/BlockingWait.h> (forwards to <folly/coro/BlockingWait.h>), written for corolint's tests.
#pragma once
#include <folly/coro/BlockingWait.h>
