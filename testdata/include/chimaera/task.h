// Stand-in for Chimaera's task types (iowarp context-runtime,
// chimaera/task.h), for corolint's tests: the coroutine type of runtime
// methods and the future of a submitted task, which can be awaited or
// waited for.
#pragma once
#include <atomic>
#include <coroutine>
#include <cstdint>

namespace chi {

using u32 = uint32_t;

struct TaskResume {
  struct promise_type {
    TaskResume get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

template <typename TaskT> class Future {
public:
  bool IsComplete() const { return complete_ && complete_->load() != 0; }
  // Polls the completion flag, yielding the thread between polls.
  void Wait() {
    while (!IsComplete()) {
    }
  }
  TaskT *get() const { return task_; }
  TaskT *operator->() const { return task_; }
  bool await_ready() const noexcept { return IsComplete(); }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() noexcept {}

private:
  TaskT *task_ = nullptr;
  std::atomic<u32> *complete_ = nullptr;
};

// Gives the worker to other tasks for about `us` microseconds.
struct YieldAwaiter {
  double us = 0;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
inline YieldAwaiter yield(double us = 0) { return {us}; }

} // namespace chi
