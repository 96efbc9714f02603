// Test stand-in for concurrencpp's <concurrencpp/results/resume_on.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <memory>

namespace concurrencpp {

namespace details {
template <class executor_type>
class resume_on_awaitable : public std::suspend_always {
 public:
  explicit resume_on_awaitable(executor_type& executor) noexcept : m_executor(executor) {}
  resume_on_awaitable(const resume_on_awaitable&) = delete;
  resume_on_awaitable(resume_on_awaitable&&) = delete;
  resume_on_awaitable& operator=(const resume_on_awaitable&) = delete;
  resume_on_awaitable& operator=(resume_on_awaitable&&) = delete;
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const {}

 private:
  executor_type& m_executor;
};
}  // namespace details

// co_await resume_on(executor): continue the coroutine on that executor.
template <class executor_type>
auto resume_on(std::shared_ptr<executor_type> executor) {
  return details::resume_on_awaitable<executor_type>(*executor);
}
template <class executor_type>
auto resume_on(executor_type& executor) noexcept {
  return details::resume_on_awaitable<executor_type>(executor);
}

}  // namespace concurrencpp
