// Test stand-in for folly's <folly/experimental/coro/AsyncScope.h> (forwards to <folly/coro/AsyncScope.h>), written for corolint's tests.
#pragma once
#include <folly/coro/AsyncScope.h>
