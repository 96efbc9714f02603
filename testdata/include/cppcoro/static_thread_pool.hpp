// Test stand-in for cppcoro's <cppcoro/static_thread_pool.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <cstdint>

namespace cppcoro {

class static_thread_pool {
 public:
  // co_await pool.schedule() resumes the caller on a pool thread.
  class schedule_operation : public corolint_standin::awaiter<void> {};

  static_thread_pool() = default;
  explicit static_thread_pool(std::uint32_t threadCount) { (void)threadCount; }
  static_thread_pool(const static_thread_pool&) = delete;
  static_thread_pool& operator=(const static_thread_pool&) = delete;
  ~static_thread_pool() = default;

  std::uint32_t thread_count() const noexcept { return 1; }
  [[nodiscard]] schedule_operation schedule() noexcept { return {}; }
};

}  // namespace cppcoro
