// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// A coroutine type no catalog describes: its library's timer is unknown,
// so nothing is offered, though the sleep is still reported.
#include <chrono>
#include <coroutine>
#include <thread>

struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

job tick() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_await std::suspend_always{};
}
