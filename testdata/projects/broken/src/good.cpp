#include <chrono>
#include <coroutine>
#include <thread>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

task heartbeat() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
