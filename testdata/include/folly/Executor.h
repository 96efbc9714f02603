// Test stand-in for folly's <folly/Executor.h>, written for corolint's tests.
#pragma once
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

namespace folly {

using Func = std::function<void()>;  // folly::Function<void()> upstream

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void add(Func func) = 0;
  virtual void addWithPriority(Func func, std::int8_t priority) {
    (void)priority;
    add(std::move(func));
  }

  // Keeps an executor alive; implicitly constructible from Executor*.
  template <typename ExecutorT = Executor>
  class KeepAlive {
   public:
    KeepAlive() = default;
    template <typename OtherExecutor,
              typename = std::enable_if_t<
                  std::is_convertible_v<OtherExecutor*, ExecutorT*>>>
    /* implicit */ KeepAlive(OtherExecutor* executor) : executor_(executor) {}
    template <typename OtherExecutor,
              typename = std::enable_if_t<
                  std::is_convertible_v<OtherExecutor*, ExecutorT*>>>
    /* implicit */ KeepAlive(KeepAlive<OtherExecutor>&& other) noexcept
        : executor_(other.get()) {}
    KeepAlive(const KeepAlive&) = default;
    KeepAlive(KeepAlive&&) noexcept = default;
    KeepAlive& operator=(const KeepAlive&) = default;
    KeepAlive& operator=(KeepAlive&&) noexcept = default;

    ExecutorT* get() const { return executor_; }
    ExecutorT* operator->() const { return executor_; }
    ExecutorT& operator*() const { return *executor_; }
    explicit operator bool() const { return executor_ != nullptr; }
    KeepAlive copy() const { return *this; }
    template <class F>
    void add(F&& f) && {
      (void)f;
    }

   private:
    ExecutorT* executor_ = nullptr;
  };

  template <typename ExecutorT>
  static KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT* executor) {
    return KeepAlive<ExecutorT>(executor);
  }
};

template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT* executor) {
  return Executor::KeepAlive<ExecutorT>(executor);
}
template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT& executor) {
  return Executor::KeepAlive<ExecutorT>(&executor);
}

// An executor the caller has to drive (folly/executors/DrivableExecutor.h).
class DrivableExecutor : public virtual Executor {
 public:
  virtual void drive() = 0;
};

class SequencedExecutor : public virtual Executor {};

}  // namespace folly
