// Test stand-in for seastar's <seastar/core/timer.hh> (clock alias only), written for corolint's tests.
#pragma once
#include <chrono>

namespace seastar {
using steady_clock_type = std::chrono::steady_clock;
}  // namespace seastar
