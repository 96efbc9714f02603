// Test stand-in for folly's <folly/experimental/coro/Invoke.h> (forwards to <folly/coro/Invoke.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Invoke.h>
