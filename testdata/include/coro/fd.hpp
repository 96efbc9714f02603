// Test stand-in for libcoro's <coro/fd.hpp>, written for corolint's tests.
#pragma once

namespace coro {
using fd_t = int;
}  // namespace coro
