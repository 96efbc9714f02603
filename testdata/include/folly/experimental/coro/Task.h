// Test stand-in for folly's <folly/experimental/coro/Task.h> (forwards to <folly/coro/Task.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Task.h>
