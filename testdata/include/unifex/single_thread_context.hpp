// Test stand-in for libunifex's <unifex/single_thread_context.hpp>, written for corolint's tests.
#pragma once
#include <unifex/scheduler_concepts.hpp>

namespace unifex {
namespace _single_thread {
class context {
 public:
  class scheduler {
   public:
    _standin::sender<> schedule() const noexcept { return {}; }
    friend bool operator==(const scheduler&, const scheduler&) noexcept { return true; }
  };
  context() = default;
  context(const context&) = delete;
  scheduler get_scheduler() noexcept { return {}; }
};
}  // namespace _single_thread
using single_thread_context = _single_thread::context;
}  // namespace unifex
