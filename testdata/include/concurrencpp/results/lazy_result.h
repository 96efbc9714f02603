// Test stand-in for concurrencpp's <concurrencpp/results/lazy_result.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <concurrencpp/results/result.h>

#include <coroutine>
#include <utility>

namespace concurrencpp {

// Lazy coroutine result: runs when awaited, or when run() turns it into an
// eager result<type>.
template <class type>
class lazy_result {
 public:
  lazy_result() noexcept = default;
  explicit lazy_result(std::coroutine_handle<> state) noexcept : m_state(state) {}
  lazy_result(lazy_result&& rhs) noexcept : m_state(std::exchange(rhs.m_state, {})) {}
  lazy_result& operator=(lazy_result&& rhs) noexcept {
    std::swap(m_state, rhs.m_state);
    return *this;
  }
  lazy_result(const lazy_result&) = delete;
  lazy_result& operator=(const lazy_result&) = delete;
  ~lazy_result() {
    if (m_state) m_state.destroy();
  }

  explicit operator bool() const noexcept { return static_cast<bool>(m_state); }
  result_status status() const { return result_status::idle; }

  auto operator co_await() { return corolint_standin::awaiter<type>{}; }
  auto resolve() { return corolint_standin::awaiter<lazy_result<type>>{}; }
  result<type> run() { return {}; }

 private:
  std::coroutine_handle<> m_state;
};

}  // namespace concurrencpp
