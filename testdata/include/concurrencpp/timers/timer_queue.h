// Test stand-in for concurrencpp's <concurrencpp/timers/timer_queue.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/executors/executor.h>
#include <concurrencpp/results/lazy_result.h>

#include <chrono>
#include <memory>

namespace concurrencpp {

class timer {
 public:
  timer() noexcept = default;
  void cancel() {}
  explicit operator bool() const noexcept { return true; }
};

class timer_queue : public std::enable_shared_from_this<timer_queue> {
 public:
  // co_await tq->make_delay_object(100ms, executor): suspends without
  // blocking, resumes on executor.
  lazy_result<void> make_delay_object(std::chrono::milliseconds due_time,
                                      std::shared_ptr<concurrencpp::executor> executor);
  template <class callable_type, class... argumet_types>
  timer make_timer(std::chrono::milliseconds due_time, std::chrono::milliseconds frequency,
                   std::shared_ptr<concurrencpp::executor> executor, callable_type&& callable,
                   argumet_types&&... arguments) {
    (void)due_time;
    (void)frequency;
    (void)executor;
    (void)callable;
    ((void)arguments, ...);
    return {};
  }
};

}  // namespace concurrencpp
