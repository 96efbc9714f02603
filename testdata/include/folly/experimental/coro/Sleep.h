// Test stand-in for folly's <folly/experimental/coro/Sleep.h> (forwards to <folly/coro/Sleep.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Sleep.h>
