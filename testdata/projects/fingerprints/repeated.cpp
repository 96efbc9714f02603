#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

task retry() {
  std::this_thread::sleep_for(1ms);
  co_await next_event();
  std::this_thread::sleep_for(1ms);
  co_await next_event();
  std::this_thread::sleep_for(1ms);
  co_await next_event();
  std::this_thread::sleep_for(1ms);
  co_await next_event();
}

task again() {
  std::this_thread::sleep_for(1ms);
  co_await next_event();
}
