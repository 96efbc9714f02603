// Test stand-in for folly's <folly/experimental/coro/CurrentExecutor.h> (forwards to <folly/coro/CurrentExecutor.h>), written for corolint's tests.
#pragma once
#include <folly/coro/CurrentExecutor.h>
