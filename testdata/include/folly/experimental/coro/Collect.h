// Test stand-in for folly's <folly/experimental/coro/Collect.h> (forwards to <folly/coro/Collect.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Collect.h>
