// Test stand-in for libcoro's <coro/time.hpp>, written for corolint's tests.
#pragma once
#include <chrono>

namespace coro {
using clock = std::chrono::steady_clock;
using time_point = clock::time_point;
}  // namespace coro
