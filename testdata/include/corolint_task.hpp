// A hand-written task type for corolint's tests: the smallest promise that
// makes a function a coroutine, plus awaitables with known suspend behaviour.
#pragma once
#include <coroutine>

namespace testing_task {

template <class T = void> struct task;

template <class T> struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};

template <class T> struct task {
  struct promise_type : promise_base<T> {
    task get_return_object() { return {}; }
    void return_value(T) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() { return T{}; }
};

template <> struct task<void> {
  struct promise_type : promise_base<void> {
    task get_return_object() { return {}; }
    void return_void() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};

template <class T> struct generator {
  struct promise_type : promise_base<T> {
    generator get_return_object() { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
  };
};

} // namespace testing_task
