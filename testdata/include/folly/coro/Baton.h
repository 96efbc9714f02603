// Test stand-in for folly's <folly/coro/Baton.h>, written for corolint's tests.
#pragma once
#include <folly/coro/Coroutine.h>

namespace folly::coro {

// One-shot async signal: co_await baton; another party calls post().
class Baton {
 public:
  class WaitOperation {
   public:
    explicit WaitOperation(const Baton& baton) noexcept : baton_(baton) {}
    bool await_ready() const noexcept { return baton_.ready(); }
    bool await_suspend(coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}

   private:
    const Baton& baton_;
  };

  explicit Baton(bool initiallySignalled = false) noexcept {
    (void)initiallySignalled;
  }
  Baton(const Baton&) = delete;
  Baton& operator=(const Baton&) = delete;

  bool ready() const noexcept { return false; }
  [[nodiscard]] WaitOperation operator co_await() const noexcept {
    return WaitOperation{*this};
  }
  void post() noexcept {}
  void reset() noexcept {}
};

}  // namespace folly::coro
