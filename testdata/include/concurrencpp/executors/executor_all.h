// Test stand-in for concurrencpp's <concurrencpp/executors/executor_all.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/executors/executor.h>

#include <chrono>
#include <cstddef>
#include <span>
#include <string_view>

namespace concurrencpp {

#define COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES                   \
  void enqueue(concurrencpp::task task) override { (void)task; }          \
  void enqueue(std::span<concurrencpp::task> tasks) override { (void)tasks; } \
  int max_concurrency_level() const noexcept override { return 1; }       \
  bool shutdown_requested() const override { return false; }              \
  void shutdown() override {}

class inline_executor final : public derivable_executor<inline_executor> {
 public:
  inline_executor() : derivable_executor("inline_executor") {}
  COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES
};

class thread_pool_executor final : public derivable_executor<thread_pool_executor> {
 public:
  thread_pool_executor(std::string_view pool_name, std::size_t pool_size,
                       std::chrono::milliseconds max_idle_time)
      : derivable_executor(pool_name) {
    (void)pool_size;
    (void)max_idle_time;
  }
  COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES
};

class thread_executor final : public derivable_executor<thread_executor> {
 public:
  thread_executor() : derivable_executor("thread_executor") {}
  COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES
};

class worker_thread_executor final : public derivable_executor<worker_thread_executor> {
 public:
  worker_thread_executor() : derivable_executor("worker_thread_executor") {}
  COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES
};

class manual_executor final : public derivable_executor<manual_executor> {
 public:
  manual_executor() : derivable_executor("manual_executor") {}
  COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES
  std::size_t loop(std::size_t max_count) {
    (void)max_count;
    return 0;
  }
  std::size_t loop_once() { return 0; }
  std::size_t size() const noexcept { return 0; }
  bool empty() const noexcept { return true; }
};

#undef COROLINT_STANDIN_CONCURRENCPP_EXECUTOR_OVERRIDES

}  // namespace concurrencpp
