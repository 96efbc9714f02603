// Test stand-in for libcoro's <coro/expected.hpp>, written for corolint's tests.
#pragma once
#include <coro/detail/tl_expected.hpp>

namespace coro {
// Upstream: std::expected when available, else the bundled tl::expected
// (always the latter with GCC 12's libstdc++ in C++20 mode).
template <typename T, typename E>
using expected = tl::expected<T, E>;
template <typename E>
using unexpected = tl::unexpected<E>;
}  // namespace coro
