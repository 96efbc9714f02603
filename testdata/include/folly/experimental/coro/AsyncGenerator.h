// Test stand-in for folly's <folly/experimental/coro/AsyncGenerator.h> (forwards to <folly/coro/AsyncGenerator.h>), written for corolint's tests.
#pragma once
#include <folly/coro/AsyncGenerator.h>
