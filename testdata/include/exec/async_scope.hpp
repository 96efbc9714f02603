// Test stand-in for stdexec's <exec/async_scope.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/sender.hpp>
#include <stdexec/execution.hpp>

namespace exec {

namespace __scope {
// Tracks eagerly started work; co_await / sync_wait scope.on_empty()
// before destroying the scope.
struct async_scope {
  async_scope() noexcept = default;
  async_scope(const async_scope&) = delete;
  async_scope& operator=(const async_scope&) = delete;
  ~async_scope() = default;

  // Starts the sender now; its result is dropped.
  template <stdexec::sender _Sender>
  void spawn(_Sender&& __sndr) {
    (void)__sndr;
  }
  // Starts the sender now; the returned sender yields its result.
  template <stdexec::sender _Sender>
  std::remove_cvref_t<_Sender> spawn_future(_Sender&& __sndr) {
    return static_cast<_Sender&&>(__sndr);
  }
  // Wraps a sender so the scope tracks it once started.
  template <stdexec::sender _Sender>
  std::remove_cvref_t<_Sender> nest(_Sender&& __sndr) {
    return static_cast<_Sender&&>(__sndr);
  }
  stdexec::__sender<> on_empty() const { return {}; }
  bool request_stop() noexcept { return true; }
};
}  // namespace __scope

using __scope::async_scope;

}  // namespace exec
