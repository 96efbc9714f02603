// Test stand-in for concurrencpp's <concurrencpp/threads/async_condition_variable.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/threads/async_lock.h>

#include <memory>

namespace concurrencpp {

class async_condition_variable {
 public:
  async_condition_variable() noexcept = default;
  async_condition_variable(const async_condition_variable&) = delete;

  lazy_result<void> await(std::shared_ptr<executor> resume_executor, scoped_async_lock& lock);
  template <class predicate_type>
  lazy_result<void> await(std::shared_ptr<executor> resume_executor, scoped_async_lock& lock,
                          predicate_type pred) {
    (void)resume_executor;
    (void)lock;
    (void)pred;
    return {};
  }
  void notify_one() {}
  void notify_all() {}
};

}  // namespace concurrencpp
