// Test stand-in for libunifex's <unifex/scheduler_concepts.hpp>, written for corolint's tests.
#pragma once
#include <unifex/sender_concepts.hpp>

namespace unifex {
namespace _schedule {
struct _fn {
  template <class Scheduler>
  auto operator()(Scheduler&& sched) const -> decltype(sched.schedule()) {
    return sched.schedule();
  }
};
}  // namespace _schedule
inline constexpr _schedule::_fn schedule{};
}  // namespace unifex
