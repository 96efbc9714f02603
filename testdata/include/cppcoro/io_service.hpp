// Test stand-in for cppcoro's <cppcoro/io_service.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <chrono>
#include <cstdint>

namespace cppcoro {

class io_service {
 public:
  class schedule_operation : public corolint_standin::awaiter<void> {};
  class timed_schedule_operation : public corolint_standin::awaiter<void> {};

  io_service() = default;
  io_service(const io_service&) = delete;
  io_service& operator=(const io_service&) = delete;

  // Runs the event loop on the calling thread until stop() is called.
  std::uint64_t process_events() { return 0; }
  std::uint64_t process_pending_events() { return 0; }
  void stop() noexcept {}
  schedule_operation schedule() noexcept { return {}; }
  // co_await io.schedule_after(d): resumes on the event loop after d.
  template <typename REP, typename RATIO>
  [[nodiscard]] timed_schedule_operation schedule_after(
      const std::chrono::duration<REP, RATIO>& delay) noexcept {
    (void)delay;
    return {};
  }
};

}  // namespace cppcoro
