// Test stand-in for seastar's <seastar/core/later.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {

// Returns a future that resolves after other ready tasks have run.
future<> yield() noexcept;
future<> later() noexcept;
// Like yield(), but only if the reactor wants to preempt.
future<> maybe_yield() noexcept;

}  // namespace seastar
