// Test stand-in for concurrencpp's <concurrencpp/runtime/runtime.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/executors/executor_all.h>
#include <concurrencpp/timers/timer_queue.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>

namespace concurrencpp {

struct runtime_options {
  std::size_t max_cpu_threads = 1;
  std::chrono::milliseconds max_thread_pool_executor_waiting_time{};
  std::size_t max_background_threads = 1;
  std::chrono::milliseconds max_background_executor_waiting_time{};
  std::chrono::milliseconds max_timer_queue_waiting_time{};
};

class runtime {
 public:
  runtime() = default;
  explicit runtime(const runtime_options& options) { (void)options; }
  runtime(const runtime&) = delete;

  std::shared_ptr<concurrencpp::timer_queue> timer_queue() const noexcept { return nullptr; }
  std::shared_ptr<concurrencpp::inline_executor> inline_executor() const noexcept { return nullptr; }
  std::shared_ptr<concurrencpp::thread_pool_executor> thread_pool_executor() const noexcept {
    return nullptr;
  }
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const noexcept {
    return nullptr;
  }
  std::shared_ptr<concurrencpp::thread_executor> thread_executor() const noexcept {
    return nullptr;
  }
  std::shared_ptr<concurrencpp::worker_thread_executor> make_worker_thread_executor() {
    return nullptr;
  }
  std::shared_ptr<concurrencpp::manual_executor> make_manual_executor() { return nullptr; }
};

}  // namespace concurrencpp
