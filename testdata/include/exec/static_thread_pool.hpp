// Test stand-in for stdexec's <exec/static_thread_pool.hpp>, written for corolint's tests.
#pragma once
#include <stdexec/execution.hpp>

#include <cstdint>

namespace exec {

struct static_thread_pool {
  class scheduler {
   public:
    stdexec::__sender<> schedule() const noexcept { return {}; }
    friend bool operator==(const scheduler&, const scheduler&) noexcept { return true; }
  };

  static_thread_pool() = default;
  explicit static_thread_pool(std::uint32_t threadCount) { (void)threadCount; }
  static_thread_pool(const static_thread_pool&) = delete;

  scheduler get_scheduler() noexcept { return {}; }
  void request_stop() noexcept {}
  std::uint32_t available_parallelism() const { return 1; }
};

}  // namespace exec
