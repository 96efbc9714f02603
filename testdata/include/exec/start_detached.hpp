// Test stand-in for stdexec's <exec/start_detached.hpp>, written for corolint's tests.
#pragma once
#include <stdexec/execution.hpp>

namespace exec {

// Newer stdexec's home of start_detached (stdexec::start_detached is
// deprecated there).
using start_detached_t = stdexec::start_detached_t;
inline constexpr start_detached_t start_detached{};

}  // namespace exec
