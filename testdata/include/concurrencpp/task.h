// Test stand-in for concurrencpp's <concurrencpp/task.h>, written for corolint's tests.
#pragma once
#include <utility>

namespace concurrencpp {

// Type-erased, move-only callable that executors run.
class task {
 public:
  task() noexcept = default;
  template <class callable_type>
  task(callable_type&& callable) {
    (void)callable;
  }
  task(task&&) noexcept = default;
  task& operator=(task&&) noexcept = default;
  void operator()() {}
  explicit operator bool() const noexcept { return true; }
};

}  // namespace concurrencpp
