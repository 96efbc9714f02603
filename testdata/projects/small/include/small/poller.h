// Included by two translation units: its finding must be reported once.
#pragma once
#include "small/task.h"
#include <chrono>
#include <thread>

namespace small {

inline task poll_forever() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    co_await yield_now();
  }
}

} // namespace small
