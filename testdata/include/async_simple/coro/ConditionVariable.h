// Test stand-in for async_simple's <async_simple/coro/ConditionVariable.h>,
// written for corolint's tests: wait(lock, pred) releases lock until
// notified.
#pragma once
#include <async_simple/coro/Lazy.h>

namespace async_simple::coro {

template <class Lock>
class ConditionVariable {
 public:
  template <class Pred>
  Lazy<> wait(Lock &lock, Pred &&pred) noexcept {
    (void)lock;
    (void)pred;
    return corolint_standin::unreachable<Lazy<>>();
  }
  void notifyOne() noexcept;
  void notifyAll() noexcept;
  void notify() noexcept { notifyAll(); }
};

}  // namespace async_simple::coro
