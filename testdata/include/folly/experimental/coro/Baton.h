// Test stand-in for folly's <folly/experimental/coro/Baton.h> (forwards to <folly/coro/Baton.h>), written for corolint's tests.
#pragma once
#include <folly/coro/Baton.h>
