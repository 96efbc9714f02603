// Test stand-in for libcoro's <coro/poll.hpp>, written for corolint's tests.
#pragma once
#include <cstdint>

namespace coro {
enum class poll_op : std::uint64_t { read, write, read_write };
enum class poll_status { event, timeout, error, closed };
}  // namespace coro
