#include "task.h"
#include <chrono>
#include <thread>

// Windows line endings.
task wait_a_bit() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  co_await next_event();
}
